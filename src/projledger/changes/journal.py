"""The journal of a change: written before a change replaces its files, removed once the
change is committed (or undone), so a change killed between the two is recognised as
projledger's own, not as edits by hand.

One JSON file, `.projledger/journal.json`, naming each file the change writes (one for a
change command, many for an import; relative to the root) with its blob ids before and
after the change, and the whole commit: message, author and author date. It is written
atomically and flushed to disk (with its directory) before any file is replaced: after a
crash, a replaced file always has its journal.
"""

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from projledger.store.atomic import write_bytes_atomic

JOURNAL = "journal.json"


@dataclass(frozen=True)
class FileChange:
    file: str
    """The file, relative to the ledger root."""
    old_blob: str | None
    """Its blob id before the change; None: the change creates it."""
    new_blob: str


@dataclass(frozen=True)
class Entry:
    files: tuple[FileChange, ...]
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
        if "files" not in fields:  # one file, as the first journals named it
            fields["files"] = [{key: fields.pop(key) for key in ("file", "old_blob", "new_blob")}]
        files = tuple(
            FileChange(**{key: each[key] for key in FileChange.__dataclass_fields__})
            for each in fields["files"]
        )
        entry = Entry(files, *(fields[key] for key in ("message", "author", "date")))
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise DamagedJournalError(str(exc)) from None
    if not files or not all(isinstance(f.file, str) and f.file for f in files):
        raise DamagedJournalError("no file named")
    return entry


def clear(state_dir: Path) -> None:
    (state_dir / JOURNAL).unlink(missing_ok=True)


def _sync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a directory be synced
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
