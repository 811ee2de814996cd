"""The outbox: events exist exactly when their change commits, and are handled once."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
from sqlalchemy import func, select

from hearth import clock, events
from hearth.db import Database
from hearth.events import Event, OutboxEvent
from tests.conftest import DATABASE_URL


@pytest.fixture
def handled():
    seen: list[int] = []

    async def record(session, event: Event) -> None:
        seen.append(event.payload["n"])

    events.on("test.happened")(record)
    yield seen
    events.remove_handler("test.happened", record)


async def _publish(database: Database, count: int, *, commit: bool = True) -> None:
    async with database.sessionmaker() as session:
        for n in range(count):
            events.publish(session, "test.happened", n=n)
        if commit:
            await session.commit()
        else:
            await session.rollback()


async def _pending(database: Database) -> int:
    async with database.sessionmaker() as session:
        return await events.pending_count(session)


async def test_rolled_back_change_publishes_nothing(database: Database, handled: list[int]) -> None:
    await _publish(database, 3, commit=False)
    assert await events.drain_once(database) == 0
    assert handled == []


async def test_committed_events_are_handled_once_in_order(database: Database, handled: list[int]) -> None:
    await _publish(database, 5)
    assert await events.drain_once(database) == 5
    assert await events.drain_once(database) == 0
    assert handled == [0, 1, 2, 3, 4]
    assert await _pending(database) == 0


async def test_failing_handler_is_retried_with_backoff_then_parked(database: Database, frozen_clock) -> None:
    calls = Counter()

    async def flaky(session, event: Event) -> None:
        calls[event.id] += 1
        raise RuntimeError("downstream is down")

    events.on("test.flaky")(flaky)
    try:
        async with database.sessionmaker() as session:
            events.publish(session, "test.flaky", n=1)
            await session.commit()
        assert await events.drain_once(database) == 1
        # Not due again until the backoff has passed.
        assert await events.drain_once(database) == 0
        for _ in range(20):
            frozen_clock.advance(hours=2)
            await events.drain_once(database)
        async with database.sessionmaker() as session:
            row = await session.scalar(select(OutboxEvent))
        assert row.outcome == "failed" and row.processed_at is not None
        assert row.attempts == 10 and "downstream is down" in row.last_error
        assert sum(calls.values()) == 10
    finally:
        events.remove_handler("test.flaky", flaky)


async def test_failing_handler_rolls_back_its_own_writes_only(database: Database, handled: list[int]) -> None:
    async def half_written(session, event: Event) -> None:
        events.publish(session, "test.happened", n=99)  # a write that must not survive
        await session.flush()
        raise RuntimeError("crash after writing")

    events.on("test.half")(half_written)
    try:
        async with database.sessionmaker() as session:
            events.publish(session, "test.half", n=0)
            events.publish(session, "test.happened", n=1)
            await session.commit()
        await events.drain_once(database)
        await events.drain_once(database)
        assert handled == [1], "the failed handler's write leaked or the healthy event was lost"
    finally:
        events.remove_handler("test.half", half_written)


async def test_worker_crash_mid_batch_loses_nothing(database: Database) -> None:
    """A worker dying while handling (task cancelled) commits nothing; the next one redoes it all."""
    gate, done = asyncio.Event(), []
    crashing = True

    async def crashy(session, event: Event) -> None:
        if crashing:
            gate.set()
            await asyncio.sleep(30)
        done.append(event.payload["n"])

    events.on("test.crashy")(crashy)
    try:
        async with database.sessionmaker() as session:
            for n in range(4):
                events.publish(session, "test.crashy", n=n)
            await session.commit()
        task = asyncio.create_task(events.drain_once(database))
        await gate.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await _pending(database) == 4
        crashing = False
        assert await events.drain_once(database) == 4
        assert done == [0, 1, 2, 3]
    finally:
        events.remove_handler("test.crashy", crashy)


async def test_parallel_workers_never_handle_an_event_twice(handled: list[int]) -> None:
    """Several workers, each with its own connections (as separate processes would have)."""
    workers = [Database(DATABASE_URL) for _ in range(4)]
    try:
        await _publish(workers[0], 400)

        async def drain(db: Database) -> None:
            while await events.drain_once(db, batch=25):
                await asyncio.sleep(0)

        await asyncio.gather(*(drain(db) for db in workers))
    finally:
        for db in workers:
            await db.dispose()
    assert len(handled) == 400
    assert sorted(handled) == list(range(400)), "an event was handled twice or not at all"


async def test_inprocess_worker_wakes_after_commit(database: Database, handled: list[int]) -> None:
    worker = events.Worker(database, poll_seconds=30)
    worker.start()
    try:
        await _publish(database, 2)
        events.wake_worker()
        for _ in range(100):
            if len(handled) == 2:
                break
            await asyncio.sleep(0.02)
        assert handled == [0, 1]
    finally:
        await worker.stop()


async def test_events_carry_time_from_the_clock(database: Database, frozen_clock) -> None:
    async with database.sessionmaker() as session:
        events.publish(session, "test.unhandled", n=1)
        await session.commit()
        row = await session.scalar(select(OutboxEvent))
        assert row.created_at == frozen_clock.now()
        assert await session.scalar(select(func.count()).select_from(OutboxEvent)) == 1
    assert clock.now() == frozen_clock.now()
