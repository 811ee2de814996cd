"""Reactions and recurring work for social listening, run by the outbox worker."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from care import ingest, jobs, service
from hearth import events
from hearth.db import Database
from hearth.events import Event

FEED_POLL_SECONDS = 60
RESUME_SECONDS = 60


@events.on(ingest.EVENT)
async def process_inbox(session: AsyncSession, event: Event) -> None:
    # Idempotent: rows already processed are skipped, and mentions are unique per channel.
    await ingest.process(session, event.payload["inbox_ids"])


@events.on("care.sentiment_corrected")
async def retrain_sentiment(session: AsyncSession, event: Event) -> None:
    await service.retrain(session)


@events.every(FEED_POLL_SECONDS)
async def poll_feeds(database: Database) -> int:
    return await jobs.poll_due_feeds(database)


@events.every(RESUME_SECONDS)
async def resume_imports(database: Database) -> int:
    return await jobs.resume_stalled(database)
