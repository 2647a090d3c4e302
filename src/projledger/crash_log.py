"""The crash log: where the traceback of a bug goes, written where no one else can plant
or read it.

The log is a new file with a unique name, created only if nothing is there (O_CREAT |
O_EXCL | O_NOFOLLOW, mode 0600), in a directory of the user's own:
`$XDG_STATE_HOME/projledger` or `~/.local/state/projledger`, else `projledger-UID` in the
temporary directory (a shared one: another user may have made that name first, as a link
or a directory of theirs). A directory is used only if it is a real directory, not a
symbolic link, owned by the user and writable by no one else; the file is created
through the open directory, so nothing can be swapped in between the check and the
write. (A fixed name in the temporary directory let a planted link make a crash
overwrite another file.)
"""

import contextlib
import os
import secrets
import stat
import time
from collections.abc import Mapping
from pathlib import Path

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def write_crash_log(text: str, environ: Mapping[str, str]) -> Path | None:
    """The path of a new log holding `text`, or None when no directory would take it."""
    if not _NOFOLLOW or os.open not in os.supports_dir_fd:
        return None  # no way to write it safely on this system
    for directory in _directories(environ):
        try:
            return _write_in(directory, text)
        except OSError:
            continue
    return None


def _directories(environ: Mapping[str, str]) -> list[Path]:
    found = []
    state = Path(environ.get("XDG_STATE_HOME", ""))
    if state.is_absolute():
        found.append(state / "projledger")
    else:
        with contextlib.suppress(RuntimeError):  # no home directory
            found.append(Path("~").expanduser() / ".local" / "state" / "projledger")
    temporary = Path(environ.get("TMPDIR", ""))
    if not temporary.is_absolute():
        import tempfile  # only when needed: it probes directories by writing to them

        temporary = Path(tempfile.gettempdir())
    found.append(temporary / f"projledger-{os.geteuid()}")
    return [directory for directory in found if directory.is_absolute()]


def _write_in(directory: Path, text: str) -> Path:
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder = os.open(directory, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
    try:
        info = os.fstat(folder)
        if (
            not stat.S_ISDIR(info.st_mode)
            or info.st_uid != os.geteuid()
            or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            raise PermissionError(f"{directory} is not a private directory of this user")
        stamp = time.strftime("%Y%m%d-%H%M%S")
        name = f"crash-{stamp}-{os.getpid()}-{secrets.token_hex(4)}.log"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | os.O_CLOEXEC
        descriptor = os.open(name, flags, 0o600, dir_fd=folder)
    finally:
        os.close(folder)
    with os.fdopen(descriptor, "w", encoding="utf-8", errors="backslashreplace") as log:
        log.write(text)
    return directory / name
