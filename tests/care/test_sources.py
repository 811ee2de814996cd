"""Every source becomes care items: listening conversations (the brand's own messages are its
replies, follow-ups kept), forum questions left unanswered, low-star reviews, flags routed by
moderators; priority from rules; the real twcs sample imported. Handlers run twice add nothing."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from care import ingest, items, sources
from care.models import (
    CareEntry,
    CareItem,
    Channel,
    Conversation,
    EntryKind,
    InboxItem,
    ItemPriority,
    ItemSource,
    ItemStatus,
    Mention,
    MentionTopic,
    Sentiment,
)
from care.schemas import AuthorIn, MentionIn
from forums import service as forums
from hearth import clock, events
from hearth.accounts.models import Account, Role
from hearth.db import Database
from hearth.events.models import OutboxEvent
from moderation import service as moderation
from moderation.schemas import ActionIn
from reviews import service as reviews
from tests.care.conftest import drain, make_topic
from tests.care.connectors.test_imports import TWCS_SAMPLE
from tests.care.test_jobs import _import
from tests.care.test_replies import product  # noqa: F401 - a fixture
from tests.conftest import create_member, sign_in
from tests.forums.conftest import answer, ask
from tests.moderation.conftest import flagged_post
from tests.reviews.conftest import write

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def said(external_id: str, text: str, *, author: str = "klant_jan", parent: str | None = None, minutes: int = 0,
         followers: int = 120, **extra) -> MentionIn:  # noqa: ANN003
    return MentionIn(external_id=external_id, text=text, author=AuthorIn(handle=author, followers=followers),
                     created_at=T0 + timedelta(minutes=minutes), parent_external_id=parent, **extra)


async def deliver(database: Database, channel, *mentions: MentionIn, run: bool = True) -> None:  # noqa: ANN001
    async with database.sessionmaker() as s:
        await ingest.receive(s, await s.get(Channel, channel.id), list(mentions))
        await s.commit()
    if run:
        await drain(database)


async def all_items(database: Database) -> list[CareItem]:
    async with database.sessionmaker() as s:
        return list(await s.scalars(select(CareItem).order_by(CareItem.id)))


async def entries(database: Database, item_id: int, *kinds: EntryKind) -> list[CareEntry]:
    """The item's timeline, only `kinds` when given."""
    async with database.sessionmaker() as s:
        return [e for e, _ in await items.timeline(s, item_id) if not kinds or e.kind in kinds]


SAID = (EntryKind.MESSAGE, EntryKind.REPLY)


@pytest.fixture
async def listening(database: Database, x_channel):  # noqa: ANN001, ANN201
    await make_topic(database, "Hearth", "hearth*")
    return x_channel


# --- mentions --------------------------------------------------------------------------------------

async def test_a_conversation_is_one_item_and_the_brands_messages_are_its_replies(database: Database,
                                                                                  listening) -> None:  # noqa: ANN001
    await deliver(database, listening,
                  said("1", "@HearthBank my Hearth card is blocked", followers=300),
                  said("2", "@klant_jan Sorry! Send us a DM", author="HearthBank", parent="1", minutes=5),
                  said("3", "done, still nothing", parent="2", minutes=9),
                  said("n1", "Hearth opens a branch in Gent", author="nieuws", is_news=True))
    [item] = await all_items(database)
    assert (item.source, item.channel, item.channel_id) == (ItemSource.MENTION, "x", listening.id)
    assert (item.customer_handle, item.customer_followers) == ("klant_jan", 300)
    assert item.title == "@HearthBank my Hearth card is blocked"
    assert item.first_response_at == T0 + timedelta(minutes=5)
    assert item.waiting_since == T0 + timedelta(minutes=9)  # the follow-up waits for the brand
    timeline = await entries(database, item.id, *SAID)
    assert [(e.kind, e.body) for e in timeline] == [
        (EntryKind.MESSAGE, "@HearthBank my Hearth card is blocked"),
        (EntryKind.REPLY, "@klant_jan Sorry! Send us a DM"),
        (EntryKind.MESSAGE, "done, still nothing")]
    assert all(e.mention_id is not None and e.ref == f"mention:{e.mention_id}" for e in timeline)


async def test_news_and_the_brands_own_posts_make_no_item(database: Database, listening) -> None:  # noqa: ANN001
    await make_topic(database, "Our accounts", profiles=["hearth_care"])
    await deliver(database, listening,
                  said("n1", "Hearth raises its savings rate", author="tijd", is_news=True),
                  said("b1", "Hearth app maintenance tonight", author="HearthBank"),
                  said("b2", "Our Hearth app is back", author="Hearth_Care"))
    async with database.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(Mention)) == 3
    assert await all_items(database) == []


async def test_a_conversation_the_brand_opened_waits_from_the_customers_message(database: Database,
                                                                                 listening) -> None:  # noqa: ANN001
    await deliver(database, listening,
                  said("b1", "Hearth app maintenance tonight", author="HearthBank"),
                  said("c1", "@HearthBank again?? my Hearth payments fail", parent="b1", minutes=30))
    [item] = await all_items(database)
    # The announcement answers nothing: the customer is still waiting.
    assert item.first_response_at is None and item.waiting_since == T0 + timedelta(minutes=30)
    assert [e.kind for e in await entries(database, item.id, *SAID)] == [EntryKind.MESSAGE]


async def test_a_follow_up_naming_no_brand_is_kept_in_a_kept_conversation(database: Database,
                                                                          listening) -> None:  # noqa: ANN001
    # Later batch: the conversation was kept before (a key the channel knows).
    await deliver(database, listening, said("1", "my Hearth card is blocked"))
    await deliver(database, listening, said("2", "is anyone there?", parent="1", minutes=20))
    # Same batch: linked to a kept message, even ahead of it.
    await deliver(database, listening, said("11", "and my wife's too", parent="10", author="piet", minutes=3),
                  said("10", "Hearth blocked my card", author="piet"))
    # A reply in a conversation nobody kept stays dropped, now and later.
    await deliver(database, listening, said("20", "what a day", author="mila"))
    await deliver(database, listening, said("21", "indeed", author="mila", parent="20", minutes=1))
    async with database.sessionmaker() as s:
        kept = set(await s.scalars(select(Mention.external_id)))
        # Under their conversation's topic, so the mention stream's topic filter shows them too.
        topics = dict((await s.execute(select(Mention.external_id, MentionTopic.topic_id)
                                       .join(MentionTopic, MentionTopic.mention_id == Mention.id))).all())
    assert kept == {"1", "2", "10", "11"}
    assert topics == dict.fromkeys(kept, topics["1"])
    first, second = await all_items(database)
    assert [e.body for e in await entries(database, first.id, *SAID)] == ["my Hearth card is blocked",
                                                                           "is anyone there?"]
    assert [e.body for e in await entries(database, second.id, *SAID)] == ["Hearth blocked my card",
                                                                            "and my wife's too"]


async def test_a_retried_webhook_and_a_handler_run_twice_add_nothing(database: Database,
                                                                     listening) -> None:  # noqa: ANN001
    delivery = [said("1", "Hearth card blocked"), said("2", "still blocked", parent="1", minutes=2)]
    await deliver(database, listening, *delivery)
    await deliver(database, listening, *delivery)  # the platform sent it again
    async with database.sessionmaker() as s:
        conversation_id = await s.scalar(select(Mention.conversation_id).limit(1))
        for _ in range(2):
            assert await sources.mentions_stored(s, listening.id, [conversation_id]) == 0
        await s.commit()
    [item] = await all_items(database)
    assert [e.kind for e in await entries(database, item.id, *SAID)] == [EntryKind.MESSAGE, EntryKind.MESSAGE]


async def test_a_worker_killed_after_storing_mentions_still_yields_the_item_once(database: Database,
                                                                                 listening) -> None:  # noqa: ANN001
    await deliver(database, listening, said("1", "Hearth card blocked"), run=False)
    async with database.sessionmaker() as s:
        inbox = list(await s.scalars(select(InboxItem.id)))
        await ingest.process(s, inbox)  # the mentions stored and their event published, then the worker dies
        await s.commit()
    assert await all_items(database) == []
    async with database.sessionmaker() as s:
        assert await s.scalar(select(func.count()).where(OutboxEvent.name == "care.mentions_stored",
                                                         OutboxEvent.processed_at.is_(None))) == 1
    await drain(database)  # the next worker runs what the dead one left: the inbox event is a no-op now
    await drain(database)
    [item] = await all_items(database)
    assert len(await entries(database, item.id, *SAID)) == 1


async def test_merged_conversations_keep_one_open_item(database: Database, listening) -> None:  # noqa: ANN001
    await deliver(database, listening, said("b", "Hearth still down", parent="a", minutes=2))
    await deliver(database, listening, said("c", "Hearth app crashes too", author="piet", parent="x", minutes=3))
    assert len(await all_items(database)) == 2
    await deliver(database, listening, said("x", "same for me with Hearth", author="mila", parent="a", minutes=1))
    kept, merged = await all_items(database)
    async with database.sessionmaker() as s:
        [conversation_id] = set(await s.scalars(select(Mention.conversation_id)))
    assert kept.source_id == conversation_id and kept.status in (ItemStatus.NEW, ItemStatus.OPEN)
    assert merged.status == ItemStatus.RESOLVED and merged.source_id == -merged.id
    assert [e.data.get("note") for e in await entries(database, merged.id) if e.kind == EntryKind.STATUS] == [
        f"merged into item {kept.id}"]
    assert sorted(e.body for e in await entries(database, kept.id, *SAID)) == [
        "Hearth app crashes too", "Hearth still down", "same for me with Hearth"]


# --- priority --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "word"), [("URGENT: my card", "urgent"), ("mijn account is gehackt!", "gehackt"),
                                            ("c'est une fraude", "fraude"), ("compte piraté hier", "piraté"),
                                            ("dringend hulp nodig", "dringend")])
def test_urgency_words_in_each_language_raise_the_priority(text: str, word: str) -> None:
    level, reasons = sources.priority([text])
    assert level == ItemPriority.HIGH and reasons == [f"urgency word “{word}”"]


def test_followers_and_sentiment_raise_it_and_words_match_whole() -> None:
    assert sources.priority(["the fraudster's manual"]) == (ItemPriority.NORMAL, [])
    assert sources.priority(["hello"], followers=9_999) == (ItemPriority.NORMAL, [])
    assert sources.priority(["hello"], followers=25_000)[0] == ItemPriority.HIGH
    level, reasons = sources.priority(["hacked"], followers=250_000, sentiments=[Sentiment.NEGATIVE])
    assert level == ItemPriority.URGENT  # never beyond the top
    assert reasons == ["urgency word “hacked”", "250,000 followers (at least 100,000)", "negative sentiment"]


async def test_a_new_items_priority_and_its_reason_are_on_the_timeline(database: Database,
                                                                       listening) -> None:  # noqa: ANN001
    await deliver(database, listening, said("1", "Mijn Hearth rekening is gehackt", followers=150_000))
    [item] = await all_items(database)
    assert item.priority == ItemPriority.URGENT
    [change] = [e for e in await entries(database, item.id) if e.kind == EntryKind.PRIORITY]
    assert change.data == {"from": "normal", "to": "urgent",
                           "reason": "urgency word “gehackt”; 150,000 followers (at least 100,000)"}


# --- forum questions -------------------------------------------------------------------------------

@pytest.fixture
async def helper(database: Database) -> Account:
    return await create_member(database, "helper@example.com", "Hanna Helper")


@pytest.fixture
async def staff(database: Database) -> Account:
    return await create_member(database, "care@example.com", "Cas Care", frozenset({Role.CARE_AGENT}))


async def question_items(database: Database) -> list[CareItem]:
    return [i for i in await all_items(database) if i.source == ItemSource.QUESTION]


async def test_a_question_unanswered_after_its_hours_becomes_an_item(database: Database, frozen_clock, member,  # noqa: ANN001
                                                                     category, helper, staff) -> None:  # noqa: ANN001
    thread = await ask(database, member, category)
    await answer(database, helper, thread.id, body="Try turning geo-blocking off in the app.")
    await drain(database)
    assert await question_items(database) == []  # not yet: it has its hours to be answered
    frozen_clock.advance(hours=4, seconds=1)
    await drain(database)
    [item] = await question_items(database)
    assert (item.channel, item.customer_id, item.customer_name) == ("community", member.id, "Mia Member")
    assert item.url == f"/t/{thread.id}/{thread.slug}" and item.first_response_at is None
    timeline = await entries(database, item.id, *SAID, EntryKind.NOTE)
    assert [(e.kind, e.author) for e in timeline] == [(EntryKind.MESSAGE, "Mia Member"),
                                                      (EntryKind.NOTE, "Hanna Helper")]
    assert timeline[0].ref.startswith("post:") and timeline[1].data["answer_by"] == "member"
    # Later: the asker writes again, then the brand answers, and a retried event adds nothing.
    await answer(database, member, thread.id, body="Geo-blocking was already off, sadly.")
    frozen_clock.advance(minutes=10)
    staff_post = await answer(database, staff, thread.id, body="We unblocked your card; try again.")
    await drain(database)
    async with database.sessionmaker() as s:
        assert await sources.question_post(s, thread.id, staff_post.id)
        assert await sources.question_due(s, thread.id) is None  # answered by staff now: nothing to open
        await s.commit()
    [item] = await question_items(database)
    assert item.first_response_at == clock.now() and item.waiting_since is None
    kinds = [e.kind for e in await entries(database, item.id, *SAID, EntryKind.NOTE)]
    assert kinds == [EntryKind.MESSAGE, EntryKind.NOTE, EntryKind.MESSAGE, EntryKind.REPLY]


async def test_a_question_staff_answered_in_time_makes_no_item(database: Database, frozen_clock, member,  # noqa: ANN001
                                                               category, staff) -> None:  # noqa: ANN001
    thread = await ask(database, member, category)
    await answer(database, staff, thread.id)
    discussion = await ask(database, member, category, title="Show us your holiday photos", kind="discussion")
    locked = await ask(database, member, category, title="Which card works in Japan?")
    moderator = await create_member(database, "mod@example.com", "Mo Moderator", frozenset({Role.MODERATOR}))
    async with database.sessionmaker() as s:
        await forums.set_locked(s, await s.get(Account, moderator.id), locked.id, True)  # no answer possible
        await s.commit()
    frozen_clock.advance(hours=5)
    await drain(database)
    assert await question_items(database) == []
    async with database.sessionmaker() as s:
        assert await sources.question_due(s, discussion.id) is None


# --- reviews ---------------------------------------------------------------------------------------

async def test_a_low_star_review_is_an_item_until_the_brand_answers_or_it_goes(database: Database, member,  # noqa: ANN001
                                                                               staff, product) -> None:  # noqa: ANN001, F811
    review = await write(database, member, product.id, rating=1, title="Card refused everywhere",
                         body="My new card was refused in three shops this week.")
    other = await create_member(database, "happy@example.com", "Hap Py")
    await write(database, other, product.id, rating=4)
    await drain(database)
    [item] = await all_items(database)
    assert (item.source, item.source_id, item.channel) == (ItemSource.REVIEW, review.id, "reviews")
    assert (item.customer_id, item.sentiment, item.priority) == (member.id, Sentiment.NEGATIVE, ItemPriority.HIGH)
    async with database.sessionmaker() as s:
        response = await reviews.respond(s, await s.get(Account, staff.id), review.id, "We are sorry; we called you.")
        await s.commit()
    await drain(database)
    async with database.sessionmaker() as s:
        assert await sources.review_responded(s, review.id, response.id)  # run again: stored once
        await s.commit()
    timeline = await entries(database, item.id)
    assert [(e.kind, e.ref) for e in timeline if e.kind in (EntryKind.MESSAGE, EntryKind.REPLY)] == [
        (EntryKind.MESSAGE, f"review:{review.id}"), (EntryKind.REPLY, f"response:{response.id}")]
    async with database.sessionmaker() as s:
        await reviews.delete_review(s, await s.get(Account, member.id), review.id)
        await s.commit()
    await drain(database)
    [item] = await all_items(database)
    assert item.status == ItemStatus.RESOLVED
    assert [e.data["note"] for e in await entries(database, item.id) if e.kind == EntryKind.STATUS] == [
        "the review was removed"]


async def test_a_low_star_review_already_answered_makes_no_item(database: Database, member, staff,  # noqa: ANN001
                                                                product) -> None:  # noqa: ANN001, F811
    review = await write(database, member, product.id, rating=2)
    async with database.sessionmaker() as s:
        await reviews.respond(s, await s.get(Account, staff.id), review.id, "Thank you, we are on it.")
        await s.commit()
    await drain(database)
    assert await all_items(database) == []


# --- flags -----------------------------------------------------------------------------------------

async def test_a_moderator_routes_a_flag_to_care(client, database: Database, member, helper, category) -> None:  # noqa: ANN001
    moderator = await create_member(database, "mod@example.com", "Mo Moderator", frozenset({Role.MODERATOR}))
    reviewable = await flagged_post(database, member, helper, category)
    await sign_in(client, moderator.email)
    routed = await client.post(f"/api/v1/moderation/items/{reviewable.id}/actions",
                               json={"action": "route_to_care", "version": reviewable.version,
                                     "note": "A customer in trouble, not spam"})
    assert routed.status_code == 200, routed.text
    assert routed.json()["status"] == "pending"  # the moderator still settles the flag
    await drain(database)
    [item] = await all_items(database)
    assert (item.source, item.source_id, item.channel) == (ItemSource.FLAG, reviewable.id, "community")
    assert (item.customer_id, item.title) == (member.id, "Where do I change my card limit?")
    timeline = await entries(database, item.id)
    assert [(e.kind, e.body) for e in timeline] == [
        (EntryKind.MESSAGE, "I would like to raise the limit of my debit card for a trip."),
        (EntryKind.NOTE, "A customer in trouble, not spam")]
    async with database.sessionmaker() as s:  # the event again: nothing more
        event = await s.scalar(select(OutboxEvent).where(OutboxEvent.name == "moderation.routed_to_care"))
        await sources.flag_routed(s, event.payload)
        await s.commit()
    assert len(await entries(database, item.id)) == 2


async def test_routing_held_content_is_refused(database: Database, member, helper, category) -> None:  # noqa: ANN001
    from hearth.errors import Invalid
    from moderation.models import ContentState

    moderator = await create_member(database, "mod@example.com", "Mo Moderator", frozenset({Role.MODERATOR}))
    reviewable = await flagged_post(database, member, helper, category)
    async with database.sessionmaker() as s:
        from forums.models import Post

        post = await s.get(Post, reviewable.content_id)
        post.state = ContentState.HELD
        await s.commit()
    async with database.sessionmaker() as s:
        with pytest.raises(Invalid):
            await moderation.act(s, await s.get(Account, moderator.id), reviewable.id,
                                 ActionIn(action="route_to_care", version=reviewable.version))
    assert await all_items(database) == []


# --- the real twcs sample ----------------------------------------------------------------------------

def _twcs_brands() -> list[str]:
    with TWCS_SAMPLE.open(encoding="utf-8", newline="") as handle:
        return sorted({row["author_id"] for row in csv.DictReader(handle)
                       if row["author_id"] and not row["author_id"].isdigit()})


async def test_importing_the_twcs_sample_yields_one_item_per_conversation(database: Database,
                                                                          import_channel) -> None:  # noqa: ANN001
    brands = _twcs_brands()  # the support accounts: every author id that is not a number
    for start in range(0, len(brands), 50):  # a topic monitors at most 50 profiles
        await make_topic(database, f"Brands {start}", profiles=[b.lower() for b in brands[start:start + 50]])
    job = await _import(database, import_channel, Path(TWCS_SAMPLE), "twcs")
    assert job.stored > 2_000
    async with database.sessionmaker() as s:
        mentions = list(await s.scalars(select(Mention)))
        conversations = {c.id for c in await s.scalars(select(Conversation))}
        found = {i.source_id: i for i in await s.scalars(select(CareItem))}
    brand = {b.lower() for b in brands}
    by_conversation: dict[int, list[Mention]] = {}
    for m in mentions:
        by_conversation.setdefault(m.conversation_id, []).append(m)
    waiting = {c for c, ms in by_conversation.items() if any(m.author_handle.lower() not in brand for m in ms)}
    assert set(found) == waiting and waiting <= conversations and len(found) > 500
    for conversation_id, item in found.items():
        ms = by_conversation[conversation_id]
        first = min(m.published_at for m in ms if m.author_handle.lower() not in brand)
        replies = [m.published_at for m in ms if m.author_handle.lower() in brand and m.published_at >= first]
        assert item.first_response_at == (min(replies) if replies else None), conversation_id
    # Tweet 8 (a Sprint customer at 21:45:10) was answered by sprintcare at 21:46:24, by the file.
    thread_of_8 = next(m.conversation_id for m in mentions if m.external_id == "8")
    assert found[thread_of_8].first_response_at == datetime(2017, 10, 31, 21, 46, 24, tzinfo=UTC)
    assert found[thread_of_8].customer_handle == "115712"
    assert sum(1 for i in found.values() if i.first_response_at is not None) > 500


async def test_the_handlers_are_registered(database: Database) -> None:
    from hearth.domains import load_handlers

    load_handlers()
    for name in ("care.mentions_stored", "forum.thread_created", sources.QUESTION_DUE_EVENT, "forum.post_created",
                 "review.published", "review.responded", "review.removed", "moderation.routed_to_care"):
        assert events.registry.subscriptions(name), name
