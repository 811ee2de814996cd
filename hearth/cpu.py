"""CPU-heavy work (training a model, labelling an import) in a pool of processes.

Background work runs beside the web server; pure-Python number crunching in the same
process would hold the interpreter for as long as it runs, and every request that
process serves would wait. Here it runs in separate processes, started on first use
("spawn": a fresh interpreter, safe beside threads and an event loop) and kept for the
next job. `HEARTH_WORKER_CPU_PROCESSES=0` runs the work in a thread instead (for a
machine that cannot start processes).

Functions sent here must live at module level and take and return plain data.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from hearth.settings import get_settings

log = logging.getLogger("hearth.cpu")
T = TypeVar("T")

_pool: Executor | None = None
_lock = threading.Lock()


def _executor() -> Executor:
    global _pool
    with _lock:
        if _pool is None:
            processes = get_settings().worker_cpu_processes
            if processes <= 0:
                _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hearth-cpu")
            else:
                _pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"))
        return _pool


async def run(func: Callable[..., T], *args: Any) -> T:
    """`func(*args)` in the pool; the caller's event loop stays free meanwhile."""
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(_executor(), partial(func, *args))
    except Exception as exc:
        if type(exc).__name__ == "BrokenProcessPool":  # a child died (killed, out of memory): start afresh next time
            shutdown()
        raise


def shutdown() -> None:
    """Stop the pool now: queued work is dropped and running children are terminated, so a
    stopping worker never waits for a half-done computation (its job is released and redone)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is None:
        return
    children = list(getattr(pool, "_processes", {}).values()) if isinstance(pool, ProcessPoolExecutor) else []
    pool.shutdown(wait=False, cancel_futures=True)
    for child in children:
        if child.is_alive():
            child.terminate()
    for child in children:
        child.join(timeout=2)
