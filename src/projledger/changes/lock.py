"""One change at a time per ledger root, first come first served.

The lock is an exclusive flock on `.projledger/lock`, which the kernel releases when its
holder exits, however it exits (so a killed command never leaves a stale lock). Commands
that find it taken queue for it in the order they came: each takes a numbered ticket
(`.projledger/queue/`), flocked by its owner while it waits (a killed waiter's ticket is
dead and skipped), and only the waiter with the lowest live ticket tries the lock. Without
the queue every waiter polled the lock and a newcomer could take it at any release, so
under 8 busy writers about one change in a hundred waited past its time and was refused.
"""

import contextlib
import fcntl
import math
import os
import time
from pathlib import Path
from types import TracebackType

from projledger.errors import ProjledgerError
from projledger.messages import Lang, text

WAIT_SECONDS = 10.0
"""How long a command waits for the commands before it before saying the root is busy."""
POLL_SECONDS = 0.01
QUEUE = "queue"
_COUNTER = "next"
_DIGITS = 12


class RootBusyError(ProjledgerError):
    """Another command held the root's lock for the whole wait. The CLI adds how to wait
    longer, as only it knows how the wait was set."""

    def __init__(self, holder: str, wait_seconds: float, wait_variable: str = "") -> None:
        self.holder = holder
        self.wait_seconds = wait_seconds
        self.wait_variable = wait_variable
        super().__init__(self.text("en"))

    def waiting_longer(self, variable: str) -> "RootBusyError":
        """The same, saying how to wait longer: set `variable` (the CLI's to name)."""
        return RootBusyError(self.holder, self.wait_seconds, variable)

    def text(self, lang: Lang) -> str:
        if self.wait_seconds > 0:
            held = text("error.root_busy.held_for", lang, seconds=f"{self.wait_seconds:g}")
        else:
            held = text("error.root_busy.holds", lang)
        busy = text("error.root_busy", lang, pid=self.holder or "?", held=held)
        if not self.wait_variable:
            return busy
        longer = max(60, math.ceil(self.wait_seconds * 2))
        return text(
            "error.root_busy.wait_longer", lang, busy=busy, var=self.wait_variable, seconds=longer
        )


class RootLock:
    def __init__(self, state_dir: Path, wait_seconds: float = WAIT_SECONDS) -> None:
        self.path = state_dir / "lock"
        self.queue = state_dir / QUEUE
        self.wait_seconds = wait_seconds
        self._descriptor: int | None = None

    def __enter__(self) -> "RootLock":
        deadline = time.monotonic() + self.wait_seconds
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            with _Ticket(self.queue) as ticket:
                while not (ticket.is_first() and _try_lock(descriptor)):
                    if time.monotonic() >= deadline:
                        holder = os.pread(descriptor, 32, 0).decode(errors="replace").strip()
                        raise RootBusyError(holder, self.wait_seconds)
                    time.sleep(POLL_SECONDS)
        except BaseException:
            os.close(descriptor)
            raise
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


def _try_lock(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class _Ticket:
    """A place in the queue: a file named by a number taken from a shared counter, locked
    by its owner from before it appears until it is removed, so an unlocked ticket is one
    whose owner died."""

    def __init__(self, queue: Path) -> None:
        self.queue = queue
        self.name = ""
        self._descriptor: int | None = None

    def __enter__(self) -> "_Ticket":
        self.queue.mkdir(exist_ok=True)
        self.name = f"{_next_number(self.queue):0{_DIGITS}d}"
        # Made under another name and locked before it is renamed into the queue: no other
        # waiter ever sees it unlocked while its owner lives.
        draft = self.queue / f".{self.name}.{os.getpid()}"
        descriptor = os.open(draft, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        draft.rename(self.queue / self.name)
        self._descriptor = descriptor
        return self

    def is_first(self) -> bool:
        """Whether no live ticket is before this one (dead ones are removed on the way)."""
        for name in sorted(os.listdir(self.queue)):  # noqa: PTH208 - names only
            if name >= self.name:
                return True
            if len(name) == _DIGITS and name.isdigit() and _alive(self.queue / name):
                return False
        return True

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        (self.queue / self.name).unlink(missing_ok=True)
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


def _next_number(queue: Path) -> int:
    descriptor = os.open(queue / _COUNTER, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        text = os.pread(descriptor, 32, 0).decode(errors="replace").strip()
        number = int(text) if text.isdigit() else 0
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, str(number + 1).encode(), 0)
        return number
    finally:
        os.close(descriptor)  # closing releases the flock


def _alive(ticket: Path) -> bool:
    """Whether the ticket's owner still holds it; a dead owner's ticket is removed."""
    try:
        descriptor = os.open(ticket, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    with contextlib.suppress(FileNotFoundError):
        ticket.unlink()
    return False
