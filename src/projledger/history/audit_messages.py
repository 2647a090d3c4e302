"""The words of `projledger audit`'s findings: what broke which rule, in which commit, and
the fix (a new commit that puts back what the rule requires)."""

from dataclasses import dataclass

from projledger.findings import Finding
from projledger.history.diff import diff_items, items_of
from projledger.history.gitlog import Commit
from projledger.history.rules import Violation, extensions
from projledger.history.values import Json, display

LABELS = {
    "issues": "issue",
    "tasks": "task",
    "responsibilities": "responsibility",
    "deadlines": "deadline",
}
INSTEAD = {
    "issues": "withdraw it instead (state: 已撤销 with a withdrawal record)",
    "tasks": "keep it instead, and say in its note why it no longer applies",
    "responsibilities": "keep it instead, and change its person, unit or duties",
    "deadlines": "keep it instead; a new date is an appended extension",
}


@dataclass(frozen=True)
class Wording:
    fork_short: str
    head_short: str

    def where(self, commit: Commit | None) -> str:
        if commit is None:
            return f"a merge between {self.fork_short} and {self.head_short}"
        return commit.describe()

    def finding(
        self, v: Violation, commit: Commit | None, path: str, shown: str, head: Json
    ) -> Finding:
        """The finding of a rule broken in `commit` and not put back by the end (`head`,
        the version the range ends with)."""
        where = self.where(commit)
        item_id = v.item_id or ""
        legit = v.legit.item if v.legit is not None else None
        found = v.found.item if v.found is not None else None
        list_name = v.found.list_name if v.found is not None else ""
        at = (list_name, _index(head, list_name, item_id)) if list_name else ()
        if v.code == "PL500":
            before = f"{commit.short}^" if commit is not None else self.fork_short
            return Finding.of(
                "PL500",
                f"{path} was deleted in {where}; project files are never deleted: restore it "
                f"(git checkout {before} -- {path}) and retire the project instead (pool: 退库 "
                "with a retirement record)",
                shown,
            )
        if v.code == "PL501" and v.legit is not None:
            name = v.legit.list_name
            return Finding.of(
                "PL501",
                f"{LABELS[name]} {item_id} ({title(legit)}) was removed from {name} in "
                f"{where}; items are never deleted: restore it as it was and {INSTEAD[name]}",
                shown,
                (name,),
            )
        if v.code == "PL502" and v.legit is not None and v.found is not None:
            if v.moved:
                message = (
                    f"id {item_id} belongs to {v.legit.list_name} ({title(legit)}) but is used "
                    f"in {list_name} since {where}; ids are never reused: give this "
                    f"{LABELS[list_name]} a new id"
                )
            else:
                message = (
                    f"id {item_id} was used by another {LABELS[list_name]} ({title(legit)}), "
                    f"which was removed, and is used again in {where} for {title(found)}; ids "
                    "are never reused: give the new item a new id, and restore the old one"
                )
            return Finding.of("PL502", message, shown, (*at, "id"))
        if v.code == "PL503":
            fields = sorted(
                {c.field or "(the whole issue)" for c in diff_items("issues", [legit], [found])}
            )
            return Finding.of(
                "PL503",
                f"issue {item_id} ({title(found)}) is closed (已销号) but {', '.join(fields)} "
                f"changed afterwards in {where}; a closed issue is not edited: undo the change, "
                "or first reopen the issue through a recorded return (append to returns with "
                "date and reason, state: 办理中)",
                shown,
                at,
            )
        due, now_due = _get(legit, "due"), _get(found, "due")
        if v.code == "PL504":
            return Finding.of(
                "PL504",
                f"the due date of deadline {item_id} was changed from {display(due)} to "
                f"{display(now_due)} in {where}; a due date is never changed: set due back to "
                f"{display(due)} and append an extension (date, new_due: {display(now_due)}, "
                "reason, approver)",
                shown,
                (*at, "due"),
            )
        position = v.position or 0
        now = extensions(found) if isinstance(found, dict) else []
        if v.code == "PL505":
            was = extensions(legit) if isinstance(legit, dict) else []
            what = "removed" if position >= len(now) else "edited"
            kept = was[position] if position < len(was) else None
            return Finding.of(
                "PL505",
                f"extension {position + 1} of deadline {item_id} was {what} in {where}; "
                f"extensions are only appended: restore it as it was ({display(kept)}) and "
                "append a new extension for a new date",
                shown,
                (*at, "extensions", min(position, len(now) - 1)) if now else at,
            )
        extension = now[position] if position < len(now) else None
        return Finding.of(
            "PL506",
            f"extension {position + 1} of deadline {item_id} ({display(_get(found, 'target'))}) "
            f"is dated {display(_get(extension, 'date'))}, after its target was closed on "
            f"{v.closed_on}, in {where}; an extension after the closure would count a late "
            "closure as on time: remove it (a deadline met late stays late)",
            shown,
            (*at, "extensions", position),
        )

    def unreadable(self, raw: bytes, commit: Commit | None, shown: str) -> Finding:
        """A version that cannot be read: the reader's first finding, naming the commit."""
        from projledger.store.reader import read_yaml

        read = read_yaml(raw, shown)
        where = self.where(commit)
        if read.findings:
            first = read.findings[0]
            return Finding.of(
                first.code,
                f"{where} left the file unreadable: {first.message}",
                shown,
                line=first.line or 1,
                col=first.col or 1,
            )
        kind = "empty" if read.data is None else f"a {type(read.data).__name__}"
        return Finding.of(
            "PL100",
            f"{where} left the file unreadable: its top level is {kind}, not the project's "
            "fields; restore them in a new commit",
            shown,
            line=1,
            col=1,
        )


def title(item: Json) -> str:
    if not isinstance(item, dict):
        return "?"
    for key in ("title", "target", "duties"):
        value = item.get(key)
        if value is not None:
            return display(value)
    return display(item.get("id"))


def _index(data: Json, list_name: str, item_id: str) -> int:
    for index, item in enumerate(items_of(data, list_name).values()):
        if isinstance(item, dict) and item.get("id") == item_id:
            return index
    return 0


def _get(mapping: Json, key: str) -> Json:
    return mapping.get(key) if isinstance(mapping, dict) else None
