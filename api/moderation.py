from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status
from pydantic import BaseModel

from hearth import paging
from hearth.accounts.models import Account, Role
from hearth.auth import AdminAccount, CurrentMember, require_role
from hearth.db import DbSession
from hearth.ids import Id
from hearth.paging import Cursor, Limit
from moderation import service, views
from moderation.models import Guideline, ReviewStatus, WatchedWord
from moderation.schemas import (
    ActionIn,
    AppealIn,
    AuditPage,
    ClaimIn,
    FlagIn,
    GuidelineIn,
    GuidelineOut,
    ItemOut,
    MemberHistoryOut,
    QueuePage,
    ReviewableOut,
    SuspensionIn,
    WatchedWordIn,
    WatchedWordOut,
)

router = APIRouter(tags=["moderation"])
Moderator = Annotated[Account, Depends(require_role(Role.MODERATOR))]


class FlagOut(BaseModel):
    kind: str
    content_id: int
    flagged: bool


@router.post("/flags", response_model=FlagOut, status_code=status.HTTP_201_CREATED)
async def flag(data: FlagIn, member: CurrentMember, db: DbSession) -> FlagOut:
    await service.flag(db, member, data)
    return FlagOut(kind=data.kind, content_id=data.content_id, flagged=True)


@router.get("/moderation/queue", response_model=QueuePage)
async def queue(moderator: Moderator, db: DbSession, status: ReviewStatus | None = ReviewStatus.PENDING,
                kind: str | None = Query(None, max_length=40), reason: str | None = Query(None, max_length=40),
                cursor: Cursor = None, limit: Limit = paging.DEFAULT_LIMIT) -> QueuePage:
    start = paging.offset(cursor)
    items, total = await service.queue(db, status=status, kind=kind, reason=reason, offset=start, limit=limit)
    return QueuePage(items=[views.reviewable(i) for i in items], total=total,
                     next=paging.next_offset(start, limit, total))


@router.get("/moderation/items/{item_id}", response_model=ItemOut)
async def item(item_id: Id, moderator: Moderator, db: DbSession) -> ItemOut:
    return views.item(await service.item(db, item_id))


@router.post("/moderation/items/{item_id}/claim", response_model=ItemOut)
async def claim(item_id: Id, data: ClaimIn, moderator: Moderator, db: DbSession) -> ItemOut:
    await service.claim(db, moderator, item_id, data.version)
    return views.item(await service.item(db, item_id))


@router.post("/moderation/items/{item_id}/release", response_model=ItemOut)
async def release(item_id: Id, data: ClaimIn, moderator: Moderator, db: DbSession) -> ItemOut:
    await service.claim(db, moderator, item_id, data.version, claiming=False)
    return views.item(await service.item(db, item_id))


@router.post("/moderation/items/{item_id}/actions", response_model=ItemOut)
async def act(item_id: Id, data: ActionIn, moderator: Moderator, db: DbSession) -> ItemOut:
    """Act on the item at the version you saw. `route_to_care` hands the content to the care queue
    (it becomes a `flag` care item) and leaves the item here pending, for a moderator to settle."""
    await service.act(db, moderator, item_id, data)
    return views.item(await service.item(db, item_id))


@router.post("/moderation/items/{item_id}/appeal", response_model=ReviewableOut)
async def appeal(item_id: Id, data: AppealIn, member: CurrentMember, db: DbSession) -> ReviewableOut:
    await service.appeal(db, member, item_id, data.text)
    return views.reviewable(await service.item(db, item_id))


@router.get("/moderation/mine", response_model=list[ReviewableOut])
async def mine(member: CurrentMember, db: DbSession) -> list[ReviewableOut]:
    return [views.reviewable(i) for i in await service.my_items(db, member)]


@router.get("/moderation/audit", response_model=AuditPage)
async def audit(moderator: Moderator, db: DbSession, action: str | None = Query(None, max_length=30),
                actor_id: Id | None = None, subject_id: Id | None = None,
                cursor: Cursor = None, limit: Limit = paging.DEFAULT_LIMIT) -> AuditPage:
    entries, next_cursor = await service.audit_log(db, action=action, actor_id=actor_id, subject_id=subject_id,
                                                   cursor=cursor, limit=limit)
    return AuditPage(items=[views.action(e) for e in entries], next=next_cursor)


@router.get("/moderation/members/{handle}", response_model=MemberHistoryOut)
async def member_history(handle: str, moderator: Moderator, db: DbSession) -> MemberHistoryOut:
    return views.member_history(await service.member_history(db, handle))


@router.put("/moderation/members/{handle}/suspension", response_model=MemberHistoryOut)
async def suspension(handle: str, data: SuspensionIn, moderator: Moderator, db: DbSession) -> MemberHistoryOut:
    """Suspend for `days` with a guideline, or send `{"lift": true}` to lift a suspension (`{}` is refused)."""
    history = await service.member_history(db, handle)
    await service.suspend_member(db, moderator, history.member.id, data.days, data.guideline_id, data.note)
    return views.member_history(await service.member_history(db, handle))


@router.get("/moderation/guidelines", response_model=list[GuidelineOut])
async def guidelines(moderator: Moderator, db: DbSession) -> list:
    return await service.list_guidelines(db)


@router.post("/moderation/guidelines", response_model=GuidelineOut, status_code=status.HTTP_201_CREATED)
async def create_guideline(data: GuidelineIn, admin: AdminAccount, db: DbSession) -> Guideline:
    return await service.save_guideline(db, admin, data)


@router.put("/moderation/guidelines/{guideline_id}", response_model=GuidelineOut)
async def update_guideline(guideline_id: Id, data: GuidelineIn, admin: AdminAccount, db: DbSession) -> Guideline:
    return await service.save_guideline(db, admin, data, guideline_id)


@router.get("/moderation/watched-words", response_model=list[WatchedWordOut])
async def watched_words(admin: AdminAccount, db: DbSession) -> list:
    return await service.list_watched_words(db)


@router.post("/moderation/watched-words", response_model=WatchedWordOut, status_code=status.HTTP_201_CREATED)
async def add_watched_word(data: WatchedWordIn, admin: AdminAccount, db: DbSession) -> WatchedWord:
    return await service.add_watched_word(db, admin, data)


@router.delete("/moderation/watched-words/{word_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_watched_word(word_id: Id, admin: AdminAccount, db: DbSession) -> None:
    await service.remove_watched_word(db, admin, word_id)
