"""From received messages to stored mentions: de-duplication, topic matching, labels,
conversation threading in any order, edits and removals, sentiment corrections and learning,
smart delete."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from care import ingest, service, topics
from care.models import Conversation, Mention, MentionTopic, SentimentCorrection, SentimentModel, SmartDelete
from care.schemas import AuthorIn, MentionIn, TopicIn
from hearth.accounts.models import Account
from hearth.db import Database
from hearth.errors import Conflict
from tests.care.conftest import drain, make_channel, make_topic

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def mention(external_id: str, text: str, *, author: str = "klant_jan", parent: str | None = None,
            conversation: str | None = None, minutes: int = 0, **extra) -> MentionIn:  # noqa: ANN003
    return MentionIn(external_id=external_id, text=text, author=AuthorIn(handle=author, followers=120),
                     created_at=T0 + timedelta(minutes=minutes), parent_external_id=parent,
                     conversation_external_id=conversation, **extra)


async def receive(database: Database, channel, *mentions: MentionIn) -> None:
    async with database.sessionmaker() as s:
        await ingest.receive(s, await s.get(type(channel), channel.id), list(mentions))
        await s.commit()
    await drain(database)


async def stored(database: Database) -> list[Mention]:
    async with database.sessionmaker() as s:
        return list(await s.scalars(select(Mention).order_by(Mention.id)))


async def test_only_mentions_matching_a_topic_are_kept_with_their_topics(database: Database, x_channel) -> None:
    cards = await make_topic(database, "Cards", "hearth* AND (kaart OR carte OR card)")
    app = await make_topic(database, "App", '"hearth app" OR itsme')
    await receive(database, x_channel,
                  mention("1", "Mijn Hearth kaart is weer geblokkeerd"),
                  mention("2", "The Hearth app and itsme both fail on my card", minutes=1),
                  mention("3", "Lovely weather in Ghent today", minutes=2))
    rows = await stored(database)
    assert [m.external_id for m in rows] == ["1", "2"]
    async with database.sessionmaker() as s:
        links = sorted((await s.execute(select(MentionTopic.mention_id, MentionTopic.topic_id))).all())
    assert links == sorted([(rows[0].id, cards.id), (rows[1].id, cards.id), (rows[1].id, app.id)])


async def test_monitored_profiles_keep_what_the_brand_says_and_hears(database: Database, x_channel) -> None:
    await make_topic(database, "Our accounts", profiles=["HearthCare"])
    await receive(database, x_channel,
                  mention("1", "@HearthCare can you call me back?"),
                  mention("2", "We are on it, Jan", author="HearthCare", parent="1", minutes=3),
                  mention("3", "Nothing to do with the brand", minutes=4))
    assert [m.external_id for m in await stored(database)] == ["1", "2"]


async def test_a_retried_delivery_stores_each_mention_once(database: Database, x_channel) -> None:
    await make_topic(database, "All", "hearth")
    batch = [mention(str(i), f"hearth message {i}", minutes=i) for i in range(5)]
    await receive(database, x_channel, *batch)
    await receive(database, x_channel, *batch, batch[0])
    assert len(await stored(database)) == 5


async def test_replies_before_their_parents_land_in_one_conversation(database: Database, x_channel) -> None:
    await make_topic(database, "All", "hearth")
    # A chain root <- a <- b <- c, delivered leaves first, each in its own delivery.
    await receive(database, x_channel, mention("c", "hearth reply three", parent="b", minutes=3))
    await receive(database, x_channel, mention("a", "hearth reply one", parent="root", minutes=1))
    assert len({m.conversation_id for m in await stored(database)}) == 2  # not linked yet
    await receive(database, x_channel, mention("b", "hearth reply two", parent="a", minutes=2))
    await receive(database, x_channel, mention("root", "hearth the question", minutes=0))
    rows = await stored(database)
    assert len({m.conversation_id for m in rows}) == 1
    async with database.sessionmaker() as s:
        conversations = (await s.scalars(select(Conversation))).all()
    assert [(c.mention_count, c.started_at, c.last_at) for c in conversations] == [(4, T0, T0 + timedelta(minutes=3))]


async def test_one_batch_that_meets_a_conversation_twice_merges_everything_once(database: Database,
                                                                                   x_channel) -> None:
    """Two messages of one batch that do not refer to each other, each linking the same stored
    conversation to another one: all three are one conversation, merged once."""
    await make_topic(database, "All", "hearth")
    await receive(database, x_channel, mention("r", "hearth elsewhere"))  # the oldest conversation
    await receive(database, x_channel, mention("p", "hearth question", minutes=1),
                  mention("q", "hearth reply", parent="p", minutes=2))  # the one both messages meet
    await receive(database, x_channel, mention("s", "hearth and elsewhere", minutes=3))
    assert len({m.conversation_id for m in await stored(database)}) == 3
    await receive(database, x_channel, mention("n1", "hearth links p and s", parent="p", conversation="s", minutes=4),
                  mention("n2", "hearth links q and r", parent="q", conversation="r", minutes=5))
    rows = await stored(database)
    assert len(rows) == 6 and len({m.conversation_id for m in rows}) == 1
    async with database.sessionmaker() as s:
        [conversation] = (await s.scalars(select(Conversation))).all()
    assert conversation.mention_count == 6


async def test_conversation_ids_thread_even_without_parents(database: Database, x_channel) -> None:
    await make_topic(database, "All", "hearth")
    await receive(database, x_channel, mention("1", "hearth one", conversation="c1"),
                  mention("2", "hearth two", conversation="c1", minutes=1),
                  mention("3", "hearth other thread", conversation="c2", minutes=2))
    rows = await stored(database)
    assert rows[0].conversation_id == rows[1].conversation_id != rows[2].conversation_id


async def test_labels_language_sentiment_insult_and_personal_data(database: Database, x_channel) -> None:
    await make_topic(database, "All", "hearth*")
    await receive(database, x_channel,
                  mention("nl", "Hearth, mijn kaart is alweer geblokkeerd. Echt waardeloos en slecht."),
                  mention("fr", "Merci Hearth, service impeccable et très rapide !", minutes=1),
                  mention("iban", "Hearth refund me on BE68 5390 0754 7034 please", minutes=2),
                  mention("insult", "@Hearth klootzakken", minutes=3),
                  mention("angry", "@Hearth you idiots, why is my card blocked for a week now?", minutes=4))
    rows = {m.external_id: m for m in await stored(database)}
    assert (rows["nl"].language, rows["nl"].sentiment) == ("nl", "negative")
    assert (rows["fr"].language, rows["fr"].sentiment) == ("fr", "positive")
    assert rows["iban"].text == "Hearth refund me on BE•• •••• •••• 7034 please" and rows["iban"].personal_data
    assert rows["insult"].insult and rows["insult"].pure_insult
    assert rows["angry"].insult and not rows["angry"].pure_insult  # a real question under the abuse


async def test_news_sources_default_to_neutral(database: Database) -> None:
    feed = await make_channel(database, kind="feed", name="News", account="https://news.example/feed", news=True)
    await make_topic(database, "All", "hearth")
    await receive(database, feed, mention("n1", "Hearth reports a terrible, awful outage of its app"))
    (row,) = await stored(database)
    assert (row.sentiment, row.sentiment_source, row.is_news) == ("neutral", "rule", True)


async def test_edits_and_removals_update_the_stored_mention(database: Database, fb_channel) -> None:
    await make_topic(database, "All", "hearth")
    await receive(database, fb_channel, mention("p1", "Hearth app is down again"))
    await receive(database, fb_channel, mention("p1", "Hearth app works again, thanks", edited=True))
    (row,) = await stored(database)
    assert row.edited and row.text == "Hearth app works again, thanks" and row.removed_at is None
    await receive(database, fb_channel, mention("p1", "", deleted=True))
    assert (await stored(database))[0].removed_at is not None


async def test_corrections_are_kept_and_teach_the_model(database: Database, x_channel, agent) -> None:
    await make_topic(database, "All", "hearth")
    await receive(database, x_channel, mention("1", "Great, Hearth blocked my card again."))
    (row,) = await stored(database)
    async with database.sessionmaker() as s:
        await service.correct_sentiment(s, await s.get(Account, agent.id), row.id, "negative")
        await s.commit()
    await drain(database)
    async with database.sessionmaker() as s:
        correction = await s.scalar(select(SentimentCorrection))
        model = await s.scalar(select(SentimentModel))
        updated = await s.get(Mention, row.id)
    assert (correction.agent_id, correction.after, updated.sentiment_source) == (agent.id, "negative", "agent")
    assert updated.handled_at is not None and model.examples == 1


async def test_smart_delete_removes_what_no_topic_matches_but_keeps_handled(database: Database, x_channel,
                                                                            agent) -> None:
    topic = await make_topic(database, "Broad", "hearth")
    await receive(database, x_channel, mention("1", "hearth card blocked"), mention("2", "hearth job offer", minutes=1),
                  mention("3", "hearth jobs fair", minutes=2))
    rows = await stored(database)
    async with database.sessionmaker() as s:
        await service.correct_sentiment(s, await s.get(Account, agent.id), rows[2].id, "neutral")  # handled
        await topics.save_topic(s, TopicIn(name="Broad", query="hearth NOT job*"), topic.id)
        await s.commit()
    async with database.sessionmaker() as s:
        plan = await service.plan_smart_delete(s)
        assert (plan.unmatched, plan.kept_handled) == ([rows[1].id], 1)
        with pytest.raises(Conflict, match="changed since the preview"):
            await service.smart_delete(s, await s.get(Account, agent.id), expected=5)
    async with database.sessionmaker() as s:
        record = await service.smart_delete(s, await s.get(Account, agent.id), expected=1)
        await s.commit()
    assert [m.external_id for m in await stored(database)] == ["1", "3"]
    async with database.sessionmaker() as s:
        audit = await s.scalar(select(SmartDelete))
        assert (audit.deleted, audit.kept_handled, audit.topics[0]["query"]) == (1, 1, "hearth NOT job*")
        assert record.id == audit.id
        assert await s.scalar(select(func.count()).select_from(SentimentCorrection)) == 1


async def test_a_preview_counts_stored_mentions_before_saving(database: Database, x_channel) -> None:
    await make_topic(database, "All", "hearth")
    await receive(database, x_channel, mention("1", "hearth kaart"), mention("2", "hearth app", minutes=1))
    async with database.sessionmaker() as s:
        assert await topics.preview(s, TopicIn(name="preview", query="kaart OR carte")) == (1, 2)


async def test_new_mentions_are_labelled_by_what_agents_taught(database: Database, x_channel, agent) -> None:
    await make_topic(database, "All", "hearth")
    sarcastic = [f"Great, hearth blocked my card again, number {i}. Just great." for i in range(6)]
    await receive(database, x_channel, *(mention(str(i), text, minutes=i) for i, text in enumerate(sarcastic)))
    rows = await stored(database)
    async with database.sessionmaker() as s:
        for row in rows:
            await service.correct_sentiment(s, await s.get(Account, agent.id), row.id, "negative")
        await s.commit()
    await drain(database)  # retrains the model
    await receive(database, x_channel, mention("new", "Great, hearth blocked my card again. Just great.", minutes=30))
    fresh = next(m for m in await stored(database) if m.external_id == "new")
    assert (fresh.sentiment_source, fresh.sentiment) == ("model", "negative")


async def test_topics_read_the_masked_text_as_stored_and_previewed(database: Database, x_channel) -> None:
    # The IBAN's digits are masked before matching: the topic sees what agents, previews and
    # smart delete will see, so a query that excludes the raw digits still matches.
    await make_topic(database, "Refunds", "refund NOT 5390")
    await receive(database, x_channel, mention("iban", "Hearth refund me on BE68 5390 0754 7034 please"))
    [row] = await stored(database)
    assert row.text == "Hearth refund me on BE•• •••• •••• 7034 please"
    async with database.sessionmaker() as s:
        assert await topics.preview(s, TopicIn(name="Refunds", query="refund NOT 5390")) == (1, 1)


async def test_messages_no_topic_wants_are_dropped_before_the_costly_labels(database: Database, x_channel,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from care import labels

    labelled: list[str] = []
    original = labels.label_many

    def spy(mentions, *args, **kwargs):  # noqa: ANN002, ANN003
        labelled.extend(m.external_id for m in mentions)
        return original(mentions, *args, **kwargs)

    monkeypatch.setattr(labels, "label_many", spy)
    await make_topic(database, "Cards", "kaart OR card")
    async with database.sessionmaker() as s:
        prepared = await ingest.prepare(s, await s.get(type(x_channel), x_channel.id), [
            mention("kept", "Mijn kaart is geblokkeerd"),
            mention("dropped", "Lovely weather in Ghent today", minutes=1),
            mention("edit", "Lovely weather, edited", minutes=2, edited=True),  # may update a kept mention
            mention("gone", "", minutes=3, deleted=True)])
    assert labelled == ["kept", "edit"]
    assert prepared.dropped == 1
    assert [(p["mention"]["external_id"], p["topics"] != [], p["labels"] is not None) for p in prepared.payloads] == [
        ("kept", True, True), ("edit", False, True), ("gone", False, False)]
