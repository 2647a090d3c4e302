"""An import's files written as one commit, under the root's lock.

The same promises as a change's transaction (changes/transaction.py), for many files:
files with uncommitted hand edits are refused; each file is written atomically; if the
commit fails, every file is put back as it was (a new one removed), so the work tree and
the history agree. Before the first file is replaced, the change's journal names every
file with its old and new version and the whole commit (changes/journal.py): a process
killed between writing the files and committing them is finished by the next command or
import (every file written: the commit is made as it would have been) or undone (killed
partway through the writes: the files written are put back), and said so in one line
(changes/recovery.py). Never mistaken for edits by hand.
"""

from dataclasses import dataclass
from pathlib import Path

from projledger.changes import journal
from projledger.errors import ProjledgerError
from projledger.gitrepo import Identity, LedgerRepo
from projledger.messages import Lang, lists, msg, text
from projledger.root import LedgerRoot


@dataclass
class FileWrite:
    path: Path
    old_text: str | None
    """The text the import was planned on; None for a new file."""
    new_text: str


def refuse_hand_edits(root: LedgerRoot, writes: list[FileWrite], lang: Lang = "en") -> LedgerRepo:
    """The repository, ready for the commit; a clear refusal when it is not."""
    repo = LedgerRepo.open(root.path)
    repo.check_ready()
    repo.committer()
    if not writes:
        return repo
    names = [repo.relative(w.path) for w in writes]
    status = repo.git("status", "--porcelain", "--untracked-files=all", "--", *names)
    dirty = [line[3:] for line in status.splitlines() if line.strip()]
    if dirty:
        more = [text("excel.and_more", lang, n=len(dirty) - 5)] if len(dirty) > 5 else []
        shown = lists.names(dirty[:5] + more, lang)
        raise ProjledgerError(msg("excel.refused.hand_edits", files=shown, n=len(dirty)))
    return repo


def write_and_commit(
    root: LedgerRoot,
    repo: LedgerRepo | None,
    writes: list[FileWrite],
    message: str,
    author: Identity | None,
) -> str | None:
    """Write every file and commit them (the commit's id); `repo` None: write only."""
    from projledger.store.atomic import write_text_atomic

    for write in writes:
        now = write.path.read_text(encoding="utf-8") if write.path.exists() else None
        if now != write.old_text:
            raise ProjledgerError(msg("excel.refused.changed_meanwhile", file=write.path.name))
    written: list[FileWrite] = []
    state = root.state_dir()
    try:
        if repo is None:
            _write_all(writes, written)
            return None
        entry = _journal_entry(root, repo, writes, message, author)
        journal.write(state, entry)
        _write_all(writes, written)
        commit = repo.commit_files(
            [w.path for w in writes], message, Identity.parse(entry.author), date=entry.date
        )
    except BaseException:
        for write in reversed(written):
            if write.old_text is None:
                write.path.unlink(missing_ok=True)
            else:
                write_text_atomic(write.path, write.old_text)
        journal.clear(state)
        raise
    journal.clear(state)
    return commit


def _journal_entry(
    root: LedgerRoot,
    repo: LedgerRepo,
    writes: list[FileWrite],
    message: str,
    author: Identity | None,
) -> journal.Entry:
    """The journal of the import's commit: its files' versions, and its author and date
    fixed now, so a commit finished by the next command is the one this would have made."""
    from projledger.store.blob_cache import blob_id

    identity, date = Identity.parse_ident(repo.git("var", "GIT_AUTHOR_IDENT"))
    files = tuple(
        journal.FileChange(
            file=w.path.relative_to(root.path).as_posix(),
            old_blob=blob_id(w.old_text.encode("utf-8")) if w.old_text is not None else None,
            new_blob=blob_id(w.new_text.encode("utf-8")),
        )
        for w in writes
    )
    return journal.Entry(files, message, str(author or identity), date)


def _write_all(writes: list[FileWrite], written: list[FileWrite]) -> None:
    """Each file atomically (a temporary file renamed over it), with one flush to disk for
    all of them before the renames: one fsync per file costs ~3 ms, a second for 300 files."""
    import os
    import tempfile

    temporaries: list[tuple[FileWrite, Path]] = []
    try:
        for write in writes:
            descriptor, name = tempfile.mkstemp(
                dir=write.path.parent, prefix=f".{write.path.name}.", suffix=".tmp"
            )
            temporaries.append((write, Path(name)))
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(write.new_text.encode("utf-8"))
            mode = write.path.stat().st_mode & 0o7777 if write.path.exists() else 0o644
            Path(name).chmod(mode)
        os.sync()
        for write, temporary in temporaries:
            temporary.replace(write.path)
            written.append(write)
    finally:
        for _, temporary in temporaries:
            temporary.unlink(missing_ok=True)


def message(subject: str, command: str, trailers: dict[str, str]) -> str:
    lines = [f"Projledger-Command: {command}"]
    lines += [f"{key}: {value}" for key, value in trailers.items() if value]
    return f"{subject}\n\n" + "\n".join(lines) + "\n"
