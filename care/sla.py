"""Response-time goals on care items: which policy applies, and when each goal is due.

Three goals: the first response (from the first customer message), the next response
(from a customer message after the brand already answered) and the resolution (from the
item's creation). Pending-customer pauses every clock: on resuming, open goals move later by
the time spent waiting for the customer. `due_at` is the earliest open goal: the queue
sorts and filters on it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from care.models import CLOSED_STATUSES, CareItem, ItemStatus, SlaPolicy


async def policy_for(session: AsyncSession, item: CareItem) -> SlaPolicy | None:
    return await session.scalar(
        select(SlaPolicy).where(SlaPolicy.active.is_(True),
                                or_(SlaPolicy.channel.is_(None), SlaPolicy.channel == item.channel),
                                or_(SlaPolicy.priority.is_(None), SlaPolicy.priority == item.priority))
        .order_by(SlaPolicy.position, SlaPolicy.id).limit(1))


def _add(start: datetime, minutes: int | None) -> datetime | None:
    return None if minutes is None else start + timedelta(minutes=minutes)


async def start(session: AsyncSession, item: CareItem, now: datetime) -> None:
    """Choose a new item's policy (none: no goals) and start its resolution clock; the
    response goals start with the customer's messages."""
    policy = await policy_for(session, item)
    item.sla_policy_id = policy.id if policy else None
    item.resolution_due_at = _add(item.created_at, policy.resolution_minutes) if policy else None
    refresh(item, now)


async def _policy(session: AsyncSession, item: CareItem) -> SlaPolicy | None:
    return await session.get(SlaPolicy, item.sla_policy_id) if item.sla_policy_id else None


async def customer_wrote(session: AsyncSession, item: CareItem, at: datetime, now: datetime) -> None:
    """A customer message while nothing was waiting: the first-response goal starts with the
    first one, the next-response goal with each one after a brand reply."""
    policy = await _policy(session, item)
    if policy is None:
        return
    if item.first_response_at is None:
        if item.first_response_due_at is None:
            item.first_response_due_at = _add(at, policy.first_response_minutes)
    elif item.next_response_due_at is None:
        item.next_response_due_at = _add(at, policy.next_response_minutes)


def brand_replied(item: CareItem, at: datetime, now: datetime) -> None:
    if item.first_response_at is None:
        item.first_response_at = at
    item.next_response_due_at = None


def status_changed(item: CareItem, before: ItemStatus, after: ItemStatus, now: datetime) -> None:
    if after == ItemStatus.PENDING_CUSTOMER:
        item.paused_at = now
    elif before == ItemStatus.PENDING_CUSTOMER and item.paused_at is not None:
        waited = now - item.paused_at
        item.paused_at = None
        for name in ("first_response_due_at", "next_response_due_at", "resolution_due_at"):
            due = getattr(item, name)
            if due is not None:
                setattr(item, name, due + waited)
    refresh(item, now)


def open_goals(item: CareItem) -> dict[str, datetime]:
    """The goals still running, by name."""
    if item.status in CLOSED_STATUSES or item.paused_at is not None:
        return {}
    goals: dict[str, datetime] = {}
    if item.first_response_at is None and item.first_response_due_at is not None:
        goals["first_response"] = item.first_response_due_at
    if item.next_response_due_at is not None:
        goals["next_response"] = item.next_response_due_at
    if item.resolution_due_at is not None:
        goals["resolution"] = item.resolution_due_at
    return goals


def refresh(item: CareItem, now: datetime) -> None:
    goals = open_goals(item)
    item.due_at = min(goals.values()) if goals else None
