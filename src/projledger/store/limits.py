"""Bounds on what a ledger file may be, so no input can take unbounded time or memory."""

import errno
import os

from projledger.findings import Finding
from projledger.messages import msg

MAX_FILE_BYTES = 1024 * 1024
"""A project file of a few dozen items is 5-50 KB; 1 MiB bounds time and memory."""
MAX_DEPTH = 64
"""Ledger data nests about 6 levels deep; deeper text is rejected before it is built."""


def read_ledger_bytes(path: "str | os.PathLike[str]") -> bytes:
    """A ledger file's bytes; OSError (EFBIG) for one over `MAX_FILE_BYTES`. Reads with
    one fstat and a read or two: about twice as fast as `Path.read_bytes` over 10,000
    small files (no buffered file object per file)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            raise OSError(errno.EFBIG, "file too large", path)
        chunks: list[bytes] = []
        total = 0
        while total <= MAX_FILE_BYTES:
            # Ask for one byte more than fstat said: an empty read confirms the end, and
            # a file that grew since is read on (up to the limit).
            chunk = os.read(fd, size + 1 - total if total <= size else 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        raise OSError(errno.EFBIG, "file too large", path)
    return data


def too_large_finding(size: int, file: str) -> Finding:
    """PL002: a file over `MAX_FILE_BYTES`, as `check` and the change commands report it."""
    limit = MAX_FILE_BYTES // 1024 // 1024
    return Finding.of("PL002", msg("PL002", size=f"{size / 1024 / 1024:.1f}", limit=limit), file)
