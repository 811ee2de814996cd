"""The care queue's items: one per conversation that needs the brand, whatever its source.

Sources hand their messages to `receive` (idempotent: a message already on an item's
timeline is refused by the database), agents work items through `claim`, `release`,
`take_over`, `set_status`, `set_tags` and `set_priority`. Every change raises the item's
version (two agents acting at once: one wins, the other gets a Conflict), writes a line on
the timeline and publishes `care.item_changed` with the change, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from care import sla
from care.models import (
    ACTIVE_STATUSES,
    CLOSED_STATUSES,
    CareEntry,
    CareItem,
    CareTag,
    EntryKind,
    ItemPriority,
    ItemSource,
    ItemStatus,
    ItemTag,
    Sentiment,
)
from hearth import clock, events
from hearth.accounts.models import Account, Role
from hearth.errors import Conflict, Forbidden, Invalid, NotFound
from hearth.saving import add_unique, bump_version

TITLE_LENGTH = 300
# The statuses an agent may set; new is where an item starts, never where one is sent back.
SETTABLE = frozenset(ItemStatus) - {ItemStatus.NEW}


@dataclass(frozen=True)
class Message:
    """A message of a conversation, as a source hands it over."""

    ref: str  # unique within the item: mention:12, post:7, review:3
    at: datetime
    body: str
    author: str | None = None
    from_brand: bool = False  # written by the brand (its monitored accounts, staff, a brand response)
    mention_id: int | None = None
    sentiment: Sentiment | None = None
    pure_insult: bool = False


@dataclass(frozen=True)
class Conversation:
    """What a source knows about the conversation an item is for."""

    source: ItemSource
    source_id: int
    channel: str
    title: str
    channel_id: int | None = None
    url: str | None = None
    language: str | None = None
    customer_handle: str | None = None
    customer_name: str | None = None
    customer_id: int | None = None
    customer_followers: int | None = None
    priority: ItemPriority = ItemPriority.NORMAL
    messages: Sequence[Message] = field(default_factory=tuple)


@dataclass
class Received:
    item: CareItem
    created: bool
    new_messages: int  # customer messages not seen before
    new_replies: int  # brand messages not seen before


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1] + "…"


async def find(session: AsyncSession, source: ItemSource, source_id: int) -> CareItem | None:
    return await session.scalar(select(CareItem).where(CareItem.source == source, CareItem.source_id == source_id))


async def get(session: AsyncSession, item_id: int) -> CareItem:
    item = await session.get(CareItem, item_id)
    if item is None:
        raise NotFound("No such care item")
    return item


async def receive(session: AsyncSession, conversation: Conversation) -> Received:
    """Open the conversation's item (or find it) and add the messages it has not seen.

    Customer messages reopen a closed item and wake a pending one; brand messages count as
    replies (the first one answers the first-response goal). Safe to call again with the same
    messages: each is stored once, and an item is created once per (source, source_id)."""
    now = clock.now()
    item, created = await _open(session, conversation, now)
    if created:
        await sla.start(session, item, now)
    fresh = await _store_messages(session, item, conversation.messages, now, created=created)
    customer = [m for m in fresh if not m.from_brand]
    brand = [m for m in fresh if m.from_brand]
    for message in fresh:
        await _apply_message(session, item, message, now)
    if customer and item.status in CLOSED_STATUSES and not created:
        await _reopen(session, item, now)
    elif customer and item.status == ItemStatus.PENDING_CUSTOMER:
        await _set(session, item, ItemStatus.OPEN, now, actor=None, note="the customer answered")
    if customer and all(m.pure_insult for m in customer) and (created or item.pure_insult):
        item.pure_insult = True
    elif customer:
        item.pure_insult = False
    sla.refresh(item, now)
    if fresh or created:
        item.version += 1
        item.updated_at = now
        await session.flush()
        events.publish(session, "care.item_created" if created else "care.item_changed", item_id=item.id,
                       messages=len(customer), replies=len(brand))
    return Received(item, created, len(customer), len(brand))


async def _store_messages(session: AsyncSession, item: CareItem, messages: Sequence[Message], now: datetime, *,
                          created: bool) -> list[Message]:
    """The messages the item had not seen, each stored once. A new item has none yet: its
    messages go in one flush; an existing one's each under a savepoint, so a message another
    worker stored a moment ago is refused by the database alone."""
    ordered = list({m.ref: m for m in sorted(messages, key=lambda m: m.at)}.values())
    if created:
        session.add_all(_message_entry(item, m, now) for m in ordered)
        await session.flush()
        return ordered
    return [m for m in ordered if await add_unique(session, _message_entry(item, m, now))]


async def _open(session: AsyncSession, conversation: Conversation, now: datetime) -> tuple[CareItem, bool]:
    existing = await find(session, conversation.source, conversation.source_id)
    if existing is not None:
        _refresh_customer(existing, conversation)
        return existing, False
    first = min((m.at for m in conversation.messages), default=now)
    item = CareItem(source=conversation.source, source_id=conversation.source_id, channel=conversation.channel,
                    channel_id=conversation.channel_id, status=ItemStatus.NEW, priority=int(conversation.priority),
                    language=conversation.language, title=_short(conversation.title), url=conversation.url,
                    customer_handle=conversation.customer_handle, customer_name=conversation.customer_name,
                    customer_id=conversation.customer_id, customer_followers=conversation.customer_followers,
                    last_message_at=first, created_at=now, updated_at=now, version=0)
    if await add_unique(session, item):
        return item, True
    # Another worker opened it a moment ago: add to theirs.
    existing = await find(session, conversation.source, conversation.source_id)
    if existing is None:  # pragma: no cover - the unique constraint named a row that is gone
        raise Conflict("The care item changed while it was being opened; try again")
    return existing, False


def _refresh_customer(item: CareItem, conversation: Conversation) -> None:
    if conversation.customer_followers is not None:
        item.customer_followers = conversation.customer_followers
    item.language = item.language or conversation.language


def _message_entry(item: CareItem, message: Message, now: datetime) -> CareEntry:
    return CareEntry(item_id=item.id, kind=EntryKind.REPLY if message.from_brand else EntryKind.MESSAGE,
                     ref=message.ref, mention_id=message.mention_id, author=message.author,
                     body=message.body, data={"sentiment": str(message.sentiment)} if message.sentiment else {},
                     at=message.at, created_at=now)


async def _apply_message(session: AsyncSession, item: CareItem, message: Message, now: datetime) -> None:
    item.last_message_at = max(item.last_message_at, message.at)
    if message.from_brand:
        sla.brand_replied(item, message.at, now)
        item.waiting_since = None
        return
    if message.sentiment is not None:
        item.sentiment = message.sentiment
    if item.waiting_since is None:
        await sla.customer_wrote(session, item, message.at, now)
        item.waiting_since = message.at


async def _reopen(session: AsyncSession, item: CareItem, now: datetime) -> None:
    item.reopened += 1
    item.resolved_at = None
    await _set(session, item, ItemStatus.OPEN, now, actor=None, note="a new message reopened it")


async def _set(session: AsyncSession, item: CareItem, status: ItemStatus, now: datetime, *, actor: Account | None,
               note: str | None = None) -> None:
    before = item.status
    if before == status:
        return
    item.status = status
    if status in CLOSED_STATUSES:
        item.resolved_at = now
    await sla.status_changed(session, item, before, status, now)
    data: dict[str, Any] = {"from": str(before), "to": str(status)}
    if note:
        data["note"] = note
    entry(session, item, EntryKind.STATUS, actor=actor, data=data, at=now)


def entry(session: AsyncSession, item: CareItem, kind: EntryKind, *, actor: Account | None = None,
          body: str | None = None, data: dict[str, Any] | None = None, at: datetime | None = None,
          ref: str | None = None, reply_id: int | None = None) -> CareEntry:
    """A line on the item's timeline (the caller's transaction saves it)."""
    now = clock.now()
    row = CareEntry(item_id=item.id, kind=kind, actor_id=actor.id if actor else None, body=body, data=data or {},
                    at=at or now, created_at=now, ref=ref, reply_id=reply_id)
    session.add(row)
    return row


# --- agents working an item ------------------------------------------------------------


def is_agent(account: Account) -> bool:
    return account.has_role(Role.CARE_AGENT) or account.has_role(Role.ADMIN)


def check_holder(item: CareItem, agent: Account) -> None:
    """An item another agent holds is theirs until they release it or someone takes it over."""
    if item.assignee_id is not None and item.assignee_id != agent.id:
        raise Conflict("Another agent has this item; take it over to act on it", field="assignee")


async def changed(session: AsyncSession, item: CareItem, version: int | None, what: str, **values: Any) -> None:
    """Save `values` on the item if nobody changed it since `version` (None: as read), raise its
    version and tell the pages: every change to an item goes through here."""
    version = item.version if version is None else version
    await bump_version(session, item, version,
                       Conflict("Another agent changed this item a moment ago; reload it", field="version"), **values)
    events.publish(session, "care.item_changed", item_id=item.id, change=what)


async def claim(session: AsyncSession, agent: Account, item_id: int, *, version: int | None = None) -> CareItem:
    item = await get(session, item_id)
    check_holder(item, agent)
    if item.assignee_id == agent.id:
        return item
    if item.status in CLOSED_STATUSES:
        raise Conflict("This item is closed; reopen it before claiming it", field="status")
    return await _assign(session, item, agent, actor=agent, version=version, what="claim")


async def take_over(session: AsyncSession, agent: Account, item_id: int, *, version: int | None = None) -> CareItem:
    """Claim an item another agent holds, said out loud: the timeline names both."""
    item = await get(session, item_id)
    if item.assignee_id == agent.id:
        return item
    return await _assign(session, item, agent, actor=agent, version=version, what="takeover")


async def assign(session: AsyncSession, actor: Account | None, item: CareItem, agent: Account | None, *,
                 what: str = "assign") -> CareItem:
    """Give the item to `agent` (None: back to the queue): routing, recipes and leads use this."""
    return await _assign(session, item, agent, actor=actor, version=None, what=what)


async def _assign(session: AsyncSession, item: CareItem, agent: Account | None, *, actor: Account | None,
                  version: int | None, what: str) -> CareItem:
    before = item.assignee_id
    now = clock.now()
    status = ItemStatus.OPEN if agent is not None and item.status == ItemStatus.NEW else item.status
    await changed(session, item, item.version if version is None else version, what,
                   assignee_id=agent.id if agent else None, assigned_at=now if agent else None, status=status)
    entry(session, item, EntryKind.ASSIGNMENT, actor=actor,
          data={"from": before, "to": agent.id if agent else None, "how": what})
    return item


async def release(session: AsyncSession, agent: Account, item_id: int, *, version: int | None = None) -> CareItem:
    item = await get(session, item_id)
    if item.assignee_id is None:
        return item
    check_holder(item, agent)
    return await _assign(session, item, None, actor=agent, version=version, what="release")


async def set_status(session: AsyncSession, agent: Account, item_id: int, status: str, *,
                     version: int | None = None) -> CareItem:
    try:
        target = ItemStatus(status)
    except ValueError:
        raise Invalid("Unknown status", field="status") from None
    if target not in SETTABLE:
        raise Invalid("An item cannot be sent back to new", field="status")
    item = await get(session, item_id)
    check_holder(item, agent)
    if item.status == target:
        return item
    now = clock.now()
    await _save_status(session, item, target, now, actor=agent, version=version)
    return item


async def change_status(session: AsyncSession, item: CareItem, status: ItemStatus, *, note: str,
                        actor: Account | None = None) -> bool:
    """A status set by the system (a recipe, a source that went away), not by the holder:
    no holder check, and `note` says why on the timeline. False when it already had it."""
    if item.status == status:
        return False
    await _save_status(session, item, status, clock.now(), actor=actor, note=note)
    return True


async def _save_status(session: AsyncSession, item: CareItem, status: ItemStatus, now: datetime, *,
                       actor: Account | None, version: int | None = None, note: str | None = None) -> None:
    if status == ItemStatus.OPEN and item.status in CLOSED_STATUSES:
        item.reopened += 1
    if status not in CLOSED_STATUSES:
        item.resolved_at = None
    await _set(session, item, status, now, actor=actor, note=note)
    # Written before the versioned update: its refresh would otherwise drop what the status
    # change set on the item besides `status` (the SLA's pause and due times).
    await session.flush()
    await changed(session, item, item.version if version is None else version, "status", status=status,
                   resolved_at=item.resolved_at)


async def set_priority(session: AsyncSession, actor: Account | None, item: CareItem, priority: int, *,
                       reason: str | None = None) -> CareItem:
    value = ItemPriority(priority)
    if item.priority == value:
        return item
    entry(session, item, EntryKind.PRIORITY, actor=actor,
          data={"from": ItemPriority(item.priority).name.lower(), "to": value.name.lower(), "reason": reason})
    await changed(session, item, item.version, "priority", priority=int(value))
    return item


async def tag_names(session: AsyncSession, item_ids: Sequence[int]) -> dict[int, list[str]]:
    rows = await session.execute(select(ItemTag.item_id, CareTag.name).join(CareTag, CareTag.id == ItemTag.tag_id)
                                 .where(ItemTag.item_id.in_(item_ids)).order_by(CareTag.name))
    found: dict[int, list[str]] = {i: [] for i in item_ids}
    for item_id, name in rows:
        found[item_id].append(name)
    return found


async def _tag_ids(session: AsyncSession, names: Sequence[str]) -> dict[str, int]:
    wanted = sorted({n.strip().lower() for n in names if n.strip()})
    if any(len(n) > 60 for n in wanted):
        raise Invalid("A tag is at most 60 characters", field="tags")
    known = dict((await session.execute(select(CareTag.name, CareTag.id).where(CareTag.name.in_(wanted)))).all())
    for name in wanted:
        if name not in known:
            tag = CareTag(name=name)
            if not await add_unique(session, tag):  # made by another request just now
                tag = (await session.scalars(select(CareTag).where(CareTag.name == name))).one()
            known[name] = tag.id
    return known


async def set_tags(session: AsyncSession, actor: Account | None, item_id: int, names: Sequence[str], *,
                   version: int | None = None, check: bool = True) -> list[str]:
    """Replace the item's tags; unknown tags are created (outside any folder)."""
    item = await get(session, item_id)
    if check and actor is not None:
        check_holder(item, actor)
    before = (await tag_names(session, [item.id]))[item.id]
    ids = await _tag_ids(session, names)
    after = sorted(ids)
    if after == before:
        return before
    await session.execute(ItemTag.__table__.delete().where(ItemTag.item_id == item.id))
    session.add_all(ItemTag(item_id=item.id, tag_id=tag_id) for tag_id in ids.values())
    entry(session, item, EntryKind.TAGS, actor=actor, data={"added": sorted(set(after) - set(before)),
                                                           "removed": sorted(set(before) - set(after))})
    await changed(session, item, item.version if version is None else version, "tags")
    return after


async def add_tags(session: AsyncSession, actor: Account | None, item: CareItem, names: Sequence[str]) -> list[str]:
    current = (await tag_names(session, [item.id]))[item.id]
    return await set_tags(session, actor, item.id, [*current, *names], check=False)


async def timeline(session: AsyncSession, item_id: int) -> list[tuple[CareEntry, Account | None]]:
    rows = await session.execute(select(CareEntry, Account).outerjoin(Account, Account.id == CareEntry.actor_id)
                                 .where(CareEntry.item_id == item_id).order_by(CareEntry.at, CareEntry.id))
    return [(e, a) for e, a in rows]


async def active_load(session: AsyncSession, agent_ids: Sequence[int]) -> dict[int, int]:
    """How many active items each agent holds (what capacity counts)."""
    rows = await session.execute(select(CareItem.assignee_id, func.count()).where(
        CareItem.assignee_id.in_(agent_ids), CareItem.status.in_(ACTIVE_STATUSES)).group_by(CareItem.assignee_id))
    load = dict.fromkeys(agent_ids, 0)
    load.update({agent_id: count for agent_id, count in rows if agent_id is not None})
    return load


def require_agent(account: Account) -> None:
    if not is_agent(account):
        raise Forbidden("Only care agents work the care queue")
