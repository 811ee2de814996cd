"""The outbox worker: a fast lane, a slow lane and a heartbeat, each its own loop.

`hearth worker` runs one on its own event loop; the web server's in-process worker runs
one in a thread of its own, with its own event loop and connections, so background work
never runs on the loop that serves requests. Stopping (SIGTERM) stops taking work at
once: the fast lane's current transaction finishes (it is short) or is rolled back, a job
gets a moment to finish and is otherwise given back untouched, and the process exits.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import threading
import time

from sqlalchemy import delete, update

from hearth import clock, cpu
from hearth.db import Database, get_database, rowcount
from hearth.domains import load_handlers
from hearth.events import outbox, registry
from hearth.events.models import Lane, WorkerBeat
from hearth.settings import get_settings

log = logging.getLogger("hearth.events")

BEAT_SECONDS = 10.0
CHORE_SECONDS = 3600.0
# Between two fast-lane transactions on SQLite, a pause this long lets a waiting request's
# writer (which looks for the lock every millisecond or two) in before the worker goes on.
YIELD_SECONDS = 0.004
STOP_SECONDS = 4.0        # everything is stopped within this (a job in hand gets `worker_grace_seconds` of it)


class Worker:
    """Drains the outbox until stopped; woken early when a request publishes."""

    def __init__(self, database: Database | None = None, *, poll_seconds: float | None = None,
                 lanes: tuple[Lane, ...] = (Lane.FAST, Lane.SLOW), name: str | None = None) -> None:
        self.database = database
        self.poll_seconds = poll_seconds or get_settings().worker_poll_seconds
        self.lanes = lanes
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{id(self) % 10_000:04d}"
        self.handled = 0
        self.current: str | None = None
        self._stopping = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: dict[Lane, asyncio.Event] = {}
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._started = threading.Event()

    # --- running ------------------------------------------------------------------------------

    async def run(self) -> None:
        """Work on the current event loop until `stop()`."""
        load_handlers()
        self._loop = asyncio.get_running_loop()
        self._wake = {lane: asyncio.Event() for lane in Lane}
        self._stop = asyncio.Event()
        self._started.set()
        database = self.database or get_database()
        loops = {Lane.FAST: self._fast_loop, Lane.SLOW: self._slow_loop}
        tasks = [asyncio.create_task(loops[lane](database), name=f"hearth-{lane}-lane") for lane in self.lanes]
        beat = asyncio.create_task(self._beat_loop(database), name="hearth-worker-beat")
        try:
            if self._stopping:
                self._wake_all()
            await self._stop.wait()
        finally:
            await self._finish(tasks, beat, database)

    async def _finish(self, tasks: list[asyncio.Task], beat: asyncio.Task, database: Database) -> None:
        # A lane still busy after the grace is cancelled: its transaction rolls back, its job is released.
        grace = min(get_settings().worker_grace_seconds, STOP_SECONDS - 1)
        _done, busy = await asyncio.wait(tasks, timeout=grace)
        for task in busy:
            task.cancel()
        if busy:
            cpu.shutdown()  # a computation in flight is dropped with its job, not waited for
            await asyncio.wait(busy, timeout=STOP_SECONDS - grace)
        beat.cancel()
        await asyncio.gather(beat, return_exceptions=True)
        try:
            async with await database.writer(background=True) as session:
                await session.execute(delete(WorkerBeat).where(WorkerBeat.name == self.name))
                await session.commit()
        except Exception:  # noqa: BLE001 - the heartbeat simply ages out
            log.warning("worker %s: could not remove its heartbeat", self.name)

    async def _fast_loop(self, database: Database) -> None:
        wake = self._wake[Lane.FAST]
        pause = YIELD_SECONDS if database.dialect == "sqlite" else 0
        while not self._stopping:
            wake.clear()  # before draining: a wake-up that arrives during the drain is not lost
            try:
                taken = await outbox.fast_pass(database)
            except Exception:
                log.exception("outbox worker %s could not drain", self.name)
                taken = 0
            self.handled += taken
            if taken:
                await asyncio.sleep(pause)
                continue
            await self._wait(wake)

    async def _slow_loop(self, database: Database) -> None:
        wake = self._wake[Lane.SLOW]
        due: dict[registry.Periodic, float] = {}
        next_chores = time.monotonic() + 60  # not at start-up: several processes start at once
        while not self._stopping:
            wake.clear()
            await run_periodic(database, due)
            if time.monotonic() >= next_chores and not self._stopping:
                next_chores = time.monotonic() + CHORE_SECONDS
                await run_chores(database)
            if self._stopping:
                break
            try:
                row = await outbox.claim(database, self.name)
            except Exception:
                log.exception("outbox worker %s could not claim a job", self.name)
                row = None
            if row is None:
                await self._wait(wake)
                continue
            self.current = f"{row.name} #{row.id} since {clock.now():%H:%M:%S}"
            try:
                await outbox.run_job(database, row, self.name)
            finally:
                self.current = None
            self.handled += 1

    async def _wait(self, wake: asyncio.Event) -> None:
        try:
            await asyncio.wait_for(wake.wait(), timeout=self.poll_seconds)
        except TimeoutError:
            pass

    async def _beat_loop(self, database: Database) -> None:
        started = clock.now()
        while True:
            try:
                await self._beat(database, started)
            except Exception:
                log.warning("worker %s: heartbeat failed", self.name, exc_info=True)
            await asyncio.sleep(BEAT_SECONDS)

    async def _beat(self, database: Database, started) -> None:  # noqa: ANN001
        values = {"seen_at": clock.now(), "handled": self.handled, "current": (self.current or "")[:200] or None}
        async with await database.writer(background=True) as session:
            result = await session.execute(update(WorkerBeat).where(WorkerBeat.name == self.name).values(**values))
            if not rowcount(result):
                session.add(WorkerBeat(name=self.name, pid=os.getpid(), lanes=",".join(self.lanes),
                                       started_at=started, **values))
            await session.commit()

    # --- control ------------------------------------------------------------------------------

    def wake(self) -> None:
        """Safe from any thread."""
        if self._loop is None or self._loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self._loop:
            self._wake_lanes()
        else:
            self._loop.call_soon_threadsafe(self._wake_lanes)

    def _wake_lanes(self) -> None:
        for event in self._wake.values():
            event.set()

    def _wake_all(self) -> None:
        for event in self._wake.values():
            event.set()
        if self._stop is not None:
            self._stop.set()

    def request_stop(self) -> None:
        """Stop taking work (safe from any thread and from a signal handler)."""
        self._stopping = True
        if self._loop is not None and not self._loop.is_closed():
            try:
                self._loop.call_soon_threadsafe(self._wake_all)
            except RuntimeError:
                pass

    # --- the web server's worker, in a thread of its own ----------------------------------

    def start(self) -> None:
        """Run in a thread with its own event loop and database connections."""
        global _inprocess
        url = (self.database or get_database()).url
        self._thread = threading.Thread(target=self._thread_main, args=(url,), name="hearth-outbox-worker",
                                        daemon=True)
        self._thread.start()
        self._started.wait(timeout=10)
        _inprocess = self

    def _thread_main(self, url: str) -> None:
        async def main() -> None:
            self.database = Database(url)
            try:
                await self.run()
            finally:
                await self.database.dispose()

        asyncio.run(main())

    async def stop(self) -> None:
        global _inprocess
        self.request_stop()
        if self._thread is not None:
            await asyncio.to_thread(self._thread.join, STOP_SECONDS + 1)
            if self._thread.is_alive():
                log.error("outbox worker %s did not stop in time", self.name)
        if _inprocess is self:
            _inprocess = None


_inprocess: Worker | None = None


def wake_worker() -> None:
    if _inprocess is not None:
        _inprocess.wake()


# --- recurring work ----------------------------------------------------------------------------

async def run_periodic(database: Database | None, due: dict[registry.Periodic, float]) -> None:
    """Run the tasks whose time has come; `due` holds each task's next monotonic time."""
    load_handlers()  # the domains register their tasks with their handlers
    now = time.monotonic()
    for func, seconds in registry.periodic().items():
        if due.setdefault(func, now) > now:
            continue
        due[func] = now + seconds
        try:
            await func(database or get_database())
        except Exception:
            log.exception("periodic task %s failed", func.__name__)


async def run_chores(database: Database | None = None, *, max_batches: int = 1_000) -> dict[str, int]:
    """Each chore batch by batch, each batch in its own short write transaction."""
    load_handlers()
    database = database or get_database()
    pause = YIELD_SECONDS if database.dialect == "sqlite" else 0
    done: dict[str, int] = {}
    for func in registry.chores():
        done[func.__name__] = 0
        try:
            for _ in range(max_batches):
                async with await database.writer(background=True) as session:
                    count = await func(session)
                    await session.commit()
                done[func.__name__] += count
                if not count:
                    break
                await asyncio.sleep(pause)
        except Exception:
            log.exception("chore %s failed", func.__name__)
    return done
