"""One user action = one validated, atomic change of one file = one git commit.

refuse links out of the root → take the root's lock (first come, first served) → finish a
change a killed command left between its write and its commit (recovery.py) → load →
refuse a file `check` fails → change → validate (refuse, writing nothing, if the ledger
would be invalid, if a one-line field would hold a line break, or if `projledger audit`
would reject the change) → write the journal → atomic write → commit exactly that file →
drop the journal. If the commit fails the old file is put back, so the file and the
repository never disagree; if the command is killed between the write and the commit, the
journal lets the next command commit the change as its own.
"""

import contextlib
import datetime as dt
import difflib
import glob
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from projledger.changes.lock import WAIT_SECONDS, RootLock
from projledger.changes.new_ids import RandomBits
from projledger.changes.one_line import LINE_BREAK
from projledger.changes.recovery import finish_interrupted_change
from projledger.changes.refusals import (
    forced_note,
    refuse_dirty_config,
    refuse_hand_edits_audit_rejects,
    refuse_if_check_fails,
    refuse_if_invalid,
    refuse_links,
    refuse_what_check_would_flag,
    refuse_what_history_forbids,
)
from projledger.errors import ProjledgerError
from projledger.gitrepo import Identity, LedgerRepo, Readiness, on_day
from projledger.history.values import normalize
from projledger.messages import Lang, msg
from projledger.root import LedgerRoot

if TYPE_CHECKING:
    from projledger.model import Config


@dataclass(frozen=True)
class Change:
    """What a change did, for the commit message and the user."""

    command: str
    project: str
    project_name: str
    summary: str
    """One human line, e.g. 问题 I-4M8K2P: 已交办 → 办理中."""
    item: str | None = None
    old: str | None = None
    new: str | None = None
    trailers: tuple[tuple[str, str], ...] = ()
    """More trailers, after the five (Projledger-Skipped: the stages an advance skipped;
    Projledger-Forced: the rules a change was let break with --force)."""

    @property
    def subject(self) -> str:
        """The commit's subject and what the user reads: one line, whatever the values."""
        return one_line(f"[{self.project_name}] {self.summary}")

    def message(self) -> str:
        trailers = [
            ("Projledger-Command", self.command),
            ("Projledger-Project", self.project),
            ("Projledger-Item", self.item),
            ("Projledger-From", self.old),
            ("Projledger-To", self.new),
            *self.trailers,
        ]
        # Each trailer one line: a value can never start a line, so never add a trailer.
        lines = [f"{key}: {one_line(value)}" for key, value in trailers if value]
        return f"{self.subject}\n\n" + "\n".join(lines) + "\n"


def one_line(text: str) -> str:
    """Line breaks (any that git, an editor or a terminal would break at) as spaces."""
    return " ".join(text.splitlines()) if LINE_BREAK.search(text) else text


@dataclass
class ChangeOptions:
    today: dt.date
    """The date of the change (`--today`): the commit's author date falls on it (or on
    `event_day`); the committer date stays when it was recorded."""
    random_bits: RandomBits
    author: Identity | None = None
    dry_run: bool = False
    commit: bool = True
    commit_hand_edits: bool = False
    ask: Callable[[str], str] | None = None
    """Asks the user for a missing field (the CLI passes a prompt on a terminal)."""
    lock_wait: float = WAIT_SECONDS
    """Seconds to wait for another command's change of the root before giving up."""
    notify: Callable[[str], None] = lambda note: None
    """Tells the user, in one line, what was done besides the change (the CLI prints it)."""
    lang: Lang | None = None
    """The run's language, for what `notify` is told (the CLI's `--lang`, the ledger's or
    the locale's). None, from a caller that does not say: English for a killed change
    finished (before the config is read), the ledger's for what a forced change let in."""
    force: bool = False
    """Record a change that brings in a warning of `check` (`--force`, see `FORCEABLE`)."""
    event_day: dt.date | None = None
    """The day of the event the change records, when the command was told (`--date`):
    the commit is authored on it instead of `today`."""

    @property
    def author_day(self) -> dt.date:
        """The day the commit is authored on: when the change happened."""
        return self.event_day or self.today


@dataclass
class EditContext:
    """What an edit may use: the file's data (a ruamel.yaml tree to change in place),
    the declarations, the date and randomness for new ids."""

    data: Any
    config: "Config"
    options: ChangeOptions

    @property
    def today(self) -> dt.date:
        return self.options.today


Edit = Callable[[EditContext], Change]


@dataclass
class Outcome:
    change: Change
    path: Path
    diff: str
    commit: str | None = None
    hand_edits_commit: str | None = None
    written: bool = False
    notes: list[str] = field(default_factory=list)


def change_project(
    root: LedgerRoot, project_id: str, edit: Edit, options: ChangeOptions
) -> Outcome:
    """Apply `edit` to an existing project file."""
    path = root.project_file(project_id)
    return _transact(root, path, edit, options, create=False)


def create_project(
    root: LedgerRoot, project_id: str, edit: Edit, options: ChangeOptions
) -> Outcome:
    """Write a new project file; `edit` fills in an empty document."""
    path = root.project_file(project_id)
    return _transact(root, path, edit, options, create=True)


def _transact(
    root: LedgerRoot, path: Path, edit: Edit, options: ChangeOptions, create: bool
) -> Outcome:
    refuse_links(root, path)
    with holding_root(
        root,
        lock_wait=options.lock_wait,
        notify=options.notify,
        dry_run=options.dry_run,
        file=path.name,
        lang=options.lang or "en",
    ):
        return _locked(root, path, edit, options, create)


MANY_FILES = "*"
"""The file a change of many files (an import) names in its marker: any of them."""


@contextlib.contextmanager
def holding_root(
    root: LedgerRoot,
    *,
    lock_wait: float,
    notify: Callable[[str], None],
    dry_run: bool,
    file: str = MANY_FILES,
    lang: Lang = "en",
) -> Iterator[None]:
    """What every change of a root runs in, of one file (a change command) or of many (an
    import): the root's lock; what a killed change left cleaned up and, unless a dry run,
    finished or undone (recovery.py, which tells `notify` in `lang`); a marker naming this
    process and `file`."""
    with RootLock(root.state_dir(), lock_wait):
        _clean_up_after_a_killed_change(root)
        # The marker first: a kill while the recovery commits must be cleaned up too.
        with _changing(root, file):
            if not dry_run:
                finish_interrupted_change(root, notify, lang)
            yield


def _locked(
    root: LedgerRoot, path: Path, edit: Edit, options: ChangeOptions, create: bool
) -> Outcome:
    from projledger.store.document import load_document, new_document

    repo = None if not options.commit or options.dry_run else LedgerRepo.open(root.path)
    # git answers (detached HEAD? identity? hand edits? a hand-edited, uncommitted
    # projledger.yaml, which is not built on?) while the file is read.
    readiness = Readiness(repo, path, also=[root.config_file]) if repo is not None else None
    config = _config(root)
    hand_edits = None
    if create:
        if path.exists():
            raise ProjledgerError(msg("refuse.project_exists", project=path.stem, path=path))
        document = new_document(path)
        old_text = ""
        if readiness is not None:
            readiness.wait()
    else:
        if not path.is_file():
            from projledger.refs import unknown_project

            raise unknown_project(path.stem, [p.stem for p in root.projects_dir.glob("*.yaml")])
        document = load_document(path)
        old_text = document.text
        if readiness is not None and readiness.wait():
            hand_edits = _hand_edits(readiness.repo, path, options, config)
        refuse_if_check_fails(old_text, path, config)
    if readiness is not None:
        refuse_dirty_config(readiness, root.config_file)
    before = None if create else normalize(document.data)  # as history reads the file
    change = edit(EditContext(document.data, config, options))
    new_text = document.dumps()
    if new_text == old_text:
        raise ProjledgerError(msg("refuse.nothing_to_change", summary=change.summary))
    refuse_if_invalid(new_text, path, config)
    refuse_what_history_forbids(before, normalize(document.data), change.project)
    if config.members is not None:  # who may make it (the config's members)
        from projledger.changes.guard import refuse_what_authority_rejects

        author = _author(root, options, readiness)
        after = normalize(document.data)
        refuse_what_authority_rejects(config, author, before, after, change.project)
    forced = refuse_what_check_would_flag(
        root, path, None if create else old_text, new_text, config, options.force
    )
    if forced:
        codes = " ".join(sorted({finding.code for finding in forced}))
        change = replace(change, trailers=(*change.trailers, ("Projledger-Forced", codes)))
        for finding in forced:
            options.notify(forced_note(finding, options.lang or config.language))
    diff = _diff(old_text, new_text, path, root)
    outcome = Outcome(change, path, diff, hand_edits_commit=hand_edits)
    if options.dry_run:
        return outcome
    previous = old_text if not create else None
    if repo is None or readiness is None:
        from projledger.store.atomic import write_text_atomic

        write_text_atomic(path, new_text)
        outcome.written = True
        return outcome
    _write_and_commit(root, path, previous, new_text, readiness, options, outcome)
    return outcome


COMMITTING = "committing"
"""A marker in .projledger/ naming the process that is changing a file (and running git
commit) and the file: `PID NAME`."""


@contextlib.contextmanager
def _changing(root: LedgerRoot, name: str) -> Iterator[None]:
    """Marks, for the length of a change, which process changes which file (MANY_FILES:
    an import's)."""
    marker = root.state_dir() / COMMITTING
    marker.write_text(f"{os.getpid()} {name}", encoding="utf-8")
    try:
        yield
    finally:
        marker.unlink(missing_ok=True)


def _clean_up_after_a_killed_change(root: LedgerRoot) -> None:
    """Run with the root's lock held, so no other change is under way.

    A change killed partway leaves its marker, naming its process and file. If that
    process is gone: the temporary file of its write (`.<id>.yaml.*.tmp`; an import's:
    every one in projects/, and the config's) is removed, and
    git's locks if its git was killed holding them (git would refuse every commit). A lock
    of a git the user runs by hand is never touched. Without a stale marker nothing is
    looked for: listing a projects/ of 10,000 files costs a change 10-20 ms."""
    marker = root.state_dir() / COMMITTING
    try:
        pid_text, _, name = marker.read_text(encoding="utf-8").partition(" ")
        pid = int(pid_text)
    except (OSError, ValueError):
        return
    if _alive(pid):
        return
    if name == MANY_FILES:
        temporaries = [
            *root.projects_dir.glob(".*.tmp"),
            *root.path.glob(f".{glob.escape(root.config_file.name)}.*.tmp"),
        ]
    else:
        temporaries = list(root.projects_dir.glob(f".{glob.escape(name)}.*.tmp")) if name else []
    for temporary in temporaries:
        temporary.unlink(missing_ok=True)
    with contextlib.suppress(ProjledgerError):  # not a repository (any more): nothing to do
        for lock in LedgerRepo.open(root.path).commit_locks():
            lock.unlink(missing_ok=True)
    marker.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _config(root: LedgerRoot) -> "Config":
    """The config, validated (from the config cache when its bytes are known). Its rule
    findings do not stop a change: `check` reports them."""
    from projledger.ledger.config_cache import cached_config

    return cached_config(root)


def _author(
    root: LedgerRoot, options: ChangeOptions, readiness: Readiness | None
) -> Identity | None:
    """Whose change it is: `--author`, else git's identity (None if git cannot say)."""
    if options.author is not None:
        return options.author
    if readiness is not None and readiness.author is not None:
        return readiness.author[0]
    from projledger.changes.guard import git_identity

    try:
        repo = LedgerRepo.open(root.path)
    except ProjledgerError:
        return None
    return git_identity(repo)


def _hand_edits(repo: LedgerRepo, path: Path, options: ChangeOptions, config: "Config") -> str:
    name = repo.relative(path)
    if not options.commit_hand_edits:
        raise ProjledgerError(msg("error.hand_edits", name=name))
    refuse_if_invalid(path.read_text(encoding="utf-8"), path, config, what="hand_edits")
    refuse_hand_edits_audit_rejects(repo, path)
    if config.members is not None:
        from projledger.changes.guard import refuse_hand_edits_authority_rejects

        refuse_hand_edits_authority_rejects(repo, path, config)
    return repo.commit_files([path], f"[{path.stem}] 手工修改\n\nProjledger-Command: hand-edits\n")


def _diff(old: str, new: str, path: Path, root: LedgerRoot) -> str:
    name = path.relative_to(root.path).as_posix()
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}"
        )
    )


def _write_and_commit(
    root: LedgerRoot,
    path: Path,
    old_text: str | None,
    new_text: str,
    readiness: Readiness,
    options: ChangeOptions,
    outcome: Outcome,
) -> None:
    from projledger.changes import journal
    from projledger.store.atomic import write_text_atomic
    from projledger.store.blob_cache import blob_id

    assert readiness.author is not None  # known once readiness.wait() has run
    author = options.author or readiness.author[0]
    # Authored on the day of the change (git's time of day and offset kept): reports count
    # an event in the period of its author date, and the committer date says when it was
    # recorded (an event recorded after its period's report is 补录).
    date = on_day(readiness.author[1], options.author_day)
    message = outcome.change.message()
    state = root.state_dir()
    new_raw = new_text.encode("utf-8")
    entry = journal.Entry(
        files=(
            journal.FileChange(
                file=path.relative_to(root.path).as_posix(),
                old_blob=blob_id(old_text.encode("utf-8")) if old_text is not None else None,
                new_blob=blob_id(new_raw),
            ),
        ),
        message=message,
        author=str(author),
        date=date,
    )
    journal.write(state, entry)
    try:
        write_text_atomic(path, new_text)
        outcome.written = True
        outcome.commit = readiness.repo.commit_files(
            [path],
            message,
            author,
            nothing_else_staged=readiness.nothing_else_staged,
            date=date,
        )
    except BaseException:
        # The commit did not happen: put the file back as it was, so the work tree and
        # the history agree (interrupted by Ctrl-C included).
        if outcome.written:
            if old_text is None:
                path.unlink(missing_ok=True)
            else:
                write_text_atomic(path, old_text)
            outcome.written = False
        journal.clear(state)
        raise
    journal.clear(state)
