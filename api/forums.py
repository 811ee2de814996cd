from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, status
from pydantic import BaseModel, computed_field
from sqlalchemy.orm.attributes import set_committed_value

from forums import service, views
from forums.models import Category
from forums.schemas import (
    CategoryIn,
    CategoryOut,
    PostEdit,
    PostIn,
    PostOut,
    RevisionOut,
    ThreadIn,
    ThreadOut,
    ThreadPage,
)
from hearth import paging, search
from hearth.accounts.models import Account, Role
from hearth.auth import AdminAccount, CurrentAccount, CurrentMember, require_role
from hearth.db import DbSession
from hearth.ids import Id
from hearth.paging import Cursor, Limit
from moderation import service as moderation

router = APIRouter(tags=["forums"])
Moderator = Annotated[Account, Depends(require_role(Role.MODERATOR))]


@router.get("/categories", response_model=list[CategoryOut])
async def categories(db: DbSession) -> list:
    return await service.list_categories(db)


@router.post("/categories", response_model=CategoryOut, status_code=status.HTTP_201_CREATED)
async def create_category(data: CategoryIn, admin: AdminAccount, db: DbSession) -> Category:
    return await service.save_category(db, data)


@router.put("/categories/{category_id}", response_model=CategoryOut)
async def update_category(category_id: Id, data: CategoryIn, admin: AdminAccount, db: DbSession) -> Category:
    return await service.save_category(db, data, category_id)


@router.get("/threads", response_model=ThreadPage)
async def threads(db: DbSession, category: str | None = None, tag: str | None = Query(None, max_length=30),
                  show: Literal["latest", "unanswered", "solved"] = "latest",
                  cursor: Cursor = None, limit: Limit = paging.DEFAULT_LIMIT) -> ThreadPage:
    category_id = (await service.get_category(db, slug=category)).id if category else None
    rows, next_cursor = await service.list_threads(db, category_id=category_id, show=show, tag=tag, cursor=cursor,
                                                   limit=limit)
    return ThreadPage(items=[views.summary(r) for r in rows], next=next_cursor)


@router.post("/threads", response_model=ThreadOut, status_code=status.HTTP_201_CREATED)
async def ask(data: ThreadIn, member: CurrentMember, db: DbSession) -> ThreadOut:
    thread = await service.create_thread(db, member, data)
    return views.thread(await service.thread_view(db, thread.id, member))


@router.get("/threads/{thread_id}", response_model=ThreadOut)
async def thread(thread_id: Id, db: DbSession, viewer: CurrentAccount) -> ThreadOut:
    return views.thread(await service.thread_view(db, thread_id, viewer))


@router.post("/threads/{thread_id}/answers", response_model=PostOut, status_code=status.HTTP_201_CREATED)
async def answer(thread_id: Id, data: PostIn, member: CurrentMember, db: DbSession) -> PostOut:
    post = await service.create_answer(db, member, thread_id, data)
    set_committed_value(post, "author", member)
    reasons = await moderation.reasons_for(db, service.POST_KIND, [post.id])
    return views.post(post, await service.get_thread(db, thread_id), set(), reasons.get(post.id))


class Acceptance(BaseModel):
    post_id: Id | None


@router.put("/threads/{thread_id}/accepted", response_model=ThreadOut)
async def accept(thread_id: Id, data: Acceptance, member: CurrentMember, db: DbSession) -> ThreadOut:
    await service.accept(db, member, thread_id, data.post_id)
    return views.thread(await service.thread_view(db, thread_id, member))


class Lock(BaseModel):
    locked: bool


@router.put("/threads/{thread_id}/locked", response_model=ThreadOut)
async def lock(thread_id: Id, data: Lock, moderator: Moderator, db: DbSession) -> ThreadOut:
    await service.set_locked(db, moderator, thread_id, data.locked)
    return views.thread(await service.thread_view(db, thread_id, moderator))


@router.put("/threads/{thread_id}/following", status_code=status.HTTP_204_NO_CONTENT)
async def follow(thread_id: Id, member: CurrentMember, db: DbSession) -> None:
    await service.set_following(db, member, thread_id, True)


@router.delete("/threads/{thread_id}/following", status_code=status.HTTP_204_NO_CONTENT)
async def unfollow(thread_id: Id, member: CurrentMember, db: DbSession) -> None:
    await service.set_following(db, member, thread_id, False)


class Score(BaseModel):
    post_id: int
    score: int
    voted: bool


@router.put("/posts/{post_id}/vote", response_model=Score)
async def vote(post_id: Id, member: CurrentMember, db: DbSession) -> Score:
    post = await service.vote(db, member, post_id)
    return Score(post_id=post.id, score=post.score, voted=True)


@router.delete("/posts/{post_id}/vote", response_model=Score)
async def unvote(post_id: Id, member: CurrentMember, db: DbSession) -> Score:
    post = await service.unvote(db, member, post_id)
    return Score(post_id=post.id, score=post.score, voted=False)


@router.patch("/posts/{post_id}", response_model=PostOut)
async def edit(post_id: Id, data: PostEdit, member: CurrentMember, db: DbSession) -> PostOut:
    post = await service.edit_post(db, member, post_id, data)
    view = await service.thread_view(db, post.thread_id, member)
    return next(views.post(p, view.thread, view.voted) for p in [view.question, *view.answers] if p.id == post_id)


@router.get("/posts/{post_id}/revisions", response_model=list[RevisionOut])
async def revisions(post_id: Id, moderator: Moderator, db: DbSession) -> list[RevisionOut]:
    rows = await service.post_history(db, moderator, post_id)
    return [RevisionOut(id=r.id, editor=views.author(a), title=r.title, body=r.body, created_at=r.created_at)
            for r, a in rows]


class SearchHitOut(BaseModel):
    ref_id: int
    title_html: str
    snippet_html: str
    url: str
    language: str | None
    solved: bool | None
    score: float


class SearchOut(paging.Page[SearchHitOut]):
    total: int

    @computed_field(description="The same as `items` (deprecated: read `items`)",  # type: ignore[prop-decorator]
                    json_schema_extra={"deprecated": True})
    @property
    def hits(self) -> list[SearchHitOut]:
        return self.items


def _hits(hits: list) -> list[SearchHitOut]:
    return [SearchHitOut(ref_id=h.ref_id, title_html=h.title_html, snippet_html=h.snippet_html, url=h.url,
                         language=h.language, solved=h.solved, score=h.score) for h in hits]


@router.get("/search", response_model=SearchOut)
async def search_threads(db: DbSession, q: str = Query("", max_length=200), category: str | None = None,
                         tag: str | None = Query(None, max_length=30), solved: bool | None = None,
                         language: Literal["en", "nl", "fr", "de"] | None = None,
                         sort: Literal["relevance", "newest"] = "relevance",
                         cursor: Cursor = None, limit: Limit = paging.DEFAULT_LIMIT) -> SearchOut:
    """Ranked hits; the cursor is how far the ranking was read (a limit changed on the way may
    show a few hits again, never skip one)."""
    category_id = (await service.get_category(db, slug=category)).id if category else None
    start = paging.offset(cursor) // limit * limit
    results = await search.backend().search(db, search.SearchQuery(
        text=q, kind="thread", category_id=category_id, tag=tag, solved=solved, language=language, sort=sort,
        page=start // limit + 1, per_page=limit))
    return SearchOut(items=_hits(results.hits), total=results.total,
                     next=paging.next_offset(start, limit, results.total))


@router.get("/search/similar", response_model=list[SearchHitOut])
async def similar(db: DbSession, title: str = Query("", max_length=150)) -> list[SearchHitOut]:
    return _hits(await search.backend().similar(db, "thread", title, limit=5))
