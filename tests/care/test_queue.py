"""Working the care queue: the list's views, filters, order and paging (in a fixed number of
statements), saved views, claim / take over / release and versions over the API, routing
(round robin, by language, within capacity, oldest due first when room frees, never over
capacity when two workers route at once), presence, escalation procedures and their steps,
crisis mode, the live stream, and who may do any of it."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import event, func, select

from api.care_queue import router as queue_router
from care import escalation, items, presence, queue, routing
from care.models import CareAgent, CareEntry, CareItem, EntryKind, ItemPriority, ItemSource, ItemStatus, SlaPolicy
from care.schemas import AgentIn
from hearth import clock
from hearth.accounts import service as accounts
from hearth.accounts.models import Account, Role
from hearth.db import Database
from hearth.events.models import OutboxEvent
from hearth.notifications.models import Notification
from hearth.settings import get_settings
from tests.api.test_accounts import assert_problem
from tests.care.conftest import drain
from tests.conftest import create_member, csrf_of, sign_in
from tests.live import serving

API = "/api/v1/care"


# --- helpers ------------------------------------------------------------------------------------


def conversation(source_id: int, text: str = "My card is blocked", *, minutes_ago: int = 5,
                 source: ItemSource = ItemSource.QUESTION, channel: str = "community",
                 language: str | None = "en") -> items.Conversation:
    message = items.Message(ref=f"msg:{source}:{source_id}", at=clock.now() - timedelta(minutes=minutes_ago),
                            body=text, author="customer")
    return items.Conversation(source=source, source_id=source_id, channel=channel, title=text, language=language,
                              messages=(message,))


async def receive(database: Database, conv: items.Conversation) -> CareItem:
    async with database.sessionmaker() as s:
        received = await items.receive(s, conv)
        await s.commit()
        return received.item


async def sla_policy(database: Database, minutes: int = 60) -> None:
    async with database.sessionmaker() as s:
        s.add(SlaPolicy(name="Everything", first_response_minutes=minutes, created_at=clock.now(),
                        updated_at=clock.now()))
        await s.commit()


async def reload(database: Database, item_id: int) -> CareItem:
    async with database.sessionmaker() as s:
        item = await s.get(CareItem, item_id)
        assert item is not None
        return item


@pytest.fixture
def pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing routed: the tests that give items out themselves."""
    monkeypatch.setattr(get_settings(), "care_assignment", "pool")


@pytest.fixture
async def cas(database: Database) -> Account:
    return await create_member(database, "cas@example.com", "Cas Care", frozenset({Role.CARE_AGENT}))


@pytest.fixture
async def cor(database: Database) -> Account:
    return await create_member(database, "cor@example.com", "Cor Care", frozenset({Role.CARE_AGENT}))


async def signed_in(make_client, account: Account) -> httpx.AsyncClient:  # noqa: ANN001
    client = make_client()
    await sign_in(client, account.email)
    return client


async def delete(client: httpx.AsyncClient, url: str) -> httpx.Response:
    return await client.delete(url, headers={"x-csrf-token": csrf_of(client)})


def ids(page: dict) -> list[int]:
    return [i["id"] for i in page["items"]]


# --- the list -----------------------------------------------------------------------------------


async def test_views_filters_order_and_paging(client, database: Database, cas: Account, cor: Account,  # noqa: ANN001
                                              pool: None, frozen_clock) -> None:  # noqa: ANN001
    await sla_policy(database, 60)
    late = await receive(database, conversation(1, "Card blocked", minutes_ago=70))  # due 10 minutes ago
    soon = await receive(database, conversation(2, "Kaart geblokkeerd", minutes_ago=45, language="nl",
                                                 source=ItemSource.MENTION, channel="x"))  # due in 15
    later = await receive(database, conversation(3, "App crashes", minutes_ago=5))  # due in 55
    urgent = await receive(database, conversation(4, "Fraud on my account", minutes_ago=5))  # same due, urgent
    closed = await receive(database, conversation(5, "Thanks!", minutes_ago=1))
    async with database.sessionmaker() as s:
        await items.set_priority(s, None, await s.get(CareItem, urgent.id), ItemPriority.URGENT)
        await items.claim(s, cas, soon.id)
        await items.set_tags(s, cas, soon.id, ["Cards"])
        await items.set_status(s, cor, closed.id, "resolved")
        await s.commit()

    await sign_in(client, cas.email)
    everything = (await client.get(f"{API}/items")).json()
    # Due first (the breached one), then by priority within the same due time, then by id.
    assert ids(everything) == [late.id, soon.id, urgent.id, later.id]
    first = everything["items"][0]
    assert first["priority"] == "normal" and first["breached"] is True and first["assignee"] is None
    assert {"id", "source", "status", "priority", "language", "assignee", "first_response_due_at",
            "first_response_at", "title", "channel", "customer", "due_at", "tags", "version", "viewers"} <= set(first)
    claimed = everything["items"][1]
    assert claimed["assignee"] == {"id": cas.id, "display_name": "Cas Care"} and claimed["tags"] == ["cards"]

    async def listed(**params: str) -> list[int]:
        response = await client.get(f"{API}/items", params=params)
        assert response.status_code == 200, response.text
        return ids(response.json())

    assert await listed(view="mine") == [soon.id]
    assert await listed(view="unassigned") == [late.id, urgent.id, later.id]
    assert await listed(view="due") == [soon.id]
    assert await listed(view="breached") == [late.id]
    assert await listed(status="resolved") == [closed.id]
    assert await listed(source="mention") == [soon.id]
    assert await listed(channel="x") == [soon.id]
    assert await listed(language="nl") == [soon.id]
    assert await listed(tag="cards") == [soon.id]
    assert await listed(view="unassigned", language="en", source="question") == [late.id, urgent.id, later.id]

    # Paging: two at a time through the same order, the cursor opaque and checked.
    seen, cursor = [], None
    while True:
        page = (await client.get(f"{API}/items", params={"limit": 2, **({"cursor": cursor} if cursor else {})})).json()
        seen += ids(page)
        assert page["next_cursor"] == page["next"]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == ids(everything)
    assert_problem(await client.get(f"{API}/items", params={"cursor": "broken"}), 422, "invalid")
    assert_problem(await client.get(f"{API}/items", params={"page": 2}), 422, "invalid")
    assert_problem(await client.get(f"{API}/items", params={"view": "everything"}), 422, "invalid")


async def test_the_list_costs_the_same_statements_however_many_items(client, make_client, database: Database,  # noqa: ANN001
                                                                     cas: Account, cor: Account, pool: None) -> None:
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args: object) -> None:  # noqa: ANN001
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")):
            statements.append(statement)

    async def grow(start: int, count_: int) -> None:
        for n in range(start, start + count_):
            item = await receive(database, conversation(n, f"Question {n}", minutes_ago=n))
            async with database.sessionmaker() as s:
                holder = cas if n % 2 else cor
                await items.claim(s, holder, item.id)
                await items.set_tags(s, holder, item.id, [f"tag{n}", "cards"])
                await presence.beat(s, cor, item.id)
                await s.commit()

    async def cost() -> int:
        event.listen(database.engine.sync_engine, "before_cursor_execute", count)
        try:
            statements.clear()
            response = await client.get(f"{API}/items", params={"limit": 100})
        finally:
            event.remove(database.engine.sync_engine, "before_cursor_execute", count)
        assert response.status_code == 200
        return len(statements)

    await sign_in(client, cas.email)
    await grow(1, 2)
    small = await cost()
    await grow(3, 10)
    large = await cost()
    listed = (await client.get(f"{API}/items", params={"limit": 100})).json()["items"]
    assert len(listed) == 12 and all(i["viewers"] == [{"id": cor.id, "display_name": "Cor Care",
                                                       "seen_at": i["viewers"][0]["seen_at"]}] for i in listed)
    assert small == large, "the list's statements grew with its items"
    assert large <= 5, statements  # the session, the items with their assignees, tags, viewers


# --- saved views ------------------------------------------------------------------------------


async def test_saved_views_are_per_agent_named_once_and_checked(client, make_client, database: Database,  # noqa: ANN001
                                                                cas: Account, cor: Account, pool: None) -> None:
    nl = await receive(database, conversation(1, "Kaart geblokkeerd", language="nl"))
    await receive(database, conversation(2, "Card blocked", language="en"))
    await sign_in(client, cas.email)
    made = await client.post(f"{API}/views", json={"name": "Dutch", "filters": {"language": "NL", "view": None}})
    assert made.status_code == 201, made.text
    view = made.json()
    assert view["filters"] == {"language": "nl"}
    assert_problem(await client.post(f"{API}/views", json={"name": "Dutch", "filters": {"language": "fr"}}),
                   409, "conflict")
    unknown = assert_problem(await client.post(f"{API}/views", json={"name": "Odd", "filters": {"colour": "red"}}),
                             422, "invalid")
    assert "colour" in unknown["detail"]
    assert_problem(await client.post(f"{API}/views", json={"name": "Odd", "filters": {"status": "done"}}),
                   422, "invalid")
    assert ids((await client.get(f"{API}/items", params={"saved": view["id"]})).json()) == [nl.id]
    # What the query gives goes on top of the saved view.
    assert ids((await client.get(f"{API}/items", params={"saved": view["id"], "view": "mine"})).json()) == []

    other = await signed_in(make_client, cor)
    assert (await other.get(f"{API}/views")).json() == []
    assert (await other.post(f"{API}/views", json={"name": "Dutch", "filters": {"language": "nl"}})).status_code == 201
    assert_problem(await other.get(f"{API}/items", params={"saved": view["id"]}), 404, "not-found")
    assert_problem(await delete(other, f"{API}/views/{view['id']}"), 404, "not-found")
    assert (await delete(client, f"{API}/views/{view['id']}")).status_code == 204
    assert (await client.get(f"{API}/views")).json() == []


# --- claim, take over, release, versions --------------------------------------------------------


async def test_claims_take_overs_and_versions(client, make_client, database: Database, cas: Account,  # noqa: ANN001
                                              cor: Account, pool: None) -> None:
    item = await receive(database, conversation(1))
    await sign_in(client, cas.email)
    other = await signed_in(make_client, cor)
    version = (await client.get(f"{API}/items/{item.id}")).json()["version"]

    claimed = await client.post(f"{API}/items/{item.id}/claim", json={"version": version})
    assert claimed.status_code == 200 and claimed.json()["assignee"]["id"] == cas.id
    assert claimed.json()["status"] == "open" and claimed.json()["version"] == version + 1
    taken = assert_problem(await other.post(f"{API}/items/{item.id}/claim", json={}), 409, "conflict")
    assert "take it over" in taken["detail"]
    assert_problem(await other.post(f"{API}/items/{item.id}/release", json={}), 409, "conflict")
    assert_problem(await other.put(f"{API}/items/{item.id}/status", json={"status": "resolved"}), 409, "conflict")
    # A take-over with a version from before the claim is refused too: the agent saw it free.
    assert_problem(await other.post(f"{API}/items/{item.id}/takeover", json={"version": version}), 409, "conflict")
    over = await other.post(f"{API}/items/{item.id}/takeover", json={})
    assert over.status_code == 200 and over.json()["assignee"]["id"] == cor.id
    assert_problem(await other.put(f"{API}/items/{item.id}/status", json={"status": "pending_customer",
                                                                          "version": version}), 409, "conflict")
    done = await other.put(f"{API}/items/{item.id}/status", json={"status": "resolved"})
    assert done.json()["status"] == "resolved"
    assert_problem(await other.put(f"{API}/items/{item.id}/status", json={"status": "new"}), 422, "invalid")
    released = await other.post(f"{API}/items/{item.id}/release", json={})
    assert released.json()["assignee"] is None

    detail = (await client.get(f"{API}/items/{item.id}")).json()
    moves = [(e["data"]["how"], e["actor"]["id"]) for e in detail["timeline"] if e["kind"] == "assignment"]
    assert moves == [("claim", cas.id), ("takeover", cor.id), ("release", cor.id)]
    assert detail["timeline"][0]["kind"] == "message" and detail["timeline"][0]["body"] == "My card is blocked"
    assert_problem(await client.get(f"{API}/items/999999"), 404, "not-found")


# --- routing ------------------------------------------------------------------------------------


async def test_round_robin_capacity_and_the_oldest_due_first_when_room_frees(
        client, database: Database, cas: Account, cor: Account, admin: Account, frozen_clock) -> None:  # noqa: ANN001
    await sla_policy(database, 60)
    given = []
    for n in (1, 2, 3):
        item = await receive(database, conversation(n))
        await drain(database)
        given.append((await reload(database, item.id)).assignee_id)
        frozen_clock.advance(seconds=1)
    assert given == [cas.id, cor.id, cas.id]  # the agent idle longest each time

    await sign_in(client, admin.email)
    for agent in (cas, cor):
        response = await client.put(f"{API}/agents/{agent.id}", json={"capacity": 2})
        assert response.status_code == 200 and response.json()["capacity"] == 2
    assert_problem(await client.put(f"{API}/agents/{cas.id}", json={"capacity": 0}), 422, "invalid")
    newer = await receive(database, conversation(4, minutes_ago=10))  # due in 50 minutes
    await drain(database)
    assert (await reload(database, newer.id)).assignee_id == cor.id  # cor had room, now both are full
    waits_later = await receive(database, conversation(5, minutes_ago=5))  # due in 55
    waits_sooner = await receive(database, conversation(6, minutes_ago=40))  # due in 20: first out
    await drain(database)
    assert (await reload(database, waits_later.id)).assignee_id is None
    assert (await reload(database, waits_sooner.id)).assignee_id is None
    agents = {a["id"]: a for a in (await client.get(f"{API}/agents")).json()}
    assert agents[cas.id]["load"] == 2 and agents[cas.id]["has_room"] is False

    async with database.sessionmaker() as s:
        first_of_cas = await s.scalar(select(CareItem.id).where(CareItem.assignee_id == cas.id).order_by(CareItem.id))
        await items.set_status(s, cas, first_of_cas, "resolved")
        await s.commit()
    await drain(database)
    assert (await reload(database, waits_sooner.id)).assignee_id == cas.id
    assert (await reload(database, waits_later.id)).assignee_id is None
    # More room for cor: the last waiting item goes out at once.
    assert (await client.put(f"{API}/agents/{cor.id}", json={"capacity": 3})).json()["has_room"] is True
    await drain(database)
    assert (await reload(database, waits_later.id)).assignee_id == cor.id


async def test_language_routing_and_the_pool(database: Database, cas: Account, cor: Account,
                                             monkeypatch: pytest.MonkeyPatch, frozen_clock) -> None:  # noqa: ANN001
    async with database.sessionmaker() as s:
        await routing.update_agent(s, cas.id, AgentIn(languages=["nl", "en"]))
        await routing.update_agent(s, cor.id, AgentIn(languages=["fr"]))
        await s.commit()
    monkeypatch.setattr(get_settings(), "care_assignment", "language")
    french = await receive(database, conversation(1, "Carte bloquée", language="fr"))
    await drain(database)
    frozen_clock.advance(seconds=1)
    french_again = await receive(database, conversation(2, "Toujours bloquée", language="fr"))
    await drain(database)
    frozen_clock.advance(seconds=1)
    german = await receive(database, conversation(3, "Karte gesperrt", language="de"))  # nobody speaks it: anyone
    await drain(database)
    assert (await reload(database, french.id)).assignee_id == cor.id
    assert (await reload(database, french_again.id)).assignee_id == cor.id  # though cas waited longer
    assert (await reload(database, german.id)).assignee_id == cas.id

    monkeypatch.setattr(get_settings(), "care_assignment", "pool")
    pooled = await receive(database, conversation(4, "Card blocked"))
    await drain(database)
    assert (await reload(database, pooled.id)).assignee_id is None


async def test_two_workers_routing_at_once_never_go_over_capacity_or_give_an_item_twice(
        database: Database, cas: Account, cor: Account, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "care_assignment", "pool")
    waiting = [await receive(database, conversation(n)) for n in range(1, 8)]
    await drain(database)
    monkeypatch.setattr(get_settings(), "care_assignment", "round_robin")
    async with database.sessionmaker() as s:
        await routing.update_agent(s, cas.id, AgentIn(capacity=2))
        await routing.update_agent(s, cor.id, AgentIn(available=False))
        await s.commit()

    async def route(item_id: int) -> Account | None:
        async with await database.writer(background=True) as s:
            given = await routing.route(s, item_id)
            await s.commit()
            return given

    # Six workers at once, each with an item for the one agent who has room for two.
    results = await asyncio.gather(*(route(item.id) for item in waiting[:6]))
    assert sorted(r.id if r else 0 for r in results) == [0, 0, 0, 0, cas.id, cas.id]
    async with database.sessionmaker() as s:
        assert (await items.active_load(s, [cas.id]))[cas.id] == 2

    async with database.sessionmaker() as s:
        await routing.update_agent(s, cas.id, AgentIn(capacity=5))
        await routing.update_agent(s, cor.id, AgentIn(available=True))
        await s.commit()
    shared = waiting[6]
    await asyncio.gather(*(route(shared.id) for _ in range(4)))
    async with database.sessionmaker() as s:
        assignments = await s.scalar(select(func.count()).select_from(CareEntry).where(
            CareEntry.item_id == shared.id, CareEntry.kind == EntryKind.ASSIGNMENT))
    assert assignments == 1 and (await reload(database, shared.id)).assignee_id in (cas.id, cor.id)


# --- presence -----------------------------------------------------------------------------------


async def test_presence_shows_who_else_has_an_item_open(client, make_client, database: Database, cas: Account,  # noqa: ANN001
                                                        cor: Account, pool: None, frozen_clock) -> None:  # noqa: ANN001
    item = await receive(database, conversation(1))
    await sign_in(client, cas.email)
    other = await signed_in(make_client, cor)
    alone = await client.post(f"{API}/items/{item.id}/presence", json={})
    assert alone.status_code == 200 and alone.json() == {"viewers": []}
    both = (await other.post(f"{API}/items/{item.id}/presence", json={})).json()["viewers"]
    assert [v["id"] for v in both] == [cas.id]  # never the asking agent
    listed = (await client.get(f"{API}/items")).json()["items"][0]
    assert [v["display_name"] for v in listed["viewers"]] == ["Cor Care"]
    assert [v["id"] for v in (await client.get(f"{API}/items/{item.id}")).json()["viewers"]] == [cor.id]

    frozen_clock.advance(seconds=get_settings().care_presence_seconds + 1)
    assert (await client.get(f"{API}/items")).json()["items"][0]["viewers"] == []
    assert (await other.post(f"{API}/items/{item.id}/presence", json={})).json() == {"viewers": []}
    assert (await client.get(f"{API}/items")).json()["items"][0]["viewers"][0]["id"] == cor.id
    assert (await delete(other, f"{API}/items/{item.id}/presence")).status_code == 204
    assert (await client.get(f"{API}/items")).json()["items"][0]["viewers"] == []

    await client.post(f"{API}/items/{item.id}/presence", json={})
    frozen_clock.advance(minutes=5)
    async with database.sessionmaker() as s:
        assert await presence.prune(s) == 1 and await presence.prune(s) == 0
        await s.commit()
    assert_problem(await client.post(f"{API}/items/999999/presence", json={}), 404, "not-found")


# --- escalation procedures and crisis mode -------------------------------------------------------


PROCEDURE = {"name": "Account hacked", "description": "A customer's account was taken over.",
             "steps": ["Freeze the account", "Call the customer", "Tell security"],
             "contacts": [{"name": "Security desk", "email": "Security@Example.com"},
                          {"name": "Lead", "email": "lead@example.com"}]}


async def test_escalation_procedures_steps_and_contacts(client, make_client, database: Database, cas: Account,  # noqa: ANN001
                                                        admin: Account, pool: None) -> None:
    lead = await create_member(database, "lead@example.com", "Lea Lead", frozenset({Role.CARE_AGENT}))
    staff = await signed_in(make_client, admin)
    await sign_in(client, cas.email)
    assert_problem(await client.post(f"{API}/escalation-procedures", json=PROCEDURE), 403, "forbidden")
    bad = {**PROCEDURE, "contacts": [{"name": "Nobody", "email": "not an address"}]}
    assert_problem(await staff.post(f"{API}/escalation-procedures", json=bad), 422, "invalid")
    made = await staff.post(f"{API}/escalation-procedures", json=PROCEDURE)
    assert made.status_code == 201, made.text
    procedure = made.json()
    assert procedure["contacts"][0]["email"] == "security@example.com"
    assert_problem(await staff.post(f"{API}/escalation-procedures", json=PROCEDURE), 409, "conflict")
    assert [p["name"] for p in (await client.get(f"{API}/escalation-procedures")).json()] == ["Account hacked"]
    renamed = await staff.put(f"{API}/escalation-procedures/{procedure['id']}", json={**PROCEDURE, "name": "Hacked"})
    assert renamed.json()["name"] == "Hacked"

    item = await receive(database, conversation(1, "Someone took over my account"))
    assert_problem(await client.post(f"{API}/items/{item.id}/escalate", json={}), 422, "invalid")
    started = await client.post(f"{API}/items/{item.id}/escalate", json={"procedure_id": procedure["id"],
                                                                        "reason": "Hacked, says the customer"})
    assert started.status_code == 201, started.text
    assert started.json()["steps"] == PROCEDURE["steps"] and started.json()["steps_done"] == []
    assert_problem(await client.post(f"{API}/items/{item.id}/escalate", json={"procedure_id": procedure["id"]}),
                   409, "conflict")
    async with database.sessionmaker() as s:
        told = await s.scalar(select(OutboxEvent).where(OutboxEvent.name == escalation.STARTED_EVENT))
        assert told is not None and [c["email"] for c in told.payload["contacts"]] == [
            "security@example.com", "lead@example.com"]
    await drain(database)
    async with database.sessionmaker() as s:
        notified = list(await s.scalars(select(Notification.account_id).where(Notification.kind == "care.escalation")))
    assert notified == [lead.id]  # the staff contact is told in Hearth; the other address is logged

    for step in (1, 3):
        done = await client.post(f"{API}/items/{item.id}/escalation/steps/{step}", json={})
        assert done.status_code == 200, done.text
    assert done.json()["steps_done"] == [1, 3] and done.json()["closed_at"] is None
    assert_problem(await client.post(f"{API}/items/{item.id}/escalation/steps/4", json={}), 404, "not-found")
    last = (await client.post(f"{API}/items/{item.id}/escalation/steps/2", json={})).json()
    assert last["steps_done"] == [1, 2, 3] and last["closed_at"] is not None

    detail = (await client.get(f"{API}/items/{item.id}")).json()
    assert detail["status"] == "escalated" and detail["escalations"][0]["procedure"] == "Hacked"
    lines = [e["data"] for e in detail["timeline"] if e["kind"] == "escalation"]
    assert lines[0]["procedure"] == "Hacked" and [line.get("step") for line in lines[1:]] == [1, 3, 2]
    assert lines[-1]["all_done"] is True
    # Removed while items used it: hidden from the list, their timelines intact.
    assert (await delete(staff, f"{API}/escalation-procedures/{procedure['id']}")).status_code == 204
    assert (await client.get(f"{API}/escalation-procedures")).json() == []
    assert (await client.get(f"{API}/items/{item.id}")).json()["escalations"][0]["steps"] == PROCEDURE["steps"]


async def test_crisis_mode_raises_matching_new_items(client, database: Database, cas: Account,  # noqa: ANN001
                                                    pool: None) -> None:
    await sign_in(client, cas.email)
    assert (await client.get(f"{API}/crisis")).json()["active"] is False
    assert_problem(await client.put(f"{API}/crisis", json={"active": True, "message": ""}), 422, "invalid")
    on = await client.put(f"{API}/crisis", json={"active": True, "message": "Card payments are down",
                                                 "keywords": ["outage", "storing"], "priority": "high"})
    assert on.status_code == 200, on.text
    assert on.json()["started_by"] == {"id": cas.id, "display_name": "Cas Care"}
    matching = await receive(database, conversation(1, "Is there an OUTAGE? my card fails"))
    dutch = await receive(database, conversation(2, "Is er een storing bij jullie?", language="nl"))
    other = await receive(database, conversation(3, "How do I change my address?"))
    await drain(database)
    assert (await reload(database, matching.id)).priority == ItemPriority.HIGH
    assert (await reload(database, dutch.id)).priority == ItemPriority.HIGH
    assert (await reload(database, other.id)).priority == ItemPriority.NORMAL
    timeline = (await client.get(f"{API}/items/{matching.id}")).json()["timeline"]
    raised = [e["data"] for e in timeline if e["kind"] == "priority"]
    assert raised == [{"from": "normal", "to": "high", "reason": "crisis mode: Card payments are down"}]
    async with database.sessionmaker() as s:
        banner = await escalation.banner(s)
    assert banner is not None and banner.message == "Card payments are down" and banner.started_by == "Cas Care"

    # Without keywords every new item rises; once it ends, none does.
    await client.put(f"{API}/crisis", json={"active": True, "message": "Everything is down", "keywords": []})
    anything = await receive(database, conversation(4, "Hello"))
    await drain(database)
    await client.put(f"{API}/crisis", json={"active": False})
    after = await receive(database, conversation(5, "Outage?"))
    await drain(database)
    assert (await reload(database, anything.id)).priority == ItemPriority.URGENT
    assert (await reload(database, after.id)).priority == ItemPriority.NORMAL
    async with database.sessionmaker() as s:
        assert await escalation.banner(s) is None


# --- the live stream ------------------------------------------------------------------------------


async def _events(lines, wanted: int) -> list[dict]:  # noqa: ANN001
    found: list[dict] = []
    name = None
    async for line in lines:
        if line.startswith("event: "):
            name = line.removeprefix("event: ")
        elif line.startswith("data: ") and name == "item":
            found.append(json.loads(line.removeprefix("data: ")))
            if len(found) == wanted:
                return found
    return found


async def test_the_live_stream_sends_arrivals_and_changes(app, database: Database, cas: Account, cor: Account,  # noqa: ANN001
                                                          pool: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import api.care_queue

    monkeypatch.setattr(api.care_queue, "POLL_SECONDS", 0.1)
    async with database.sessionmaker() as s:
        _row, token = await accounts.create_token(s, await s.get(Account, cas.id), "stream")
        await s.commit()
    before = await receive(database, conversation(1, "Already here"))
    # The server has the test database's pool to itself; this test writes through its own.
    writer = Database(database.url)
    try:
        async with serving(app, database) as base, httpx.AsyncClient(
                base_url=base, timeout=10, headers={"Authorization": f"Bearer {token}"}) as http:
            async with http.stream("GET", f"{API}/items/events") as stream:
                assert stream.status_code == 200
                assert stream.headers["content-type"].startswith("text/event-stream")
                lines = stream.aiter_lines()
                assert (await anext(lines)).startswith("retry: ")
                arrived = await receive(writer, conversation(2, "New question"))
                async with writer.sessionmaker() as s:
                    await items.claim(s, cor, before.id)
                    await s.commit()
                got = await asyncio.wait_for(_events(lines, 2), 10)
                async with writer.sessionmaker() as s:
                    await items.set_status(s, cor, before.id, "resolved")
                    await s.commit()
                resolved = await asyncio.wait_for(_events(lines, 1), 10)
            anonymous = await httpx.AsyncClient(base_url=base).get(f"{API}/items/events")
    finally:
        await writer.dispose()
    by_id = {e["id"]: e for e in got}
    assert by_id[arrived.id]["change"] == "created" and by_id[arrived.id]["assignee_id"] is None
    assert by_id[before.id]["change"] == "changed" and by_id[before.id]["assignee_id"] == cor.id
    assert resolved == [{"id": before.id, "version": by_id[before.id]["version"] + 1, "status": "resolved",
                         "assignee_id": cor.id, "change": "status"}]
    assert anonymous.status_code == 401


async def test_open_streams_share_one_poll(app, database: Database, cas: Account, cor: Account,  # noqa: ANN001
                                           pool: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three agents with the queue open: every stream gets the change, from one poll per interval."""
    import api.care_queue

    monkeypatch.setattr(api.care_queue, "POLL_SECONDS", 0.1)
    async with database.sessionmaker() as s:
        _row, token = await accounts.create_token(s, await s.get(Account, cas.id), "stream")
        await s.commit()
    item = await receive(database, conversation(1, "Card blocked"))
    writer = Database(database.url)
    polls = []
    real = queue.changed_since

    async def counted(session, since):  # noqa: ANN001, ANN202
        polls.append(since)
        return await real(session, since)

    monkeypatch.setattr(queue, "changed_since", counted)
    try:
        async with serving(app, database) as base, httpx.AsyncClient(
                base_url=base, timeout=10, headers={"Authorization": f"Bearer {token}"}) as http:
            async with http.stream("GET", f"{API}/items/events") as one, \
                    http.stream("GET", f"{API}/items/events") as two, \
                    http.stream("GET", f"{API}/items/events") as three:
                streams = [s.aiter_lines() for s in (one, two, three)]
                for lines in streams:
                    assert (await anext(lines)).startswith("retry: ")
                feed = api.care_queue._feed()
                assert len(feed.listeners) == 3
                started = len(polls)
                await asyncio.sleep(0.5)
                assert len(polls) - started <= 6  # about one per 0.1 s for all three, not three
                async with writer.sessionmaker() as s:
                    await items.claim(s, cor, item.id)
                    await s.commit()
                got = [await asyncio.wait_for(_events(lines, 1), 10) for lines in streams]
    finally:
        await writer.dispose()
    assert all(g == [{"id": item.id, "version": 2, "status": "open", "assignee_id": cor.id, "change": "changed"}]
               for g in got), got


# --- who may ------------------------------------------------------------------------------------


async def test_members_are_refused_and_visitors_asked_to_sign_in(client, make_client, database: Database,  # noqa: ANN001
                                                                 member: Account, pool: None) -> None:
    await sign_in(client, member.email)
    visitor = make_client()
    routes = [(method, API + route.path.removeprefix("/care").replace("{item_id}", "1").replace("{step}", "1")
               .replace("{view_id}", "1").replace("{account_id}", "1").replace("{procedure_id}", "1"))
              for route in queue_router.routes for method in route.methods]
    assert len(routes) == 23
    for method, path in routes:
        body = {"json": {}} if method != "GET" else {}  # JSON: the CSRF check lets it through to the roles
        assert_problem(await client.request(method, path, **body), 403, "forbidden")
        assert_problem(await visitor.request(method, path, **body), 401, "unauthorized")


async def test_agents_listed_with_load_and_settings_kept(client, database: Database, cas: Account,  # noqa: ANN001
                                                         admin: Account, pool: None) -> None:
    await receive(database, conversation(1))
    async with database.sessionmaker() as s:
        await items.claim(s, cas, 1)
        await s.commit()
    await sign_in(client, cas.email)
    listed = (await client.get(f"{API}/agents")).json()
    assert [a["id"] for a in listed] == [cas.id]  # admins work the queue only once they have settings
    assert listed[0] | {"last_assigned_at": None} == {
        "id": cas.id, "display_name": "Cas Care", "capacity": get_settings().care_capacity, "languages": [],
        "available": True, "load": 1, "has_room": True, "last_assigned_at": None}
    assert_problem(await client.put(f"{API}/agents/{cas.id}", json={"capacity": 3}), 403, "forbidden")
    await sign_in(client, admin.email)
    changed = (await client.put(f"{API}/agents/{cas.id}", json={"languages": ["nl", "fr", "nl"],
                                                               "signature": "Cas, Hearth care"})).json()
    assert changed["languages"] == ["fr", "nl"] and changed["capacity"] == get_settings().care_capacity
    async with database.sessionmaker() as s:
        row = await s.get(CareAgent, cas.id)
        assert row is not None and row.signature == "Cas, Hearth care"
    assert_problem(await client.put(f"{API}/agents/999999", json={"capacity": 3}), 404, "not-found")
    assert (await client.get(f"{API}/items/1")).json()["status"] == ItemStatus.OPEN
