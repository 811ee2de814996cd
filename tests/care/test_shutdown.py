"""A worker stopped (SIGTERM) in the middle of a slow job — an import, whose labelling runs
in the CPU pool — exits within 5 seconds, gives the job back, and after a restart the
import finishes with every line queued and stored exactly once. Both as a separate
`hearth worker` and as the web server's in-process worker."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from care import jobs
from care.models import Channel, ImportJob, ImportStatus, Mention
from hearth import events
from hearth.db import Database
from hearth.events import OutboxEvent, WorkerBeat
from tests.care.conftest import drain, make_channel, make_topic
from tests.conftest import DATABASE_URL

LINES = 20_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _command(kind: str) -> list[str]:
    if kind == "worker":
        return [sys.executable, "-m", "hearth.cli", "worker"]
    return [sys.executable, "-m", "hearth.cli", "serve", "--port", str(_free_port()), "--no-access-log"]


async def _job(database: Database, job_id: int) -> ImportJob:
    async with database.sessionmaker() as session:
        return await session.get(ImportJob, job_id)


async def _start_import(database: Database, tmp_path: Path) -> int:
    # A news source: its mentions are stored and labelled like any, but open no care items, so
    # the drain after the stop is the import's work, not 20,000 items' routing and recipes.
    channel = await make_channel(database, kind="import", name="Imports", news=True)
    await make_topic(database, "Everything", "hearth")
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(LINES):
            handle.write(json.dumps({"external_id": f"m{i}", "text": f"Hearth app question number {i}, please help",
                                     "author": {"handle": f"user{i % 97}"}, "created_at": "2026-11-30T10:00:00Z",
                                     "language": "en"}) + "\n")
    async with database.sessionmaker() as session:
        job = await jobs.start_import(session, None, await session.get(Channel, channel.id), "jsonl", "big.jsonl",
                                      path)
        jobs.request_run(session, job.id)
        await session.commit()
        return job.id


@pytest.mark.parametrize("kind", ["worker", "serve"])
async def test_sigterm_during_an_import_gives_it_back_and_nothing_is_lost_or_doubled(
        database: Database, tmp_path: Path, kind: str) -> None:
    job_id = await _start_import(database, tmp_path)
    env = {**os.environ, "HEARTH_DATABASE_URL": DATABASE_URL, "HEARTH_INPROCESS_WORKER": "true",
           "HEARTH_WORKER_POLL_SECONDS": "0.2", "HEARTH_WORKER_GRACE_SECONDS": "0.2"}
    process = subprocess.Popen(_command(kind), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    try:
        deadline = time.monotonic() + 90
        while (await _job(database, job_id)).lines_read < 1_000:
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, "the import never started"
            await asyncio.sleep(0.05)
        assert (await _job(database, job_id)).status == ImportStatus.RUNNING  # stopped halfway, not after
        process.send_signal(signal.SIGTERM)
        stopped = time.monotonic()
        await asyncio.to_thread(process.wait, 15)
        took = time.monotonic() - stopped
    finally:
        if process.poll() is None:
            process.kill()
        errors = process.stderr.read()
    assert took < 5, f"took {took:.1f} s to stop"
    if kind == "worker":
        assert process.returncode == 0, errors
    else:  # uvicorn shuts down, then raises the signal it caught again, as a process should
        assert process.returncode == -signal.SIGTERM, errors
    halfway = await _job(database, job_id)
    assert halfway.status == ImportStatus.RUNNING and halfway.lines_read < LINES
    async with database.sessionmaker() as session:
        [given_back] = await session.scalars(
            select(OutboxEvent).where(OutboxEvent.name.like("care.import_requested>%")))
        workers = await session.scalar(select(func.count()).select_from(WorkerBeat))
    # Given back by a clean stop (a killed worker would leave its lease to lapse, and its heartbeat).
    assert given_back.processed_at is None and given_back.locked_by is None and given_back.attempts == 0
    assert workers == 0

    await drain(database)  # the next worker, here in the test process

    done = await _job(database, job_id)
    assert (done.status, done.lines_read, done.queued, done.stored, done.duplicates) == (
        ImportStatus.DONE, LINES, LINES, LINES, 0)
    async with database.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Mention)) == LINES
        failed = await session.scalar(select(func.count()).where(OutboxEvent.outcome == "failed"))
    assert failed == 0
    assert await events.drain_once(database, ahead=60) == 0
