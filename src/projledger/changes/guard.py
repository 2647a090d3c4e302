"""A change is judged by the history rules `projledger audit` applies (history/rules.py),
and, when the config declares `members`, by its authority rules for the change's author
(history/authority.py), before anything is written: a change command never makes a commit
its audit rejects, and says how to make the change properly instead."""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from projledger.errors import ProjledgerError
from projledger.gitrepo import Identity, LedgerRepo
from projledger.history.rules import Reference, Violation, judge
from projledger.history.values import Json, display
from projledger.messages import Lang, Message, Renderable, msg, text

if TYPE_CHECKING:
    from projledger.history.authority import Breach
    from projledger.model import Config
    from projledger.model.config import MemberRole
    from projledger.root import LedgerRoot


def refuse_what_audit_rejects(before: Json, after: Json, project: str, what: str = "") -> None:
    """`before` and `after` are the file's versions (history's data; None: no file);
    `what` names a change other than the command's own (the hand edits), as a catalogue
    term (`refusal.hand_edits`)."""
    violations, _ = judge(Reference.of(before), after)
    if violations:
        first = violations[0]
        raise ProjledgerError(_AuditRefusal(_advice(first, project), first.code, what))


@dataclass(frozen=True)
class _AuditRefusal:
    """A change refused for what `projledger audit` would report, its advice said in the
    run's language (`advice`: a `Message`, or a breach as `_Breach` says it)."""

    advice: Renderable
    code: str
    what: str = ""

    def render(self, lang: Lang) -> str:
        key = "refuse.audit.in" if self.what else "refuse.audit"
        return text(key, lang, advice=self.advice.render(lang), code=self.code, what=self.what)

    def __str__(self) -> str:
        return self.render("en")


def _advice(v: Violation, project: str) -> Message:
    item = v.item_id or ""
    legit = v.legit.item if v.legit is not None and isinstance(v.legit.item, dict) else {}
    if v.code == "PL503":
        return msg("audit.advice.PL503", item=item, project=project)
    if v.code == "PL506":
        return msg("audit.advice.PL506", item=item, closed_on=v.closed_on)
    if v.code == "PL504":
        due = display(legit.get("due"))
        return msg("audit.advice.PL504", item=item, due=due, project=project)
    if v.code == "PL505":
        return msg("audit.advice.PL505", item=item, position=(v.position or 0) + 1)
    if v.code == "PL501" and v.legit is not None:
        return msg("audit.advice.PL501", item=item, list=v.legit.list_name)
    if v.code == "PL502":
        return msg("audit.advice.PL502", item=item)
    return msg("audit.advice.deleted")


def refuse_what_authority_rejects(
    config: "Config",
    author: Identity | None,
    before: Json,
    after: Json,
    project: str,
    what: str = "",
) -> None:
    """What `projledger audit` would report of this change for its author (the config's
    `members`; history/authority.py), with the audit's own words; nothing when `members`
    is absent or the author is not known (nothing is committed then)."""
    if config.members is None or author is None:
        return
    from projledger.history.authority import judge_change

    breaches = judge_change(config, author.name, author.email, project, before, after)
    if breaches:
        _refuse_breach(config, author, breaches[0], project, what)


def refuse_config_change_by(config: "Config", author: Identity | None, what: str = "") -> None:
    """A change of projledger.yaml (`config`: the one in force before it) by `author`:
    refused unless an administrator (管理员) makes it, when `members` is declared."""
    if config.members is None or author is None:
        return
    from projledger.history.authority import judge_config_change

    breaches = judge_config_change(config, author.name, author.email)
    if breaches:
        _refuse_breach(config, author, breaches[0], "", what)


def _refuse_breach(
    config: "Config", author: Identity, breach: "Breach", project: str, what: str
) -> None:
    said = _Breach(breach, str(author), project, tuple(config.extension_approvers), what)
    raise ProjledgerError(_AuditRefusal(said, breach.code))


@dataclass(frozen=True)
class _Breach:
    """A breach of the config's authority rules, said as `projledger audit` says it, in
    the language it is shown in; `what`: a catalogue term naming a change other than the
    command's own (`refusal.hand_edits`)."""

    breach: "Breach"
    author: str
    project: str
    approvers: "tuple[MemberRole, ...]"
    what: str = ""

    def render(self, lang: Lang) -> str:
        from projledger.history.authority_messages import breach_message, this_change

        where = text(f"term.{self.what}", lang) if self.what else this_change(lang)
        return breach_message(
            self.breach,
            lang=lang,
            where=where,
            author=self.author,
            project=self.project,
            approvers=list(self.approvers),
        )


def refuse_hand_edits_authority_rejects(repo: LedgerRepo, path: Path, config: "Config") -> None:
    """Hand edits committed by projledger (`--commit-hand-edits`) are authored by git's
    identity: judged for it like a change."""
    if config.members is None:
        return
    from projledger.history.values import parse_version

    author = git_identity(repo)
    committed = repo.committed_blob(path)
    before = parse_version(repo.blobs([committed])[0])[0] if committed is not None else None
    after = parse_version(path.read_bytes())[0]
    what = "refusal.hand_edits"
    refuse_what_authority_rejects(config, author, before, after, path.stem, what=what)


def git_identity(repo: LedgerRepo | None) -> Identity | None:
    """Who git records as the author of a commit made now; None if git cannot say."""
    if repo is None:
        return None
    try:
        return Identity.parse_ident(repo.git("var", "GIT_AUTHOR_IDENT"))[0]
    except ProjledgerError:
        return None


def refuse_files_authority_rejects(
    root: "LedgerRoot",
    files: Sequence[tuple[Path, bytes | None, bytes]],
    author: Identity | None,
) -> None:
    """A change of many files at once (an import, a config command: each `(path, old
    bytes or None, new bytes)`), judged for its author (`--author`, else git's identity)
    file by file, with the config in force before it; nothing when `members` is absent."""
    from projledger.ledger.config_cache import cached_config

    try:
        config = cached_config(root)
    except ProjledgerError:
        return  # no valid config to judge by (audit judges by none either): `fix` mends it
    if config.members is None:
        return
    from projledger.history.values import parse_version

    if author is None:
        try:
            author = git_identity(LedgerRepo.open(root.path))
        except ProjledgerError:
            return
    for path, old, new in files:
        if old == new:
            continue
        if path == root.config_file:
            refuse_config_change_by(config, author)
            continue
        before = parse_version(old)[0] if old is not None else None
        after = parse_version(new)[0]
        refuse_what_authority_rejects(config, author, before, after, path.stem)
