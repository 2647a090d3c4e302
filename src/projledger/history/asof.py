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
    """A commit id from a commit-ish, or from a date (YYYY-MM-DD): the last commit of the
    current branch made on or before the end of that day (by commit date, local time)."""
    text = revision_or_date.strip()
    if _DATE.match(text):
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise ProjledgerError(f"{text} is not a date that exists") from None
        if not repo.has_commits():
            raise ProjledgerError("the repository has no commits yet")
        commit = repo.git("rev-list", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD")
        if not commit.strip():
            raise ProjledgerError(
                f"no commit on or before {day.isoformat()}: the ledger is younger"
            )
        return commit.strip()
    try:
        return repo.git(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{text}^{{commit}}"
        )
    except ProjledgerError:
        raise ProjledgerError(
            f"{text!r} is neither a date (YYYY-MM-DD) nor a commit of this repository"
        ) from None


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
