"""Work on many files in forked worker processes: parsing 10,000 YAML files is CPU-bound,
and forking shares the loaded modules instead of importing them again in each worker."""

import os
from collections.abc import Callable, Sequence
from functools import partial
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_MIN_ITEMS = 400
"""Below this, starting workers costs more than it saves."""


def map_in_workers(
    work: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    min_items: int | None = None,
) -> list[Result]:
    """`work` applied to chunks of `items`, in order; in this process when the items are
    fewer than `min_items` (default `PARALLEL_MIN_ITEMS`, read at the call), there is one
    core, or the platform cannot fork. `work` must be a module-level function (it is
    pickled by reference)."""
    workers = min(os.cpu_count() or 1, 8)
    fewest = PARALLEL_MIN_ITEMS if min_items is None else min_items
    if len(items) < fewest or workers < 2 or not _can_fork():
        return work(items)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(50, len(items) // (workers * 4))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return [
            result for chunk in pool.map(partial(_collecting, work), chunks) for result in chunk
        ]


def _collecting(
    work: Callable[[Sequence[Item]], list[Result]], chunk: Sequence[Item]
) -> list[Result]:
    """`work` with the cyclic collector on: a worker forked while the parent paused it
    (gcpause.py) parses thousands of files, whose garbage may hold cycles."""
    import gc

    gc.enable()
    return work(chunk)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
