"""Reactions and recurring work for social listening, run by the outbox worker."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from care import escalation, ingest, jobs, presence, recipes, replies, routing, service, sla, sources
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


# --- automation recipes (care.recipes) ---------------------------------------------------------

RECIPE_SWEEP_SECONDS = 60


@events.on("care.item_created", budget=10)
async def recipes_on_created(session: AsyncSession, event: Event) -> None:
    await recipes.on_received(session, int(event.payload["item_id"]), created=True,
                              messages=int(event.payload.get("messages") or 0), event_id=event.id)


@events.on("care.item_changed", budget=10)
async def recipes_on_message(session: AsyncSession, event: Event) -> None:
    # Only new customer messages (items.receive) trigger recipes; the changes recipes and
    # agents make publish this event without `messages`, so a recipe never triggers itself.
    messages = int(event.payload.get("messages") or 0)
    if messages > 0:
        await recipes.on_received(session, int(event.payload["item_id"]), created=False, messages=messages,
                                  event_id=event.id)


@events.every(RECIPE_SWEEP_SECONDS)
async def sweep_recipes(database: Database) -> int:
    """No reply for a while, a goal about to be due: the time-based recipes."""
    return await recipes.sweep(database)


@events.on(recipes.NOTIFY_EVENT, lane=Lane.SLOW, budget=60)
async def recipe_notify(work: Work, event: Event) -> None:
    """A recipe's notification: a webhook POST outside any transaction (a failure is retried
    with backoff), or an e-mail address told in Hearth when it is staff's."""
    payload = {**event.payload, "event_id": event.id}
    async with work.database.sessionmaker() as session:
        body = await recipes.notify_payload(session, payload)
    if body is None:  # the item was deleted since
        return
    if "webhook" in payload:
        await recipes.post_webhook(payload["webhook"], body)
        return
    async with work.write() as session:
        await recipes.notify_email(session, payload, body)


# --- response-time goals (care.sla) ------------------------------------------------------------

SLA_SWEEP_SECONDS = 30


@events.every(SLA_SWEEP_SECONDS)
async def record_sla_breaches(database: Database) -> int:
    # Its own short transactions, in batches: see care.sla.record_breaches.
    return await sla.record_breaches(database)


@events.on("care.sla_breached", budget=10)
async def tell_breach(session: AsyncSession, event: Event) -> None:
    await sla.tell_breach(session, int(event.payload["item_id"]), str(event.payload["goal"]),
                          str(event.payload.get("due_at", "")))


# --- sending replies (care.replies) ----------------------------------------------------------------

@events.on(replies.SEND_EVENT, lane=Lane.SLOW, coalesce="reply_id", budget=60)
async def send_reply(work: Work, event: Event) -> None:
    """A reply on its way: outside any transaction (a platform may be slow), one run per reply
    at a time; a platform that failed is tried again with backoff, a sent reply never again."""
    await replies.deliver(work, int(event.payload["reply_id"]))


# --- working the queue: crisis mode, routing, escalation contacts, presence ---------------------
# (care.escalation, care.routing, care.presence)

ROUTING_PASS_SECONDS = 60
# Changes after which an agent may have room again: the waiting items are given out.
FREES_ROOM = frozenset({"status", "release", "takeover", "assign"})


@events.on("care.item_created", budget=10)
async def queue_on_created(session: AsyncSession, event: Event) -> None:
    # Crisis first, so the item is routed at the priority it will keep.
    item_id = int(event.payload["item_id"])
    await escalation.apply_crisis(session, item_id)
    await routing.route(session, item_id)


@events.on("care.item_changed", budget=10)
async def queue_on_changed(session: AsyncSession, event: Event) -> None:
    if event.payload.get("change") in FREES_ROOM:
        await routing.fill(session)


@events.on(routing.AGENT_EVENT, budget=10)
async def queue_on_agent(session: AsyncSession, event: Event) -> None:
    await routing.fill(session)


@events.every(ROUTING_PASS_SECONDS)
async def routing_pass(database: Database) -> int:
    """What no change announced (an agent back from leave, a missed event): waiting items out."""
    async with await database.writer(background=True) as session:
        given = await routing.fill(session)
        await session.commit()
        return given


@events.on(escalation.STARTED_EVENT, budget=30)
async def tell_escalation_contacts(session: AsyncSession, event: Event) -> None:
    await escalation.tell_contacts(session, event.payload)


@events.chore
async def prune_presence(session: AsyncSession) -> int:
    return await presence.prune(session)


# --- turning every source into care items (care.sources) -------------------------------------------
# Each handler may run twice (a retried event): items.receive stores each message once.


@events.on("care.mentions_stored", budget=10)
async def items_from_mentions(session: AsyncSession, event: Event) -> None:
    await sources.mentions_stored(session, int(event.payload["channel_id"]), event.payload["conversation_ids"])


@events.on("forum.thread_created", budget=10)
async def schedule_question(session: AsyncSession, event: Event) -> None:
    sources.schedule_question(session, int(event.payload["thread_id"]), int(event.payload["post_id"]))


@events.on(sources.QUESTION_DUE_EVENT, budget=30)
async def question_due(session: AsyncSession, event: Event) -> None:
    await sources.question_due(session, int(event.payload["thread_id"]))


@events.on("forum.post_created", budget=10)
@events.on("forum.post_published", budget=10)
async def question_post(session: AsyncSession, event: Event) -> None:
    # post_published: an answer held by screening and approved later arrives then.
    await sources.question_post(session, int(event.payload["thread_id"]), int(event.payload["post_id"]))


@events.on("review.published", budget=10)
async def review_published(session: AsyncSession, event: Event) -> None:
    await sources.review_published(session, int(event.payload["review_id"]))


@events.on("review.updated", budget=10)
async def review_updated(session: AsyncSession, event: Event) -> None:
    await sources.review_published(session, int(event.payload["review_id"]), updated=True)


@events.on("review.responded", budget=10)
async def review_responded(session: AsyncSession, event: Event) -> None:
    await sources.review_responded(session, int(event.payload["review_id"]), int(event.payload["response_id"]))


@events.on("review.removed", budget=10)
async def review_removed(session: AsyncSession, event: Event) -> None:
    await sources.review_removed(session, int(event.payload["review_id"]))


@events.on("moderation.routed_to_care", budget=10)
async def flag_routed(session: AsyncSession, event: Event) -> None:
    await sources.flag_routed(session, event.payload)
