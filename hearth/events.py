"""Domain events through a durable outbox.

`publish` writes the event in the caller's transaction, so an event exists exactly when
the change that caused it was committed. Workers drain the outbox: each batch runs in one
transaction, each event in a savepoint, so a handler's writes and the event's "processed"
mark commit together. On PostgreSQL several workers share the outbox through
FOR UPDATE SKIP LOCKED; a worker that dies leaves its rows unlocked and uncommitted,
and another picks them up. Handlers must still be idempotent (a retry after a failed
handler re-runs the event), and receive ids, never objects.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Text, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from hearth import clock, metrics
from hearth.db import Base, Database, get_database
from hearth.domains import load_handlers
from hearth.settings import get_settings

log = logging.getLogger("hearth.events")


class OutboxEvent(Base):
    __tablename__ = "outbox_events"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime]
    available_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    processed_at: Mapped[datetime | None]
    failed: Mapped[bool] = mapped_column(default=False)
    last_error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        # Workers only ever look at pending rows; keep that index small.
        Index("ix_outbox_events_pending", "available_at", "id",
              postgresql_where=text("processed_at IS NULL"), sqlite_where=text("processed_at IS NULL")),
    )


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    name: str
    payload: dict[str, Any]
    created_at: datetime


Handler = Callable[[AsyncSession, Event], Awaitable[None]]
_handlers: dict[str, list[Handler]] = defaultdict(list)


def on(name: str) -> Callable[[Handler], Handler]:
    """Register a handler for an event name. Handlers must be idempotent."""

    def register(handler: Handler) -> Handler:
        if handler not in _handlers[name]:
            _handlers[name].append(handler)
        return handler

    return register


def remove_handler(name: str, handler: Handler) -> None:
    if handler in _handlers.get(name, []):
        _handlers[name].remove(handler)


def publish(session: AsyncSession, name: str, *, not_before: datetime | None = None, **payload: Any) -> OutboxEvent:
    """Write an event in the caller's transaction; `not_before` schedules it for later (a reminder)."""
    at = clock.now()
    event = OutboxEvent(name=name, payload=payload, created_at=at, available_at=max(at, not_before or at),
                        attempts=0)
    session.add(event)
    session.info["published_events"] = True
    return event


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(2 ** attempts, 3600))


async def _handle(session: AsyncSession, row: OutboxEvent) -> None:
    event = Event(row.id, row.name, row.payload, row.created_at)
    for handler in _handlers.get(row.name, ()):
        await handler(session, event)


async def drain_once(database: Database | None = None, *, batch: int | None = None) -> int:
    """Process up to `batch` due events; returns how many were taken."""
    load_handlers()
    database = database or get_database()
    settings = get_settings()
    batch = batch or settings.worker_batch
    # SQLite has no row locks: the writer takes the write lock up front so two processes
    # never process the same rows (the second waits, then sees them done).
    async with await database.writer() as session:
        now = clock.now()
        rows = (await session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.processed_at.is_(None), OutboxEvent.available_at <= now)
            .order_by(OutboxEvent.id)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )).all()
        for row in rows:
            try:
                async with session.begin_nested():
                    await _handle(session, row)
            except Exception as exc:  # noqa: BLE001 - a failing handler must not stop the others
                _record_failure(row, exc, settings.worker_max_attempts)
            else:
                row.processed_at = clock.now()
                metrics.EVENTS.inc(name=row.name, outcome="processed")
        await session.commit()
        return len(rows)


def _record_failure(row: OutboxEvent, exc: Exception, max_attempts: int) -> None:
    row.attempts += 1
    row.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    log.warning("event %s (%s) failed, attempt %s: %s", row.id, row.name, row.attempts, row.last_error)
    if row.attempts >= max_attempts:
        row.failed = True
        row.processed_at = clock.now()
        metrics.EVENTS.inc(name=row.name, outcome="failed")
    else:
        row.available_at = clock.now() + _backoff(row.attempts)
        metrics.EVENTS.inc(name=row.name, outcome="retried")


async def pending_count(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).where(OutboxEvent.processed_at.is_(None))) or 0


Chore = Callable[[AsyncSession], Awaitable[int]]
# Housekeeping the worker runs about once an hour, each in its own transaction.
_chores: list[Chore] = []


def chore(func: Chore) -> Chore:
    if func not in _chores:
        _chores.append(func)
    return func


async def run_chores(database: Database | None = None) -> dict[str, int]:
    database = database or get_database()
    done: dict[str, int] = {}
    for func in _chores:
        async with database.sessionmaker() as session:
            done[func.__name__] = await func(session)
            await session.commit()
    return done


Periodic = Callable[[Database], Awaitable[int]]
# Work the worker does every so often outside any transaction (polling feeds, resuming
# interrupted imports): each task opens the transactions it needs itself.
_periodic: dict[Periodic, float] = {}


def every(seconds: float) -> Callable[[Periodic], Periodic]:
    def register(func: Periodic) -> Periodic:
        _periodic[func] = seconds
        return func

    return register


async def run_periodic(database: Database | None, due: dict[Periodic, float]) -> None:
    """Run the tasks whose time has come; `due` holds each task's next monotonic time."""
    load_handlers()  # the domains register their tasks with their handlers
    now = time.monotonic()
    for func, seconds in list(_periodic.items()):
        if due.setdefault(func, now) > now:
            continue
        due[func] = now + seconds
        try:
            await func(database or get_database())
        except Exception:  # noqa: BLE001 - one failing task must not stop the worker
            log.exception("periodic task %s failed", func.__name__)


class Worker:
    """Drains the outbox until stopped; woken early when a request publishes."""

    CHORE_SECONDS = 3600

    def __init__(self, database: Database | None = None, *, poll_seconds: float | None = None) -> None:
        self.database = database
        self.poll_seconds = poll_seconds or get_settings().worker_poll_seconds
        self.name = f"{socket.gethostname()}:{os.getpid()}"
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        next_chores = time.monotonic() + 60  # not at start-up: several processes start at once
        periodic_due: dict[Periodic, float] = {}
        while not self._stopping:
            await run_periodic(self.database, periodic_due)
            if time.monotonic() >= next_chores:
                next_chores = time.monotonic() + self.CHORE_SECONDS
                try:
                    await run_chores(self.database)
                except Exception:  # noqa: BLE001 - housekeeping must not stop the worker
                    log.exception("outbox worker %s: chores failed", self.name)
            # Clear before draining: a wake-up that arrives during the drain must not be lost.
            self._wake.clear()
            try:
                taken = await drain_once(self.database)
            except Exception:  # noqa: BLE001 - keep serving; the database may come back
                log.exception("outbox worker %s could not drain", self.name)
                taken = 0
            if taken:
                continue
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
            except TimeoutError:
                pass

    def start(self) -> None:
        global _inprocess
        self._task = asyncio.create_task(self.run(), name="hearth-outbox-worker")
        _inprocess = self

    async def stop(self) -> None:
        global _inprocess
        self._stopping = True
        self._wake.set()
        if self._task:
            await self._task
        if _inprocess is self:
            _inprocess = None


_inprocess: Worker | None = None


def wake_worker() -> None:
    if _inprocess is not None:
        _inprocess.wake()
