"""Work that runs beside requests: file imports (from the CLI or an admin page) and feed polling.

An import queues its file in chunks, each chunk one transaction that also moves the job's
bookmark (`lines_read`), so a crash loses no line and queues none twice: whoever resumes
starts after the bookmark. Feeds are claimed before they are fetched, so two workers never
poll the same feed at once, and fetched outside any transaction, so a slow site never holds
the database.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from care import ingest
from care.connectors import feeds, imports
from care.models import Channel, ChannelKind, ImportJob, ImportStatus
from care.schemas import MentionIn
from hearth import clock, events
from hearth.accounts.models import Account
from hearth.db import Database, rowcount
from hearth.errors import Invalid, NotFound
from hearth.settings import VAR_DIR

log = logging.getLogger("hearth.care")
CHUNK = 500
MAX_ERRORS_KEPT = 200
STALE = timedelta(minutes=2)
FORMATS = {"jsonl": imports.iter_jsonl, "twcs": imports.iter_twcs}
IMPORT_DIR = VAR_DIR / "imports"
IMPORT_EVENT = "care.import_requested"


Record = MentionIn | imports.LineError | imports.Notice


def _records(path: Path, fmt: str) -> Iterator[tuple[int, Record]]:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        yield from FORMATS[fmt](handle)


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


async def start_import(session: AsyncSession, actor: Account | None, channel: Channel, fmt: str, filename: str,
                       path: Path) -> ImportJob:
    if fmt not in FORMATS:
        raise Invalid("Choose JSONL (Hearth's format) or the Customer Support on Twitter CSV", field="format")
    if channel.kind != ChannelKind.IMPORT:
        raise Invalid("Imports go into a channel of the kind “import”", field="channel_id")
    now = clock.now()
    job = ImportJob(channel_id=channel.id, format=fmt, filename=filename[:200], path=str(path.resolve()),
                    status=ImportStatus.RUNNING, total_lines=count_lines(path), lines_read=0, queued=0, stored=0,
                    duplicates=0, dropped=0, errors=[], error_count=0, notices=[],
                    created_by_id=actor.id if actor else None, created_at=now, updated_at=now)
    session.add(job)
    await session.flush()
    return job


async def run_import(database: Database, job_id: int, *, progress: Callable[[ImportJob], None] | None = None,
                     cpu: Callable[..., Awaitable[Any]] | None = None) -> ImportJob:
    """Queue the job's file from its bookmark on, chunk by chunk (`cpu`: label in the CPU pool).
    Stops when another runner moved the bookmark meanwhile: one runner per import."""
    async with database.sessionmaker() as session:
        job = await session.get_one(ImportJob, job_id)
        channel = await session.get_one(Channel, job.channel_id)
    if job.status != ImportStatus.RUNNING:
        return job
    bookmark = job.lines_read
    chunk: list[tuple[int, Record]] = []
    try:
        for line, record in _records(Path(job.path), job.format):
            if line <= bookmark:
                continue
            chunk.append((line, record))
            if len(chunk) >= CHUNK:
                job = await _queue_chunk(database, job.id, channel, chunk, bookmark, cpu=cpu)
                bookmark, chunk = job.lines_read, []
                if progress:
                    progress(job)
                await asyncio.sleep(0)  # let other work on this loop go on between chunks
        job = await _queue_chunk(database, job.id, channel, chunk, bookmark, last=True, cpu=cpu)
    except OSError as exc:
        job = await _finish(database, job.id, ImportStatus.FAILED, f"The file could not be read: {exc}")
    except ImportMoved as exc:
        log.info("%s", exc)
        return exc.job
    if progress:
        progress(job)
    return job


class ImportMoved(Exception):
    def __init__(self, job: ImportJob) -> None:
        super().__init__(f"import {job.id} is run elsewhere now (its bookmark moved); this runner stops")
        self.job = job


async def _queue_chunk(database: Database, job_id: int, channel: Channel,
                       chunk: list[tuple[int, Record]], bookmark: int, *, last: bool = False,
                       cpu: Callable[..., Awaitable[Any]] | None = None) -> ImportJob:
    good = [r for _line, r in chunk if isinstance(r, MentionIn)]
    bad = [{"line": line, "error": r.message[:300]} for line, r in chunk if isinstance(r, imports.LineError)]
    notices = [r.message for _line, r in chunk if isinstance(r, imports.Notice)]
    async with database.sessionmaker() as reading:  # labels before the write lock, not under it
        prepared = await ingest.prepare(reading, channel, good, cpu=cpu)
    async with await database.writer(background=True) as session:
        job = await session.get_one(ImportJob, job_id)
        if job.lines_read != bookmark or job.status != ImportStatus.RUNNING:
            raise ImportMoved(job)
        job.queued += await ingest.enqueue(session, channel, prepared, import_id=job.id)
        job.errors = (job.errors + bad)[:MAX_ERRORS_KEPT]
        job.error_count += len(bad)
        job.notices = [*job.notices, *notices]
        if chunk:
            job.lines_read = chunk[-1][0]
        job.updated_at = clock.now()
        if last:
            job.status, job.finished_at, job.lines_read = ImportStatus.DONE, clock.now(), max(job.lines_read,
                                                                                               job.total_lines)
        await session.commit()
        return job


async def _finish(database: Database, job_id: int, status: ImportStatus, error: str) -> ImportJob:
    async with await database.writer(background=True) as session:
        job = await session.get_one(ImportJob, job_id)
        job.status, job.finished_at, job.updated_at = status, clock.now(), clock.now()
        job.errors = [*job.errors, {"line": None, "error": error}][:MAX_ERRORS_KEPT]
        await session.commit()
        return job


async def resume_stalled(database: Database) -> int:
    """Imports whose runner went quiet (its process died) are queued again: they continue
    from their bookmark as background jobs."""
    async with await database.writer(background=True) as session:
        stale = clock.now() - STALE
        ids = list(await session.scalars(select(ImportJob.id).where(ImportJob.status == ImportStatus.RUNNING,
                                                                    ImportJob.updated_at < stale)))
        resumed = 0
        for job_id in ids:
            # Claim it: of several workers, the one whose update lands queues it.
            result = await session.execute(update(ImportJob).where(
                ImportJob.id == job_id, ImportJob.updated_at < stale).values(updated_at=clock.now()))
            if rowcount(result):
                request_run(session, job_id)
                resumed += 1
        await session.commit()
    return resumed


def request_run(session: AsyncSession, job_id: int) -> None:
    """Have the background worker run (or resume) an import once the caller commits."""
    events.publish(session, IMPORT_EVENT, import_id=job_id)


async def upload(session: AsyncSession, actor: Account, channel: Channel, fmt: str, filename: str,
                 content: bytes) -> ImportJob:
    """Keep an uploaded file and start its job, which the background worker runs once the
    caller commits (never the web server's own event loop: labelling is CPU work)."""
    IMPORT_DIR.mkdir(parents=True, exist_ok=True)
    path = IMPORT_DIR / f"{clock.now().strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(4)}.{fmt}"
    path.write_bytes(content)
    job = await start_import(session, actor, channel, fmt, filename, path)
    request_run(session, job.id)
    return job


async def get_import(session: AsyncSession, import_id: int) -> ImportJob:
    job = await session.get(ImportJob, import_id)
    if job is None:
        raise NotFound("No such import")
    return job


async def list_imports(session: AsyncSession) -> list[ImportJob]:
    return list(await session.scalars(select(ImportJob).order_by(ImportJob.id.desc()).limit(50)))


# --- feeds -------------------------------------------------------------------------------------

async def poll_due_feeds(database: Database, *, client: httpx.AsyncClient | None = None) -> int:
    polled = 0
    for channel_id in await _claim_due_feeds(database):
        await poll_feed(database, channel_id, client=client)
        polled += 1
    return polled


async def _claim_due_feeds(database: Database) -> list[int]:
    async with await database.writer(background=True) as session:
        now = clock.now()
        due = list(await session.scalars(select(Channel).where(
            Channel.kind == ChannelKind.FEED, Channel.active.is_(True),
            or_(Channel.next_poll_at.is_(None), Channel.next_poll_at <= now))))
        claimed = []
        for channel in due:
            result = await session.execute(update(Channel).where(
                Channel.id == channel.id, or_(Channel.next_poll_at.is_(None), Channel.next_poll_at <= now))
                .values(next_poll_at=now + timedelta(minutes=channel.poll_minutes)))
            if rowcount(result):
                claimed.append(channel.id)
        await session.commit()
        return claimed


async def poll_feed(database: Database, channel_id: int, *, client: httpx.AsyncClient | None = None) -> int:
    """Fetch one feed (conditionally) and queue what it holds; an error is kept on the channel."""
    async with database.sessionmaker() as session:
        channel = await session.get_one(Channel, channel_id)
    own = client is None
    client = client or httpx.AsyncClient(follow_redirects=True, headers={"user-agent": "Hearth feed reader"})
    try:
        result = await feeds.fetch(channel.account, etag=channel.etag, last_modified=channel.last_modified,
                                   client=client, news=channel.news)
        error = None
    except feeds.FeedError as exc:
        result, error = None, str(exc)[:500]
    finally:
        if own:
            await client.aclose()
    async with await database.writer(background=True) as session:
        channel = await session.get_one(Channel, channel_id)
        channel.last_polled_at, channel.last_error = clock.now(), error
        queued = 0
        if result is not None:
            if result.status == "ok":
                queued = await ingest.receive(session, channel, result.mentions)
            channel.etag, channel.last_modified = result.etag, result.last_modified
        else:
            log.warning("feed %s (%s) failed: %s", channel.name, channel.account, error)
        await session.commit()
        return queued
