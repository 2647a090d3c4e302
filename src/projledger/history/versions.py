"""Parsed versions of project files, by blob id, cached on disk.

A blob's content never changes, so its parsed value is cached for good under its id in
`.projledger/history.sqlite` (ignored by git). The cache is dropped whole when the reader
or this format changes. A version that cannot be read (a YAML error committed by hand) is
cached as unreadable. Missing versions are fetched with one `git cat-file --batch` and
parsed with the same reader as `check`.
"""

import json
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path

from projledger.gitrepo import LedgerRepo
from projledger.history.values import Json, parse_version
from projledger.store.blob_cache import code_fingerprint

CACHE_FILE = "history.sqlite"
CACHE_FORMAT = 1
_CHUNK = 500  # parameters per SELECT: well under SQLite's limit


def _fingerprint() -> str:
    """Changes whenever reading or normalising a version could give another result."""
    return code_fingerprint(b"%d" % CACHE_FORMAT, "store/reader.py", "history/values.py")


class VersionStore:
    """Parsed project versions by blob id: `load` returns each one's JSON data, or None."""

    def __init__(self, repo: LedgerRepo, state_dir: Path | None) -> None:
        self.repo = repo
        self._db: sqlite3.Connection | None = None
        if state_dir is not None:
            self._db = _open(state_dir / CACHE_FILE)
        self._memory: dict[str, Json] = {}

    def load(self, blob_ids: Iterable[str]) -> dict[str, Json]:
        wanted = [b for b in dict.fromkeys(blob_ids) if b not in self._memory]
        if wanted:
            found = self._cached(wanted)
            self._memory.update(found)
            missing = [b for b in wanted if b not in found]
            if missing:
                parsed = [parse_version(raw) for raw in self.repo.blobs(missing)]
                self._memory.update((b, data) for b, (data, _) in zip(missing, parsed, strict=True))
                self._store([(b, text) for b, (_, text) in zip(missing, parsed, strict=True)])
        return self._memory

    def _cached(self, blob_ids: list[str]) -> dict[str, Json]:
        if self._db is None:
            return {}
        found: dict[str, Json] = {}
        try:
            for start in range(0, len(blob_ids), _CHUNK):
                chunk = blob_ids[start : start + _CHUNK]
                rows = self._db.execute(
                    f"SELECT blob, data FROM versions WHERE blob IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
                for blob, data in rows:
                    found[blob] = json.loads(zlib.decompress(data))
        except (sqlite3.Error, zlib.error, ValueError):
            self._db = None
            return {}
        return found

    def _store(self, texts: list[tuple[str, str]]) -> None:
        if self._db is None:
            return
        rows = [(blob, zlib.compress(text.encode(), 1)) for blob, text in texts]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO versions VALUES (?, ?)", rows)
        except sqlite3.Error:
            self._db = None  # a read-only or busy cache: carry on without it

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _open(path: Path) -> sqlite3.Connection | None:
    """The cache database, emptied if it was written by another reader or format; None
    when it cannot be used (then everything is parsed, and nothing is lost)."""
    fingerprint = _fingerprint()
    for attempt in range(2):
        try:
            db = sqlite3.connect(path, timeout=10)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            db.execute("CREATE TABLE IF NOT EXISTS versions (blob TEXT PRIMARY KEY, data BLOB)")
            row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            if row is None or row[0] != fingerprint:
                with db:
                    db.execute("DELETE FROM versions")
                    db.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,)
                    )
            return db
        except sqlite3.OperationalError:
            return None  # locked for too long, or a read-only directory
        except sqlite3.DatabaseError:
            if attempt == 0:  # not a database (a torn or foreign file): start again
                for leftover in (path, path.with_name(path.name + "-wal")):
                    leftover.unlink(missing_ok=True)
        except sqlite3.Error:
            return None
    return None
