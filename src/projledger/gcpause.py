"""Pause the cyclic garbage collector while a command builds many small objects.

Reports decode and build hundreds of thousands of tuples, lists and strings, none in a
cycle: the collector would scan the growing heap again and again for nothing (a third of
`overdue`'s build time at 10,000 projects). Reference counting still frees everything.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused(*, keep: bool = False) -> Iterator[None]:
    """`keep`: what was built stays for the rest of the run, so move it out of the
    collector's sight for good (`gc.freeze`)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if enabled:
            gc.enable()
