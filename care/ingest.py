"""From received messages to labelled, threaded mentions.

`receive` runs in the request (or import chunk) that got the messages: it stores them in
the inbox and publishes one outbox event, in the same transaction. The worker's handler
`process` then takes the batch: de-duplicates by (channel, external id), labels
(language, sentiment, insult, personal data), matches the listening topics, threads the
conversation and stores what matches, marking the inbox rows done in the same
transaction. A worker killed halfway leaves the rows pending; the next run does them
again, and the unique (channel, external id) makes that harmless.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from care import labels, threading
from care.models import Channel, ImportJob, InboxItem, Mention, MentionTopic
from care.schemas import MentionIn
from care.topics import document, topic_index
from hearth import clock, events, metrics
from hearth.db import rowcount
from hearth.settings import get_settings

EVENT = "care.inbox"
PER_EVENT = 20  # received messages per outbox event


@dataclass
class Prepared:
    """Received messages, labelled and matched, ready for the inbox."""

    payloads: list[dict]
    dropped: int


async def prepare(session: AsyncSession, channel: Channel, mentions: Iterable[MentionIn], *,
                  cpu: Callable[..., Awaitable[Any]] | None = None) -> Prepared:
    """Label and match received messages and keep those a topic wants. The costly part runs
    here, in the process that received them — each web worker or import — so it spreads over
    the machine's cores; it only reads, so callers do it before they open a write (on SQLite
    a writer holds the one write lock, and labels must not be computed under it). Background
    work (an import) passes `cpu` (hearth.cpu.run) to label in the CPU pool instead."""
    incoming = list(mentions)
    index = await topic_index(session)
    model = await labels.current_model(session)
    wanted = [m for m in incoming if not m.deleted]
    # Topics read the masked text, as stored; language, insults and sentiment, the costly
    # labels, are then computed only for what is kept (an edit may update a kept mention).
    masked = {id(m): labels.mask(m.text) for m in wanted}
    topics = {id(m): index.match(document(masked[id(m)].text, m.author.handle)) for m in wanted}
    follow_ups = _follow_ups(wanted, topics)
    kept = [m for m in wanted if topics[id(m)] or m.edited or id(m) in follow_ups]
    arguments = (kept, channel.news, model, [masked[id(m)] for m in kept])
    found = await cpu(labels.label_many, *arguments) if cpu and kept else labels.label_many(*arguments)
    labelled = dict(zip(map(id, kept), found, strict=True))
    payloads, dropped = [], 0
    for mention in incoming:
        found = labelled.get(id(mention))
        if found is None and not mention.deleted:
            dropped += 1  # no topic wants it: listening keeps what matters
            continue
        follow_up, inherited = follow_ups.get(id(mention), (None, []))
        payloads.append({"mention": mention.model_dump(mode="json"), "labels": found.to_json() if found else None,
                         "topics": topics.get(id(mention)) or inherited, "follow_up": follow_up})
    return Prepared(payloads, dropped)


# A reply no topic wants is still kept when its conversation is (issue 15: a customer's
# follow-up rarely names the brand again), under its conversation's topics. "linked": it shares
# a conversation with a message of the same batch that a topic wants, so it is kept; "if_kept":
# it replies to something, and the worker keeps it when that conversation is kept by then.
LINKED, IF_KEPT = "linked", "if_kept"


def _follow_ups(mentions: list[MentionIn], topics: dict[int, list[int]]) -> dict[int, tuple[str, list[int]]]:
    roots = threading.roots(mentions)
    wanted: dict[str, set[int]] = {}
    for mention in mentions:
        if topics[id(mention)]:
            wanted.setdefault(roots[mention.external_id], set()).update(topics[id(mention)])
    found: dict[int, tuple[str, list[int]]] = {}
    for mention in mentions:
        inherited = wanted.get(roots[mention.external_id])
        if topics[id(mention)]:
            continue
        if inherited:
            found[id(mention)] = (LINKED, sorted(inherited))
        elif mention.parent_external_id or mention.conversation_external_id:
            found[id(mention)] = (IF_KEPT, [])
    return found


async def enqueue(session: AsyncSession, channel: Channel, prepared: Prepared, *, import_id: int | None = None) -> int:
    """Keep prepared messages for the worker (one outbox event); returns how many were queued."""
    metrics.MENTIONS.inc(prepared.dropped, outcome="dropped")
    if prepared.dropped and import_id is not None:
        await session.execute(update(ImportJob).where(ImportJob.id == import_id).values(
            dropped=ImportJob.dropped + prepared.dropped).execution_options(synchronize_session=False))
    if not prepared.payloads:
        return 0
    now = clock.now()
    rows = [{"channel_id": channel.id, "import_id": import_id, "received_at": now, "payload": payload,
             "processed_at": None} for payload in prepared.payloads]
    # One multi-row INSERT … RETURNING: the ids are all the event needs, in any order.
    ids = sorted(await session.scalars(insert(InboxItem).returning(InboxItem.id), rows))
    # Events of a few messages each: the worker stores one event's messages in one short
    # write transaction (an import chunk of 500 in one would hold the write lock for long).
    for start in range(0, len(ids), PER_EVENT):
        events.publish(session, EVENT, inbox_ids=ids[start:start + PER_EVENT])
    return len(ids)


async def receive(session: AsyncSession, channel: Channel, mentions: Iterable[MentionIn], *,
                  import_id: int | None = None) -> int:
    """`prepare` and `enqueue` in one session, for callers that are not in a hurry."""
    return await enqueue(session, channel, await prepare(session, channel, mentions), import_id=import_id)


# The message, its labels, the topics that want it, and whether it is a follow-up (see _follow_ups).
Received = tuple[MentionIn, "labels.Labels | None", list[int], str | None]
Kept = tuple[MentionIn, labels.Labels, list[int], str | None]  # a received message that will be stored


@dataclass
class Outcome:
    stored: int = 0
    duplicates: int = 0
    updated: int = 0
    dropped: int = 0  # matched no topic
    unkept: int = 0  # of those, queued as possible follow-ups whose conversation was not kept

    def add(self, other: Outcome) -> None:
        for name in ("stored", "duplicates", "updated", "dropped", "unkept"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


async def process(session: AsyncSession, inbox_ids: list[int]) -> Outcome:
    items = (await session.execute(select(InboxItem.id, InboxItem.channel_id, InboxItem.import_id, InboxItem.payload)
                                   .where(InboxItem.id.in_(inbox_ids), InboxItem.processed_at.is_(None))
                                   .order_by(InboxItem.id))).all()
    total = Outcome()
    groups: dict[tuple[int, int | None], list[Received]] = {}
    for _id, channel_id, import_id, payload in items:
        found = payload.get("labels")
        groups.setdefault((channel_id, import_id), []).append(
            (MentionIn.model_validate(payload["mention"]), labels.Labels.from_json(found) if found else None,
             payload.get("topics") or [], payload.get("follow_up")))
    for (channel_id, import_id), received in groups.items():
        channel = await session.get(Channel, channel_id)
        if channel is None:
            continue
        outcome = Outcome()
        await _store(session, channel, received, outcome)
        total.add(outcome)
        if import_id is not None:
            # A follow-up whose conversation was not kept moves from queued to dropped: every
            # record of a file stays counted once (queued + dropped).
            await session.execute(update(ImportJob).where(ImportJob.id == import_id).values(
                stored=ImportJob.stored + outcome.stored, duplicates=ImportJob.duplicates + outcome.duplicates,
                dropped=ImportJob.dropped + outcome.dropped, queued=ImportJob.queued - outcome.unkept)
                .execution_options(synchronize_session=False))
    await session.execute(update(InboxItem).where(InboxItem.id.in_([row[0] for row in items]))
                          .values(processed_at=clock.now()).execution_options(synchronize_session=False))
    for name in ("stored", "duplicates", "updated", "dropped"):
        metrics.MENTIONS.inc(getattr(total, name), outcome=name)
    return total


async def _store(session: AsyncSession, channel: Channel, received: list[Received], outcome: Outcome) -> None:
    unique = list({r[0].external_id: r for r in received}.values())  # the later copy wins
    outcome.duplicates += len(received) - len(unique)
    existing = {m.external_id: m for m in await session.scalars(select(Mention).where(
        Mention.channel_id == channel.id, Mention.external_id.in_([r[0].external_id for r in unique])))}
    fresh: list[Kept] = []
    maybe: list[Kept] = []
    for incoming, labelled, topics, follow_up in unique:
        if incoming.external_id in existing:
            changed = _apply_change(existing[incoming.external_id], incoming, labelled)
            outcome.updated += changed
            outcome.duplicates += not changed
        elif labelled is not None and (topics or follow_up == LINKED):  # not a removal or an unkept edit
            fresh.append((incoming, labelled, topics, follow_up))
        elif labelled is not None and follow_up == IF_KEPT:
            maybe.append((incoming, labelled, topics, follow_up))
        else:
            outcome.dropped += 1
    fresh += await _kept_follow_ups(session, channel.id, fresh, maybe, outcome)
    if not fresh:
        await session.flush()
        return
    conversations = await threading.assign(session, channel.id, [r[0] for r in fresh])
    now = clock.now()
    rows = [dict(channel_id=channel.id, external_id=m.external_id, conversation_id=conversations[m.external_id],
                 parent_external_id=m.parent_external_id, author_handle=m.author.handle[:100],
                 author_name=m.author.name, author_followers=m.author.followers, text=lab.text, url=m.url,
                 language=lab.language, sentiment=lab.sentiment, sentiment_score=lab.score,
                 sentiment_source=lab.source, insult=lab.insult, pure_insult=lab.pure_insult,
                 personal_data=lab.personal_data, is_news=m.is_news or channel.news, edited=m.edited,
                 removed_at=None, handled_at=None, published_at=m.created_at, received_at=now)
            for m, lab, _t, _f in fresh]
    # One executemany for the batch, then the ids by external id: the ORM's unit of work (or
    # RETURNING in parameter order, which SQLite does row by row) would cost more than the
    # storing itself. The table's INSERT, not the entity's: the ORM's bulk insert leaves out
    # None values and so splits the batch into a statement per run of rows with the same
    # columns (one per row, in practice). A concurrent worker storing the same message makes
    # the batch fail as a whole; the outbox retries it, and then finds it stored.
    await session.execute(insert(Mention.__table__), rows)
    ids = dict((await session.execute(select(Mention.external_id, Mention.id).where(
        Mention.channel_id == channel.id, Mention.external_id.in_([r["external_id"] for r in rows])))).all())
    links = [{"mention_id": ids[m.external_id], "topic_id": topic_id}
             for m, _l, topics, _f in fresh for topic_id in topics]
    if links:  # follow-ups alone have no topic
        await session.execute(insert(MentionTopic), links)
    touched = sorted({conversations[r[0].external_id] for r in fresh})
    await threading.recount(session, touched)
    outcome.stored += len(rows)
    events.publish(session, "care.mentions_stored", channel_id=channel.id, conversation_ids=touched)


async def _kept_follow_ups(session: AsyncSession, channel_id: int, fresh: list[Kept], maybe: list[Kept],
                           outcome: Outcome) -> list[Kept]:
    """The possible follow-ups whose conversation is kept, with its topics: one the channel
    already stored (a key it knows), or one a kept message of this batch belongs to."""
    if not maybe:
        return []
    roots = threading.roots([r[0] for r in fresh + maybe])
    conversation_topics: dict[str, set[int]] = {}
    for mention, _l, topics, _f in fresh:
        conversation_topics.setdefault(roots[mention.external_id], set()).update(topics)
    for key, known in (await threading.known_topics(session, channel_id, [r[0] for r in maybe])).items():
        conversation_topics.setdefault(roots[key], set()).update(known)
    kept = [(m, lab, sorted(conversation_topics[roots[m.external_id]]), f) for m, lab, _t, f in maybe
            if roots[m.external_id] in conversation_topics]
    outcome.dropped += len(maybe) - len(kept)
    outcome.unkept += len(maybe) - len(kept)
    return kept


def _apply_change(stored: Mention, incoming: MentionIn, labelled: labels.Labels | None) -> bool:
    """An edit or a removal on the platform; the same message again changes nothing."""
    if incoming.deleted:
        if stored.removed_at is None:
            stored.removed_at = clock.now()
            return True
        return False
    if not incoming.edited or labelled is None or labelled.text == stored.text:
        return False
    stored.text, stored.edited, stored.language = labelled.text, True, labelled.language
    stored.insult, stored.pure_insult = labelled.insult, labelled.pure_insult
    stored.personal_data = labelled.personal_data
    if stored.sentiment_source != "agent":  # an agent's judgement outlives the author's edit
        stored.sentiment, stored.sentiment_score, stored.sentiment_source = (
            labelled.sentiment, labelled.score, labelled.source)
    return True


async def prune(session: AsyncSession, *, batch: int = 1_000) -> int:
    """Delete one batch of inbox rows processed longer ago than `care_inbox_keep_days`
    (the mentions they became stay): the table the worker reads stays small."""
    cutoff = clock.now() - timedelta(days=get_settings().care_inbox_keep_days)
    old = select(InboxItem.id).where(InboxItem.processed_at < cutoff).limit(batch).scalar_subquery()
    result = await session.execute(delete(InboxItem).where(InboxItem.id.in_(old))
                                   .execution_options(synchronize_session=False))
    return rowcount(result) or 0


async def pending(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).where(InboxItem.processed_at.is_(None))) or 0
