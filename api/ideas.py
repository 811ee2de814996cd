"""The idea exchange: visitors read ideas, members propose, vote and comment, product managers
triage, merge duplicates, read the board and export the ideas."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response, status
from sqlalchemy.orm.attributes import set_committed_value

from hearth import paging
from hearth.accounts.models import Account, Role
from hearth.auth import CurrentAccount, CurrentMember, require_role
from hearth.db import DbSession
from hearth.errors import Unauthorized
from hearth.ids import Id
from hearth.paging import Cursor, Limit
from ideas import service, views
from ideas.models import Idea, IdeaArea
from ideas.schemas import (
    AreaIn,
    AreaOut,
    BoardOut,
    CommentIn,
    CommentOut,
    IdeaIn,
    IdeaOut,
    IdeaPage,
    Language,
    MergeIn,
    RoadmapOut,
    SimilarOut,
    Sort,
    StatusIn,
    VoteOut,
)
from moderation import service as moderation

router = APIRouter(prefix="/ideas", tags=["ideas"])
ProductManager = Annotated[Account, Depends(require_role(Role.PRODUCT_MANAGER))]
Status = Literal["open", "under_review", "planned", "in_progress", "completed", "declined", "merged"]


@router.get("", response_model=IdeaPage)
async def ideas(db: DbSession, viewer: CurrentAccount, sort: Sort = "trending",
                state: Annotated[Status | None, Query(alias="status")] = None,
                area: str | None = Query(None, max_length=60, description="A product area's slug"),
                tag: str | None = Query(None, max_length=30),
                mine: bool = Query(False, description="Only the ideas the signed-in member voted for"),
                cursor: Cursor = None, limit: Limit = paging.DEFAULT_LIMIT) -> IdeaPage:
    """Published ideas: `trending` (recent votes and comments weigh most), `top` (most votes) or `new`."""
    if mine and viewer is None:
        raise Unauthorized("Please sign in to see the ideas you voted for")
    rows, next_cursor = await service.list_ideas(db, viewer, sort=sort, status=state, area=area, tag=tag,
                                                 voted_by=viewer.id if mine and viewer else None, cursor=cursor,
                                                 limit=limit)
    return IdeaPage(items=[views.summary(r) for r in rows], next=next_cursor)


@router.post("", response_model=IdeaOut, status_code=status.HTTP_201_CREATED)
async def propose(data: IdeaIn, member: CurrentMember, db: DbSession) -> IdeaOut:
    idea = await service.propose(db, member, data)
    return views.idea(await service.idea_view(db, idea.id, member))


# Fixed paths before /{idea_id}.

@router.get("/areas", response_model=list[AreaOut])
async def areas(db: DbSession) -> list[IdeaArea]:
    return await service.list_areas(db)


@router.post("/areas", response_model=AreaOut, status_code=status.HTTP_201_CREATED)
async def create_area(data: AreaIn, manager: ProductManager, db: DbSession) -> IdeaArea:
    return await service.save_area(db, data)


@router.put("/areas/{area_id}", response_model=AreaOut)
async def update_area(area_id: Id, data: AreaIn, manager: ProductManager, db: DbSession) -> IdeaArea:
    return await service.save_area(db, data, area_id)


@router.get("/similar", response_model=list[SimilarOut])
async def similar(db: DbSession, q: str = Query("", max_length=150, description="The title being typed"),
                  language: Language | None = None) -> list[SimilarOut]:
    """Ideas whose titles look like `q`, in any language (`language`'s first): vote instead of repeating one."""
    return [views.similar(found) for found in await service.similar(db, q, language=language)]


@router.get("/roadmap", response_model=RoadmapOut)
async def roadmap(db: DbSession, viewer: CurrentAccount) -> RoadmapOut:
    return views.roadmap(await service.roadmap(db, viewer))


@router.get("/board", response_model=BoardOut)
async def board(manager: ProductManager, db: DbSession) -> BoardOut:
    """Ideas by product area and status, and the themes of 1–2 star reviews with the ideas that match them."""
    return views.board(await service.board(db, manager))


@router.get("/export.csv", response_class=Response,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                             "description": "Every published idea, one row each, a header first"}})
async def export(manager: ProductManager, db: DbSession) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    async for row in service.export_rows(db):
        writer.writerow(row)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="ideas.csv"'})


# --- one idea ---------------------------------------------------------------------------------

@router.get("/{idea_id}", response_model=IdeaOut)
async def idea(idea_id: Id, db: DbSession, viewer: CurrentAccount) -> IdeaOut:
    return views.idea(await service.idea_view(db, idea_id, viewer))


async def _counted(db: DbSession, member: Account, found: Idea, voted: bool) -> VoteOut:
    return VoteOut(idea_id=found.id, vote_count=found.vote_count, voted=voted,
                   votes_left=await service.budget_left(db, member))


@router.put("/{idea_id}/vote", response_model=VoteOut)
async def vote(idea_id: Id, member: CurrentMember, db: DbSession) -> VoteOut:
    """Vote for the idea; voting again changes nothing. 409 on a closed or merged idea, or over the budget."""
    return await _counted(db, member, await service.vote(db, member, idea_id), True)


@router.delete("/{idea_id}/vote", response_model=VoteOut)
async def unvote(idea_id: Id, member: CurrentMember, db: DbSession) -> VoteOut:
    return await _counted(db, member, await service.unvote(db, member, idea_id), False)


@router.post("/{idea_id}/comments", response_model=CommentOut, status_code=status.HTTP_201_CREATED)
async def comment(idea_id: Id, data: CommentIn, member: CurrentMember, db: DbSession) -> CommentOut:
    row = await service.comment(db, member, idea_id, data)
    set_committed_value(row, "author", member)
    reasons = await moderation.reasons_for(db, service.COMMENT_KIND, [row.id])
    return views.comment(row, reasons.get(row.id))


@router.put("/{idea_id}/following", status_code=status.HTTP_204_NO_CONTENT)
async def follow(idea_id: Id, member: CurrentMember, db: DbSession) -> None:
    await service.set_following(db, member, idea_id, True)


@router.delete("/{idea_id}/following", status_code=status.HTTP_204_NO_CONTENT)
async def unfollow(idea_id: Id, member: CurrentMember, db: DbSession) -> None:
    await service.set_following(db, member, idea_id, False)


@router.put("/{idea_id}/status", response_model=IdeaOut)
async def set_status(idea_id: Id, data: StatusIn, manager: ProductManager, db: DbSession) -> IdeaOut:
    """Move the idea on with a public response; every voter and follower is told. Send `version`
    (the idea's, as read) to be refused with 409 when someone triaged it since."""
    await service.set_status(db, manager, idea_id, data)
    return views.idea(await service.idea_view(db, idea_id, manager))


@router.post("/{idea_id}/merge", response_model=IdeaOut)
async def merge(idea_id: Id, data: MergeIn, manager: ProductManager, db: DbSession) -> IdeaOut:
    """Merge this idea into `into`: its votes move there (one per member), its followers follow
    that one too, and it points to it. Into itself: 422; into a merged idea (or back, a cycle): 409."""
    await service.merge(db, manager, idea_id, data.into, data.response, version=data.version)
    return views.idea(await service.idea_view(db, idea_id, manager))
