"""Response-time goals: business hours (weekends, holidays, clock changes), pauses while the
customer is asked something, breaches recorded once by the sweep, countdowns, and the API."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from care import calendar, items, sla
from care.models import (
    BusinessHours,
    CareEntry,
    CareItem,
    EntryKind,
    ItemSource,
    ItemStatus,
    SlaBreach,
    SlaPolicy,
)
from hearth import clock
from hearth.accounts.models import Account
from hearth.db import Database
from hearth.events.models import OutboxEvent
from hearth.notifications.models import Notification
from tests.api.test_accounts import assert_problem
from tests.conftest import sign_in

BRUSSELS = ZoneInfo("Europe/Brussels")
WEEK = {day: [["09:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}
AROUND_THE_CLOCK = {day: [["00:00", "24:00"]] for day in calendar.DAYS}


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=BRUSSELS).astimezone(UTC)


# --- the calendar ------------------------------------------------------------------------------


def test_business_time_skips_the_weekend_and_a_holiday() -> None:
    friday = local(2026, 11, 20, 16, 0)
    assert calendar.add_business_minutes(friday, 120, WEEK, [], "Europe/Brussels") == local(2026, 11, 23, 10, 0)
    christmas_eve = local(2026, 12, 24, 16, 0)  # a Thursday; the 25th is a Friday holiday
    due = calendar.add_business_minutes(christmas_eve, 120, WEEK, ["2026-12-25"], "Europe/Brussels")
    assert due == local(2026, 12, 28, 10, 0)
    assert calendar.business_minutes_between(christmas_eve, due, WEEK, ["2026-12-25"], "Europe/Brussels") == 120
    # Before opening and after closing count nothing; a goal ending at closing time ends there.
    monday = local(2026, 11, 23, 7, 0)
    assert calendar.add_business_minutes(monday, 30, WEEK, [], BRUSSELS) == local(2026, 11, 23, 9, 30)
    assert calendar.add_business_minutes(local(2026, 11, 23, 16, 0), 60, WEEK, [], BRUSSELS) == local(2026, 11, 23, 17)
    assert calendar.business_minutes_between(local(2026, 11, 23, 18), local(2026, 11, 24, 7), WEEK, [], BRUSSELS) == 0
    assert calendar.business_minutes_between(local(2026, 11, 24, 10), local(2026, 11, 23, 16), WEEK, [],
                                             BRUSSELS) == -120  # backwards: negative


def test_business_time_follows_the_clock_change() -> None:
    # Brussels goes back from CEST to CET on Sunday 25 October 2026.
    friday = local(2026, 10, 23, 16, 0)
    due = calendar.add_business_minutes(friday, 120, WEEK, [], BRUSSELS)
    assert due == local(2026, 10, 26, 10, 0) and due == datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    assert due - friday == timedelta(hours=67)  # the weekend had a 25-hour Sunday
    # Around the clock, the Sunday of the change lasts 25 hours and the one in March 23.
    assert calendar.business_minutes_between(local(2026, 10, 24), local(2026, 10, 26), AROUND_THE_CLOCK, [],
                                             BRUSSELS) == 49 * 60
    assert calendar.business_minutes_between(local(2026, 3, 28), local(2026, 3, 30), AROUND_THE_CLOCK, [],
                                             BRUSSELS) == 47 * 60
    # Opening hours inside the skipped hour of a spring-forward morning still open at 03:00 local.
    early = {"sun": [["01:00", "05:00"]]}
    assert calendar.business_minutes_between(local(2026, 3, 29), local(2026, 3, 30), early, [], BRUSSELS) == 3 * 60


def test_long_goals_walk_whole_intervals() -> None:
    started = time.perf_counter()
    # A year of 40-hour weeks from a Monday morning: 52 weeks later, at the same local hour,
    # though both clock changes lie between.
    due = calendar.add_business_minutes(local(2026, 1, 5, 9, 0), 52 * 40 * 60, WEEK, [], BRUSSELS)
    assert due == local(2027, 1, 1, 17, 0)  # the last minute of the 52nd week's Friday
    assert calendar.business_minutes_between(local(2026, 1, 5, 9, 0), due, WEEK, [], BRUSSELS) == 52 * 40 * 60
    assert time.perf_counter() - started < 1.0


def test_bad_weeks_are_refused() -> None:
    with pytest.raises(ValueError, match="overlap"):
        calendar.parse_week({"mon": [["09:00", "12:00"], ["11:00", "17:00"]]})
    with pytest.raises(ValueError, match="ends after it starts"):
        calendar.parse_week({"mon": [["17:00", "09:00"]]})
    with pytest.raises(ValueError, match="no business hours"):
        calendar.parse_week({"mon": []})
    with pytest.raises(ValueError, match="time of day"):
        calendar.parse_week({"mon": [["9h", "17:00"]]})


# --- goals on items ----------------------------------------------------------------------------


def question(thread_id: int, *messages: items.Message) -> items.Conversation:
    return items.Conversation(source=ItemSource.QUESTION, source_id=thread_id, channel="community",
                              title="Card blocked abroad", language="en", messages=messages)


def said(ref: str, *, brand: bool = False, body: str = "My card is blocked") -> items.Message:
    return items.Message(ref=ref, at=clock.now(), body=body, from_brand=brand)


async def receive(database: Database, conversation: items.Conversation) -> CareItem:
    async with database.sessionmaker() as s:
        received = await items.receive(s, conversation)
        await s.commit()
        return received.item


async def set_status(database: Database, agent: Account, item: CareItem, status: str) -> CareItem:
    async with database.sessionmaker() as s:
        changed = await items.set_status(s, agent, item.id, status)
        await s.commit()
        return changed


async def add_policy(database: Database, **values: object) -> None:
    values = {"name": "Community", "first_response_minutes": 60, "created_at": clock.now(),
              "updated_at": clock.now(), **values}
    async with database.sessionmaker() as s:
        s.add(SlaPolicy(**values))
        await s.commit()


async def add_business_hours(database: Database, holidays: list[str] | None = None) -> None:
    async with database.sessionmaker() as s:
        s.add(BusinessHours(id=1, timezone="Europe/Brussels", week=WEEK, holidays=holidays or [],
                            updated_at=clock.now()))
        await s.commit()


async def test_a_business_hours_policy_counts_only_business_time(database: Database, frozen_clock) -> None:
    await add_policy(database, business_hours=True, first_response_minutes=120, resolution_minutes=16 * 60)
    await add_business_hours(database, holidays=["2026-11-23"])
    frozen_clock.at = local(2026, 11, 20, 16, 0)  # Friday; Monday is a holiday
    item = await receive(database, question(1, said("post:1")))
    assert item.first_response_due_at == local(2026, 11, 24, 10, 0)
    assert item.resolution_due_at == local(2026, 11, 25, 16, 0)  # 1 h Friday, 8 h Tuesday, 7 h Wednesday
    assert item.due_at == item.first_response_due_at


async def test_pending_customer_pauses_the_clock(database: Database, frozen_clock, agent: Account) -> None:
    await add_policy(database, next_response_minutes=30, resolution_minutes=24 * 60)
    item = await receive(database, question(2, said("post:1")))
    due = item.first_response_due_at
    frozen_clock.advance(minutes=10)
    paused = await set_status(database, agent, item, "pending_customer")
    assert paused.paused_at == clock.now() and paused.due_at is None
    assert sla.countdown(paused, clock.now()) == {}
    frozen_clock.advance(hours=2)
    resumed = await set_status(database, agent, item, "open")
    assert resumed.paused_at is None
    assert resumed.first_response_due_at == due + timedelta(hours=2)
    assert resumed.due_at == resumed.first_response_due_at
    async with database.sessionmaker() as s:  # and so it was saved
        assert (await s.get(CareItem, item.id)).first_response_due_at == due + timedelta(hours=2)


async def test_a_customer_answer_ends_the_pause_without_moving_the_goal_it_starts(
        database: Database, frozen_clock, agent: Account) -> None:
    await add_policy(database, next_response_minutes=30, resolution_minutes=24 * 60)
    item = await receive(database, question(3, said("post:1")))
    resolution = item.resolution_due_at
    frozen_clock.advance(minutes=5)
    await receive(database, question(3, said("post:2", brand=True, body="Which card is it?")))
    await set_status(database, agent, item, "pending_customer")
    frozen_clock.advance(hours=3)
    answered = await receive(database, question(3, said("post:3", body="The blue one")))
    assert answered.status == ItemStatus.OPEN and answered.paused_at is None
    assert answered.next_response_due_at == clock.now() + timedelta(minutes=30)
    assert answered.resolution_due_at == resolution + timedelta(hours=3)


async def test_a_business_hours_pause_moves_goals_by_business_time(
        database: Database, frozen_clock, agent: Account) -> None:
    await add_policy(database, business_hours=True, first_response_minutes=60, next_response_minutes=30,
                     resolution_minutes=8 * 60)
    await add_business_hours(database)
    frozen_clock.at = local(2026, 11, 20, 15, 30)  # Friday
    item = await receive(database, question(4, said("post:1")))
    assert item.first_response_due_at == local(2026, 11, 20, 16, 30)
    frozen_clock.at = local(2026, 11, 20, 16, 0)  # 30 minutes left
    await set_status(database, agent, item, "pending_customer")
    frozen_clock.at = local(2026, 11, 20, 18, 0)  # two hours later, one of them business time
    resumed = await set_status(database, agent, item, "open")
    assert resumed.first_response_due_at == local(2026, 11, 23, 9, 30)  # the 30 minutes left, on Monday
    assert resumed.resolution_due_at == local(2026, 11, 23, 16, 30)  # was Monday 15:30
    assert resumed.due_at == resumed.first_response_due_at
    async with database.sessionmaker() as s:
        assert (await s.get(CareItem, item.id)).due_at == local(2026, 11, 23, 9, 30)
    # Paused again on Monday morning, resumed by the customer's answer on Tuesday.
    frozen_clock.at = local(2026, 11, 23, 9, 10)
    await receive(database, question(4, said("post:2", brand=True, body="Which card?")))
    await set_status(database, agent, item, "pending_customer")
    frozen_clock.at = local(2026, 11, 24, 10, 0)
    answered = await receive(database, question(4, said("post:3", body="The blue one")))
    assert answered.status == ItemStatus.OPEN and answered.paused_at is None
    assert answered.next_response_due_at == local(2026, 11, 24, 10, 30)  # from the answer, not moved
    # 7 h 50 on Monday and 1 h on Tuesday paused: 30 minutes on Monday, 8 h on Tuesday, 20 on Wednesday.
    assert answered.resolution_due_at == local(2026, 11, 25, 9, 20)


async def test_countdown_states(database: Database, frozen_clock) -> None:
    await add_policy(database, first_response_minutes=20, resolution_minutes=120)
    item = await receive(database, question(5, said("post:1")))
    shown = sla.countdown(item, clock.now())
    assert list(shown) == ["first_response", "resolution"]
    assert shown["first_response"] == {"due_at": clock.now() + timedelta(minutes=20), "seconds_left": 1200,
                                       "state": "due_soon"}
    assert shown["resolution"]["state"] == "ok"
    later = sla.countdown(item, clock.now() + timedelta(minutes=21))
    assert later["first_response"]["seconds_left"] == -60 and later["first_response"]["state"] == "breached"


# --- the breach sweep --------------------------------------------------------------------------


async def count(database: Database, query: object) -> int:
    async with database.sessionmaker() as s:
        return await s.scalar(query)


async def test_the_sweep_records_each_breach_once(database: Database, frozen_clock, agent: Account,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sla, "SWEEP_PAGE", 2)  # read overdue ids in pages of two, write in batches of two
    await add_policy(database, first_response_minutes=30, resolution_minutes=120)
    late = [await receive(database, question(10 + n, said(f"post:{n}"))) for n in range(5)]
    frozen_clock.advance(minutes=10)
    on_time = await receive(database, question(20, said("post:x")))
    frozen_clock.advance(minutes=25)  # the first five are 5 minutes late, the last one not yet
    assert await sla.record_breaches(database, batch=2) == 5
    assert await sla.record_breaches(database, batch=2) == 0  # run again: nothing twice
    assert await count(database, select(func.count()).select_from(SlaBreach)) == 5
    assert await count(database, select(func.count()).where(CareEntry.kind == EntryKind.SLA)) == 5
    assert await count(database, select(func.count()).where(OutboxEvent.name == "care.sla_breached")) == 5
    async with database.sessionmaker() as s:
        breached = {i.id: i.breached for i in await s.scalars(select(CareItem))}
        changed = [e.payload for e in await s.scalars(select(OutboxEvent).where(
            OutboxEvent.name == "care.item_changed", OutboxEvent.payload["change"].as_string() == "breach"))]
    assert breached == {**{i.id: True for i in late}, on_time.id: False}
    assert sorted(p["item_id"] for p in changed) == sorted(i.id for i in late)
    # Answered late: the breach stays on record; the resolution goal breaches in its turn.
    await receive(database, question(10, said("post:r", brand=True, body="Unblocked")))
    frozen_clock.advance(hours=2)
    assert await sla.record_breaches(database) == 6 + 1  # five resolutions, plus the last item's two goals
    async with database.sessionmaker() as s:
        goals = sorted(b.goal for b in await sla.breaches(s, late[0].id))
        timeline = [e.data["goal"] for e, _ in await items.timeline(s, late[0].id) if e.kind == EntryKind.SLA]
    assert goals == ["first_response", "resolution"] and timeline == ["first_response", "resolution"]


async def test_paused_and_closed_items_do_not_breach(database: Database, frozen_clock, agent: Account) -> None:
    await add_policy(database, first_response_minutes=30)
    waiting = await receive(database, question(30, said("post:1")))
    closed = await receive(database, question(31, said("post:1")))
    await set_status(database, agent, waiting, "pending_customer")
    await set_status(database, agent, closed, "resolved")
    frozen_clock.advance(hours=5)
    assert await sla.record_breaches(database) == 0


# --- the API -----------------------------------------------------------------------------------

POLICY = {"name": "X urgent", "channel": "x", "priority": "urgent", "first_response_minutes": 15,
          "next_response_minutes": 30, "resolution_minutes": 480, "business_hours": True}


async def test_policies_api_refuses_bad_times_and_names(client, make_client, agent: Account,
                                                        admin: Account) -> None:
    await sign_in(client, admin.email)
    made = await client.post("/api/v1/care/sla-policies", json=POLICY)
    assert made.status_code == 201, made.text
    assert made.json()["priority"] == "urgent" and made.json()["channel"] == "x"
    for field, value in (("first_response_minutes", -5), ("resolution_minutes", 0), ("next_response_minutes", -1)):
        problem = assert_problem(await client.post("/api/v1/care/sla-policies",
                                                   json={**POLICY, "name": "Other", field: value}), 422, "invalid")
        assert problem["errors"][0]["loc"] == ["body", field]
    problem = assert_problem(await client.post("/api/v1/care/sla-policies",
                                               json={**POLICY, "name": "Other", "channel": "myspace"}), 422, "invalid")
    assert problem["errors"][0]["loc"][:2] == ["body", "channel"]
    assert_problem(await client.post("/api/v1/care/sla-policies", json=POLICY), 409, "conflict")
    changed = await client.put(f"/api/v1/care/sla-policies/{made.json()['id']}",
                               json={**POLICY, "priority": 2, "first_response_minutes": 20})
    assert changed.status_code == 200 and changed.json()["priority"] == "high"
    assert changed.json()["first_response_minutes"] == 20
    assert_problem(await client.put(f"/api/v1/care/sla-policies/{made.json()['id']}",
                                    json={**POLICY, "first_response_minutes": -20}), 422, "invalid")
    assert_problem(await client.put("/api/v1/care/sla-policies/999", json=POLICY), 404, "not-found")


async def test_policies_list_pages(client, admin: Account) -> None:
    await sign_in(client, admin.email)
    for n in range(3):
        assert (await client.post("/api/v1/care/sla-policies",
                                  json={**POLICY, "name": f"Policy {n}", "position": 3 - n})).status_code == 201
    first = (await client.get("/api/v1/care/sla-policies", params={"limit": 2})).json()
    assert [p["name"] for p in first["items"]] == ["Policy 2", "Policy 1"] and first["next_cursor"] == first["next"]
    rest = (await client.get("/api/v1/care/sla-policies", params={"limit": 2, "cursor": first["next"]})).json()
    assert [p["name"] for p in rest["items"]] == ["Policy 0"] and rest["next"] is None


async def test_agents_read_admins_write_members_and_visitors_do_not(client, make_client, agent: Account,
                                                                   member: Account) -> None:
    visitor = make_client()
    for path in ("/api/v1/care/sla-policies", "/api/v1/care/business-hours"):
        assert_problem(await visitor.get(path), 401, "unauthorized")
    as_member = make_client("127.0.0.3")
    await sign_in(as_member, member.email)
    assert_problem(await as_member.get("/api/v1/care/sla-policies"), 403, "forbidden")
    assert_problem(await as_member.get("/api/v1/care/business-hours"), 403, "forbidden")
    await sign_in(client, agent.email)
    listed = await client.get("/api/v1/care/sla-policies")
    assert listed.status_code == 200 and listed.json() == {"items": [], "next": None, "next_cursor": None}
    hours = (await client.get("/api/v1/care/business-hours")).json()
    assert hours["timezone"] == "Europe/Brussels" and hours["week"]["mon"] == [["09:00", "17:00"]]
    assert_problem(await client.post("/api/v1/care/sla-policies", json=POLICY), 403, "forbidden")
    assert_problem(await client.put("/api/v1/care/business-hours", json={"timezone": "UTC", "week": WEEK}),
                   403, "forbidden")


async def test_business_hours_api(client, admin: Account) -> None:
    await sign_in(client, admin.email)
    saved = await client.put("/api/v1/care/business-hours", json={
        "timezone": "Europe/Amsterdam", "week": {"sat": [["10:00", "14:00"]], "mon": [["13:00", "17:00"],
                                                                                     ["08:30", "12:00"]]},
        "holidays": ["2026-12-25", "2026-01-01", "2026-12-25"]})
    assert saved.status_code == 200, saved.text
    assert saved.json()["week"] == {"mon": [["08:30", "12:00"], ["13:00", "17:00"]], "sat": [["10:00", "14:00"]]}
    assert saved.json()["holidays"] == ["2026-01-01", "2026-12-25"]
    again = await client.put("/api/v1/care/business-hours", json={"timezone": "UTC", "week": WEEK})
    assert again.json()["timezone"] == "UTC" and again.json()["holidays"] == []
    assert (await client.get("/api/v1/care/business-hours")).json()["timezone"] == "UTC"
    for bad in ({"timezone": "Mars/Olympus", "week": WEEK}, {"timezone": "UTC", "week": {"mon": [["9", "17"]]}},
                {"timezone": "UTC", "week": {"mon": [["10:00", "09:00"]]}}, {"timezone": "UTC", "week": {}},
                {"timezone": "UTC", "week": {"monday": [["09:00", "17:00"]]}}):
        assert_problem(await client.put("/api/v1/care/business-hours", json=bad), 422, "invalid")


async def test_item_countdown_api(client, database: Database, frozen_clock, agent: Account) -> None:
    await add_policy(database, first_response_minutes=20)
    item = await receive(database, question(40, said("post:1")))
    await sign_in(client, agent.email)
    shown = (await client.get(f"/api/v1/care/items/{item.id}/sla")).json()
    assert shown["policy"]["name"] == "Community" and shown["paused"] is False
    assert shown["goals"] == [{"goal": "first_response", "due_at": "2026-11-22T09:20:00Z", "seconds_left": 1200,
                               "state": "due_soon"}]
    frozen_clock.advance(minutes=30)
    await sla.record_breaches(database)
    shown = (await client.get(f"/api/v1/care/items/{item.id}/sla")).json()
    assert shown["breached"] is True and shown["goals"][0]["seconds_left"] == -600
    assert [b["goal"] for b in shown["breaches"]] == ["first_response"]
    assert_problem(await client.get("/api/v1/care/items/999999/sla"), 404, "not-found")


async def test_the_holder_hears_of_a_breach_once(database: Database, frozen_clock, agent: Account,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from hearth.settings import get_settings
    from tests.care.conftest import drain

    monkeypatch.setattr(get_settings(), "care_assignment", "pool")  # the second item stays nobody's
    await add_policy(database, first_response_minutes=30)
    held = await receive(database, question(40, said("post:1")))
    nobodys = await receive(database, question(41, said("post:2")))
    async with database.sessionmaker() as s:
        await items.claim(s, agent, held.id)
        await s.commit()
    frozen_clock.advance(minutes=31)
    assert await sla.record_breaches(database) == 2
    await drain(database)
    await drain(database)  # a second delivery changes nothing
    async with database.sessionmaker() as s:
        told = list(await s.scalars(select(Notification).where(Notification.kind == "care.breach")))
        events = list(await s.scalars(select(OutboxEvent).where(OutboxEvent.name == "care.sla_breached")))
    assert [(n.account_id, n.url) for n in told] == [(agent.id, f"/care/items/{held.id}")]
    assert told[0].title.startswith("Overdue (first response): ")
    assert {e.outcome for e in events} == {"processed"} and len(events) == 2 and nobodys.id
