"""Who else has a care item open: an item's page beats every few seconds, and an agent seen
within the presence window (`care_presence_seconds`) counts as looking at it.

One row per (item, agent), moved forward by each beat; rows past the window are pruned by
the hourly chore, so the table stays as small as the number of items open right now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from care import items
from care.models import Presence
from hearth import clock
from hearth.accounts.models import Account
from hearth.db import rowcount
from hearth.saving import add_unique
from hearth.settings import get_settings


@dataclass(frozen=True)
class Viewer:
    id: int
    display_name: str
    seen_at: datetime


def _window_start() -> datetime:
    return clock.now() - timedelta(seconds=get_settings().care_presence_seconds)


async def beat(session: AsyncSession, agent: Account, item_id: int) -> None:
    """The agent has the item open now: one UPDATE, or one INSERT for the first beat."""
    await items.get(session, item_id)
    now = clock.now()
    moved = await session.execute(update(Presence).where(Presence.item_id == item_id, Presence.agent_id == agent.id)
                                  .values(seen_at=now))
    if rowcount(moved) == 0 and not await add_unique(session, Presence(item_id=item_id, agent_id=agent.id,
                                                                      seen_at=now)):
        # A second tab's first beat got in first: move that row instead.
        await session.execute(update(Presence).where(Presence.item_id == item_id, Presence.agent_id == agent.id)
                              .values(seen_at=now))


async def viewers(session: AsyncSession, item_ids: Sequence[int], *,
                  excluding: int | None = None) -> dict[int, list[Viewer]]:
    """Per item, the agents seen on it within the window (the asking agent left out), in one
    statement whatever the number of items."""
    found: dict[int, list[Viewer]] = {i: [] for i in item_ids}
    if not item_ids:
        return found
    query = (select(Presence.item_id, Account.id, Account.display_name, Presence.seen_at)
             .join(Account, Account.id == Presence.agent_id)
             .where(Presence.item_id.in_(item_ids), Presence.seen_at >= _window_start())
             .order_by(Presence.item_id, Account.display_name, Account.id))
    if excluding is not None:
        query = query.where(Presence.agent_id != excluding)
    for item_id, account_id, name, seen_at in await session.execute(query):
        found[item_id].append(Viewer(account_id, name, seen_at))
    return found


async def leave(session: AsyncSession, agent: Account, item_id: int) -> None:
    """The page was closed: stop counting the agent at once rather than at the window's end."""
    await session.execute(delete(Presence).where(Presence.item_id == item_id, Presence.agent_id == agent.id))


async def prune(session: AsyncSession) -> int:
    """Forget beats past the window (the worker calls it again until it returns 0). One
    statement: the table holds at most a row per agent per item opened in the last hour."""
    result = await session.execute(delete(Presence).where(Presence.seen_at < _window_start()))
    return rowcount(result)
