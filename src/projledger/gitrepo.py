"""The ledger's git repository: the only module that talks to git.

Everything runs the git binary: one `git commit` of one file costs 16-20 ms at 2,000
files, where GitPython's own index costs ~110 ms (and ~0.9 s at 20,000); and importing
GitPython, only to run the same binary through `repo.git`, cost 0.1-0.15 s on every
command (measured by bench/bench_history.py). History is read in bulk: one `git log` and
one `git cat-file --batch`.
"""

import datetime as dt
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from projledger.errors import ProjledgerError
from projledger.messages import msg

DETACHED = msg("git.detached")
NO_IDENTITY = msg("git.no_identity")


@dataclass(frozen=True)
class Identity:
    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @classmethod
    def parse_ident(cls, ident: str) -> tuple["Identity", str]:
        """`git var GIT_AUTHOR_IDENT`'s 'Name <email> 1795158000 +0800': the identity and
        the date, in git's internal format (which `git commit --date` takes)."""
        person, bracket, date = ident.rpartition(">")
        return cls.parse(person + bracket), date.strip()

    @classmethod
    def parse(cls, text: str) -> "Identity":
        """'Name <email>' as git writes it (and as `--author` takes it)."""
        name, bracket, rest = text.partition("<")
        email = rest.rstrip().removesuffix(">")
        if not bracket or not name.strip() or not email or ">" in email:
            raise ProjledgerError(msg("git.not_an_identity", text=text))
        return cls(name.strip(), email.strip())


def on_day(git_date: str, day: dt.date) -> str:
    """A date in git's internal format ('1795158000 +0800') moved to `day`, keeping its
    time of day and UTC offset; as it is when it falls on `day` already (in its own
    offset). So a change made with `--today 2026-11-27` on a later day is authored on
    2026-11-27, and the commit's committer date stays when it was recorded."""
    seconds_text, _, offset_text = git_date.strip().partition(" ")
    try:
        seconds = int(seconds_text.lstrip("@"))
        sign = -1 if offset_text.startswith("-") else 1
        hours, minutes = int(offset_text[1:3]), int(offset_text[3:5])
    except ValueError:
        return git_date  # not git's internal format: left to git
    zone = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    when = dt.datetime.fromtimestamp(seconds, zone)
    if when.date() == day:
        return git_date
    moved = dt.datetime.combine(day, when.timetz())
    return f"{int(moved.timestamp())} {offset_text}"


class LedgerRepo:
    """A git work tree holding a ledger root."""

    def __init__(self, top: Path, git_dir: Path) -> None:
        self.top = top
        self.git_dir = git_dir

    @classmethod
    def open(cls, path: Path) -> "LedgerRepo":
        start = next(d for d in (path, *path.parents) if d.is_dir())
        try:
            top, git_dir = _run(
                start, "rev-parse", "--show-toplevel", "--absolute-git-dir"
            ).splitlines()
        except (ProjledgerError, ValueError):
            raise ProjledgerError(msg("git.not_a_repository", path=path)) from None
        return cls(Path(top), Path(git_dir))

    @classmethod
    def init(cls, path: Path) -> "LedgerRepo":
        _run(path, "init", "--quiet", "--initial-branch=main")
        return cls.open(path)

    def git(self, *args: str) -> str:
        """Run `git ARGS` in the work tree; a failure is a ProjledgerError with git's words."""
        return _run(self.top, *args)

    @property
    def index_lock(self) -> Path:
        return self.git_dir / "index.lock"

    def commit_locks(self) -> list[Path]:
        """The lock files a `git commit` holds while it runs: the index, HEAD, refs."""
        candidates = [
            self.index_lock,
            self.git_dir / "HEAD.lock",
            self.git_dir / "packed-refs.lock",
        ]
        for directory in ("refs", "logs"):
            candidates.extend((self.git_dir / directory).rglob("*.lock"))
        return [path for path in candidates if path.exists()]

    def check_ready(self) -> None:
        """Refuse to commit on a detached HEAD or in the middle of a merge or rebase."""
        self.check_no_operation()
        if self.has_commits() and not self._on_branch():
            raise ProjledgerError(DETACHED)

    def check_no_operation(self) -> None:
        """Refuse to commit in the middle of a merge, rebase, cherry-pick or revert."""
        git_dir = self.git_dir
        for marker, what in (
            ("MERGE_HEAD", "git.merge"),
            ("rebase-merge", "git.rebase"),
            ("rebase-apply", "git.rebase"),
            ("CHERRY_PICK_HEAD", "git.cherry_pick"),
            ("REVERT_HEAD", "git.revert"),
        ):
            if (git_dir / marker).exists():
                raise ProjledgerError(msg("git.in_the_middle", what=what))

    def committer(self) -> Identity:
        """The identity git will commit as; a clear error when none is configured."""
        try:
            ident = self.git("var", "GIT_COMMITTER_IDENT")
        except ProjledgerError:
            raise ProjledgerError(NO_IDENTITY) from None
        return Identity.parse(ident.rsplit(">", 1)[0] + ">")

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.top.resolve()).as_posix()

    def has_commits(self) -> bool:
        try:
            self.git("rev-parse", "--verify", "--quiet", "HEAD")
        except ProjledgerError:
            return False
        return True

    def _on_branch(self) -> bool:
        try:
            self.git("symbolic-ref", "--quiet", "HEAD")
        except ProjledgerError:
            return False
        return True

    def is_dirty(self, path: Path) -> bool:
        """Whether `path` differs from HEAD, in the index or the work tree (or is untracked)."""
        status = self.git(
            "status", "--porcelain", "--untracked-files=all", "--", self.relative(path)
        )
        return bool(status.strip())

    def commit_files(
        self,
        paths: Iterable[Path],
        message: str,
        author: Identity | None = None,
        *,
        nothing_else_staged: bool = False,
        date: str | None = None,
    ) -> str:
        """Commit exactly these files (nothing else that is staged); the new commit's id.
        They are staged first even when git tracks them (`commit --only` would take them
        from the work tree): `commit --only` moves the branch before it updates the index,
        and a kill between the two would leave the old version staged, ready to be
        committed back by the next `git commit` (the kill test caught that).

        `nothing_else_staged` (the caller asked git, see `Readiness`): the index then
        differs from HEAD in these files alone, and is committed as it is, by a plain
        `git commit`. `commit --only` builds a second, temporary index from HEAD and
        writes both: ~30 ms more at 10,000 files."""
        names = [self.relative(path) for path in paths]
        self.git("add", "--", *names)
        subject, _, body = message.partition("\n\n")
        args = ["commit", "--quiet", "--no-verify", "-m", subject]
        if body.strip():
            args += ["-m", body.strip()]
        if author is not None:
            args.append(f"--author={author}")
        if date is not None:
            args.append(f"--date={date}")
        if nothing_else_staged:
            self.git(*args)
        else:
            self.git(*args, "--only", "--", *names)
        return self.head_commit()

    def committed_blob(self, path: Path) -> str | None:
        """The blob id of `path` in HEAD, or None (no HEAD, or not in it)."""
        try:
            return self.git("rev-parse", "--verify", "--quiet", f"HEAD:{self.relative(path)}")
        except ProjledgerError:
            return None

    def committed_blobs(self, paths: list[Path]) -> list[str | None]:
        """Each path's blob id in HEAD, or None (no HEAD, or not in it): one `git ls-tree`
        for them all."""
        if not self.has_commits():
            return [None] * len(paths)
        names = [self.relative(path) for path in paths]
        listed = self.git("ls-tree", "-z", "--full-tree", "HEAD", "--", *names)
        blobs: dict[str, str] = {}
        for line in listed.split("\0"):
            meta, _, name = line.partition("\t")
            if name:
                blobs[name] = meta.split()[2]
        return [blobs.get(name) for name in names]

    def head_commit(self) -> str:
        """HEAD's commit id, read from the branch's ref file where git keeps it loose
        (as it does right after a commit); else asked of git."""
        try:
            head = (self.git_dir / "HEAD").read_text(encoding="utf-8").strip()
            if head.startswith("ref: refs/"):
                ref = head.removeprefix("ref: ")
                commit = (self.git_dir / ref).read_text(encoding="utf-8").strip()
                if len(commit) in (40, 64) and all(c in "0123456789abcdef" for c in commit):
                    return commit
        except OSError:
            pass
        return self.git("rev-parse", "HEAD")

    def blobs(self, blob_ids: list[str]) -> list[bytes]:
        """Many objects' contents in one `git cat-file --batch`."""
        if not blob_ids:
            return []
        completed = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=self.top,
            input=("\n".join(blob_ids) + "\n").encode(),
            capture_output=True,
            check=True,
        )
        return list(_batch_objects(completed.stdout))

    def object_ids(self, names: list[str]) -> list[str | None]:
        """Each object name's id (`REV:PATH`, `REV^:PATH` ...), None where there is none:
        one `git cat-file --batch-check` for them all."""
        if not names:
            return []
        completed = subprocess.run(
            ["git", "cat-file", "--batch-check=%(objectname) %(objecttype)"],
            cwd=self.top,
            input=("\n".join(names) + "\n").encode(),
            capture_output=True,
            check=False,
        )
        lines = completed.stdout.decode("utf-8", "surrogateescape").splitlines()
        found: list[str | None] = []
        for line in lines[: len(names)]:
            fields = line.split()
            found.append(fields[0] if len(fields) == 2 and fields[1] != "missing" else None)
        return found + [None] * (len(names) - len(found))


def _batch_objects(output: bytes) -> Iterator[bytes]:
    position = 0
    while position < len(output):
        header_end = output.index(b"\n", position)
        header = output[position:header_end].split()
        if len(header) < 3 or header[1] == b"missing":
            raise ProjledgerError(msg("git.no_object", object=header[0].decode()))
        size = int(header[2])
        start = header_end + 1
        yield output[start : start + size]
        position = start + size + 1


def _run(cwd: Path, *args: str) -> str:
    """git's output without its last newline (as `repo.git` gave it), or its complaint."""
    completed = subprocess.run(
        ["git", *args],
        cwd=cwd,
        capture_output=True,
        check=False,
        encoding="utf-8",
        errors="surrogateescape",
    )
    if completed.returncode != 0:
        # git's own words stay as git printed them, inside the run's language.
        detail = (completed.stderr or completed.stdout).strip()
        if not detail:
            raise ProjledgerError(
                msg("git.failed_exit", command=args[0], code=completed.returncode)
            )
        raise ProjledgerError(msg("git.failed", command=args[0], detail=detail))
    return completed.stdout.removesuffix("\n")


class WorkTreeStatus(NamedTuple):
    head: str | None
    """The HEAD commit; None before the first commit."""
    detached: bool
    changed: bool
    """Whether the asked paths differ from HEAD (in the index or the work tree, or are
    untracked)."""


class StatusProbe:
    """`git status` of some paths of a work tree, started now and read later: it runs on
    another core while the command reads the ledger, instead of after it."""

    def __init__(self, cwd: Path, paths: Iterable[str]) -> None:
        command = ["git", "status", "--porcelain=v2", "--branch", "--no-ahead-behind"]
        command += ["--untracked-files=all", "--", *paths]
        self._process = _start(cwd, command)

    def result(self) -> WorkTreeStatus | None:
        """None outside a git repository (or without git)."""
        output = _finish(self._process)
        if output is None:
            return None
        head: str | None = None
        detached = changed = False
        for line in output.splitlines():
            if line.startswith("# branch.oid "):
                oid = line.removeprefix("# branch.oid ")
                head = None if oid == "(initial)" else oid
            elif line.startswith("# branch.head "):
                detached = line == "# branch.head (detached)"
            elif not line.startswith("#"):
                changed = True
        return WorkTreeStatus(head, detached, changed)


class Readiness:
    """Whether a repository can take a commit of one file now, asked of git in the
    background (three git runs beside the command's own work, not five after it). `wait`
    raises what stands in the way, or says whether the file has uncommitted edits; and
    after it, `nothing_else_staged` says whether the index differs from HEAD in no other
    file (so the commit can take the index as it is: `LedgerRepo.commit_files`), and
    `changed` whether one of the `also` paths (the config) has uncommitted edits: one
    `git status` answers for all of them."""

    def __init__(self, repo: LedgerRepo, path: Path, also: Iterable[Path] = ()) -> None:
        repo.check_no_operation()
        self.repo = repo
        self.nothing_else_staged = False
        self.head: str | None = None
        """The HEAD commit, once `wait` has run (None before the first commit)."""
        try:
            paths = [repo.relative(path)]
        except ValueError:
            paths = []  # a path outside the repository: refused later, for its id
        self._paths = set(paths)
        self._asked = [*paths, *(repo.relative(other) for other in also)]
        self._any_changed = False
        # With no path, status lists the whole tree: ask for the branch only.
        self._status = StatusProbe(repo.top, self._asked or [".git-no-such-path"])
        self._identity = _start(repo.top, ["git", "var", "GIT_COMMITTER_IDENT"])
        self._author = _start(repo.top, ["git", "var", "GIT_AUTHOR_IDENT"])
        self.author: tuple[Identity, str] | None = None
        """Who git records as the author, and when (git's date format), as of now."""
        # The index against HEAD (its cached trees make this a few ms at 10,000 files).
        self._staged = _start(repo.top, ["git", "diff", "--cached", "--name-only", "-z"])

    def wait(self) -> bool:
        status = self._status.result()
        identity = _finish(self._identity)
        author = _finish(self._author)
        staged = _finish(self._staged)
        # Unknown (git failed, as before the first commit) counts as something else.
        self.nothing_else_staged = (
            bool(self._paths)
            and staged is not None
            and set(staged.split("\0")) - {""} <= self._paths
        )
        if status is None:
            raise ProjledgerError(msg("git.status_failed"))
        if status.head is not None and status.detached:
            raise ProjledgerError(DETACHED)
        if identity is None or author is None:
            raise ProjledgerError(NO_IDENTITY)
        self.author = Identity.parse_ident(author.strip())
        self.head = status.head
        self._any_changed = status.changed
        return status.head is not None and any(self.changed(p) for p in self._paths)

    def changed(self, relative: str) -> bool:
        """Whether `relative` (a path asked about, relative to the work tree) differs from
        HEAD, once `wait` has run. The status of all the paths says whether any does; only
        then (hand edits: rare) is git asked about this one alone."""
        if not self._any_changed or relative not in self._asked:
            return False
        if len(self._asked) == 1:
            return True
        alone = StatusProbe(self.repo.top, [relative]).result()
        return alone is not None and alone.changed


def _start(cwd: Path, command: list[str]) -> "subprocess.Popen[bytes] | None":
    try:
        return subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return None  # no git binary: as outside a repository


def _finish(process: "subprocess.Popen[bytes] | None") -> str | None:
    """The output of a started git, or None if it failed."""
    if process is None:
        return None
    output, _ = process.communicate()
    if process.returncode != 0:
        return None
    return output.decode("utf-8", "surrogateescape")
