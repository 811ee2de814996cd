"""Automation recipes: each trigger, the conditions and actions, order, the log on the item,
trying before saving, never looping, validation that names the faulty path, and who may do what."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import func, select

from care import items, recipes
from care.models import (
    BusinessHours,
    CannedResponse,
    CareAgent,
    CareEntry,
    CareItem,
    Channel,
    ChannelKind,
    Conversation,
    EntryKind,
    EscalationProcedure,
    ItemPriority,
    ItemSource,
    ItemStatus,
    Mention,
    MentionTopic,
    Recipe,
    RecipeRun,
    RecipeTrigger,
    Sentiment,
    SlaPolicy,
    Topic,
)
from care.schemas import RecipeIn
from hearth import clock
from hearth.accounts.models import Account, Role
from hearth.db import Database
from hearth.events import OutboxEvent
from hearth.notifications.models import Notification
from hearth.settings import get_settings
from tests.api.test_accounts import assert_problem
from tests.care.conftest import drain
from tests.conftest import create_member, csrf_of, sign_in

pytestmark = pytest.mark.usefixtures("frozen_clock")


# --- helpers -----------------------------------------------------------------------------------

def said(ref: str, minutes_ago: float = 0, body: str = "My card is blocked", *, brand: bool = False,
         mention_id: int | None = None) -> items.Message:
    return items.Message(ref=ref, at=clock.now() - timedelta(minutes=minutes_ago), body=body, from_brand=brand,
                         mention_id=mention_id)


def question(thread_id: int, *messages: items.Message, language: str = "en", followers: int | None = None,
             source: ItemSource = ItemSource.QUESTION, channel: str = "community") -> items.Conversation:
    return items.Conversation(source=source, source_id=thread_id, channel=channel, title=messages[0].body,
                              language=language, customer_followers=followers, messages=messages)


async def receive(database: Database, conversation: items.Conversation) -> CareItem:
    async with database.sessionmaker() as s:
        received = await items.receive(s, conversation)
        await s.commit()
        return received.item


async def make_recipe(database: Database, name: str, trigger: str, actions: list[dict], *,
                      conditions: list[dict] | None = None, minutes: int | None = None, position: int = 0,
                      active: bool = True) -> Recipe:
    async with database.sessionmaker() as s:
        recipe = await recipes.save(s, RecipeIn(name=name, trigger=trigger, minutes=minutes, position=position,
                                                conditions=conditions or [], actions=actions, active=active))
        await s.commit()
        return recipe


async def state(database: Database, item_id: int) -> tuple[CareItem, list[CareEntry], list[str]]:
    async with database.sessionmaker() as s:
        item = await s.get(CareItem, item_id)
        entries = [e for e, _ in await items.timeline(s, item_id)]
        tags = (await items.tag_names(s, [item_id]))[item_id]
        return item, entries, tags


def logged(entries: list[CareEntry]) -> list[str]:
    return [e.data["recipe"] for e in entries if e.kind == EntryKind.RECIPE]


async def count(database: Database, model: type) -> int:
    async with database.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(model))


@pytest.fixture(autouse=True)
def webhooks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict]]:
    """Webhook POSTs the recipes make, answered 204 without leaving the process."""
    posted: list[tuple[str, dict]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        import json

        posted.append((str(request.url), json.loads(request.content)))
        return httpx.Response(204)

    monkeypatch.setattr(recipes, "http_client", lambda: httpx.AsyncClient(transport=httpx.MockTransport(handle)))
    return posted


@pytest.fixture
async def canned(database: Database) -> CannedResponse:
    async with database.sessionmaker() as s:
        row = CannedResponse(code="card-blocked", title="Card blocked", created_at=clock.now(),
                             updated_at=clock.now(), texts={"en": "Hi {name}, we unblocked it.",
                                                            "nl": "Dag {name}, we hebben ze gedeblokkeerd."})
        s.add(row)
        await s.commit()
        return row


@pytest.fixture
async def agents(database: Database) -> tuple[Account, Account]:
    return (await create_member(database, "care@example.com", "Cas", frozenset({Role.CARE_AGENT})),
            await create_member(database, "care2@example.com", "Cor", frozenset({Role.CARE_AGENT})))


# --- event triggers, actions, order and the log ------------------------------------------------

async def test_a_new_item_gets_its_recipes_actions_and_a_log_line(database: Database, canned) -> None:  # noqa: ANN001
    await make_recipe(database, "Blocked cards", "item_created",
                      conditions=[{"field": "channel", "op": "is", "value": "community"},
                                  {"field": "text", "op": "contains", "value": ["blocked", "geblokkeerd"]},
                                  {"field": "language", "op": "in", "value": ["en", "nl"]},
                                  {"field": "insult", "op": "is", "value": False}],
                      actions=[{"type": "tag", "tags": ["Cards"]}, {"type": "priority", "priority": "urgent"},
                               {"type": "sentiment", "sentiment": "negative"},
                               {"type": "draft", "canned": "card-blocked"}])
    await make_recipe(database, "Not for questions", "item_created",
                      conditions=[{"field": "source", "op": "is", "value": "review"}],
                      actions=[{"type": "tag", "tags": ["reviews"]}])
    opened = await receive(database, question(1, said("post:1", body="Help, my card is blocked!")))
    await drain(database)
    item, entries, tags = await state(database, opened.id)
    assert tags == ["cards"] and item.priority == ItemPriority.URGENT and item.sentiment == Sentiment.NEGATIVE
    assert logged(entries) == ["Blocked cards"]
    log = next(e for e in entries if e.kind == EntryKind.RECIPE)
    assert log.data["trigger"] == "item_created" and log.data["occasion"] == "created"
    assert [d["type"] for d in log.data["did"]] == ["tag", "priority", "sentiment", "draft"]
    assert log.data["did"][1] == {"type": "priority", "from": "normal", "to": "urgent"}
    assert log.body == "Hi {name}, we unblocked it."  # a draft on the timeline, never a reply
    assert not [e for e in entries if e.kind == EntryKind.REPLY]
    assert {EntryKind.TAGS, EntryKind.PRIORITY, EntryKind.SENTIMENT} <= {e.kind for e in entries}
    assert await count(database, RecipeRun) == 1


async def test_message_received_looks_at_the_new_messages(database: Database) -> None:
    await make_recipe(database, "Refunds", "message_received",
                      conditions=[{"field": "text", "op": "contains", "value": "refund"}],
                      actions=[{"type": "tag", "tags": ["refund"]}])
    opened = await receive(database, question(2, said("post:1", 5, body="I want a refund")))
    await drain(database)
    await receive(database, question(2, said("post:2", 3, body="Anyone there?")))
    await drain(database)
    _, entries, _ = await state(database, opened.id)
    assert logged(entries) == ["Refunds"]  # the first message, not again for one that says nothing of it
    await receive(database, question(2, said("post:3", 1, body="Refund please, REFUND")))
    await drain(database)
    _, entries, _ = await state(database, opened.id)
    assert logged(entries) == ["Refunds", "Refunds"]
    assert await count(database, RecipeRun) == 2  # one per message that arrived


async def test_recipes_run_in_order_and_each_sees_what_the_earlier_ones_did(database: Database) -> None:
    high = [{"field": "priority", "op": "at_least", "value": "high"}]
    await make_recipe(database, "Second: tag the high ones", "item_created", conditions=high,
                      actions=[{"type": "tag", "tags": ["hot"]}], position=20)
    await make_recipe(database, "First: influencers are high", "item_created",
                      conditions=[{"field": "followers", "op": "above", "value": 10_000}],
                      actions=[{"type": "priority", "priority": "high"}], position=10)
    await make_recipe(database, "Before anything: high ones", "item_created", conditions=high,
                      actions=[{"type": "tag", "tags": ["early"]}], position=0)
    await make_recipe(database, "Switched off", "item_created", actions=[{"type": "tag", "tags": ["off"]}],
                      active=False)
    influencer = await receive(database, question(3, said("post:1"), followers=50_000))
    nobody = await receive(database, question(4, said("post:2"), followers=20))
    await drain(database)
    item, entries, tags = await state(database, influencer.id)
    assert logged(entries) == ["First: influencers are high", "Second: tag the high ones"]
    assert tags == ["hot"] and item.priority == ItemPriority.HIGH
    _, entries, tags = await state(database, nobody.id)
    assert logged(entries) == [] and tags == []


async def test_a_recipe_never_triggers_itself(database: Database, agents) -> None:  # noqa: ANN001
    """Its trigger is any customer message and every action changes the item: it still runs
    once per message, because what it changes publishes no message."""
    cas, _ = agents
    await make_recipe(database, "Everything", "message_received",
                      conditions=[{"field": "sentiment", "op": "is_not", "value": "positive"}],
                      actions=[{"type": "tag", "tags": ["seen"]}, {"type": "priority", "priority": "urgent"},
                               {"type": "sentiment", "sentiment": "neutral"}, {"type": "assign", "agent": cas.id},
                               {"type": "escalate"}, {"type": "notify", "webhook": "https://hooks.example.com/x"}])
    opened = await receive(database, question(5, said("post:1")))
    for _ in range(3):
        await drain(database)
    item, entries, _ = await state(database, opened.id)
    assert logged(entries) == ["Everything"] and await count(database, RecipeRun) == 1
    assert item.assignee_id == cas.id and item.status == ItemStatus.ESCALATED
    async with database.sessionmaker() as s:
        changes = list(await s.scalars(select(OutboxEvent).where(OutboxEvent.name == "care.item_changed")))
    assert changes and all(not e.payload.get("messages") for e in changes)
    assert {e.payload["change"] for e in changes} >= {"tags", "priority", "sentiment", "recipe", "status"}


async def test_status_actions_and_team_assignment_respect_capacity(database: Database, agents) -> None:  # noqa: ANN001
    cas, cor = agents
    async with database.sessionmaker() as s:
        s.add_all([CareAgent(account_id=cas.id, capacity=1, languages=["en"]),
                   CareAgent(account_id=cor.id, capacity=1, languages=["nl"])])
        await s.commit()
    await make_recipe(database, "Route", "item_created", actions=[{"type": "assign", "agent": "team"}])
    await make_recipe(database, "Insults", "item_created", position=1,
                      conditions=[{"field": "insult", "op": "is", "value": True}], actions=[{"type": "ignore"}])
    english = await receive(database, question(6, said("post:1")))
    dutch = await receive(database, question(7, said("post:2"), language="nl"))
    full = await receive(database, question(8, said("post:3")))
    insult = items.Message(ref="post:4", at=clock.now(), body="You idiots", pure_insult=True)
    rude = await receive(database, question(9, insult, language="nl"))
    await drain(database)
    assert (await state(database, english.id))[0].assignee_id == cas.id
    assert (await state(database, dutch.id))[0].assignee_id == cor.id
    _, entries, _ = await state(database, full.id)  # Cas and Cor are both full
    assert next(e for e in entries if e.kind == EntryKind.RECIPE).data["did"][0] == {
        "type": "assign", "agent": "team", "to": None, "note": "no agent with room"}
    item, _, _ = await state(database, rude.id)
    assert item.status == ItemStatus.IGNORED and item.resolved_at is not None


async def test_notify_by_webhook_and_email(database: Database, webhooks, agents, caplog) -> None:  # noqa: ANN001
    cas, _ = agents
    await make_recipe(database, "Tell", "item_created",
                      actions=[{"type": "notify", "webhook": "https://hooks.example.com/care"},
                               {"type": "notify", "email": cas.email.upper()},
                               {"type": "notify", "email": "boss@elsewhere.example"}])
    opened = await receive(database, question(10, said("post:1")))
    with caplog.at_level(logging.INFO, logger="hearth.care.recipes"):
        await drain(database)
    assert len(webhooks) == 1
    url, body = webhooks[0]
    assert url == "https://hooks.example.com/care" and body["recipe"] == "Tell"
    assert body["item"]["id"] == opened.id and body["trigger"] == "item_created" and "status" in body["item"]
    async with database.sessionmaker() as s:
        told = list(await s.scalars(select(Notification)))
    assert [(n.account_id, n.url) for n in told] == [(cas.id, f"/care/items/{opened.id}")]
    assert "no e-mail transport is configured; the e-mail to boss@elsewhere.example" in caplog.text


# --- time-based triggers --------------------------------------------------------------------------

async def test_no_reply_acts_once_per_wait(database: Database, frozen_clock) -> None:  # noqa: ANN001
    await make_recipe(database, "Waiting half an hour", "no_reply", minutes=30,
                      actions=[{"type": "priority", "priority": "high"}])
    opened = await receive(database, question(11, said("post:1")))
    frozen_clock.advance(minutes=20)
    assert await recipes.sweep(database) == 0
    frozen_clock.advance(minutes=15)
    assert await recipes.sweep(database) == 1
    assert await recipes.sweep(database) == 0  # the same wait, swept again
    frozen_clock.advance(minutes=60)
    assert await recipes.sweep(database) == 0
    # The brand answers, the customer writes again: a new wait, acted on once more.
    await receive(database, question(11, said("post:2", body="We're on it", brand=True)))
    await receive(database, question(11, said("post:3", body="Still blocked")))
    frozen_clock.advance(minutes=31)
    assert await recipes.sweep(database) == 1
    _, entries, _ = await state(database, opened.id)
    assert logged(entries) == ["Waiting half an hour"] * 2
    async with database.sessionmaker() as s:
        keys = sorted(await s.scalars(select(RecipeRun.key)))
    assert len(keys) == 2 and all(k.startswith("no_reply:") for k in keys)


async def test_no_reply_skips_answered_pending_and_closed_items(database: Database, frozen_clock, agents) -> None:  # noqa: ANN001
    cas, _ = agents
    await make_recipe(database, "Nudge", "no_reply", minutes=10, actions=[{"type": "tag", "tags": ["late"]}])
    answered = await receive(database, question(12, said("post:1")))
    await receive(database, question(12, said("post:2", body="Done", brand=True)))
    closed = await receive(database, question(13, said("post:3")))
    async with database.sessionmaker() as s:
        await items.set_status(s, cas, closed.id, "resolved")
        await s.commit()
    waiting = await receive(database, question(14, said("post:4")))
    frozen_clock.advance(minutes=11)
    assert await recipes.sweep(database, batch=1) == 1  # batches of one item still reach every item
    assert (await state(database, waiting.id))[2] == ["late"]
    assert (await state(database, answered.id))[2] == [] and (await state(database, closed.id))[2] == []


async def test_sla_warning_before_a_goal_is_due(database: Database, frozen_clock) -> None:  # noqa: ANN001
    async with database.sessionmaker() as s:
        s.add(SlaPolicy(name="Everything", first_response_minutes=60, created_at=clock.now(), updated_at=clock.now()))
        await s.commit()
    await make_recipe(database, "Almost late", "sla_warning", minutes=15,
                      actions=[{"type": "priority", "priority": "urgent"}, {"type": "escalate"}])
    opened = await receive(database, question(15, said("post:1")))
    assert opened.due_at == clock.now() + timedelta(minutes=60)
    frozen_clock.advance(minutes=40)
    assert await recipes.sweep(database) == 0
    frozen_clock.advance(minutes=6)
    assert await recipes.sweep(database) == 1
    frozen_clock.advance(minutes=30)
    assert await recipes.sweep(database) == 0
    item, entries, _ = await state(database, opened.id)
    assert item.priority == ItemPriority.URGENT and item.status == ItemStatus.ESCALATED
    assert logged(entries) == ["Almost late"] and EntryKind.ESCALATION in {e.kind for e in entries}


async def test_a_time_based_recipe_acts_on_waits_that_come_after_it(database: Database, frozen_clock) -> None:  # noqa: ANN001
    """Imported history (a wait that was over before the recipe existed) is not acted on."""
    await receive(database, question(16, said("post:1", 120)))
    await make_recipe(database, "Late", "no_reply", minutes=30, actions=[{"type": "tag", "tags": ["late"]}])
    frozen_clock.advance(minutes=5)
    assert await recipes.sweep(database) == 0


# --- conditions, pure --------------------------------------------------------------------------

def facts(**values) -> recipes.Facts:  # noqa: ANN003
    base = {"id": 1, "title": "t", "source": "mention", "channel": "x", "language": "nl", "sentiment": "negative",
            "followers": 120, "pure_insult": False, "priority": 3, "text": "mijn kaart is geblokkeerd #fail",
            "topics": frozenset({"Cards"})}
    return recipes.Facts(**{**base, **values})


@pytest.mark.parametrize(("condition", "holds"), [
    ({"field": "source", "op": "is", "value": "mention"}, True),
    ({"field": "source", "op": "not_in", "value": ["mention", "review"]}, False),
    ({"field": "channel", "op": "is_not", "value": "facebook"}, True),
    ({"field": "topic", "op": "is", "value": "Cards"}, True),
    ({"field": "topic", "op": "not_in", "value": ["Cards"]}, False),
    ({"field": "text", "op": "contains", "value": ["geblokkeerd", "blocked"]}, True),
    ({"field": "text", "op": "contains", "value": ["blok"]}, False),  # whole words only
    ({"field": "text", "op": "contains", "value": ["kaart  is"]}, True),  # phrases, any blanks
    ({"field": "text", "op": "not_contains", "value": ["#fail"]}, False),
    ({"field": "language", "op": "in", "value": ["nl", "fr"]}, True),
    ({"field": "sentiment", "op": "is", "value": "positive"}, False),
    ({"field": "followers", "op": "above", "value": 100}, True),
    ({"field": "followers", "op": "below", "value": 100}, False),
    ({"field": "insult", "op": "is", "value": True}, False),
    ({"field": "priority", "op": "at_most", "value": "normal"}, True),
    ({"field": "priority", "op": "in", "value": ["urgent", "high"]}, False),
    ({"field": "business_hours", "op": "is", "value": True}, False),
])
def test_conditions(condition: dict, holds: bool) -> None:
    recipe = recipes.compile_recipe(Recipe(id=None, name="t", trigger=RecipeTrigger.ITEM_CREATED, minutes=None,
                                           conditions=[condition], actions=[{"type": "ignore"}]))
    assert recipe.matches(facts(), recipes.Context(open_hours=False)) is holds


def test_business_hours_in_the_communitys_time_zone_and_holidays() -> None:
    hours = BusinessHours(id=1, timezone="Europe/Brussels", week={"mon": [["09:00", "17:00"]]},
                          holidays=["2026-12-28"], updated_at=clock.now())
    monday = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)  # 09:30 in Brussels
    assert recipes.open_at(hours, monday)
    assert not recipes.open_at(hours, monday - timedelta(hours=1))  # 08:30 there
    assert not recipes.open_at(hours, monday + timedelta(days=1))  # Tuesday: no hours
    assert not recipes.open_at(hours, datetime(2026, 12, 28, 10, tzinfo=UTC))  # a holiday


async def test_business_hours_default_to_the_working_week(session) -> None:  # noqa: ANN001
    """Until an admin sets them (care.sla), Monday to Friday 9 to 5 in the community's zone."""
    assert (await recipes.context(session, datetime(2026, 11, 23, 8, 30, tzinfo=UTC))).open_hours
    assert not (await recipes.context(session, datetime(2026, 11, 22, 10, tzinfo=UTC))).open_hours  # a Sunday


async def test_topics_and_mention_texts_are_read_for_a_whole_batch(database: Database) -> None:
    now = clock.now()
    async with database.sessionmaker() as s:
        channel = Channel(kind=ChannelKind.X, name="X", created_at=now, updated_at=now)
        s.add(channel)
        await s.flush()
        conversation = Conversation(channel_id=channel.id, root_key="1", started_at=now, last_at=now)
        topic = Topic(name="Cards", query="card", created_at=now, updated_at=now)
        s.add_all([conversation, topic])
        await s.flush()
        mention = Mention(channel_id=channel.id, external_id="1", conversation_id=conversation.id,
                          author_handle="ann", text="My card is BLOCKED", sentiment=Sentiment.NEGATIVE,
                          sentiment_score=-0.5, sentiment_source="lexicon", published_at=now, received_at=now)
        s.add(mention)
        await s.flush()
        s.add(MentionTopic(mention_id=mention.id, topic_id=topic.id))
        await s.commit()
    from_x = await receive(database, question(conversation.id, said("mention:1", mention_id=mention.id),
                                              source=ItemSource.MENTION, channel="x"))
    other = await receive(database, question(17, said("post:1", body="Hello")))
    async with database.sessionmaker() as s:
        await s.execute(CareEntry.__table__.update().where(CareEntry.mention_id == mention.id).values(body=None))
        await s.commit()
        recipe = recipes.compile_recipe(Recipe(id=None, name="t", trigger=RecipeTrigger.ITEM_CREATED,
                                               conditions=[{"field": "topic", "op": "is", "value": "Cards"},
                                                           {"field": "text", "op": "contains", "value": ["card"]}],
                                               actions=[]))
        batch = [await s.get(CareItem, from_x.id), await s.get(CareItem, other.id)]
        found = await recipes.load_facts(s, batch, [recipe])
    assert found[0].topics == {"Cards"} and found[0].text == "my card is blocked"  # the mention's own text
    assert found[1].topics == frozenset() and found[1].text == "hello"
    assert [recipe.matches(f, recipes.Context(True)) for f in found] == [True, False]


# --- the API: try, validation, roles -------------------------------------------------------------

BODY = {"name": "Blocked", "trigger": "item_created",
        "conditions": [{"field": "text", "op": "contains", "value": ["blocked"]}],
        "actions": [{"type": "tag", "tags": ["cards"]}, {"type": "priority", "priority": "high"}]}


async def test_try_shows_what_a_recipe_would_do_and_changes_nothing(client, database: Database, agents) -> None:  # noqa: ANN001
    cas, _ = agents
    blocked = await receive(database, question(20, said("post:1", body="Card blocked")))
    await receive(database, question(21, said("post:2", body="Thanks!")))
    newest = await receive(database, question(22, said("post:3", body="Blocked again")))
    await drain(database)
    before, _, _ = await state(database, blocked.id)
    await sign_in(client, cas.email)
    tried = await client.post("/api/v1/care/recipes/try", params={"last": 2}, json=BODY)
    assert tried.status_code == 200, tried.text
    answer = tried.json()
    assert answer["looked_at"] == 2 and answer["matched"] == 1
    assert [(i["item_id"], i["matched"]) for i in answer["items"]] == [(newest.id, True), (newest.id - 1, False)]
    assert answer["items"][0]["actions"] == BODY["actions"]
    everything = (await client.post("/api/v1/care/recipes/try", json=BODY)).json()
    assert everything["looked_at"] == 3 and everything["matched"] == 2
    assert await count(database, RecipeRun) == 0 and await count(database, Recipe) == 0
    item, entries, tags = await state(database, blocked.id)
    assert tags == [] and item.version == before.version and not logged(entries)
    waiting = {**BODY, "trigger": "no_reply", "minutes": 30}
    assert (await client.post("/api/v1/care/recipes/try", json=waiting)).json()["matched"] == 0  # nobody waited 30'
    assert_problem(await client.post("/api/v1/care/recipes/try", params={"last": 501}, json=BODY), 422, "invalid")


BAD = [
    ({"conditions": [{"field": "text", "op": "contains", "value": "x"}, {"field": "mood", "op": "is", "value": 1}]},
     "conditions[1].field"),
    ({"conditions": [{"field": "language", "op": "contains", "value": "nl"}]}, "conditions[0].op"),
    ({"conditions": [{"field": "language", "op": "is", "value": "klingon"}]}, "conditions[0].value"),
    ({"conditions": [{"field": "language", "op": "in", "value": []}]}, "conditions[0].value"),
    ({"conditions": [{"field": "followers", "op": "above", "value": -1}]}, "conditions[0].value"),
    ({"conditions": [{"field": "insult", "op": "is", "value": "yes"}]}, "conditions[0].value"),
    ({"conditions": [{"field": "topic", "op": "is", "value": "Nope"}]}, "conditions[0].value"),
    ({"conditions": [{"field": "text", "op": "contains", "value": "x", "extra": 1}]}, "conditions[0].extra"),
    ({"conditions": ["text contains x"]}, "conditions[0]"),
    ({"actions": [{"type": "tag", "tags": ["a"]}, {"type": "explode"}]}, "actions[1].type"),
    ({"actions": [{"type": "tag"}]}, "actions[0].tags"),
    ({"actions": [{"type": "priority", "priority": "asap"}]}, "actions[0].priority"),
    ({"actions": [{"type": "assign", "agent": 999}]}, "actions[0].agent"),
    ({"actions": [{"type": "draft", "canned": "nope"}]}, "actions[0].canned"),
    ({"actions": [{"type": "escalate", "procedure": "Alien invasion"}]}, "actions[0].procedure"),
    ({"actions": [{"type": "notify", "email": "not-an-address"}]}, "actions[0].email"),
    ({"actions": [{"type": "notify", "webhook": "ftp://example.com/x"}]}, "actions[0].webhook"),
    ({"actions": [{"type": "notify", "webhook": f"{get_settings().base_url}/api/v1/x"}]}, "actions[0].webhook"),
    ({"actions": [{"type": "notify", "webhook": "https://other.example/api/hooks/x/1"}]}, "actions[0].webhook"),
    ({"actions": [{"type": "notify", "email": "a@b.example", "webhook": "https://c.example"}]}, "actions[0]"),
    ({"actions": [{"type": "ignore"}, {"type": "resolve"}]}, "actions[1].type"),
    ({"trigger": "no_reply"}, "minutes"),
    ({"trigger": "sla_warning", "minutes": 0}, "minutes"),
    ({"minutes": 10}, "minutes"),
]


@pytest.mark.parametrize(("change", "path"), BAD)
async def test_bad_recipes_are_refused_naming_the_path(client, database: Database, admin, change, path) -> None:  # noqa: ANN001
    await sign_in(client, admin.email)
    problem = assert_problem(await client.post("/api/v1/care/recipes", json={**BODY, **change}), 422, "invalid")
    assert problem["errors"][0]["loc"] == ["body", path], problem
    assert problem["detail"].startswith(path)
    assert await count(database, Recipe) == 0


async def test_admins_write_agents_read_members_and_visitors_do_not(client, make_client, database: Database,  # noqa: ANN001
                                                                     admin, member, agents) -> None:
    cas, _ = agents
    async with database.sessionmaker() as s:
        s.add(EscalationProcedure(name="Account hacked", created_at=clock.now(), updated_at=clock.now()))
        await s.commit()
    await sign_in(client, admin.email)
    first = await client.post("/api/v1/care/recipes", json={**BODY, "position": 5})
    assert first.status_code == 201, first.text
    made = first.json()
    assert made["conditions"] == BODY["conditions"] and made["trigger"] == "item_created"
    second = await client.post("/api/v1/care/recipes", json={
        **BODY, "name": "Hacked", "trigger": "no_reply", "minutes": 45, "position": 1,
        "actions": [{"type": "escalate", "procedure": "Account hacked"}, {"type": "assign", "agent": cas.id}]})
    assert second.status_code == 201, second.text
    assert_problem(await client.post("/api/v1/care/recipes", json=BODY), 409, "conflict")

    agent = make_client("127.0.0.3")
    await sign_in(agent, cas.email)
    listed = (await agent.get("/api/v1/care/recipes")).json()
    assert [r["name"] for r in listed["items"]] == ["Hacked", "Blocked"] and listed["next"] is None
    paged = (await agent.get("/api/v1/care/recipes", params={"limit": 1})).json()
    assert [r["name"] for r in paged["items"]] == ["Hacked"] and paged["next_cursor"] == paged["next"]
    rest = (await agent.get("/api/v1/care/recipes", params={"limit": 1, "cursor": paged["next"]})).json()
    assert [r["name"] for r in rest["items"]] == ["Blocked"]
    assert (await agent.get(f"/api/v1/care/recipes/{made['id']}")).json()["name"] == "Blocked"
    assert_problem(await agent.post("/api/v1/care/recipes", json={**BODY, "name": "Mine"}), 403, "forbidden")
    assert_problem(await agent.delete(f"/api/v1/care/recipes/{made['id']}", headers={"x-csrf-token": csrf_of(agent)}),
                   403, "forbidden")

    moved = await client.put(f"/api/v1/care/recipes/{made['id']}", json={**BODY, "position": 0})
    assert moved.status_code == 200 and moved.json()["position"] == 0
    assert [r["name"] for r in (await agent.get("/api/v1/care/recipes")).json()["items"]] == ["Blocked", "Hacked"]
    assert (await client.delete(f"/api/v1/care/recipes/{made['id']}",
                                headers={"x-csrf-token": csrf_of(client)})).status_code == 204
    assert_problem(await client.get(f"/api/v1/care/recipes/{made['id']}"), 404, "not-found")
    assert_problem(await client.put(f"/api/v1/care/recipes/{made['id']}", json=BODY), 404, "not-found")

    someone = make_client("127.0.0.4")
    await sign_in(someone, member.email)
    assert_problem(await someone.get("/api/v1/care/recipes"), 403, "forbidden")
    assert_problem(await someone.post("/api/v1/care/recipes/try", json=BODY), 403, "forbidden")
    visitor = make_client("127.0.0.5")
    assert_problem(await visitor.get("/api/v1/care/recipes"), 401, "unauthorized")
    assert_problem(await visitor.post("/api/v1/care/recipes", json=BODY), 401, "unauthorized")
