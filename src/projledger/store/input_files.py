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
