"""Per-file results cached by content: one JSON file of `name → [blob id, value]`.

An entry counts only when the file's bytes still hash to its blob id and the cache was
written by the same code and inputs (`fingerprint`); anything else is a miss, so a changed
file is always computed again. A cache that cannot be read or written is only a slower
run: it is never an error. `check` and the reports each keep one.
"""

import hashlib
import json
import os
from pathlib import Path
from typing import Any

MISS: Any = object()
"""What `get` returns for a name without a current entry (None is a value)."""


def blob_id(raw: bytes) -> str:
    """The id git gives these bytes (`git hash-object`)."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()


class BlobCache:
    def __init__(self, path: Path | None, fingerprint: str) -> None:
        """`path` None: a cache in memory only (the state directory cannot be made)."""
        self.path = path
        self.fingerprint = fingerprint
        self.entries: dict[str, Any] = {}
        self.dirty = False
        if path is None:
            return
        try:
            # surrogatepass: file names may hold undecodable bytes (os.fsdecode).
            stored = json.loads(path.read_bytes().decode("utf-8", "surrogatepass"))
        except (OSError, ValueError):
            return
        if isinstance(stored, dict) and stored.get("fingerprint") == fingerprint:
            entries = stored.get("files")
            self.entries = entries if isinstance(entries, dict) else {}

    def get(self, name: str, blob: str) -> Any:
        """The value stored for `name` at this content, or `MISS`."""
        entry = self.entries.get(name)
        if not isinstance(entry, list) or len(entry) != 2 or entry[0] != blob:
            return MISS
        return entry[1]

    def put(self, name: str, blob: str, value: Any) -> None:
        self.entries[name] = [blob, value]
        self.dirty = True

    def retain(self, names: set[str]) -> None:
        """Forget files that no longer exist."""
        stale = self.entries.keys() - names
        for name in stale:
            del self.entries[name]
        self.dirty = self.dirty or bool(stale)

    def save(self) -> None:
        """Write atomically (a reader sees the old cache or the new one)."""
        if not self.dirty or self.path is None:
            return
        payload = {"fingerprint": self.fingerprint, "files": self.entries}
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            text = json.dumps(payload, ensure_ascii=False)
            temporary.write_bytes(text.encode("utf-8", "surrogatepass"))
            temporary.replace(self.path)
        except OSError:
            temporary.unlink(missing_ok=True)
