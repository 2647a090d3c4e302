"""Reading which versions of project files each commit made, in one `git log --raw`.

One `git log` lists every commit that touched the project files with, for each file, the
blob ids before and after the commit (`--raw`). That is all the history needs: the file
contents come afterwards from one `git cat-file --batch` (see `versions.py`). Never a
loop over commits.

Each commit is compared with its first parent, as `git log` does; a merge shows no changes
of its own (its branches' commits show them), so an edit made only while resolving a merge
conflict is not listed. Renames are an addition and a deletion (`--no-renames`): a
project's id is its file name.
"""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from projledger.gitrepo import LedgerRepo

# Fields of the commit header, separated by US; each commit starts with RS.
_FORMAT = "%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%cI%x1f%s"
_NULL_BLOB = "0" * 40
_REGULAR_FILE_MODES = frozenset({"100644", "100755"})


@dataclass(frozen=True, slots=True)
class Commit:
    id: str
    author_name: str
    author_email: str
    author_date: str
    """ISO 8601 with the author's UTC offset, as git records it."""
    committer_date: str
    subject: str

    @property
    def short(self) -> str:
        return self.id[:8]

    @property
    def author_day(self) -> dt.date:
        """The day of the author date, in the author's own time zone."""
        return dt.date.fromisoformat(self.author_date[:10])

    @property
    def when(self) -> str:
        """`2026-11-20 15:00`, in the author's time zone."""
        return f"{self.author_date[:10]} {self.author_date[11:16]}"

    def describe(self) -> str:
        """How a finding names the commit: id, author, day and subject."""
        return (
            f'commit {self.short} ({self.author_name}, {self.author_date[:10]}, "{self.subject}")'
        )


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file in one commit: its blob before and after (None: absent)."""

    path: str
    """Relative to the repository's top, with `/`."""
    old_blob: str | None
    new_blob: str | None

    @property
    def project(self) -> str:
        return PurePosixPath(self.path).stem


@dataclass(frozen=True, slots=True)
class LogEntry:
    commit: Commit
    files: list[FileChange] = field(default_factory=list)


def read_log(
    repo: LedgerRepo,
    projects_dir: str,
    *,
    paths: list[str] | None = None,
    revisions: list[str] | None = None,
    since: str | None = None,
) -> list[LogEntry]:
    """Commits that changed project files (`projects_dir/*.yaml`, repository-relative),
    oldest first: git's own order, reversed. (`--reverse` or `--date-order` would make git
    walk a path-limited history in two passes: a quarter slower on a large repository.)
    `paths` limits the files; `revisions` are git's (`HEAD`, `A..B`); `since` is git's
    `--since` (commit date)."""
    args = [
        "log",
        "-z",
        "--raw",
        "--no-renames",
        "--no-abbrev",
        f"--format={_FORMAT}",
    ]
    if since is not None:
        args.append(f"--since={since}")
    args.extend(revisions or ["HEAD"])
    args.append("--")
    args.extend(paths if paths is not None else [projects_dir])
    entries = parse_log(repo.git(*args), projects_dir)
    entries.reverse()
    return entries


def parse_log(output: str, projects_dir: str) -> list[LogEntry]:
    prefix = f"{projects_dir.rstrip('/')}/" if projects_dir not in ("", ".") else ""
    entries = []
    for record in output.split("\x1e"):
        if not record:
            continue
        header, _, raw = record.partition("\0")
        commit_id, name, email, author_date, committer_date, subject = header.split("\x1f", 5)
        entry = LogEntry(Commit(commit_id, name, email, author_date, committer_date, subject))
        parts = raw.lstrip("\n").split("\0")
        for meta, path in zip(parts[::2], parts[1::2], strict=False):
            change = _file_change(meta, path, prefix)
            if change is not None:
                entry.files.append(change)
        entries.append(entry)
    return entries


def _file_change(meta: str, path: str, prefix: str) -> FileChange | None:
    """A raw line (`:100644 100644 OLD NEW M`) for a project file, else None."""
    fields = meta.lstrip(":").split()
    if len(fields) < 5 or not path.startswith(prefix) or not path.endswith(".yaml"):
        return None
    if "/" in path[len(prefix) :]:
        return None
    old_mode, new_mode, old_blob, new_blob = fields[:4]
    old = old_blob if old_mode in _REGULAR_FILE_MODES and old_blob != _NULL_BLOB else None
    new = new_blob if new_mode in _REGULAR_FILE_MODES and new_blob != _NULL_BLOB else None
    if old is None and new is None:
        return None
    return FileChange(path, old, new)


def tree_blobs(repo: LedgerRepo, revision: str, projects_dir: str) -> dict[str, str]:
    """Project file path → blob id in `revision`'s tree (`git ls-tree`)."""
    prefix = f"{projects_dir.rstrip('/')}/" if projects_dir not in ("", ".") else ""
    output = repo.git("ls-tree", "-z", "--full-tree", revision, "--", prefix or ".")
    blobs = {}
    for entry in output.split("\0"):
        meta, _, path = entry.partition("\t")
        fields = meta.split()
        if len(fields) != 3 or fields[0] not in _REGULAR_FILE_MODES or fields[1] != "blob":
            continue
        if path.startswith(prefix) and path.endswith(".yaml") and "/" not in path[len(prefix) :]:
            blobs[path] = fields[2]
    return blobs
