"""The journal of a change: written before a change replaces its file, removed once the
change is committed (or undone), so a change killed between the two is recognised as
projledger's own, not as edits by hand.

One JSON file, `.projledger/journal.json`, naming the file (relative to the root), its
blob ids before and after the change, and the whole commit: message, author and author
date. It is written atomically and flushed to disk (with its directory) before the file is
replaced: after a crash, a replaced file always has its journal.
"""

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from projledger.store.atomic import write_bytes_atomic

JOURNAL = "journal.json"


@dataclass(frozen=True)
class Entry:
    file: str
    """The project file, relative to the ledger root."""
    old_blob: str | None
    """Its blob id before the change; None: the change creates it."""
    new_blob: str
    message: str
    author: str
    """'Name <email>'."""
    date: str
    """The author date, in git's internal format ('1795158000 +0800')."""

    @property
    def subject(self) -> str:
        return self.message.partition("\n")[0]


class DamagedJournalError(Exception):
    """A journal that cannot be read (it is then removed)."""


def write(state_dir: Path, entry: Entry) -> None:
    data = json.dumps(asdict(entry), ensure_ascii=False, indent=1).encode("utf-8")
    write_bytes_atomic(state_dir / JOURNAL, data)
    _sync_directory(state_dir)  # the rename itself must be on disk before the replace


def read(state_dir: Path) -> Entry | None:
    """The journal, or None when there is none."""
    try:
        raw = (state_dir / JOURNAL).read_bytes()
    except FileNotFoundError:
        return None
    try:
        fields = json.loads(raw)
        return Entry(**{key: fields[key] for key in Entry.__dataclass_fields__})
    except (ValueError, TypeError, KeyError) as exc:
        raise DamagedJournalError(str(exc)) from None


def clear(state_dir: Path) -> None:
    (state_dir / JOURNAL).unlink(missing_ok=True)


def _sync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a directory be synced
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
