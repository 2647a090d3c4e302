"""One change at a time per ledger root: an exclusive lock that the kernel releases when
its holder exits, however it exits (so a killed command never leaves a stale lock)."""

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from projledger.errors import ProjledgerError

WAIT_SECONDS = 10.0
"""How long a second command waits for the first before saying the root is busy."""


class RootBusyError(ProjledgerError):
    """Another command held the root's lock for the whole wait. The CLI adds how to wait
    longer, as only it knows how the wait was set."""

    def __init__(self, holder: str, wait_seconds: float) -> None:
        self.holder = holder
        self.wait_seconds = wait_seconds
        held = f"has held it for over {wait_seconds:g} s" if wait_seconds > 0 else "holds it"
        super().__init__(
            f"the ledger root is busy: another projledger command (pid {holder or '?'}) "
            f"{held}; run the command again when it has finished"
        )


class RootLock:
    def __init__(self, state_dir: Path, wait_seconds: float = WAIT_SECONDS) -> None:
        self.path = state_dir / "lock"
        self.wait_seconds = wait_seconds
        self._descriptor: int | None = None

    def __enter__(self) -> "RootLock":
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(descriptor, 32, 0).decode(errors="replace").strip()
                    os.close(descriptor)
                    raise RootBusyError(holder, self.wait_seconds) from None
                time.sleep(0.05)
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, str(os.getpid()).encode(), 0)
        self._descriptor = descriptor
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._descriptor is not None:
            fcntl.flock(self._descriptor, fcntl.LOCK_UN)
            os.close(self._descriptor)
            self._descriptor = None
