"""Reactions and recurring work for social listening, run by the outbox worker."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from care import ingest, jobs, replies, service, sla
from hearth import events
from hearth.db import Database
from hearth.events import Event, Lane, Work
from hearth.text import sentiment

FEED_POLL_SECONDS = 60
RESUME_SECONDS = 60
# Corrections come in bursts (an agent going through a morning's mentions): the retrain
# waits this long for the rest of the burst, then one run learns from all of it.
RETRAIN_DELAY_SECONDS = 5.0


@events.on(ingest.EVENT, budget=5)
async def process_inbox(session: AsyncSession, event: Event) -> None:
    # Idempotent: rows already processed are skipped, and mentions are unique per channel.
    await ingest.process(session, event.payload["inbox_ids"])


@events.on("care.sentiment_corrected", lane=Lane.SLOW, coalesce=True, delay=RETRAIN_DELAY_SECONDS, budget=300)
async def retrain_sentiment(work: Work, event: Event) -> None:
    """Learn again from every correction: read them, train in the CPU pool, store the model."""
    async with work.database.sessionmaker() as session:
        examples = await service.correction_examples(session)
    data = await work.cpu(sentiment.train, examples)
    async with work.write() as session:
        await service.store_model(session, data, examples=len(examples))


@events.on(jobs.IMPORT_EVENT, lane=Lane.SLOW, coalesce="import_id", budget=60)
async def run_import(work: Work, event: Event) -> None:
    """An uploaded file, chunk by chunk; each chunk commits with the import's bookmark."""
    await jobs.run_import(work.database, int(event.payload["import_id"]), cpu=work.cpu)


@events.every(FEED_POLL_SECONDS)
async def poll_feeds(database: Database) -> int:
    return await jobs.poll_due_feeds(database)


@events.every(RESUME_SECONDS)
async def resume_imports(database: Database) -> int:
    return await jobs.resume_stalled(database)


@events.chore
async def prune_inbox(session: AsyncSession) -> int:
    return await ingest.prune(session)


# --- response-time goals (care.sla) ------------------------------------------------------------

SLA_SWEEP_SECONDS = 30


@events.every(SLA_SWEEP_SECONDS)
async def record_sla_breaches(database: Database) -> int:
    # Its own short transactions, in batches: see care.sla.record_breaches.
    return await sla.record_breaches(database)


# --- sending replies (care.replies) ----------------------------------------------------------------

@events.on(replies.SEND_EVENT, lane=Lane.SLOW, coalesce="reply_id", budget=60)
async def send_reply(work: Work, event: Event) -> None:
    """A reply on its way: outside any transaction (a platform may be slow), one run per reply
    at a time; a platform that failed is tried again with backoff, a sent reply never again."""
    await replies.deliver(work, int(event.payload["reply_id"]))
