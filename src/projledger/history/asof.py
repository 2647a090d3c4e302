"""The ledger as it was: every project file of one commit's tree (`--as-of DATE|COMMIT`)."""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from projledger.errors import ProjledgerError
from projledger.gitrepo import LedgerRepo
from projledger.history.gitlog import tree_blobs
from projledger.history.timeline import cache_dir
from projledger.history.versions import VersionStore
from projledger.messages import Message, msg
from projledger.root import LedgerRoot

if TYPE_CHECKING:
    from projledger.model import Project

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Snapshot:
    """The projects of one commit. `invalid` names files of that tree that could not be
    read or validated then (file name → why), which `projects` leaves out."""

    commit: str
    projects: dict[str, "Project"] = field(default_factory=dict)
    invalid: dict[str, str] = field(default_factory=dict)


def resolve_revision(repo: LedgerRepo, revision_or_date: str) -> str:
    """A commit id from a commit-ish, or from a day (2026-12-10, or any form `--as-of`
    takes: 2026年12月10日): the last commit of the current branch made on or before the
    end of that day (by commit date, local time). YYYY-MM-DD is a day before a commit;
    the other forms, a commit first (a tag may be spelt 2026.12.10)."""
    text = revision_or_date.strip()
    if _DATE.match(text):
        return _last_commit_of(repo, text, _day(text))
    try:
        return repo.git(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{text}^{{commit}}"
        )
    except ProjledgerError:
        pass
    return _last_commit_of(repo, text, _day(text))


def _day(text: str) -> dt.date:
    """The day `text` names; not a day at all: neither a day nor a commit."""
    from projledger.dates import NotADayError, parse_day

    try:
        return parse_day(text)
    except NotADayError as exc:
        said = exc.args[0] if exc.args else None
        if isinstance(said, Message) and said.key != "date.not_a_date":
            raise ProjledgerError(said) from None  # a day that does not exist
        raise ProjledgerError(msg("asof.not_a_revision", text=text)) from None


def _last_commit_of(repo: LedgerRepo, text: str, day: dt.date) -> str:
    if not repo.has_commits():
        raise ProjledgerError(msg("asof.no_commits", text=text))
    commit = repo.git("rev-list", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD")
    if not commit.strip():
        raise ProjledgerError(msg("asof.before_first", day=day.isoformat()))
    return commit.strip()


def snapshot_at(root: LedgerRoot, revision_or_date: str, *, use_cache: bool = True) -> Snapshot:
    """Every project of the ledger as it was at a commit or at the end of a day: one
    `git ls-tree` and one `git cat-file --batch` (parsed versions come from the cache)."""
    from pydantic import ValidationError

    from projledger.history.values import revive
    from projledger.model import Project

    repo = LedgerRepo.open(root.path)
    commit = resolve_revision(repo, revision_or_date)
    blobs = tree_blobs(repo, commit, repo.relative(root.projects_dir))
    store = VersionStore(repo, cache_dir(root) if use_cache else None)
    try:
        data = store.load(blobs.values())
    finally:
        store.close()
    snapshot = Snapshot(commit)
    for path, blob in sorted(blobs.items()):
        name = PurePosixPath(path).name
        version = data[blob]
        if version is None:
            snapshot.invalid[name] = "the file could not be read as YAML"
            continue
        try:
            project = Project.model_validate(revive(version))
        except ValidationError as exc:
            snapshot.invalid[name] = f"{exc.error_count()} schema errors"
            continue
        snapshot.projects[PurePosixPath(path).stem] = project
    return snapshot


@dataclass(frozen=True, slots=True)
class IssueRecords:
    """What an issue's record says in words, for a report: its dated progress notes (进展)
    and returns (退回), each (date, text, by), in the file's order."""

    notes: tuple[tuple[dt.date, str, str | None], ...] = ()
    returns: tuple[tuple[dt.date, str, str | None], ...] = ()


def issue_records(
    root: LedgerRoot, revision: str | None, project_ids: list[str]
) -> dict[tuple[str, str], IssueRecords]:
    """(project id, issue id) → its notes and returns, as the projects stand in
    `revision` (default HEAD: what is committed), for the issues that have any: one
    `git ls-tree`, and each version parsed once (cached by blob id, as history is).
    Empty outside a git repository or before the first commit."""
    from projledger.history.diff import items_of

    try:
        repo = LedgerRepo.open(root.path)
        if revision is None and not repo.has_commits():
            return {}
        blobs = tree_blobs(repo, revision or "HEAD", repo.relative(root.projects_dir))
    except ProjledgerError:
        return {}
    by_id = {PurePosixPath(path).stem: blob for path, blob in blobs.items()}
    wanted = {project_id: by_id[project_id] for project_id in project_ids if project_id in by_id}
    store = VersionStore(repo, cache_dir(root))
    try:
        data = store.load(wanted.values())
    finally:
        store.close()
    found: dict[tuple[str, str], IssueRecords] = {}
    for project_id, blob in wanted.items():
        for issue_id, issue in items_of(data.get(blob), "issues").items():
            if not isinstance(issue, dict):
                continue
            records = IssueRecords(
                _dated(issue.get("progress"), "note"), _dated(issue.get("returns"), "reason")
            )
            if records.notes or records.returns:
                found[(project_id, issue_id)] = records
    return found


def _dated(entries: object, text_key: str) -> tuple[tuple[dt.date, str, str | None], ...]:
    """A history version's list of dated records as (date, text, by)."""
    from projledger.history.values import DATE_MARK

    out = []
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict):
            continue
        day, text, by = entry.get("date"), entry.get(text_key), entry.get("by")
        if not (isinstance(day, str) and day.startswith(DATE_MARK) and isinstance(text, str)):
            continue
        try:
            date = dt.date.fromisoformat(day.removeprefix(DATE_MARK))
        except ValueError:
            continue
        out.append((date, text, by if isinstance(by, str) else None))
    return tuple(out)
