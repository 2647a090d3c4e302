"""Audit: rules about how the ledger changed, over a range of commits (`audit BASE..HEAD`).

The rules compare the files at the start of the range with the files at its end, and name
the commit in the range that broke each one. A later commit that puts things right (the
deleted item restored, the due date set back) clears the finding, so every finding can
be fixed with a new commit, without rewriting history. What happened before the range is
used as knowledge (which ids were ever used) but never reported.

- PL500 a project file was deleted (retire the project instead);
- PL501 an item was deleted (withdraw it, or keep it);
- PL502 an id was reused: an id that had disappeared came back for a different item, or
  an id moved to another list;
- PL503 a closed issue (已销号) changed without being reopened through a recorded return;
- PL504 a deadline's `due` changed (the original date stays; extensions carry new dates);
- PL505 an existing extension of a deadline was edited or removed.
"""

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from projledger.errors import ProjledgerError
from projledger.findings import Finding
from projledger.history.diff import ITEM_LISTS, diff_items, item_ids, items_of
from projledger.history.gitlog import Commit, LogEntry, tree_blobs
from projledger.history.timeline import LedgerHistory, Step
from projledger.history.values import Json, display
from projledger.root import LedgerRoot

CLOSED = "已销号"
MANY_PATHS = 500
"""Above this many files, the second `git log` reads the whole projects folder."""

_LABELS = {
    "issues": "issue",
    "tasks": "task",
    "responsibilities": "responsibility",
    "deadlines": "deadline",
}
_INSTEAD = {
    "issues": "withdraw it instead (state: 已撤销 with a withdrawal record)",
    "tasks": "keep it instead, and say in its note why it no longer applies",
    "responsibilities": "keep it instead, and change its person, unit or duties",
    "deadlines": "keep it instead; a new date is an appended extension",
}


@dataclass
class AuditResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    """Project files changed in the range."""
    texts: dict[str, str] = field(default_factory=dict)
    """The end version of each file with findings, to show the offending lines."""


def audit_findings(
    root: LedgerRoot,
    base_rev: str,
    head_rev: str = "HEAD",
    *,
    cwd: Path | None = None,
    use_cache: bool = True,
) -> list[Finding]:
    """Findings of the history rules (PL5xx) for the commits in `base_rev..head_rev`."""
    return audit_range(root, base_rev, head_rev, cwd=cwd, use_cache=use_cache).findings


def audit_range(
    root: LedgerRoot,
    base_rev: str,
    head_rev: str = "HEAD",
    *,
    cwd: Path | None = None,
    use_cache: bool = True,
) -> AuditResult:
    history = LedgerHistory(root, use_cache=use_cache)
    try:
        return _Audit(history, cwd or Path.cwd()).run(base_rev, head_rev)
    finally:
        history.close()


def _commit_id(history: LedgerHistory, revision: str) -> str:
    try:
        return history.repo.git(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
        )
    except ProjledgerError:
        raise ProjledgerError(f"{revision!r} is not a commit of this repository") from None


@dataclass
class _Known:
    """What the history before the range knows of an id: its list, and the item as it last was."""

    list_name: str
    item: Json


@dataclass
class _File:
    """One project file changed in the range."""

    path: str
    before: list[Step]
    steps: list[Step]
    base: Json
    head: Json
    at_base: bool
    at_head: bool


class _Audit:
    def __init__(self, history: LedgerHistory, cwd: Path) -> None:
        self.history = history
        self.cwd = cwd
        self.result = AuditResult()
        self.fork_short = ""
        self.head_short = ""

    def run(self, base_rev: str, head_rev: str) -> AuditResult:
        history = self.history
        base, head = _commit_id(history, base_rev), _commit_id(history, head_rev)
        try:
            fork: str | None = history.repo.git("merge-base", base, head)
        except ProjledgerError:
            fork = None  # unrelated histories: nothing came before the range
        self.fork_short, self.head_short = (fork or base)[:8], head[:8]
        in_range = history.log(revisions=[f"{base}..{head}"])
        paths = sorted({change.path for entry in in_range for change in entry.files})
        self.result.files = len(paths)
        if not paths:
            return self.result
        base_blobs = tree_blobs(history.repo, fork, history.projects_dir) if fork else {}
        head_blobs = tree_blobs(history.repo, head, history.projects_dir)
        ends = [blobs[p] for blobs in (base_blobs, head_blobs) for p in paths if p in blobs]
        data = history.store.load(ends)

        def ids(blobs: dict[str, str], path: str) -> set[str]:
            return item_ids(data[blobs[path]]) if path in blobs else set()

        # Only where the end holds ids the start does not can an id have come back, and
        # only then is the file's earlier history read (a second `git log`, these files).
        earlier = [
            path
            for path in paths
            if (path in base_blobs and data[base_blobs[path]] is None)
            or ids(head_blobs, path) - ids(base_blobs, path)
        ]
        before: list[LogEntry] = []
        if fork is not None and earlier:
            limit = earlier if len(earlier) <= MANY_PATHS else None
            before = _only(history.log(revisions=[fork], paths=limit), set(earlier))
        steps_before = _by_path(history.steps(before))
        steps_in = _by_path(history.steps(in_range))
        for path in paths:
            prior = steps_before.get(path, [])
            base_data = data[base_blobs[path]] if path in base_blobs else None
            if base_data is None and path in base_blobs:  # unreadable then: its last readable
                base_data = next((s.new for s in reversed(prior) if s.new is not None), {})
            file = _File(
                path,
                prior,
                steps_in.get(path, []),
                base_data,
                data[head_blobs[path]] if path in head_blobs else None,
                path in base_blobs,
                path in head_blobs,
            )
            self._audit_file(file, head_blobs.get(path))
        self.result.findings.sort(key=Finding.sort_key)
        return self.result

    # --- the rules -----------------------------------------------------------------------

    def _audit_file(self, file: _File, head_blob: str | None) -> None:
        findings: list[Finding] = []
        shown = self._display(file.path)
        if file.at_base and not file.at_head:
            deleted_in = _last(file.steps, lambda s: s.new is None and s.old is not None)
            findings.append(
                Finding.of(
                    "PL500",
                    f"{file.path} was deleted in {self._where(deleted_in)}; project files are "
                    f"never deleted: restore it (git checkout {self._before(deleted_in)} -- "
                    f"{file.path}) and retire the project instead (pool: 退库 with a "
                    "retirement record)",
                    shown,
                )
            )
        elif file.at_head and isinstance(file.head, dict):
            findings.extend(self._item_rules(file, shown))
        if findings:
            self.result.findings.extend(self._placed(findings, head_blob))

    def _item_rules(self, file: _File, shown: str) -> list[Finding]:
        head, base = file.head, file.base if isinstance(file.base, dict) else {}
        head_items = _all_items(head)
        base_items = _all_items(base)
        readable = [s for s in file.steps if s.readable and isinstance(s.new, dict)]
        findings: list[Finding] = []

        for item_id, (list_name, item) in base_items.items():
            if item_id in head_items:
                continue
            removed_in = _last(readable, _removes(item_id))
            findings.append(
                Finding.of(
                    "PL501",
                    f"{_LABELS[list_name]} {item_id} ({_title(item)}) was removed from "
                    f"{list_name} in {self._where(removed_in)}; items are never deleted: "
                    f"restore it as it was and {_INSTEAD[list_name]}",
                    shown,
                    (list_name,),
                )
            )

        known = _known_before(file.before)
        for item_id, (list_name, item) in head_items.items():
            index = _index(head, list_name, item_id)
            added_in = _last(readable, _adds(item_id, list_name))
            earlier = base_items.get(item_id)
            if earlier is None and item_id in known:
                earlier = (known[item_id].list_name, known[item_id].item)
            if earlier is None:
                continue
            old_list, old_item = earlier
            if old_list != list_name:
                findings.append(
                    Finding.of(
                        "PL502",
                        f"id {item_id} belongs to {old_list} ({_title(old_item)}) but is used "
                        f"in {list_name} since {self._where(added_in)}; ids are never reused: "
                        f"give this {_LABELS[list_name]} a new id",
                        shown,
                        (list_name, index, "id"),
                    )
                )
            elif item_id not in base_items:
                revived = added_in.new if added_in is not None else head
                again = items_of(revived, list_name).get(item_id, item)
                if _identity(list_name, again) != _identity(list_name, old_item):
                    findings.append(
                        Finding.of(
                            "PL502",
                            f"id {item_id} was used by another {_LABELS[list_name]} "
                            f"({_title(old_item)}), which was removed, and is used again in "
                            f"{self._where(added_in)} for {_title(again)}; ids are never "
                            "reused: give the new item a new id, and restore the old one",
                            shown,
                            (list_name, index, "id"),
                        )
                    )

        findings.extend(self._closed_issues(file, readable, base, head, shown))
        findings.extend(self._deadlines(readable, base, head, shown))
        return findings

    def _closed_issues(
        self, file: _File, steps: list[Step], base: Json, head: Json, shown: str
    ) -> list[Finding]:
        closed = {
            item_id: item
            for item_id, item in items_of(base, "issues").items()
            if isinstance(item, dict) and item.get("state") == CLOSED
        }
        changed_in: dict[str, Commit] = {}
        for step in steps:
            for item_id, item in items_of(step.new, "issues").items():
                if not isinstance(item, dict):
                    continue
                closed_as = closed.get(item_id)
                if closed_as is None:
                    if item.get("state") == CLOSED:
                        closed[item_id] = item
                elif item == closed_as:
                    changed_in.pop(item_id, None)
                elif _reopened(closed_as, item):
                    del closed[item_id]
                    changed_in.pop(item_id, None)
                else:
                    changed_in.setdefault(item_id, step.commit)
        findings = []
        head_issues = items_of(head, "issues")
        for item_id, closed_as in closed.items():
            now = head_issues.get(item_id)
            if now is None or now == closed_as:
                continue
            fields = sorted(
                {c.field or "(the whole issue)" for c in diff_items("issues", [closed_as], [now])}
            )
            findings.append(
                Finding.of(
                    "PL503",
                    f"issue {item_id} ({_title(now)}) is closed (已销号) but "
                    f"{', '.join(fields)} changed afterwards in "
                    f"{self._where(changed_in.get(item_id))}; a closed issue is not edited: "
                    "undo the change, or first reopen the issue through a recorded return "
                    "(append to returns with date and reason, state: 办理中)",
                    shown,
                    ("issues", _index(head, "issues", item_id)),
                )
            )
        return findings

    def _deadlines(self, steps: list[Step], base: Json, head: Json, shown: str) -> list[Finding]:
        reference: dict[str, tuple[Json, list[Json]]] = {
            item_id: (item.get("due"), _extensions(item))
            for item_id, item in items_of(base, "deadlines").items()
            if isinstance(item, dict)
        }
        due_changed_in: dict[str, Commit] = {}
        extension_changed_in: dict[str, Commit] = {}
        for step in steps:
            for item_id, item in items_of(step.new, "deadlines").items():
                if not isinstance(item, dict):
                    continue
                if item_id not in reference:
                    reference[item_id] = (item.get("due"), _extensions(item))
                    continue
                due, extensions = reference[item_id]
                if item.get("due") != due:
                    due_changed_in.setdefault(item_id, step.commit)
                else:
                    due_changed_in.pop(item_id, None)
                now = _extensions(item)
                if _broken(extensions, now):
                    extension_changed_in.setdefault(item_id, step.commit)
                else:
                    extension_changed_in.pop(item_id, None)
                    if len(now) > len(extensions):
                        reference[item_id] = (due, now)
        findings = []
        for item_id, item in items_of(head, "deadlines").items():
            if not isinstance(item, dict) or item_id not in reference:
                continue
            index = _index(head, "deadlines", item_id)
            due, extensions = reference[item_id]
            if item.get("due") != due and due is not None:
                findings.append(
                    Finding.of(
                        "PL504",
                        f"the due date of deadline {item_id} was changed from {display(due)} "
                        f"to {display(item.get('due'))} in "
                        f"{self._where(due_changed_in.get(item_id))}; a due date is never "
                        f"changed: set due back to {display(due)} and append an extension "
                        f"(date, new_due: {display(item.get('due'))}, reason, approver)",
                        shown,
                        ("deadlines", index, "due"),
                    )
                )
            now = _extensions(item)
            for position in _broken(extensions, now):
                what = "removed" if position >= len(now) else "edited"
                findings.append(
                    Finding.of(
                        "PL505",
                        f"extension {position + 1} of deadline {item_id} was {what} in "
                        f"{self._where(extension_changed_in.get(item_id))}; extensions are "
                        f"only appended: restore it as it was ({display(extensions[position])})"
                        " and append a new extension for a new date",
                        shown,
                        ("deadlines", index, "extensions", min(position, max(len(now) - 1, 0)))
                        if now
                        else ("deadlines", index),
                    )
                )
        return findings

    # --- naming commits and files --------------------------------------------------------

    def _where(self, step_or_commit: Step | Commit | None) -> str:
        if step_or_commit is None:
            return f"a merge between {self.fork_short} and {self.head_short}"
        commit = step_or_commit.commit if isinstance(step_or_commit, Step) else step_or_commit
        return commit.describe()

    def _before(self, step: Step | None) -> str:
        return f"{step.commit.short}^" if step is not None else self.fork_short

    def _display(self, path: str) -> str:
        full = self.history.repo.top / path
        try:
            return os.path.relpath(full, self.cwd)
        except ValueError:
            return str(full)

    def _placed(self, findings: list[Finding], head_blob: str | None) -> list[Finding]:
        """Findings with the line and column of their place in the end version."""
        from projledger.check.entries import place_findings
        from projledger.store.reader import decode

        if head_blob is None:
            return [f.at(1, 1) for f in findings]
        raw = self.history.repo.blobs([head_blob])[0]
        file = findings[0].file
        text = decode(raw, file).text
        if text is not None:
            self.result.texts[file] = text
        return place_findings(findings, text)


# --- helpers -------------------------------------------------------------------------------


def _only(entries: list[LogEntry], paths: set[str]) -> list[LogEntry]:
    kept = []
    for entry in entries:
        files = [change for change in entry.files if change.path in paths]
        if files:
            kept.append(LogEntry(entry.commit, files))
    return kept


def _by_path(steps: Iterable[Step]) -> dict[str, list[Step]]:
    grouped: dict[str, list[Step]] = defaultdict(list)
    for step in steps:
        grouped[step.file.path].append(step)
    return grouped


def _last(steps: list[Step], test: Callable[[Step], bool]) -> Step | None:
    for step in reversed(steps):
        if test(step):
            return step
    return None


def _all_items(data: Json) -> dict[str, tuple[str, Json]]:
    """Every item id of a version → (its list, the item); the first list wins."""
    found: dict[str, tuple[str, Json]] = {}
    for list_name in ITEM_LISTS:
        for item_id, item in items_of(data, list_name).items():
            if not item_id.startswith("#"):
                found.setdefault(item_id, (list_name, item))
    return found


def _removes(item_id: str) -> Callable[[Step], bool]:
    return lambda step: _has(step.old, item_id) and not _has(step.new, item_id)


def _adds(item_id: str, list_name: str) -> Callable[[Step], bool]:
    """Whether a step added the id to this list."""
    return lambda step: (
        item_id not in items_of(step.old, list_name) and item_id in items_of(step.new, list_name)
    )


def _has(data: Json, item_id: str) -> bool:
    return any(item_id in items_of(data, list_name) for list_name in ITEM_LISTS)


def _index(data: Json, list_name: str, item_id: str) -> int:
    for index, item in enumerate(data.get(list_name) or ()):
        if isinstance(item, dict) and item.get("id") == item_id:
            return index
    return 0


def _known_before(steps: list[Step]) -> dict[str, _Known]:
    """Each id ever used before the range: the list it was first used in, and its item as
    it last was."""
    known: dict[str, _Known] = {}
    for step in steps:
        if not step.readable or not isinstance(step.new, dict):
            continue
        for item_id, (list_name, item) in _all_items(step.new).items():
            first = known.get(item_id)
            known[item_id] = _Known(first.list_name if first else list_name, item)
    return known


def _identity(list_name: str, item: Json) -> object:
    """What makes an item the same item when its id comes back (a restore, not a reuse)."""
    if not isinstance(item, dict):
        return None
    if list_name == "responsibilities":
        return (item.get("role"), item.get("unit"), item.get("person"))
    if list_name == "deadlines":
        return item.get("target")
    return item.get("title")


def _title(item: Json) -> str:
    if not isinstance(item, dict):
        return "?"
    for key in ("title", "target", "duties"):
        value = item.get(key)
        if value is not None:
            return display(value)
    return display(item.get("id"))


def _reopened(closed_as: dict[str, Json], item: dict[str, Json]) -> bool:
    """Reopened through a recorded return: no longer closed, and a return appended."""
    before, after = _list(closed_as.get("returns")), _list(item.get("returns"))
    return (
        item.get("state") != CLOSED and len(after) > len(before) and after[: len(before)] == before
    )


def _extensions(item: dict[str, Json]) -> list[Json]:
    return _list(item.get("extensions"))


def _list(value: Json) -> list[Json]:
    return list(value) if isinstance(value, list) else []


def _broken(reference: list[Json], now: list[Json]) -> list[int]:
    """Positions of the reference extensions that are not kept as they were."""
    return [i for i, extension in enumerate(reference) if i >= len(now) or now[i] != extension]
