"""What a change is refused for, before anything is written: a link out of the root, a
file `check` fails before the change or would fail after it, a line break in a one-line
field, and what `projledger audit` would reject. Each refusal is one ProjledgerError that
says what to do."""

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from projledger.errors import ProjledgerError
from projledger.findings import Finding, Quoting
from projledger.gitrepo import LedgerRepo, Readiness
from projledger.history.values import Json
from projledger.messages import Lang, msg, text
from projledger.root import LedgerRoot, link_refusal

if TYPE_CHECKING:
    from projledger.check.entries import ProjectSummary
    from projledger.model import Config


def refuse_links(root: LedgerRoot, path: Path | None = None) -> None:
    """Nothing is read or written through a symbolic link: the root's projledger.yaml,
    projects/ or .projledger/, or the project file, may lead out of the root."""
    links = root.linked_entries()
    if path is not None and path.is_symlink():
        links.append(path)
    if links:
        shown = links[0].relative_to(root.path).as_posix()
        raise ProjledgerError(link_refusal(links[0], shown))


def refuse_if_check_fails(text: str, path: Path, config: "Config") -> None:
    """A file `check` fails is not changed (an edit could not rely on its shape): the
    first of its errors, and what to do."""
    from projledger.check.files import check_project_bytes

    errors = check_project_bytes(text.encode("utf-8"), str(path), path.stem, config).errors
    if errors:
        first = min(errors, key=Finding.sort_key)  # the first that `check` lists
        raise ProjledgerError(Quoting("refusal.fails_check", (first,)))


def refuse_if_invalid(text: str, path: Path, config: "Config", what: str = "change") -> None:
    """A change (or, `what` "hand_edits", a file's hand edits) that would leave the file
    failing `check` is refused, with every error."""
    from projledger.check.files import check_project_bytes

    checked = check_project_bytes(text.encode("utf-8"), str(path), path.stem, config)
    errors = checked.errors
    if errors:
        said = (("what", f"refusal.{what}"), ("file", path.name))
        raise ProjledgerError(Quoting("refusal.invalid", tuple(errors), said))


def refuse_what_history_forbids(before: Json, after: Json, project: str) -> None:
    """What `projledger audit` would reject, and line breaks in one-line fields; `before`
    and `after` are the file's data as history keeps versions (None: no file yet)."""
    from projledger.changes.guard import refuse_what_audit_rejects
    from projledger.changes.one_line import refuse_line_breaks

    refuse_line_breaks(before, after)
    refuse_what_audit_rejects(before, after, project)


def refuse_hand_edits_audit_rejects(repo: LedgerRepo, path: Path) -> None:
    """Hand edits committed by projledger are judged like its own changes."""
    from projledger.changes.guard import refuse_what_audit_rejects
    from projledger.history.values import parse_version

    committed = repo.committed_blob(path)
    before = parse_version(repo.blobs([committed])[0])[0] if committed is not None else None
    after = parse_version(path.read_bytes())[0]
    refuse_what_audit_rejects(before, after, path.stem, what="refusal.hand_edits")


FORCEABLE = frozenset({"PL220", "PL221", "PL224", "PL225", "PL302"})
"""Warnings of `check` a change may not bring in unless it is forced (`--force`): figures
that make no sense (completed beyond the total or twice the plan, more received or
supplied than planned or needed, a task done beyond its target), a start (开工) without
its 施工许可, a second project of the same name. The errors across files (a duplicate id
or national code) are never forced: `retire P --duplicate-of Q` is the way out."""

_ACROSS_ERRORS = frozenset({"PL300", "PL301", "PL303"})
"""The errors across files a change may not bring in: a duplicate id or national code,
a retired duplicate that names no real project."""


@dataclass(frozen=True)
class AcrossRefusal:
    """A change refused for what it would break across the ledger's files (PL300, PL301,
    PL303), each finding said in the run's language."""

    project: str
    findings: tuple[Finding, ...]

    def render(self, lang: Lang) -> str:
        lines = [text("refusal.across", lang)]
        lines += [f"  {self.project}: {f.code} {f.text(lang)}" for f in self.findings]
        if any(f.code != "PL303" for f in self.findings):
            lines.append("  " + text("refusal.across.duplicate_hint", lang))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render("en")


@dataclass(frozen=True)
class ForceableRefusal:
    """A change refused for a finding `--force` may let in, each finding said in the
    run's language."""

    project: str
    findings: tuple[Finding, ...]

    def render(self, lang: Lang) -> str:
        lines = [text("refuse.forceable", lang, project=self.project)]
        lines += [f"  {self.project}: {f.code} {f.text(lang)}" for f in self.findings]
        lines.append("  " + text("refuse.forceable.hint", lang))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render("en")


def refuse_what_check_would_flag(
    root: LedgerRoot,
    path: Path,
    old_text: str | None,
    new_text: str,
    config: "Config",
    force: bool,
) -> list[Finding]:
    """Refuse a change that brings in a finding `check` would report across files (PL300,
    PL301, PL302, PL303, against the root's other files) or one of the `FORCEABLE` warnings that
    the file did not have before; a forced change goes through, and the findings it let in
    are returned (to tell the user: `forced_note`)."""
    from projledger.check.files import check_project_bytes

    def checked(text: str | None) -> "tuple[list[Finding], ProjectSummary | None]":
        if text is None:
            return [], None
        result = check_project_bytes(text.encode("utf-8"), path.name, path.stem, config)
        return result.findings, result.summary

    old_findings, old_summary = checked(old_text)
    new_findings, new_summary = checked(new_text)
    if old_summary == new_summary:
        # Its id, code and name as they were: the other files cannot hold anything new
        # against it (most changes: no file of a large root is read).
        across_old: list[Finding] = []
        across_new: list[Finding] = []
    else:
        from projledger.check.run import across_files_of

        across_old, across_new = across_files_of(root, path, [old_summary, new_summary], config)
    before = {(f.code, f.loc) for f in (*old_findings, *across_old)}
    brought = [
        f
        for f in (*new_findings, *across_new)
        if (f.code, f.loc) not in before and (f.code in FORCEABLE or f.code in _ACROSS_ERRORS)
    ]
    project = path.stem
    errors = [f for f in brought if f.code not in FORCEABLE]
    if errors:
        raise ProjledgerError(AcrossRefusal(project, tuple(errors)))
    if brought and not force:
        raise ProjledgerError(ForceableRefusal(project, tuple(brought)))
    return brought


def forced_note(finding: Finding, lang: Lang) -> str:
    """What a forced change tells the user of a finding it let in."""
    return text("note.forced", lang, code=finding.code, finding=finding.text(lang))


def refuse_dirty_config(readiness: Readiness, config: Path) -> None:
    """A change is not built on uncommitted edits of the committed config (a unit declared
    by hand and not committed would make the commit depend on what history lacks). A
    config never committed (a repository whose first commits are changes) is not edits.
    `readiness` asked git about `config` too, and has been waited for."""
    repo = readiness.repo
    if (
        readiness.head is not None
        and readiness.changed(repo.relative(config))
        and repo.committed_blob(config) is not None
    ):
        raise ProjledgerError(msg("refuse.dirty_config"))
