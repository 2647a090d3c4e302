"""The words of `projledger audit`'s findings: what broke which rule, in which commit, and
the fix (a new commit that puts back what the rule requires)."""

from dataclasses import dataclass

from projledger.findings import CODE_BY_ID, Finding
from projledger.history.diff import diff_items, items_of
from projledger.history.gitlog import Commit
from projledger.history.rules import Violation, extensions
from projledger.history.values import Json, display
from projledger.messages import Lang, Message, Renderable, composed, msg


@dataclass(frozen=True)
class Wording:
    fork_short: str
    head_short: str

    def _say(self, key: str, commit: Commit | None, **args: object) -> Message:
        """The finding's message `key`, naming the commit (or the range's merge)."""
        if commit is None:
            return msg(f"{key}.merge", fork=self.fork_short, head=self.head_short, **args)
        day = commit.author_date[:10]
        named = {"short": commit.short, "author": commit.author_name, "subject": commit.subject}
        return msg(key, day=day, **named, **args)

    def finding(
        self, v: Violation, commit: Commit | None, path: str, shown: str, head: Json
    ) -> Finding:
        """The finding of a rule broken in `commit` and not put back by the end (`head`,
        the version the range ends with)."""
        item_id = v.item_id or ""
        legit = v.legit.item if v.legit is not None else None
        found = v.found.item if v.found is not None else None
        list_name = v.found.list_name if v.found is not None else ""
        at = (list_name, _index(head, list_name, item_id)) if list_name else ()
        if v.code == "PL500":
            before = f"{commit.short}^" if commit is not None else self.fork_short
            return Finding.of("PL500", self._say("PL500", commit, path=path, before=before), shown)
        if v.code == "PL501" and v.legit is not None:
            name = v.legit.list_name
            message = self._say(
                "PL501",
                commit,
                label=f"audit.{name}",
                id=item_id,
                title=title(legit),
                list=f"audit.list.{name}",
                instead=f"audit.instead.{name}",
            )
            return Finding.of("PL501", message, shown, (name,))
        if v.code == "PL502" and v.legit is not None and v.found is not None:
            if v.moved:
                message = self._say(
                    "PL502.moved",
                    commit,
                    id=item_id,
                    was_in=f"audit.list.{v.legit.list_name}",
                    title=title(legit),
                    list=f"audit.list.{list_name}",
                    label=f"audit.{list_name}",
                )
            else:
                message = self._say(
                    "PL502.reused",
                    commit,
                    id=item_id,
                    label=f"audit.{list_name}",
                    title=title(legit),
                    new_title=title(found),
                )
            return Finding.of("PL502", message, shown, (*at, "id"))
        if v.code == "PL503":
            fields = sorted({c.field for c in diff_items("issues", [legit], [found])})
            if not fields or "" in fields:
                message = self._say("PL503.whole", commit, id=item_id, title=title(legit))
            else:
                message = self._say(
                    "PL503", commit, id=item_id, title=title(found), fields=", ".join(fields)
                )
            return Finding.of("PL503", message, shown, at)
        due, now_due = _get(legit, "due"), _get(found, "due")
        if v.code == "PL504":
            message = self._say(
                "PL504", commit, id=item_id, due=display(due), now_due=display(now_due)
            )
            return Finding.of("PL504", message, shown, (*at, "due"))
        position = v.position or 0
        now = extensions(found) if isinstance(found, dict) else []
        if v.code == "PL505":
            was = extensions(legit) if isinstance(legit, dict) else []
            what = "audit.removed" if position >= len(now) else "audit.edited"
            kept = was[position] if position < len(was) else None
            message = self._say(
                "PL505", commit, number=position + 1, id=item_id, what=what, kept=display(kept)
            )
            where = (*at, "extensions", min(position, len(now) - 1)) if now else at
            return Finding.of("PL505", message, shown, where)
        extension = now[position] if position < len(now) else None
        message = self._say(
            "PL506",
            commit,
            number=position + 1,
            id=item_id,
            target=display(_get(found, "target")),
            date=display(_get(extension, "date")),
            closed=v.closed_on,
        )
        return Finding.of("PL506", message, shown, (*at, "extensions", position))

    def unreadable(self, raw: bytes, commit: Commit | None, shown: str) -> Finding:
        """A version that cannot be read: the reader's first finding (or the schema's, for
        a top level that is not a mapping), quoted naming the commit."""
        from projledger.check.validation import validate
        from projledger.model import Project
        from projledger.store.reader import read_yaml

        read = read_yaml(raw, shown)
        first = next(iter(read.findings or validate(Project, read.data, shown)[1]), None)
        if first is None:  # not a case the reader and the schema leave silent, but say so
            first = Finding.of("PL100", msg("PL100", got="kind.other"), shown)
        message = self._say("audit.left_unreadable", commit)
        said = composed(message.key, **dict(message.args), finding=first)
        return SaidFinding.of_said(
            first.code, said, shown, line=first.line or 1, col=first.col or 1
        )


@dataclass(frozen=True, slots=True)
class SaidFinding(Finding):
    """A finding whose message says itself in the language it is shown in (`said`), for
    words that are more than one catalogue entry with text arguments: a finding quoting
    another, an authority breach (PL51x)."""

    said: Renderable | None = None

    @classmethod
    def of_said(
        cls,
        code: str,
        said: Renderable,
        file: str,
        loc: tuple[str | int, ...] = (),
        *,
        line: int | None = None,
        col: int | None = None,
    ) -> "SaidFinding":
        severity = CODE_BY_ID[code].severity
        return cls(code, said.render("en"), file, loc, line, col, severity, said=said)

    def text(self, lang: Lang) -> str:
        return self.said.render(lang) if self.said is not None else Finding.text(self, lang)


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
