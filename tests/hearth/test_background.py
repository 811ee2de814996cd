"""Background work never stalls the site: short write transactions, lanes, coalescing,
leases, clean shutdown, visibility and pruning of the outbox."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, update

from hearth import clock, cpu, events
from hearth.accounts.models import Account
from hearth.db import Database, set_database
from hearth.events import Lane, OutboxEvent, Work
from hearth.events import outbox as lanes
from hearth.events import status as outbox_status
from hearth.events.registry import Event
from hearth.notifications import service as notifications
from hearth.settings import get_settings
from tests.conftest import DATABASE_URL, create_member, csrf_of, sign_in


async def publish(database: Database, name: str, count: int = 1, **payload: object) -> None:
    async with database.sessionmaker() as session:
        for n in range(count):
            events.publish(session, name, n=n, **payload)
        await session.commit()


def handled_row(name: str, *, outcome: str = "processed", attempts: int = 0, **fields: object) -> OutboxEvent:
    now = clock.now()
    return OutboxEvent(name=name, payload={}, lane="fast", created_at=now, available_at=now, deadline=now,
                       attempts=attempts, processed_at=now, outcome=outcome, **fields)


async def rows(database: Database, *where) -> list[OutboxEvent]:  # noqa: ANN002
    async with database.sessionmaker() as session:
        return list(await session.scalars(select(OutboxEvent).where(*where).order_by(OutboxEvent.id)))


async def until(check, *, seconds: float = 30, every: float = 0.05) -> None:
    """Wait for `check()` (a function, or a coroutine function) to come true."""
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        assert time.monotonic() < deadline, f"gave up waiting after {seconds} s"
        await asyncio.sleep(every)


@pytest.fixture
def subscribe() -> Iterator:
    added: list[tuple[str, object]] = []

    def add(name: str, handler, **options) -> None:  # noqa: ANN003
        events.on(name, **options)(handler)
        added.append((name, handler))

    yield add
    for name, handler in added:
        events.remove_handler(name, handler)


# --- the fast lane -----------------------------------------------------------------------------

async def test_a_fast_pass_stops_taking_events_after_its_time_budget(database: Database, subscribe) -> None:
    async def slowish(session, event: Event) -> None:
        await asyncio.sleep(0.01)

    subscribe("test.slowish", slowish)
    await publish(database, "test.slowish", 20)
    taken = await lanes.fast_pass(database)
    budget = get_settings().worker_write_budget_ms / 1000
    assert 1 <= taken <= budget / 0.01 + 1, taken
    assert len(await rows(database, OutboxEvent.processed_at.is_(None))) == 20 - taken


async def test_the_earliest_deadline_goes_first(database: Database, subscribe) -> None:
    """A kind with a tight budget (mention intake) overtakes a burst of a relaxed one."""
    order: list[str] = []

    async def note(session, event: Event) -> None:
        order.append(event.name)

    subscribe("test.relaxed", note, budget=60)
    subscribe("test.urgent", note, budget=5)
    await publish(database, "test.relaxed", 50)
    await publish(database, "test.urgent")
    await lanes.fast_pass(database, batch=3)
    assert order[0] == "test.urgent"


async def test_writes_never_wait_long_for_a_worker_draining_2000_events(app, client, database: Database,
                                                                        subscribe) -> None:
    """While the in-process worker drains a backlog whose handlers write the same rows the
    requests write, every request's writer gets its locks within 100 ms (or fails: 5xx)."""
    members = [await create_member(database, f"m{i}@example.com", f"Member {i}") for i in range(4)]

    async def touch_member(session, event: Event) -> None:
        account_id = members[event.payload["n"] % len(members)].id
        await notifications.notify(session, account_id, kind="test.note", title="A note", url="/",
                                   dedupe_key=f"test:{event.id}")
        await session.execute(update(Account).where(Account.id == account_id).values(
            display_name=Account.display_name))  # the row the request updates too (PostgreSQL row lock)
        await asyncio.sleep(0.001)  # a handler's own I/O, inside its transaction

    subscribe("test.backlog", touch_member)
    await publish(database, "test.backlog", 2000)
    # The requests' writers give up (a 500) after waiting 100 ms for a lock.
    strict = Database(DATABASE_URL, lock_timeout=0.1)
    set_database(strict)
    worker = events.Worker(database, poll_seconds=0.1)
    statuses: list[int] = []
    gc.freeze()  # as the server does once it has started (server.lifespan)
    try:
        await sign_in(client, members[0].email)
        worker.start()
        for i in range(60):
            response = await client.patch("/api/v1/me", json={"display_name": f"Member zero {i}"})
            statuses.append(response.status_code)
            await asyncio.sleep(0.01)
        left = len(await rows(database, OutboxEvent.name == "test.backlog", OutboxEvent.processed_at.is_(None)))
    finally:
        await worker.stop()
        gc.unfreeze()
        set_database(database)
        await strict.dispose()
    assert statuses == [200] * 60, statuses
    assert 0 < left < 2000, "the worker did not drain while the requests ran, so nothing was measured"


async def test_sqlite_writer_waits_for_the_lock_in_short_steps_and_gives_up_clearly(database: Database) -> None:
    if database.dialect != "sqlite":
        pytest.skip("SQLite's one write lock")
    from sqlalchemy.exc import OperationalError

    patient, impatient = Database(DATABASE_URL), Database(DATABASE_URL, lock_timeout=0.1)
    try:
        for db in (patient, impatient):  # connected beforehand, as a server's pool is
            async with db.sessionmaker() as session:
                await session.execute(select(1))
        holder = await database.writer()
        started = time.monotonic()
        with pytest.raises(OperationalError, match="database is locked"):
            async with await impatient.writer():
                pass
        assert 0.09 <= time.monotonic() - started < 1

        async def release_soon() -> None:
            await asyncio.sleep(0.05)
            await holder.commit()
            await holder.close()

        releasing = asyncio.create_task(release_soon())
        started = time.monotonic()
        async with await patient.writer():
            waited = time.monotonic() - started
        await releasing
        assert 0.04 <= waited < 0.08, waited  # it got in within a few ms of the release
    finally:
        await patient.dispose()
        await impatient.dispose()


# --- lanes, coalescing, leases -------------------------------------------------------------------

async def test_fast_work_flows_while_a_slow_job_runs(database: Database, subscribe) -> None:
    started, release = threading.Event(), threading.Event()
    handled: list[int] = []

    async def slow(work: Work, event: Event) -> None:
        started.set()
        while not release.is_set():
            await asyncio.sleep(0.01)

    async def fast(session, event: Event) -> None:
        handled.append(event.payload["n"])

    subscribe("test.slow", slow, lane=Lane.SLOW)
    subscribe("test.fast", fast)
    worker = events.Worker(database, poll_seconds=0.1)
    worker.start()
    try:
        await publish(database, "test.slow")
        events.wake_worker()
        await until(started.is_set)
        await publish(database, "test.fast", 5)
        events.wake_worker()
        await until(lambda: len(handled) == 5, seconds=5)
        assert not release.is_set() and started.is_set()  # the slow job is still running
        release.set()
        await until(lambda: _all_done(database))
    finally:
        release.set()
        await worker.stop()
    [job] = await rows(database, OutboxEvent.name == "test.slow>slow")
    assert job.outcome == "processed" and job.lane == "slow" and job.locked_by is None


async def _all_done(database: Database) -> bool:
    return not await rows(database, OutboxEvent.processed_at.is_(None))


async def test_a_burst_of_triggers_runs_a_coalescing_job_once_per_key(database: Database, subscribe) -> None:
    runs: list[str] = []

    async def recount(work: Work, event: Event) -> None:
        runs.append(event.payload["thread_id"])

    subscribe("test.touched", recount, lane=Lane.SLOW, coalesce="thread_id", delay=5)
    async with database.sessionmaker() as session:
        for n in range(300):
            events.publish(session, "test.touched", thread_id=f"t{n % 2}")
        await session.commit()
    assert await events.drain_once(database) == 0  # the jobs wait for the rest of the burst
    assert runs == []
    while await events.drain_once(database, ahead=10):
        pass
    assert sorted(runs) == ["t0", "t1"]
    jobs = await rows(database, OutboxEvent.name == "test.touched>recount")
    assert sorted(j.outcome for j in jobs).count("coalesced") == 298
    assert {j.key for j in jobs} == {"t0", "t1"}


async def test_a_job_whose_worker_died_is_taken_over_and_the_dead_ones_result_is_dropped(
        database: Database, subscribe, frozen_clock) -> None:
    async def job(work: Work, event: Event) -> None:
        pass

    subscribe("test.leased", job, lane=Lane.SLOW)
    await publish(database, "test.leased")  # the job's own row, written with the event
    first = await lanes.claim(database, "worker-a")
    assert await lanes.claim(database, "worker-b") is None  # leased
    frozen_clock.advance(seconds=get_settings().worker_lease_seconds + 1)
    second = await lanes.claim(database, "worker-b")
    assert second is not None and second.id == first.id
    assert second.attempts == 1 and "worker-a stopped" in second.last_error
    late = Work(database, first, "worker-a")
    with pytest.raises(events.LeaseLost):
        async with late.write() as session:
            events.publish(session, "test.from_the_dead")
    await lanes.run_job(database, second, "worker-b")
    [row] = await rows(database, OutboxEvent.name == "test.leased>job")
    assert row.outcome == "processed"
    assert not await rows(database, OutboxEvent.name == "test.from_the_dead")


async def test_a_failing_job_is_retried_then_parked_and_can_be_run_again(database: Database, subscribe,
                                                                         frozen_clock) -> None:
    calls: list[int] = []

    async def broken(work: Work, event: Event) -> None:
        calls.append(event.id)
        if len(calls) <= get_settings().worker_max_attempts:
            raise RuntimeError("the model store is down")

    subscribe("test.broken", broken, lane=Lane.SLOW)
    await publish(database, "test.broken")
    for _ in range(30):
        await events.drain_once(database)
        frozen_clock.advance(hours=2)
    [job] = await rows(database, OutboxEvent.name == "test.broken>broken")
    assert job.outcome == "failed" and "model store is down" in job.last_error
    assert len(calls) == get_settings().worker_max_attempts
    async with database.sessionmaker() as session:
        await outbox_status.retry(session, job.id)
        await session.commit()
    assert await events.drain_once(database) == 1
    [job] = await rows(database, OutboxEvent.name == "test.broken>broken")
    assert job.outcome == "processed"


async def test_cpu_work_runs_in_another_process() -> None:
    assert await cpu.run(os.getpid) != os.getpid()


async def test_the_inprocess_worker_runs_off_the_serving_thread(database: Database, subscribe) -> None:
    threads: list[int] = []

    async def where(session, event: Event) -> None:
        threads.append(threading.get_ident())

    subscribe("test.where", where)
    worker = events.Worker(database, poll_seconds=0.1)
    worker.start()
    try:
        await publish(database, "test.where")
        events.wake_worker()
        await until(lambda: bool(threads))
    finally:
        await worker.stop()
    assert threads[0] != threading.get_ident()


# --- visibility --------------------------------------------------------------------------------

async def test_an_event_nobody_listens_for_is_counted_and_shown_not_silently_done(
        app, client, database: Database, admin, caplog: pytest.LogCaptureFixture) -> None:
    await publish(database, "test.nobody", 3)
    with caplog.at_level(logging.WARNING, logger="hearth.events"):
        await events.drain_once(database)
    assert {r.outcome for r in await rows(database)} == {"unhandled"}
    assert "no handler listens for test.nobody" in caplog.text
    metrics_text = (await client.get("/metrics")).text
    assert 'hearth_outbox_unhandled_last_hour{lane="fast",name="test.nobody"} 3' in metrics_text
    assert 'hearth_events_total{name="test.nobody",outcome="unhandled"}' in metrics_text
    await sign_in(client, admin.email)
    kinds = {k["name"]: k for k in (await client.get("/api/v1/admin/outbox")).json()["kinds"]}
    assert kinds["test.nobody"]["last_hour"] == {"unhandled": 3}


async def test_status_shows_backlog_waits_and_failures_per_kind(app, client, database: Database, admin, member,
                                                                frozen_clock) -> None:
    await publish(database, "care.inbox", 2, inbox_ids=[])
    async with database.sessionmaker() as session:
        session.add(handled_row("review.published", outcome="failed", attempts=10, last_error="KeyError: 'review_id'"))
        await session.commit()
    frozen_clock.advance(seconds=20)
    await sign_in(client, member.email)
    assert (await client.get("/api/v1/admin/outbox")).status_code == 403
    await sign_in(client, admin.email)
    body = (await client.get("/api/v1/admin/outbox")).json()
    kinds = {k["name"]: k for k in body["kinds"]}
    assert (kinds["care.inbox"]["pending"], kinds["care.inbox"]["due"]) == (2, 2)
    assert kinds["care.inbox"]["oldest_wait_seconds"] == pytest.approx(20, abs=1)
    assert kinds["care.inbox"]["budget_seconds"] == 5 and kinds["care.inbox"]["behind"] is True
    assert kinds["review.published"]["failed"] == 1 and body["state"] == "behind"
    assert kinds["care.sentiment_corrected>retrain_sentiment"]["lane"] == "slow"
    metrics_text = (await client.get("/metrics")).text
    assert 'hearth_outbox_pending{lane="fast",name="care.inbox"} 2' in metrics_text
    assert 'hearth_outbox_failed{lane="fast",name="review.published"} 1' in metrics_text
    page = await client.get("/admin/background")
    assert page.status_code == 200 and "care.inbox" in page.text.replace("<wbr>", "") and "KeyError" in page.text
    [failed] = (await client.get("/api/v1/admin/outbox/failures")).json()
    csrf = {"x-csrf-token": csrf_of(client)}
    dismissed = await client.post(f"/api/v1/admin/outbox/events/{failed['id']}/dismiss", headers=csrf)
    assert dismissed.json()["outcome"] == "dismissed"
    assert (await client.post(f"/api/v1/admin/outbox/events/{failed['id']}/retry", headers=csrf)).status_code == 404
    too_big = await client.post("/api/v1/admin/outbox/events/99999999999999999999/retry", headers=csrf)
    assert too_big.status_code == 422


async def test_healthz_reports_a_stalled_worker(client, database: Database, frozen_clock) -> None:
    assert (await client.get("/healthz")).json()["worker"]["state"] == "ok"
    await publish(database, "test.waiting")
    frozen_clock.advance(seconds=get_settings().worker_stall_seconds + 1)
    response = await client.get("/healthz")
    assert response.status_code == 200  # the instance still serves; the worker is what stalled
    assert response.json()["status"] == "degraded"
    assert response.json()["worker"] == {"state": "stalled", "workers": "none",
                                         "oldest_wait_seconds": get_settings().worker_stall_seconds + 1}


async def test_worker_status_command_prints_the_backlog(database: Database) -> None:
    from tests.hearth.test_cli import invoke

    await publish(database, "care.inbox", 3, inbox_ids=[])
    result = await invoke("worker", "--status")
    assert result.exit_code == 0, result.output
    assert "care.inbox" in result.output and "3 pending" in result.output
    assert "No worker has reported" in result.output


# --- pruning -----------------------------------------------------------------------------------

async def test_pruning_keeps_recent_rows_and_failures(database: Database, frozen_clock) -> None:
    from care import ingest
    from care.models import Channel, InboxItem

    async with database.sessionmaker() as session:
        channel = Channel(kind="import", name="Old", created_at=clock.now(), updated_at=clock.now())
        session.add(channel)
        await session.flush()
        for _ in range(2500):
            session.add(handled_row("test.old"))
        session.add(handled_row("test.broken", outcome="failed", attempts=10))
        session.add(InboxItem(channel_id=channel.id, payload={}, received_at=clock.now(), processed_at=clock.now()))
        await session.commit()
    frozen_clock.advance(days=get_settings().outbox_keep_days + 1)
    await publish(database, "test.pending")
    async with database.sessionmaker() as session:
        session.add(InboxItem(channel_id=channel.id, payload={}, received_at=clock.now(), processed_at=None))
        await session.commit()
    done = await events.run_chores(database)
    assert done["prune_outbox"] == 2500 and done["prune_inbox"] == 1
    assert sorted(r.name for r in await rows(database)) == ["test.broken", "test.pending"]
    async with database.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(InboxItem)) == 1
        assert await ingest.pending(session) == 1




def test_the_readme_documents_each_kinds_latency_budget() -> None:
    """The budgets people read in the README are the ones the status pages measure against."""
    import re
    from pathlib import Path

    from hearth.domains import load_handlers

    load_handlers()
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    table = readme[readme.index("**Latency budgets**"):readme.index("**Seeing it.**")]
    documented: dict[str, float] = {}
    for row in re.findall(r"^\| (.+?) \| .+? \| (\d+) (s|min)\b", table, re.MULTILINE):
        names, amount, unit = row
        for name in re.findall(r"`([^`]+)`", names):
            documented[name] = float(amount) * (60 if unit == "min" else 1)
    for kind in events.kinds():
        default = events.registry.DEFAULT_BUDGET[kind.lane]
        if kind.budget != default or kind.name in documented:
            assert documented.get(kind.name) == kind.budget, (kind.name, kind.budget)
