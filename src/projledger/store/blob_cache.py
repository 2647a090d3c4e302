"""Per-file results cached by content: one JSON file of `name → [blob id, value]`, or
`[blob id, value, stat]`.

An entry counts only when the file's bytes still hash to its blob id and the cache was
written by the same code and inputs (`fingerprint`); anything else is a miss, so a changed
file is always computed again. A cache that cannot be read or written is only a slower
run: it is never an error. `check` and the reports each keep one.

Like git's index, an entry may also remember the file's stat (size, mtime, ctime, inode)
from when its bytes were hashed, so a reader can skip reading and hashing a file whose
stat is unchanged (`get_by_stat`). A write sets the ctime to the current time, which no
process can set back (on Windows, where st_ctime is the creation time, the mtime, which
only a deliberate `touch` sets back). The stat is remembered only for a file whose ctime
and mtime are older than the cache file's last write by `SETTLED_NS`, so before this run
began: its bytes were read after its last change, and a change within one tick of the
clock (which leaves the stat alone) cannot have followed the read (git's "racily clean"
files). Without a cache file, the run first creates the temporary file it will save to,
and its mtime plays that part: the time comes from the file system, as the files' own do,
never from the clock.

An entry may carry bytes beside its value (`put(..., attachment=)`), kept after the JSON
(which holds no raw newline) and a newline, its place in the entry as
`[blob id, value, stat or null, offset, length]`: reading the file then builds no object
for them, and `attachment` hands out a view of them when asked. The due index keeps each
deadline's fields so (`ledger/due_index.py`): at 10,000 projects, 12 of its 16 MB, of
which a listing reads a third.
"""

import hashlib
import json
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from projledger.root import LedgerRoot

MISS: Any = object()
"""What `get` returns for a name without a current entry (None is a value)."""

SETTLED_NS = 2_000_000_000
"""A file changed this long before the cache was last written is known by its stat."""


def code_fingerprint(salt: bytes, *sources: str, extra: bytes = b"") -> str:
    """A digest of `salt`, the package's files named by `sources` (paths or globs relative
    to the package, in order) and `extra`: a cache written by other code or from other
    inputs is dropped whole."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1(salt + b"\0", usedforsecurity=False)
    for pattern in sources:
        for source in sorted(package.glob(pattern)):
            digest.update(source.read_bytes())
    digest.update(extra)
    return digest.hexdigest()


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
        self.settled_before: int | None = None
        """ctime (ns) before which a file's stat is remembered; None: never (the time
        this run began could not be told)."""
        self._stored = memoryview(b"")  # the attachments in the file
        self._attached: dict[str, bytes | memoryview] = {}  # put in this run
        if path is None:
            return
        try:
            with path.open("rb") as stream:
                written = os.fstat(stream.fileno()).st_mtime_ns
                raw = stream.read()
            cut = raw.find(b"\n")
            stored = _loads(raw if cut < 0 else raw[:cut])
        except FileNotFoundError:
            self._start_without_a_file()
            return
        except (OSError, ValueError):
            return
        if isinstance(stored, dict) and stored.get("fingerprint") == fingerprint:
            entries = stored.get("files")
            self.entries = entries if isinstance(entries, dict) else {}
            if cut >= 0:
                self._stored = memoryview(raw)[cut + 1 :]
        self.settled_before = written - SETTLED_NS

    @classmethod
    def in_state_dir(cls, root: "LedgerRoot", file_name: str, fingerprint: str) -> "BlobCache":
        """The cache `file_name` in the root's `.projledger/`; in memory only when that
        cannot be made (a read-only root: everything is computed, nothing kept)."""
        try:
            path: Path | None = root.state_dir() / file_name
        except OSError:
            path = None
        return cls(path, fingerprint)

    def get(self, name: str, blob: str, stat: os.stat_result | None = None) -> Any:
        """The value stored for `name` at this content, or `MISS`. `stat`: the file's,
        taken before its bytes were read, to remember with the entry."""
        entry = self.entries.get(name)
        if not isinstance(entry, list) or len(entry) not in (2, 3, 5) or entry[0] != blob:
            return MISS
        if stat is not None:
            self._remember(entry, stat)
        return entry[1]

    def get_by_stat(self, name: str, stat: os.stat_result) -> Any:
        """The value stored for `name` if the file's stat is the one remembered with its
        content (the file has not been written since), or `MISS`: then read and `get`."""
        entry = self.entries.get(name)
        if (
            isinstance(entry, list)
            and len(entry) in (3, 5)
            and entry[2] is not None
            and entry[2] == _stat_key(stat)
        ):
            return entry[1]
        return MISS

    def attachment(self, name: str) -> bytes | memoryview:
        """The bytes put with `name`'s current entry (empty if none). ValueError if the
        entry places them outside the file (a damaged cache)."""
        attached = self._attached.get(name)
        if attached is not None:
            return attached
        entry = self.entries.get(name)
        if not isinstance(entry, list) or len(entry) != 5:
            return b""
        offset, length = entry[3], entry[4]
        if not (type(offset) is int and type(length) is int and offset >= 0):
            raise ValueError(f"cache entry {name!r}: no place for its bytes")
        if length < 0 or offset + length > len(self._stored):
            raise ValueError(f"cache entry {name!r}: its bytes are not in the file")
        return self._stored[offset : offset + length]

    def put(
        self,
        name: str,
        blob: str,
        value: Any,
        stat: os.stat_result | None = None,
        attachment: bytes | None = None,
    ) -> None:
        """`stat`: as for `get`. `attachment`: bytes to keep beside the value."""
        entry = [blob, value]
        if attachment is not None:
            entry += [None, 0, len(attachment)]
            self._attached[name] = attachment
        else:
            self._attached.pop(name, None)
        if stat is not None:
            self._remember(entry, stat)
        self.entries[name] = entry
        self.dirty = True

    def _remember(self, entry: list[Any], stat: os.stat_result) -> None:
        # The later of ctime and mtime: where st_ctime is the creation time (Windows),
        # the mtime is what a write moves.
        changed = max(stat.st_ctime_ns, stat.st_mtime_ns)
        if self.settled_before is None or changed >= self.settled_before:
            return  # changed lately: it could change again with the same stat
        key = _stat_key(stat)
        if len(entry) == 2:
            entry.append(key)
        elif entry[2] != key:
            entry[2] = key
        else:
            return
        self.dirty = True

    def clear(self) -> None:
        """Forget every entry (one was found damaged: trust none)."""
        self.entries = {}
        self._attached = {}
        self.dirty = True

    def retain(self, names: set[str]) -> None:
        """Forget files that no longer exist."""
        stale = self.entries.keys() - names
        for name in stale:
            del self.entries[name]
            self._attached.pop(name, None)
        self.dirty = self.dirty or bool(stale)

    def _temporary(self) -> Path:
        assert self.path is not None
        return self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")

    def _start_without_a_file(self) -> None:
        """Create the file `save` will write (and rename), to learn from its mtime when
        this run began."""
        try:
            with self._temporary().open("wb") as stream:
                began = os.fstat(stream.fileno()).st_mtime_ns
        except OSError:
            return
        self.settled_before = began - SETTLED_NS

    def save(self) -> None:
        """Write atomically (a reader sees the old cache or the new one)."""
        if self.path is None:
            return
        temporary = self._temporary()
        if not self.dirty:
            temporary.unlink(missing_ok=True)  # made by _start_without_a_file, unused
            return
        attachments = self._gather_attachments()
        payload = {"fingerprint": self.fingerprint, "files": self.entries}
        try:
            with temporary.open("wb") as stream:
                stream.write(_dumps(payload))
                if attachments:
                    stream.write(b"\n")
                    stream.writelines(attachments)
            temporary.replace(self.path)
        except OSError:
            temporary.unlink(missing_ok=True)

    def _gather_attachments(self) -> list[bytes | memoryview]:
        """Every entry's attachment, in entry order, each entry given its new place; an
        entry whose bytes are not in the file is dropped (computed again next time).
        They are then held as put in this run: the places no longer match the file read."""
        gathered: dict[str, bytes | memoryview] = {}
        offset = 0
        for name, entry in list(self.entries.items()):
            if not isinstance(entry, list) or len(entry) != 5:
                continue
            try:
                data = self.attachment(name)
            except ValueError:
                del self.entries[name]
                continue
            entry[3], entry[4] = offset, len(data)
            gathered[name] = data
            offset += len(data)
        self._attached = gathered
        return list(gathered.values())


def _stat_key(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]


# File names may hold bytes that are not UTF-8 (os.fsdecode gives surrogates), which
# orjson refuses: such a cache is written and read by the json module instead.


def _loads(raw: bytes) -> Any:
    import orjson

    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        # Like orjson, no NaN, Infinity or 1e999: no cached figure can be infinite (a
        # ValueError drops the whole cache).
        return json.loads(
            raw.decode("utf-8", "surrogatepass"),
            parse_float=_finite,
            parse_constant=_not_a_number,
        )


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range")
    return value


def _not_a_number(text: str) -> Any:
    raise ValueError(f"{text} is not a number")


def _dumps(payload: Any) -> bytes:
    import orjson

    try:
        return orjson.dumps(payload)
    except TypeError:
        return json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
