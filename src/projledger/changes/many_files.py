"""A change of several files as one commit, with the promises of a change command
(transaction.py): under the root's lock (what a killed change left finished or undone
first); files with uncommitted edits refused, or with `--commit-hand-edits` committed
first as their own commit when `check` and `audit` accept them; the whole result judged
before anything is written; a journal naming every file before the first is replaced;
every file put back if the commit fails. Used by the config commands (`unit`, `person`:
projledger.yaml, and on a rename every project naming the unit) and `projledger fix`.

Files are handled as bytes: `fix` changes what text reading would hide (a BOM, CRLF).
"""

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from projledger.changes import journal
from projledger.changes.transaction import ChangeOptions, holding_root, one_line
from projledger.errors import ProjledgerError
from projledger.gitrepo import Identity, LedgerRepo, on_day
from projledger.messages import msg
from projledger.root import LedgerRoot


@dataclass(frozen=True)
class FileEdit:
    path: Path
    old: bytes | None
    """The file as the change was planned on; None: the change creates it."""
    new: bytes


@dataclass
class Planned:
    """What a change of many files will write, and its commit."""

    edits: list[FileEdit]
    subject: str
    command: str
    trailers: dict[str, str | None] = field(default_factory=dict)

    def message(self) -> str:
        lines = [f"Projledger-Command: {self.command}"]
        lines += [f"{key}: {one_line(value)}" for key, value in self.trailers.items() if value]
        return f"{one_line(self.subject)}\n\n" + "\n".join(lines) + "\n"


@dataclass
class ManyOutcome:
    planned: Planned
    diff: str
    commit: str | None = None
    hand_edits_commit: str | None = None
    written: bool = False
    unchanged_in_git: list[Path] = field(default_factory=list)
    """Files rewritten whose new bytes git already has (git's own end-of-line conversion
    hid their CRLF): written, not part of the commit."""


Plan = Callable[[], Planned]
"""Reads the files (under the lock) and says what to write."""
HandEdits = Callable[[list[Path]], None]
"""Raises if the uncommitted edits of these files may not be committed as they are."""


def change_files(
    root: LedgerRoot,
    plan: Plan,
    options: ChangeOptions,
    *,
    judge_hand_edits: HandEdits,
    hand_edits_in_commit: bool = False,
    refuse_dirty: Callable[[list[str]], ProjledgerError],
) -> ManyOutcome:
    """`hand_edits_in_commit`: with --commit-hand-edits, uncommitted edits go into the
    change's own commit (fix: they are what it fixes) instead of a commit of their own."""
    with holding_root(
        root,
        lock_wait=options.lock_wait,
        notify=options.notify,
        dry_run=options.dry_run,
        lang=options.lang or "en",
    ):
        repo = None if not options.commit or options.dry_run else _ready(root)
        planned = plan()
        from projledger.changes.guard import refuse_files_authority_rejects

        edits = [(e.path, e.old, e.new) for e in planned.edits]
        refuse_files_authority_rejects(root, edits, options.author)  # the config's members
        hand_edits = None
        if repo is not None:
            _refuse_dirty_config(root, repo, planned)
            dirty = _dirty(repo, [e.path for e in planned.edits])
            if dirty and not options.commit_hand_edits:
                raise refuse_dirty([repo.relative(p) for p in dirty])
            if dirty and not hand_edits_in_commit:
                judge_hand_edits(dirty)
                hand_edits = repo.commit_files(
                    dirty, "手工修改\n\nProjledger-Command: hand-edits\n"
                )
        outcome = ManyOutcome(planned, diff(root, planned.edits), hand_edits_commit=hand_edits)
        if options.dry_run:
            return outcome
        _write_and_commit(root, repo, planned, options, outcome)
        return outcome


def _ready(root: LedgerRoot) -> LedgerRepo:
    repo = LedgerRepo.open(root.path)
    repo.check_ready()
    repo.committer()  # a clear error when git does not know who commits
    return repo


def _refuse_dirty_config(root: LedgerRoot, repo: LedgerRepo, planned: Planned) -> None:
    """A change of projects only (`rollover`, `fix`) is planned on the config as well:
    its uncommitted edits are refused, as every single-file change refuses them. A change
    of the config itself judges them as its own files' hand edits."""
    config = root.config_file
    if any(edit.path == config for edit in planned.edits):
        return
    if _dirty(repo, [config]) and repo.committed_blob(config) is not None:
        raise ProjledgerError(msg("refuse.dirty_config"))


def _dirty(repo: LedgerRepo, paths: list[Path]) -> list[Path]:
    if not paths or not repo.has_commits():
        return []
    names = {repo.relative(p): p for p in paths}
    status = repo.git(
        "-c", "core.quotepath=off", "status", "--porcelain", "--untracked-files=all", "--", *names
    )
    changed = {line[3:].strip('"') for line in status.splitlines() if line.strip()}
    return [path for name, path in names.items() if name in changed]


def diff(root: LedgerRoot, edits: list[FileEdit]) -> str:
    out: list[str] = []
    for edit in edits:
        name = edit.path.relative_to(root.path).as_posix()
        old = _shown(edit.old or b"")
        new = _shown(edit.new)
        out += difflib.unified_diff(old, new, f"a/{name}", f"b/{name}")
    return "".join(out)


def _shown(raw: bytes) -> list[str]:
    """Lines as a diff shows them: a CRLF and a BOM made visible."""
    text = raw.decode("utf-8", "replace")
    lines = text.split("\n")
    shown = [line.replace("\r", "␍") + "\n" for line in lines[:-1]]
    if lines[-1]:
        shown.append(lines[-1].replace("\r", "␍") + "\n")
    if shown and shown[0].startswith("\ufeff"):
        shown[0] = "<BOM>" + shown[0][1:]
    return shown


def _write_and_commit(
    root: LedgerRoot,
    repo: LedgerRepo | None,
    planned: Planned,
    options: ChangeOptions,
    outcome: ManyOutcome,
) -> None:
    from projledger.store.atomic import write_bytes_atomic
    from projledger.store.blob_cache import blob_id

    for edit in planned.edits:
        now = edit.path.read_bytes() if edit.path.exists() else None
        if now != edit.old:
            raise ProjledgerError(msg("refuse.changed_meanwhile", file=edit.path.name))
    state = root.state_dir()
    written: list[FileEdit] = []
    to_commit = [e for e in planned.edits if repo is None or not _in_git(repo, e)]
    outcome.unchanged_in_git = [e.path for e in planned.edits if e not in to_commit]
    message = planned.message()
    try:
        if repo is not None and to_commit:
            identity, date = Identity.parse_ident(repo.git("var", "GIT_AUTHOR_IDENT"))
            author = options.author or identity
            date = on_day(date, options.today)
            files = tuple(
                journal.FileChange(
                    file=e.path.relative_to(root.path).as_posix(),
                    old_blob=blob_id(e.old) if e.old is not None else None,
                    new_blob=blob_id(e.new),
                )
                for e in to_commit
            )
            journal.write(state, journal.Entry(files, message, str(author), date))
        for edit in planned.edits:
            write_bytes_atomic(edit.path, edit.new)
            written.append(edit)
        outcome.written = True
        if repo is not None and to_commit:
            outcome.commit = repo.commit_files(
                [e.path for e in to_commit], message, author, date=date
            )
    except BaseException:
        for edit in reversed(written):
            if edit.old is None:
                edit.path.unlink(missing_ok=True)
            else:
                write_bytes_atomic(edit.path, edit.old)
        outcome.written = False
        journal.clear(state)
        raise
    journal.clear(state)


def _in_git(repo: LedgerRepo, edit: FileEdit) -> bool:
    """Whether the last commit holds the new bytes already."""
    from projledger.store.blob_cache import blob_id

    return repo.committed_blob(edit.path) == blob_id(edit.new)
