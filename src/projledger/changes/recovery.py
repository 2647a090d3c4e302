"""Finishing a change that was killed between replacing its files and its commit.

The next change command (or import), holding the root's lock, reads the change's journal
and compares each file it names, on disk and in the last commit, with the change's old and
new versions:

- every file holds the new version and the last commit the old ones: the change was
  written whole and not committed; the commit the killed command would have made (its
  message, author and date) is made;
- some files hold the new version, the others still the old one (an import of many files
  killed while it replaced them): the files written are put back as they were (a file
  the import created is removed), so nothing of the change is kept; run it again;
- every file still holds the old version: nothing was written, and the journal is dropped;
- the last commit holds the new versions: killed after its commit, nothing is missing.

Anything else (a file changed since, by hand or by git) is left as it is. Each case but
the last is said in one line.
"""

from collections.abc import Callable
from pathlib import Path

from projledger.changes import journal
from projledger.errors import ProjledgerError
from projledger.gitrepo import Identity, LedgerRepo
from projledger.messages import Lang, text
from projledger.root import LedgerRoot
from projledger.store.blob_cache import blob_id


def finish_interrupted_change(
    root: LedgerRoot, notify: Callable[[str], None], lang: Lang = "en"
) -> None:
    """`notify` is told what was done, in `lang`."""

    def say(key: str, **args: object) -> None:
        notify(text(f"recovery.{key}", lang, **args))

    state = root.state_dir()
    try:
        entry = journal.read(state)
        paths = [_inside(root, change.file) for change in entry.files] if entry else []
    except journal.DamagedJournalError:
        journal.clear(state)
        say("damaged_journal", path=f"{root.path.name}/.projledger/journal.json")
        return
    if entry is None:
        return
    old = [change.old_blob for change in entry.files]
    new = [change.new_blob for change in entry.files]
    on_disk = [_blob_on_disk(path) for path in paths]
    try:
        repo: LedgerRepo | None = LedgerRepo.open(root.path)
    except ProjledgerError:
        repo = None  # no repository any more: nothing can be committed
    committed = repo.committed_blobs(paths) if repo is not None else [None] * len(paths)
    if repo is not None and committed == new:
        journal.clear(state)  # killed after its commit: nothing is missing
        return
    if repo is not None and committed == old and on_disk == new:
        repo.check_ready()  # a detached HEAD, a merge: the journal waits until it is over
        commit = repo.commit_files(
            paths, entry.message, Identity.parse(entry.author), date=entry.date
        )
        journal.clear(state)
        say("completed", subject=entry.subject, commit=commit[:8])
        return
    written = [i for i, blob in enumerate(on_disk) if blob == new[i] != old[i]]
    if (
        repo is not None
        and written
        and committed == old
        and all(blob in (old[i], new[i]) for i, blob in enumerate(on_disk))
        and _put_back(repo, [paths[i] for i in written], [old[i] for i in written])
    ):
        journal.clear(state)
        say("undone", written=len(written), n=len(paths), subject=entry.subject)
        return
    journal.clear(state)
    how = "one" if len(paths) == 1 else "many"
    what = "dropped" if on_disk == old else "left"
    say(f"{what}.{how}", file=entry.files[0].file, n=len(paths), subject=entry.subject)


def _inside(root: LedgerRoot, name: str) -> Path:
    """A file the journal names, which must be in the root (else the journal is damaged)."""
    path = root.path / name
    if ".." in Path(name).parts or Path(name).is_absolute():
        raise journal.DamagedJournalError(f"{name} is not a file of the root")
    return path


def _blob_on_disk(path: Path) -> str | None:
    return blob_id(path.read_bytes()) if path.is_file() and not path.is_symlink() else None


def _put_back(repo: LedgerRepo, paths: list[Path], blobs: list[str | None]) -> bool:
    """Each file as its old blob had it (committed: hand edits are refused before a
    change), or removed when the change created it; False, with nothing done, when git
    no longer has an old blob."""
    from subprocess import CalledProcessError

    from projledger.store.atomic import write_bytes_atomic

    kept = [blob for blob in blobs if blob is not None]
    try:
        contents = dict(zip(kept, repo.blobs(kept), strict=True))
    except (ProjledgerError, CalledProcessError, ValueError):
        return False
    for path, blob in zip(paths, blobs, strict=True):
        if blob is None:
            path.unlink(missing_ok=True)
        else:
            write_bytes_atomic(path, contents[blob])
    return True
