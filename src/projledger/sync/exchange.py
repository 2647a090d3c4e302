"""`projledger sync`: fetch, merge with the item merge driver, check, push; again on a race.

Local commits are never lost: sync only adds commits (a merge) or moves the branch forward,
and a merge it cannot finish is aborted, which puts the branch back where it was. Nothing
is pushed that `check` fails: the files the push would change are checked first. When the
remote moved between the fetch and the push (a colleague pushed first), git refuses the
push as not a fast-forward, and sync fetches and merges again, a bounded number of times.

Sync merges with `--renumber ours`: if both sides added an item with the same id, the local
item, which no one else has yet, takes a new id, so an id others already have never changes.
"""

from dataclasses import dataclass, field
from pathlib import Path

from projledger.check.run import CheckReport, check_paths
from projledger.errors import ProjledgerError
from projledger.findings import Severity
from projledger.gitrepo import LedgerRepo
from projledger.messages import Message, msg
from projledger.root import CONFIG_FILE_NAME, PROJECTS_DIR, LedgerRoot
from projledger.store.conflict_marks import PREFIX
from projledger.sync import gitcmd
from projledger.sync.setup import (
    DRIVER,
    DRIVER_NAME,
    attributes_missing,
    configure_clone,
    driver_command,
)

ATTEMPTS = 5
_RACES = (
    "[rejected]",  # not a fast-forward of what the remote now has
    # The remote's branch moved while it took the push in (it expected the old commit).
    "(failed to update ref)",
    "(failed to lock)",
    "(incorrect old value provided)",
)


@dataclass
class Remote:
    name: str
    branch: str
    """The branch on the remote (the upstream's name, else the local branch's)."""
    local: str

    @property
    def tracking(self) -> str:
        return f"refs/remotes/{self.name}/{self.branch}"

    def __str__(self) -> str:
        return f"{self.name}/{self.branch}"


@dataclass
class SyncOutcome:
    remote: Remote
    head: str = ""
    pushed: int = 0
    """Commits the remote did not have before the push."""
    merged: int = 0
    """Commits taken in from the remote."""
    attempts: int = 0
    conflicted: list[str] = field(default_factory=list)
    """Files whose merge recorded conflicts (committed in the merge; not pushed)."""
    report: CheckReport | None = None
    """check's findings that stopped the push (None: the push was not stopped by check)."""
    notes: list[str] = field(default_factory=list)
    """What the merge driver said (ids it renumbered, conflicts it recorded)."""


class RemoteRefused(ProjledgerError):  # noqa: N818 - it is the outcome's name
    """The remote turned the push down (its server hook's findings are in `details`)."""

    def __init__(self, message: Message, details: list[str]) -> None:
        super().__init__(message)
        self.details = details


def sync(root: LedgerRoot, cwd: Path, attempts: int = ATTEMPTS) -> SyncOutcome:
    """Exchange commits with the branch's remote; findings are shown relative to `cwd`."""
    repo = LedgerRepo.open(root.path)
    repo.check_ready()
    if not repo.has_commits():
        raise ProjledgerError(msg("sync.no_commits"))
    remote = _remote(repo)
    _refuse_uncommitted(repo)
    if attributes_missing(root):
        raise ProjledgerError(msg("sync.no_attributes"))
    configure_clone(repo.top)
    repo.committer()
    outcome = SyncOutcome(remote)
    for attempt in range(1, attempts + 1):
        outcome.attempts = attempt
        upstream = _fetch(repo, remote)
        if upstream is not None and not _merge(repo, remote, upstream, outcome):
            outcome.report = _check(root, _changed_files(repo, root, upstream), cwd)
            return outcome
        outcome.report = _check(root, _changed_files(repo, root, upstream), cwd)
        if outcome.report.count(Severity.ERROR):
            return outcome
        outcome.report = None
        outcome.head = repo.head_commit()
        ahead = _count(repo, f"{upstream}..HEAD" if upstream else "HEAD")
        if ahead == 0 or _push(repo, remote):
            outcome.pushed = ahead
            if upstream is None:
                gitcmd.run(repo.top, "branch", f"--set-upstream-to={remote}", remote.local)
            return outcome
    raise ProjledgerError(msg("sync.kept_moving", remote=remote, attempts=attempts))


def _remote(repo: LedgerRepo) -> Remote:
    local = gitcmd.run(repo.top, "symbolic-ref", "--short", "HEAD").out.strip()
    name = gitcmd.run(repo.top, "config", f"branch.{local}.remote").out.strip()
    merge = gitcmd.run(repo.top, "config", f"branch.{local}.merge").out.strip()
    if not name:
        remotes = gitcmd.run(repo.top, "remote").out.split()
        if not remotes:
            raise ProjledgerError(msg("sync.no_remote"))
        name = "origin" if "origin" in remotes else remotes[0]
    branch = merge.removeprefix("refs/heads/") if merge else local
    return Remote(name, branch, local)


def _refuse_uncommitted(repo: LedgerRepo) -> None:
    status = gitcmd.run(repo.top, "status", "--porcelain", "--untracked-files=no").out
    changed = [line[3:] for line in status.splitlines() if line.strip()]
    if changed:
        key = "sync.uncommitted_more" if len(changed) > 3 else "sync.uncommitted"
        shown = ", ".join(changed[:3])
        raise ProjledgerError(msg(key, files=shown, more=len(changed) - 3))


def _fetch(repo: LedgerRepo, remote: Remote) -> str | None:
    """The remote branch's commit after fetching; None when the remote has no such branch."""
    refspec = f"+refs/heads/{remote.branch}:{remote.tracking}"
    fetched = gitcmd.run(repo.top, "fetch", "--quiet", "--no-tags", remote.name, refspec)
    if not fetched.ok:
        if "couldn't find remote ref" in fetched.err:
            return None
        raise _unreachable(repo, remote, fetched)
    return gitcmd.must(repo.top, "rev-parse", "--verify", remote.tracking)


def _unreachable(repo: LedgerRepo, remote: Remote, ran: gitcmd.Ran) -> ProjledgerError:
    url = gitcmd.run(repo.top, "remote", "get-url", remote.name).out.strip() or remote.name
    return ProjledgerError(
        msg("sync.unreachable", remote=remote.name, url=url, detail=ran.last_line())
    )


def _merge(repo: LedgerRepo, remote: Remote, upstream: str, outcome: SyncOutcome) -> bool:
    """Merge the remote's commits; False when the merge recorded conflicts (committed,
    to be resolved before anything is pushed)."""
    incoming = _count(repo, f"HEAD..{upstream}")
    if incoming == 0:
        return True
    driver = {
        f"merge.{DRIVER}.name": DRIVER_NAME,
        f"merge.{DRIVER}.driver": driver_command(renumber="ours"),
    }
    config = [arg for key, value in driver.items() for arg in ("-c", f"{key}={value}")]
    # A commit subject is ledger data, Chinese like every subject the commands write
    # (`Projledger-Command` says which command in any language).
    subject = f"同步合并 {remote}"
    merged = gitcmd.run(
        repo.top, *config, "merge", "--no-edit", "--no-verify", "-m", subject,
        "-m", "Projledger-Command: sync", upstream,
        env={"GIT_MERGE_AUTOEDIT": "no"},
    )  # fmt: skip
    outcome.notes += [
        line.strip()
        for line in (merged.out + merged.err).splitlines()
        if line.startswith("projledger:")
    ]
    outcome.merged += incoming
    if merged.ok:
        return True
    unmerged = gitcmd.run(repo.top, "diff", "--name-only", "--diff-filter=U", "-z").out
    files = [name for name in unmerged.split("\0") if name]
    recorded = [name for name in files if _recorded(repo.top / name)]
    if not files or len(recorded) < len(files):
        if (repo.git_dir / "MERGE_HEAD").exists():
            gitcmd.run(repo.top, "merge", "--abort")
        others = [name for name in files if name not in recorded]
        key = "sync.merge_failed_in" if others else "sync.merge_failed"
        detail = merged.last_line()
        raise ProjledgerError(msg(key, remote=remote, files=", ".join(others), detail=detail))
    gitcmd.must(repo.top, "add", "--", *recorded)
    subject += f"：冲突已记录于 {'、'.join(recorded)}"
    gitcmd.must(
        repo.top, "commit", "--no-verify", "--quiet", "-m", subject,
        "-m", "Projledger-Command: sync",
    )  # fmt: skip
    outcome.conflicted = recorded
    outcome.head = repo.head_commit()
    return False


def _check(root: LedgerRoot, files: list[Path] | None, cwd: Path) -> CheckReport:
    if files == []:
        return CheckReport()
    return check_paths(files if files is not None else [root.path], cwd)


def _recorded(path: Path) -> bool:
    """Whether the driver merged the file and recorded its conflicts (no text markers)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return PREFIX in text and "\n<<<<<<< " not in "\n" + text


def _changed_files(repo: LedgerRepo, root: LedgerRoot, upstream: str | None) -> list[Path] | None:
    """The ledger files a push would change (None: all of them, as when the config
    changed or the remote has nothing yet)."""
    if upstream is None:
        return None
    where = repo.relative(root.path) if root.path.resolve() != repo.top.resolve() else "."
    names = gitcmd.must(repo.top, "diff", "--name-only", "-z", upstream, "HEAD", "--", where)
    paths = [repo.top / name for name in names.split("\0") if name]
    config = root.path / CONFIG_FILE_NAME
    if any(path.resolve() == config.resolve() for path in paths):
        return None
    projects = root.path / PROJECTS_DIR
    return [path for path in paths if path.parent.resolve() == projects.resolve()]


def _push(repo: LedgerRepo, remote: Remote) -> bool:
    """Push HEAD to the remote branch; False when the remote moved on meanwhile."""
    pushed = gitcmd.run(
        repo.top, "push", "--porcelain", remote.name, f"HEAD:refs/heads/{remote.branch}"
    )
    if pushed.ok:
        return True
    status = [line for line in pushed.out.splitlines() if line.startswith("!")]
    if status and any(race in status[0] for race in _RACES):
        return False  # someone pushed first
    if status and "[remote rejected]" in status[0]:
        details = [
            line.removeprefix("remote:").removeprefix(" ").rstrip()
            for line in pushed.err.splitlines()
            if line.startswith("remote:")
        ]
        reason = status[0].rsplit("\t", 1)[-1]
        raise RemoteRefused(msg("sync.push_refused", remote=remote.name, reason=reason), details)
    raise _unreachable(repo, remote, pushed)


def _count(repo: LedgerRepo, revisions: str) -> int:
    return int(gitcmd.must(repo.top, "rev-list", "--count", revisions))
