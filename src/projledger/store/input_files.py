"""Files a command is named on its command line (`fix FILE`, `--plans`, `import FILE`,
`--mapping`): only a regular file is read. Opening a named pipe blocks until something
writes to it, and a device (/dev/zero, /dev/tty) never ends: either would hang the
command while it holds the root's lock."""

import stat
from pathlib import Path

from projledger.errors import ProjledgerError
from projledger.messages import msg


def refuse_non_regular(path: Path, option: str = "") -> None:
    """A ProjledgerError naming `path` (and `option`, e.g. "--plans ") when it exists and
    is not a regular file (after symbolic links); a missing file is left to the reader,
    which says so."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode):
        raise ProjledgerError(msg("input_file.not_regular", option=option, file=path))


CSV_ENCODINGS = ("utf-8-sig", "gb18030")
"""A CSV file's encodings, in the order tried: UTF-8 (with Excel's byte-order mark or
without), then GB18030, a superset of the GBK in which Excel on a Chinese Windows saves
"CSV (逗号分隔)". GB18030 decodes any bytes, so a file is always read as one or the other."""


def csv_text(raw: bytes) -> str | None:
    """A CSV file's text, or None when it is not text at all (a NUL byte near its start:
    a workbook or another binary file given where a CSV belongs)."""
    for encoding in CSV_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return None if "\0" in text[:4096] else text
    return None
