"""Writing events and doing their work: the fast lane's short transactions and the slow lane's jobs.

`publish` writes the event in the caller's transaction, so an event exists exactly when
the change that caused it was committed. The fast lane takes a few due events in one
write transaction and stops taking more once it has run for `worker_write_budget_ms`:
each event runs in a savepoint together with its "processed" mark, so a handler's writes
and the mark commit together, and the write lock (SQLite has one for the whole database)
is never held for long. A slow job is claimed with a lease in one short transaction, runs
outside any transaction, and commits its result together with its "processed" mark in
another; a worker that dies leaves the lease to lapse, and another worker takes the job.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from hearth import clock, cpu, metrics, sqlite
from hearth.db import Database, engine_of, get_database, rowcount
from hearth.domains import load_handlers
from hearth.events import registry
from hearth.events.models import Lane, OutboxEvent, Outcome
from hearth.events.registry import Event
from hearth.settings import get_settings

log = logging.getLogger("hearth.events")
T = TypeVar("T")


def publish(session: AsyncSession, name: str, *, not_before: datetime | None = None, **payload: Any) -> OutboxEvent:
    """Write an event in the caller's transaction; `not_before` schedules it for later (a reminder).

    Its handlers in the fast lane run from the event's row. Each job subscribed to it gets a
    row of its own here, in the same transaction, so a burst of triggers for a job never
    queues in the fast lane before the events behind it."""
    load_handlers()
    at = clock.now()
    available = max(at, not_before or at)
    subscriptions = registry.subscriptions(name)
    inline = [s for s in subscriptions if not s.is_job]
    event = OutboxEvent(name=name, payload=payload, lane=Lane.FAST, created_at=at, available_at=available,
                        deadline=available + timedelta(seconds=registry.budget_of_event(inline)), attempts=0)
    if inline or not subscriptions:  # an event nobody listens for is kept, to be counted as unhandled
        session.add(event)
    for subscription in subscriptions:
        if subscription.is_job:
            starts = available + timedelta(seconds=subscription.delay)
            session.add(OutboxEvent(
                name=subscription.job, payload=payload, lane=subscription.lane,
                key=subscription.key(payload) if subscription.key else None, created_at=at, available_at=starts,
                deadline=starts + timedelta(seconds=subscription.budget), attempts=0))
    session.info["published_events"] = True
    return event


class LeaseLost(RuntimeError):
    """Another worker took the job over (this one's lease lapsed): its result is not kept."""


_gc_lock = threading.Lock()
_gc_holders = 0


@contextmanager
def _collection_deferred() -> Iterator[None]:
    """Defer the garbage collector while a worker holds write locks. A full collection of a
    server's heap stops every thread of the process for 50–100 ms; under the write lock it
    would stop every writer of every process too. It runs after the commit instead."""
    global _gc_holders
    with _gc_lock:
        _gc_holders += 1
        if _gc_holders == 1:
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0:
                gc.enable()


def _event(row: OutboxEvent) -> Event:
    return Event(row.id, row.name, row.payload, row.created_at)


def _pending(lane: Lane, ahead: float = 0.0) -> Any:
    """Due rows, earliest deadline first: a mention that must be stored within 5 s goes before
    a burst of notifications that may take 10 s, which do not starve: their deadlines come."""
    horizon = clock.now() + timedelta(seconds=ahead)
    return select(OutboxEvent).where(OutboxEvent.lane == lane, OutboxEvent.processed_at.is_(None),
                                     OutboxEvent.available_at <= horizon).order_by(OutboxEvent.deadline,
                                                                                   OutboxEvent.id)


def _done(row: OutboxEvent, outcome: Outcome, started: float) -> None:
    elapsed = time.perf_counter() - started
    row.processed_at, row.outcome, row.duration_ms = clock.now(), outcome, round(elapsed * 1000, 3)
    row.locked_by = row.locked_until = None
    metrics.EVENTS.inc(name=row.name, outcome=outcome)
    metrics.HANDLER_TIME.observe(elapsed, name=row.name)


# --- the fast lane ---------------------------------------------------------------------------

async def fast_pass(database: Database, *, batch: int | None = None) -> int:
    """One short write transaction over the fast lane's due rows; returns how many it took."""
    # SQLite has no row locks: the writer takes the write lock up front so two processes
    # never take the same rows (the second waits, then sees them done).
    settings = get_settings()
    budget = settings.worker_write_budget_ms / 1000
    async with await database.writer(background=True) as session:
        with _collection_deferred():
            rows = (await session.scalars(_pending(Lane.FAST).limit(batch or settings.worker_batch)
                                          .with_for_update(skip_locked=True))).all()
            started, taken = time.perf_counter(), 0
            for row in rows:
                if taken and (time.perf_counter() - started >= budget or sqlite.writers_waiting()):
                    break  # the rest waits for the next transaction; writers queued behind us go first
                taken += 1
                await _handle(session, row, settings.worker_max_attempts)
            await session.commit()
        return taken


async def _handle(session: AsyncSession, row: OutboxEvent, max_attempts: int) -> None:
    """An event's handlers (its jobs have rows of their own), or a fast job, in a savepoint."""
    started = time.perf_counter()
    job = registry.job(row.name)
    subscriptions = registry.subscriptions(row.name)
    if job is None and not subscriptions:
        _unhandled(row, started)
        return
    try:
        async with session.begin_nested():
            if job is not None:
                await coalesce(session, row)
                await job.handler(session, _event(row))
            for subscription in subscriptions:
                if not subscription.is_job:
                    await subscription.handler(session, _event(row))
    except Exception as exc:  # noqa: BLE001 - a failing handler must not stop the others
        _record_failure(row, exc, max_attempts)
        return
    _done(row, Outcome.PROCESSED, started)


_warned: set[str] = set()


def _unhandled(row: OutboxEvent, started: float) -> None:
    # Marked done so it does not clog the lane, but counted and kept visible on the status pages.
    if row.name not in _warned:
        _warned.add(row.name)
        log.warning("no handler listens for %s events; they are counted as unhandled", row.name)
    _done(row, Outcome.UNHANDLED, started)


async def coalesce(session: AsyncSession, row: OutboxEvent) -> int:
    """Mark every other pending row of this job with the same key as covered by this run.

    Rows committed before this statement are covered: the job reads the state after their
    changes. Rows another worker holds (locked, or leased) are left to it."""
    if row.key is None:
        return 0
    now = clock.now()
    others = (select(OutboxEvent.id).where(
        OutboxEvent.name == row.name, OutboxEvent.key == row.key, OutboxEvent.processed_at.is_(None),
        OutboxEvent.id != row.id, or_(OutboxEvent.locked_until.is_(None), OutboxEvent.locked_until < now))
        .with_for_update(skip_locked=True))
    result = await session.execute(update(OutboxEvent).where(OutboxEvent.id.in_(others)).values(
        processed_at=now, outcome=Outcome.COALESCED).execution_options(synchronize_session=False))
    if rowcount(result):
        metrics.EVENTS.inc(rowcount(result), name=row.name, outcome=Outcome.COALESCED)
    return rowcount(result) or 0


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(2 ** attempts, 3600))


def _record_failure(row: OutboxEvent, exc: BaseException, max_attempts: int) -> None:
    row.attempts += 1
    row.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    row.locked_by = row.locked_until = None
    log.warning("event %s (%s) failed, attempt %s: %s", row.id, row.name, row.attempts, row.last_error)
    if row.attempts >= max_attempts:
        row.processed_at, row.outcome = clock.now(), Outcome.FAILED
        metrics.EVENTS.inc(name=row.name, outcome=Outcome.FAILED)
    else:
        budget = row.deadline - row.available_at
        row.available_at = clock.now() + _backoff(row.attempts)
        row.deadline = row.available_at + budget
        metrics.EVENTS.inc(name=row.name, outcome="retried")


# --- the slow lane ---------------------------------------------------------------------------

async def claim(database: Database, worker: str, *, ahead: float = 0.0) -> OutboxEvent | None:
    """Lease the next due job whose key no other worker is running, in one short transaction."""
    settings = get_settings()
    async with await database.writer(background=True) as session:
        now = clock.now()
        rows = (await session.scalars(_pending(Lane.SLOW, ahead).where(
            or_(OutboxEvent.locked_until.is_(None), OutboxEvent.locked_until < now))
            .limit(10).with_for_update(skip_locked=True))).all()
        for row in rows:
            if row.key is not None and await _key_busy(session, row, now):
                continue
            if row.locked_by is not None:
                # Its lease lapsed: the worker that had it died. That counts as a failed attempt,
                # so a job that kills its worker runs out of attempts instead of killing them all.
                _record_failure(row, RuntimeError(f"worker {row.locked_by} stopped without finishing it"),
                                settings.worker_max_attempts)
                if row.outcome == Outcome.FAILED:
                    continue
            row.locked_by, row.locked_until = worker, now + timedelta(seconds=settings.worker_lease_seconds)
            await coalesce(session, row)
            await session.commit()
            return row
        await session.commit()
        return None


async def _key_busy(session: AsyncSession, row: OutboxEvent, now: datetime) -> bool:
    """Whether another worker runs this job for this key now: two runs of a coalescing job at
    once could finish in the wrong order and leave the older result."""
    if engine_of(session).dialect.name == "postgresql":
        # Serialises claimers of one key; on SQLite the write lock already does.
        got = await session.scalar(text("SELECT pg_try_advisory_xact_lock(hashtext(:k))"),
                                   {"k": f"{row.name}:{row.key}"})
        if not got:
            return True
    return bool(await session.scalar(select(func.count()).where(
        OutboxEvent.name == row.name, OutboxEvent.key == row.key, OutboxEvent.processed_at.is_(None),
        OutboxEvent.id != row.id, OutboxEvent.locked_until >= now)))


class Work:
    """What a slow job is given: the database for short reads, the CPU pool, and `write()`,
    the short transaction that stores its result and marks the job done together."""

    def __init__(self, database: Database, row: OutboxEvent, worker: str) -> None:
        self.database = database
        self.row_id = row.id
        self.name = row.name
        self.worker = worker
        self.finished = False
        self._started = time.perf_counter()

    async def cpu(self, func: Callable[..., T], *args: Any) -> T:
        """`func(*args)` in the process pool: CPU-heavy work never runs on an event loop."""
        return await cpu.run(func, *args)

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        async with await self.database.writer(background=True) as session:
            with _collection_deferred():
                yield session
                row = await session.get(OutboxEvent, self.row_id, with_for_update=True)
                if row is None or row.locked_by != self.worker or row.processed_at is not None:
                    raise LeaseLost(f"job {self.row_id} ({self.name}) was taken over; its result is dropped")
                _done(row, Outcome.PROCESSED, self._started)
                await session.commit()
        self.finished = True


async def run_job(database: Database, row: OutboxEvent, worker: str) -> None:
    subscription = registry.job(row.name)
    work = Work(database, row, worker)
    renewal = asyncio.create_task(_keep_lease(database, row.id, worker))
    try:
        if subscription is None:
            async with work.write():
                pass  # a job whose handler is gone (a removed feature): counted, not run
            metrics.EVENTS.inc(name=row.name, outcome=Outcome.UNHANDLED)
            return
        await subscription.handler(work, _event(row))
        if not work.finished:
            async with work.write():
                pass
    except asyncio.CancelledError:
        await asyncio.shield(release(database, row.id, worker))
        raise
    except LeaseLost as exc:
        log.warning("%s", exc)
    except Exception as exc:  # noqa: BLE001 - recorded on the row, retried with backoff
        await _fail(database, row.id, worker, exc)
    finally:
        renewal.cancel()


async def _keep_lease(database: Database, row_id: int, worker: str) -> None:
    seconds = get_settings().worker_lease_seconds
    while True:
        await asyncio.sleep(seconds / 3)
        async with await database.writer(background=True) as session:
            await session.execute(update(OutboxEvent).where(
                OutboxEvent.id == row_id, OutboxEvent.locked_by == worker, OutboxEvent.processed_at.is_(None))
                .values(locked_until=clock.now() + timedelta(seconds=seconds)))
            await session.commit()


async def _fail(database: Database, row_id: int, worker: str, exc: BaseException) -> None:
    async with await database.writer(background=True) as session:
        row = await session.get(OutboxEvent, row_id)
        if row is not None and row.locked_by == worker and row.processed_at is None:
            _record_failure(row, exc, get_settings().worker_max_attempts)
            await session.commit()


async def release(database: Database, row_id: int, worker: str) -> None:
    """Give a claimed job back untouched (the worker is stopping): the next worker takes it at once."""
    try:
        async with await database.writer(background=True) as session:
            await session.execute(update(OutboxEvent).where(
                OutboxEvent.id == row_id, OutboxEvent.locked_by == worker, OutboxEvent.processed_at.is_(None))
                .values(locked_by=None, locked_until=None))
            await session.commit()
    except Exception:
        log.exception("could not release job %s; it is taken over when its lease lapses", row_id)


async def drain_once(database: Database | None = None, *, batch: int | None = None, ahead: float = 0.0) -> int:
    """One round of work (the fast lane's due events, else one due job); returns how many it took.
    `while await drain_once(db): pass` does everything that is due; `ahead` (seconds) also
    takes work due that much later, such as a job waiting for the rest of a burst."""
    load_handlers()
    database = database or get_database()
    taken = await fast_pass(database, batch=batch)
    if taken:
        return taken
    row = await claim(database, f"drain:{id(database)}", ahead=ahead)
    if row is None:
        return 0
    await run_job(database, row, f"drain:{id(database)}")
    return 1


async def pending_count(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).where(OutboxEvent.processed_at.is_(None))) or 0
