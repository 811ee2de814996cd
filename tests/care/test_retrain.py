"""Agents correct sentiment in bursts; the model is retrained a few times for a burst, not
once per correction, off the serving loop (in the CPU pool), and the last model has learned
from every correction."""

from __future__ import annotations

import asyncio
import time

from sqlalchemy import func, select

from care import service
from care.models import SentimentModel
from hearth import events
from hearth.accounts.models import Account
from hearth.db import Database
from hearth.events import OutboxEvent
from tests.care.conftest import make_topic
from tests.care.test_ingest import mention, receive, stored

CORRECTIONS = 2_000
RETRAIN = "care.sentiment_corrected>retrain_sentiment"
WORDS = ["card", "app", "fees", "branch", "loan", "transfer", "login", "savings"]


async def _pending(database: Database) -> int:
    async with database.sessionmaker() as session:
        return await events.pending_count(session)


async def _model(database: Database) -> SentimentModel | None:
    async with database.sessionmaker() as session:
        return await session.scalar(select(SentimentModel))


async def test_a_burst_of_2000_corrections_retrains_a_few_times_and_learns_all(database: Database, x_channel,
                                                                             agent) -> None:
    await make_topic(database, "All", "hearth")
    await receive(database, x_channel, *(
        mention(str(i), f"Hearth {WORDS[i % 8]} issue number {i}: {'thanks a lot' if i % 3 else 'still broken'}",
                minutes=i) for i in range(CORRECTIONS)))
    mentions = await stored(database)
    assert len(mentions) == CORRECTIONS
    worker = events.Worker(database, poll_seconds=0.2)
    worker.start()
    try:
        # The burst arrives while the worker runs, as agents work through a morning's mentions.
        for start in range(0, CORRECTIONS, 250):
            async with await database.writer() as session:  # as a request's session is
                agent_row = await session.get(Account, agent.id)
                for m in mentions[start:start + 250]:
                    await service.correct_sentiment(session, agent_row, m.id, "negative" if m.id % 2 else "positive")
                await session.commit()
            events.wake_worker()
            await asyncio.sleep(0.2)
        started = time.monotonic()
        while await _pending(database):
            assert time.monotonic() < started + 120, "the worker never finished"
            await asyncio.sleep(0.2)
    finally:
        await worker.stop()
    async with database.sessionmaker() as session:
        outcomes = dict((await session.execute(select(OutboxEvent.outcome, func.count())
                                               .where(OutboxEvent.name == RETRAIN)
                                               .group_by(OutboxEvent.outcome))).all())
    # Each correction asked for a retrain (a job row, written with the correction); all but a few were covered.
    assert (await _model(database)).examples == CORRECTIONS
    assert 1 <= outcomes["processed"] <= 3, outcomes
    assert outcomes["processed"] + outcomes.get("coalesced", 0) == CORRECTIONS
