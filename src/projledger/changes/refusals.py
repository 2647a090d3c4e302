"""What a change is refused for, before anything is written: a link out of the root, a
file `check` fails before the change or would fail after it, a line break in a one-line
field, and what `projledger audit` would reject. Each refusal is one ProjledgerError that
says what to do."""

from pathlib import Path
from typing import TYPE_CHECKING

from projledger.errors import ProjledgerError
from projledger.findings import Finding
from projledger.gitrepo import LedgerRepo
from projledger.history.values import Json
from projledger.root import LedgerRoot, link_refusal

if TYPE_CHECKING:
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
        raise ProjledgerError(
            f"{first.file}:{first.line or 1}:{first.col or 1}: {first.code} {first.message} "
            f"(the file fails `projledger check`: fix it first; run `projledger check` for "
            "every problem)"
        )


def refuse_if_invalid(text: str, path: Path, config: "Config", what: str = "the change") -> None:
    from projledger.check.files import check_project_bytes

    checked = check_project_bytes(text.encode("utf-8"), str(path), path.stem, config)
    errors = checked.errors
    if errors:
        raise ProjledgerError(
            f"refused: {what} would leave {path.name} invalid; nothing was written.\n"
            + "\n".join(_finding_line(f) for f in errors)
        )


def _finding_line(finding: Finding) -> str:
    return f"  {finding.file}:{finding.line or 1}: {finding.code} {finding.message}"


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
    refuse_what_audit_rejects(before, after, path.stem, what="the hand edits")
