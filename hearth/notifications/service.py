"""The only code that writes notifications and the accounts' unread counters."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from hearth import clock, paging
from hearth.accounts.models import Account
from hearth.db import rowcount
from hearth.notifications.models import Notification
from hearth.notifications.schemas import NotificationOut, NotificationPage


async def notify(session: AsyncSession, account_id: int, *, kind: str, title: str, url: str,
                 dedupe_key: str, actor_id: int | None = None) -> bool:
    """Notify one member once per dedupe_key; returns False when it was already sent."""
    return bool(await notify_many(session, [account_id], kind=kind, title=title, url=url, dedupe_key=dedupe_key,
                                  actor_id=actor_id))


async def notify_many(session: AsyncSession, account_ids: Iterable[int], *, kind: str, title: str, url: str,
                      dedupe_key: str, actor_id: int | None = None) -> int:
    """The same news to many members (a thread's followers), once each per dedupe_key, in three
    statements however many they are; returns how many were notified now."""
    wanted = set(account_ids) - {actor_id}  # nobody needs to hear about their own doing
    if not wanted:
        return 0
    key = dedupe_key[:120]
    wanted -= set(await session.scalars(select(Notification.account_id).where(
        Notification.account_id.in_(wanted), Notification.dedupe_key == key)))
    if not wanted:
        return 0
    now = clock.now()
    await session.execute(insert(Notification), [
        {"account_id": account_id, "kind": kind, "title": title[:200], "url": url[:300], "dedupe_key": key,
         "actor_id": actor_id, "created_at": now, "read_at": None} for account_id in sorted(wanted)])
    await session.execute(update(Account).where(Account.id.in_(wanted))
                          .values(unread_notifications=Account.unread_notifications + 1))
    return len(wanted)


# The member's newest notification, as a column of a statement about the member (web.shared.Look).
LATEST = select(func.max(Notification.id)).where(Notification.account_id == Account.id).scalar_subquery()


def version(account: Account, latest: int | None) -> tuple[int, int]:
    """Changes whenever the member's notifications page would: a new one, or one read."""
    return account.unread_notifications, latest or 0


async def list_for(session: AsyncSession, account: Account, *, cursor: str | None = None,
                   limit: int = 30) -> NotificationPage:
    """The newest first; the cursor pages on to older ones."""
    actor = Account.__table__.alias("actor")
    query = (select(Notification, actor.c.handle, actor.c.display_name)
             .outerjoin(actor, actor.c.id == Notification.actor_id)
             .where(Notification.account_id == account.id)
             .order_by(Notification.id.desc()).limit(limit + 1))
    if cursor:
        query = query.where(Notification.id < paging.decode(cursor, int)[0])
    rows = (await session.execute(query)).all()
    items = [NotificationOut(id=n.id, kind=n.kind, title=n.title, url=n.url, actor_handle=handle,
                             actor_name=name, created_at=n.created_at, read=n.read_at is not None)
             for n, handle, name in rows[:limit]]
    return NotificationPage(items=items, unread=account.unread_notifications,
                            next=paging.encode(items[-1].id) if len(rows) > limit else None)


async def mark_read(session: AsyncSession, account: Account, ids: list[int] | None = None) -> int:
    """Mark some (or all) of a member's notifications read; the counter is recounted, never guessed."""
    condition = and_(Notification.account_id == account.id, Notification.read_at.is_(None))
    if ids is not None:
        condition = and_(condition, Notification.id.in_(ids))
    result = await session.execute(update(Notification).where(condition).values(read_at=clock.now()))
    remaining = await _count_unread(session, account.id)
    await session.execute(update(Account).where(Account.id == account.id).values(unread_notifications=remaining))
    account.unread_notifications = remaining
    return rowcount(result) or 0


async def _count_unread(session: AsyncSession, account_id: int) -> int:
    return await session.scalar(select(func.count()).where(
        Notification.account_id == account_id, Notification.read_at.is_(None))) or 0
