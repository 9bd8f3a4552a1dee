"""Map a function over work items in forked worker processes, results in order.

Fork hands each worker everything the parent has computed (a resolved corpus of
a gigabyte or more) without pickling it; only the items and the results cross
the pipe. It is used where it is safe: on Linux (fork is unsafe with macOS
system frameworks) and when the parent has a single thread (a forked child gets
no copy of other threads, e.g. ``mkdocs serve``'s, and may inherit their locks
held). Callers fall back to a plain loop otherwise.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
import threading
from collections.abc import Callable, Hashable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
K = TypeVar("K", bound=Hashable)

_TARGET: Callable[[Any], Any] | None = None  # set in each forked worker only (see _start)


def can_fork() -> bool:
    return sys.platform == "linux" and threading.active_count() == 1


def _start(func: Callable[[Any], Any]) -> None:
    """Runs in each new worker: the function arrives through fork, never pickled."""
    global _TARGET
    _TARGET = func


def _call(job: tuple[int, Any]) -> tuple[int, Any]:
    assert _TARGET is not None, "worker forked without a target"
    return job[0], _TARGET(job[1])


def map_forked(
    func: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    *,
    first: Callable[[T], bool] | None = None,
    each: Callable[[R], R] | None = None,
) -> list[R]:
    """``[each(func(item)) for item in items]`` with ``func`` computed by ``workers`` forked processes.

    Items for which ``first`` is true are handed out first: long single items
    started last would leave one core idle at the end. ``each`` runs in this
    process on every result as it arrives (to store it and keep less of it). A
    worker that dies (out of memory, a signal) raises RuntimeError instead of
    hanging the caller.
    """
    order = sorted(range(len(items)), key=lambda i: not first(items[i])) if first else list(range(len(items)))
    results: list[Any] = [None] * len(items)
    # Frozen objects are never scanned by a child's garbage collector, which would
    # otherwise write to (and so copy) every memory page it shares with the parent.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=_start, initargs=(func,)
        ) as pool:
            for i, result in pool.map(_call, [(i, items[i]) for i in order]):
                results[i] = each(result) if each is not None else result
    except BrokenProcessPool as err:
        raise RuntimeError(
            f"a worker process died ({err}); nothing was written. Out of memory? Try the option 'workers: 1'."
        ) from err
    finally:
        gc.unfreeze()
    return results


def balanced(keys: Sequence[K], weight: Mapping[K, int], batches: int) -> list[tuple[K, ...]]:
    """``keys`` cut, in order, into at most ``batches`` runs of about equal total weight."""
    total = sum(weight[k] for k in keys)
    target = max(1, -(-total // batches))
    out: list[tuple[K, ...]] = []
    run: list[K] = []
    filled = 0
    for k in keys:
        run.append(k)
        filled += weight[k]
        if filled >= target:
            out.append(tuple(run))
            run, filled = [], 0
    if run:
        out.append(tuple(run))
    return out
