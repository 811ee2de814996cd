"""Care items: one per conversation, messages stored once, reopening, and agents who cannot
step on each other (claim, take over, versions)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from care import items
from care.models import CareEntry, CareItem, EntryKind, ItemSource, ItemStatus, SlaPolicy
from hearth import clock
from hearth.accounts.models import Account, Role
from hearth.db import Database
from hearth.errors import Conflict, Invalid
from tests.conftest import create_member


def question(thread_id: int, *messages: items.Message) -> items.Conversation:
    return items.Conversation(source=ItemSource.QUESTION, source_id=thread_id, channel="community",
                              title="Card blocked abroad", language="en", messages=messages)


def said(ref: str, minutes_ago: int, *, brand: bool = False, body: str = "My card is blocked") -> items.Message:
    return items.Message(ref=ref, at=clock.now() - timedelta(minutes=minutes_ago), body=body, from_brand=brand)


async def receive(database: Database, conversation: items.Conversation) -> items.Received:
    async with database.sessionmaker() as s:
        received = await items.receive(s, conversation)
        await s.commit()
        return received


async def test_one_item_per_conversation_and_each_message_once(database: Database) -> None:
    first = await receive(database, question(7, said("post:1", 30)))
    again = await receive(database, question(7, said("post:1", 30), said("post:2", 5, body="Still blocked")))
    assert first.created and not again.created
    assert again.item.id == first.item.id and again.new_messages == 1
    async with database.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(CareItem)) == 1
        kinds = [e.kind for e, _ in await items.timeline(s, first.item.id)]
    assert kinds == [EntryKind.MESSAGE, EntryKind.MESSAGE]


async def test_a_brand_reply_answers_the_first_response_and_a_new_message_reopens(database: Database) -> None:
    async with database.sessionmaker() as s:
        s.add(SlaPolicy(name="Community", channel="community", first_response_minutes=60, next_response_minutes=30,
                        resolution_minutes=24 * 60, created_at=clock.now(), updated_at=clock.now()))
        await s.commit()
    opened = await receive(database, question(8, said("post:1", 20)))
    assert opened.item.first_response_due_at is not None
    assert opened.item.due_at == opened.item.first_response_due_at
    answered = await receive(database, question(8, said("post:2", 10, brand=True, body="We unblocked it")))
    assert answered.item.first_response_at is not None and answered.item.waiting_since is None
    assert answered.item.due_at == answered.item.resolution_due_at
    agent = await create_member(database, "care@example.com", "Cas", frozenset({Role.CARE_AGENT}))
    async with database.sessionmaker() as s:
        await items.set_status(s, agent, opened.item.id, "resolved")
        await s.commit()
    reopened = await receive(database, question(8, said("post:3", 1, body="It is blocked again")))
    assert reopened.item.status == ItemStatus.OPEN and reopened.item.reopened == 1
    assert reopened.item.next_response_due_at is not None


@pytest.fixture
async def agents(database: Database) -> tuple[Account, Account]:
    return (await create_member(database, "care@example.com", "Cas", frozenset({Role.CARE_AGENT})),
            await create_member(database, "care2@example.com", "Cor", frozenset({Role.CARE_AGENT})))


async def test_a_claimed_item_is_taken_over_only_out_loud(database: Database, agents: tuple[Account, Account]) -> None:
    cas, cor = agents
    item = (await receive(database, question(9, said("post:1", 5)))).item
    async with database.sessionmaker() as s:
        claimed = await items.claim(s, cas, item.id)
        assert claimed.assignee_id == cas.id and claimed.status == ItemStatus.OPEN
        await s.commit()
    async with database.sessionmaker() as s:
        with pytest.raises(Conflict):
            await items.claim(s, cor, item.id)
        with pytest.raises(Conflict):
            await items.set_status(s, cor, item.id, "resolved")
    async with database.sessionmaker() as s:
        taken = await items.take_over(s, cor, item.id)
        await s.commit()
        assert taken.assignee_id == cor.id
        assignments = [e.data for e, _ in await items.timeline(s, item.id) if e.kind == EntryKind.ASSIGNMENT]
    assert [a["how"] for a in assignments] == ["claim", "takeover"]
    assert assignments[1]["from"] == cas.id and assignments[1]["to"] == cor.id


async def test_a_stale_version_is_refused_and_changes_nothing(database: Database,
                                                               agents: tuple[Account, Account]) -> None:
    cas, _ = agents
    item = (await receive(database, question(10, said("post:1", 5)))).item
    async with database.sessionmaker() as s:
        with pytest.raises(Conflict):
            await items.claim(s, cas, item.id, version=item.version - 1)
        await s.rollback()
    async with database.sessionmaker() as s:
        fresh = await s.get(CareItem, item.id)
        assert fresh.assignee_id is None
        assert await s.scalar(select(func.count()).select_from(CareEntry).where(
            CareEntry.kind == EntryKind.ASSIGNMENT)) == 0


async def test_statuses_and_tags_are_checked(database: Database, agents: tuple[Account, Account]) -> None:
    cas, _ = agents
    item = (await receive(database, question(11, said("post:1", 5)))).item
    async with database.sessionmaker() as s:
        with pytest.raises(Invalid):
            await items.set_status(s, cas, item.id, "new")
        with pytest.raises(Invalid):
            await items.set_status(s, cas, item.id, "done")
        assert await items.set_tags(s, cas, item.id, ["Cards", "cards ", "fraud"]) == ["cards", "fraud"]
        await s.commit()
    async with database.sessionmaker() as s:
        assert (await items.tag_names(s, [item.id]))[item.id] == ["cards", "fraud"]
