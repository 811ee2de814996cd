"""Imports (the real Customer Support on Twitter rows, JSONL), feed polling, and crashes:
a killed worker or import loses no mention and duplicates none."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from care import jobs
from care.connectors import imports
from care.models import Channel, ImportJob, ImportStatus, InboxItem, Mention
from care.schemas import MentionIn
from hearth.db import Database
from tests.care.conftest import PAYLOADS, drain, make_channel, make_topic
from tests.conftest import DATABASE_URL

# Real rows of the public "Customer Support on Twitter" data set (the sample in ../shared/data),
# kept with the tests so that a clone anywhere can run them.
TWCS = Path(__file__).parent / "payloads" / "twcs-sample.csv"
BRANDS = ["sprintcare", "AmazonHelp", "AppleSupport", "BofA_Help", "TMobileHelp", "VerizonSupport", "comcastcares",
          "Uber_Support", "SpotifyCares", "Delta", "hulu_support", "XboxSupport", "ChipotleTweets", "AskPlayStation"]


def twcs_records() -> list[MentionIn]:
    with TWCS.open(encoding="utf-8", newline="") as handle:
        return [r for _line, r in imports.iter_twcs(handle) if isinstance(r, MentionIn)]


async def _import(database: Database, channel: Channel, path: Path, fmt: str) -> ImportJob:
    async with database.sessionmaker() as s:
        job = await jobs.start_import(s, None, await s.get(Channel, channel.id), fmt, path.name, path)
        await s.commit()
    job = await jobs.run_import(database, job.id)
    await drain(database)
    async with database.sessionmaker() as s:
        return await s.get(ImportJob, job.id)


async def _count(database: Database, model) -> int:
    async with database.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(model)) or 0


async def test_the_real_twcs_rows_import_thread_and_reimport_adds_nothing(database: Database, import_channel,
                                                                          tmp_path) -> None:
    await make_topic(database, "Brands we monitor", profiles=[b.lower() for b in BRANDS])
    job = await _import(database, import_channel, TWCS, "twcs")
    assert job.status == ImportStatus.DONE and job.lines_read == job.total_lines
    # Every good row is either queued (a topic wants it) or dropped; the two broken lines are reported.
    assert job.queued + job.dropped == len(twcs_records()) and job.error_count == 2
    assert [e["line"] for e in job.errors] == [2589, 2591]
    assert job.stored > 1_000 and job.stored + job.duplicates == job.queued
    async with database.sessionmaker() as s:
        conversations = await s.scalar(select(func.count(func.distinct(Mention.conversation_id))))
        threaded = await s.scalar(select(func.count()).where(Mention.parent_external_id.is_not(None)))
    assert conversations < job.stored and threaded > 0
    again = await _import(database, import_channel, TWCS, "twcs")
    assert again.stored == 0 and again.duplicates == again.queued == job.queued
    assert await _count(database, Mention) == job.stored


async def test_broken_lines_are_reported_and_the_rest_imported(database: Database, import_channel) -> None:
    await make_topic(database, "All", "hearth* OR app OR storing")
    job = await _import(database, import_channel, PAYLOADS / "broken.jsonl", "jsonl")
    assert job.error_count >= 3 and all(isinstance(e["line"], int) and e["error"] for e in job.errors)
    assert job.queued >= 1 and job.status == ImportStatus.DONE


def _subprocess_env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "HEARTH_DATABASE_URL": DATABASE_URL, "HEARTH_LOG_LEVEL": "warning",
            "HEARTH_WORKER_BATCH": "1", "HEARTH_INPROCESS_WORKER": "false"}


async def _wait_for(check, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("timed out")


async def test_a_worker_killed_while_processing_loses_and_duplicates_nothing(database: Database, import_channel,
                                                                            tmp_path) -> None:
    await make_topic(database, "Brands we monitor", profiles=[b.lower() for b in BRANDS])
    async with database.sessionmaker() as s:
        job = await jobs.start_import(s, None, await s.get(Channel, import_channel.id), "twcs", "twcs.csv", TWCS)
        await s.commit()
    await jobs.run_import(database, job.id)  # queued, not processed
    worker = subprocess.Popen([sys.executable, "-m", "hearth.cli", "worker"], cwd=tmp_path,
                              env=_subprocess_env(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        async def some_done() -> bool:
            return await _count(database, Mention) > 0
        await _wait_for(some_done)
        worker.send_signal(signal.SIGKILL)  # no chance to finish or clean up
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    async with database.sessionmaker() as s:
        left = await s.scalar(select(func.count()).where(InboxItem.processed_at.is_(None)))
    assert left > 0, "the worker finished before it was killed; the test proved nothing"
    await drain(database)  # another worker picks up what the dead one left
    async with database.sessionmaker() as s:
        stored = await s.scalar(select(func.count()).select_from(Mention))
        distinct = await s.scalar(select(func.count(func.distinct(Mention.external_id))))
        pending = await s.scalar(select(func.count()).where(InboxItem.processed_at.is_(None)))
    expected = await _expected_kept(database, import_channel)
    assert stored == distinct == expected and pending == 0


async def _expected_kept(database: Database, channel: Channel) -> int:
    """What a clean run keeps: the same file imported into another channel and processed without
    a crash (the rows the topic matches, by author or @mention, and the follow-ups in their
    conversations, which depend on the order messages are processed in)."""
    clean = await make_channel(database, kind="import", name="Clean run")
    await _import(database, clean, TWCS, "twcs")
    async with database.sessionmaker() as s:
        return await s.scalar(select(func.count()).where(Mention.channel_id == clean.id)) or 0


async def test_an_import_killed_midway_resumes_without_loss_or_duplicates(database: Database, import_channel,
                                                                         tmp_path) -> None:
    await make_topic(database, "Brands we monitor", profiles=[b.lower() for b in BRANDS])
    big = tmp_path / "twcs-twice.csv"
    lines = TWCS.read_text(encoding="utf-8").splitlines(keepends=True)
    big.write_text("".join(lines) + "".join(lines[1:]).replace(",", ",", 0), encoding="utf-8")
    command = [sys.executable, "-m", "hearth.cli", "import-mentions", str(big), "--channel", "Imports",
               "--format", "twcs", "--no-process"]
    first = subprocess.Popen(command, cwd=tmp_path, env=_subprocess_env(tmp_path), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    try:
        async def started() -> bool:
            async with database.sessionmaker() as s:
                read = await s.scalar(select(ImportJob.lines_read))
            return bool(read)
        await _wait_for(started)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    async with database.sessionmaker() as s:
        job = await s.scalar(select(ImportJob))
    assert job.status == ImportStatus.RUNNING and 0 < job.lines_read < job.total_lines
    second = subprocess.run(command, cwd=tmp_path, env=_subprocess_env(tmp_path), capture_output=True, text=True,
                            timeout=300)
    assert second.returncode == 0, second.stderr
    async with database.sessionmaker() as s:
        job = await s.scalar(select(ImportJob))
        queued = await s.scalar(select(func.count()).select_from(InboxItem))
    records = 2 * len(twcs_records())  # every good record of both copies, exactly once
    assert job.status == ImportStatus.DONE and queued == job.queued and job.queued + job.dropped == records


def _feed_client(responses: list[httpx.Response], seen: list[httpx.Request]) -> httpx.AsyncClient:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        response = responses.pop(0)
        if isinstance(response, Exception):
            raise response
        return response

    return httpx.AsyncClient(transport=httpx.MockTransport(handle))


async def test_feeds_are_polled_conditionally_and_failures_are_kept(database: Database) -> None:
    feed = await make_channel(database, kind="feed", name="Blog", account="https://blog.example/feed", news=True)
    await make_topic(database, "All", "hearth*")
    seen: list[httpx.Request] = []
    rss = (PAYLOADS / "rss.xml").read_bytes()
    client = _feed_client([httpx.Response(200, content=rss, headers={"etag": '"v1"'}),
                           httpx.Response(304), httpx.ReadTimeout("slow"), httpx.Response(200, content=b"<html>no")],
                          seen)
    async with client:
        assert await jobs.poll_feed(database, feed.id, client=client) > 0
        assert await jobs.poll_feed(database, feed.id, client=client) == 0
        assert seen[1].headers["if-none-match"] == '"v1"'
        assert await jobs.poll_feed(database, feed.id, client=client) == 0
        async with database.sessionmaker() as s:
            assert (await s.get(Channel, feed.id)).last_error
        assert await jobs.poll_feed(database, feed.id, client=client) == 0
    await drain(database)
    async with database.sessionmaker() as s:
        rows = (await s.scalars(select(Mention))).all()
        channel = await s.get(Channel, feed.id)
    assert rows and all(m.is_news and m.sentiment == "neutral" for m in rows)
    assert channel.last_error and channel.last_polled_at is not None


@pytest.mark.parametrize("due", [True, False])
async def test_only_due_feeds_are_claimed(database: Database, due: bool) -> None:
    from datetime import timedelta

    from hearth import clock

    feed = await make_channel(database, kind="feed", name="Blog", account="https://blog.example/feed")
    async with database.sessionmaker() as s:
        stored = await s.get(Channel, feed.id)
        stored.next_poll_at = clock.now() + (timedelta(minutes=-1) if due else timedelta(minutes=10))
        await s.commit()
    assert await jobs._claim_due_feeds(database) == ([feed.id] if due else [])
    assert await jobs._claim_due_feeds(database) == []
