"""Finishing a change that was killed between its file's replacement and its commit.

The next change command, holding the root's lock, reads the change's journal: if the file
holds the change's new version and the last commit the version it changed, it makes the
commit the killed command would have made (its message, author and date); if the file
still holds the old version, nothing of the change was written and the journal is
dropped. Either way it says so in one line.
"""

from collections.abc import Callable

from projledger.changes import journal
from projledger.errors import ProjledgerError
from projledger.gitrepo import Identity, LedgerRepo
from projledger.root import LedgerRoot
from projledger.store.blob_cache import blob_id


def finish_interrupted_change(root: LedgerRoot, notify: Callable[[str], None]) -> None:
    state = root.state_dir()
    try:
        entry = journal.read(state)
    except journal.DamagedJournalError:
        journal.clear(state)
        notify(f"removed a damaged change journal ({root.path.name}/.projledger/journal.json)")
        return
    if entry is None:
        return
    path = root.path / entry.file
    on_disk = blob_id(path.read_bytes()) if path.is_file() and not path.is_symlink() else None
    try:
        repo = LedgerRepo.open(root.path)
    except ProjledgerError:
        repo = None  # no repository any more: nothing can be committed
    committed = repo.committed_blob(path) if repo is not None else None
    if repo is not None and committed == entry.new_blob:
        journal.clear(state)  # killed after its commit: nothing is missing
        return
    if repo is not None and on_disk == entry.new_blob and committed == entry.old_blob:
        repo.check_ready()  # a detached HEAD, a merge: the journal waits until it is over
        commit = repo.commit_files(
            [path], entry.message, Identity.parse(entry.author), date=entry.date
        )
        journal.clear(state)
        notify(
            f"completed a change that was interrupted before its commit: {entry.subject} "
            f"(commit {commit[:8]})"
        )
        return
    journal.clear(state)
    if on_disk == entry.old_blob:
        notify(
            f"a change interrupted before it replaced {entry.file} changed nothing, and was "
            f"dropped: {entry.subject}"
        )
    else:
        notify(
            f"a change interrupted before its commit was not completed, as {entry.file} or its "
            f"last commit has changed since; the file is left as it is: {entry.subject}"
        )
