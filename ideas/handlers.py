"""Reactions to events, run by the outbox worker: search indexing of ideas, notifications to
voters and followers, and the themes of low-star reviews. Each handler is idempotent: indexing
upserts, notifications carry a dedupe key, and a theme counts a review in the same transaction
that marks its event handled."""

from __future__ import annotations

from collections.abc import AsyncIterator

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from hearth import events, markdown, search
from hearth.events import Event
from hearth.notifications import service as notifications
from ideas import (
    content,  # noqa: F401 - registers ideas and their comments with moderation
    service,
)
from ideas.models import Idea, IdeaComment, IdeaStatus, IdeaStatusChange, IdeaTag
from moderation.models import ContentState

LOW_RATING = 2  # reviews of this many stars or fewer feed the themes

_INDEXED = (Idea.state == ContentState.PUBLISHED, Idea.status != IdeaStatus.MERGED)


async def _documents(session: AsyncSession, ideas: list[Idea]) -> list[search.SearchDocument]:
    tags: dict[int, list[str]] = {}
    for idea_id, name in (await session.execute(select(IdeaTag.idea_id, IdeaTag.name).where(
            IdeaTag.idea_id.in_([i.id for i in ideas])).order_by(IdeaTag.name))).all():
        tags.setdefault(idea_id, []).append(name)
    return [search.SearchDocument(
        kind=service.SEARCH_KIND, ref_id=i.id, title=i.title, body=markdown.plain_text(i.body), language=i.language,
        category_id=i.area_id, tags=tuple(tags.get(i.id, ())), solved=None, created_at=i.created_at,
        url=service.idea_url(i)) for i in ideas]


async def reindex_idea(session: AsyncSession, event: Event) -> None:
    """Ideas members can still vote for or read about are found; merged and unpublished ones are not."""
    idea = await session.get(Idea, event.payload["idea_id"])
    backend = search.backend()
    if idea is None or not idea.public or idea.status == IdeaStatus.MERGED:
        await backend.delete(session, service.SEARCH_KIND, [event.payload["idea_id"]])
        return
    await backend.index(session, await _documents(session, [idea]))


for _name in ("idea.proposed", "idea.changed", "idea.status_changed", "idea.merged"):
    events.on(_name, coalesce="idea_id", job="idea.reindex", budget=30)(reindex_idea)


@events.on("idea.status_changed", budget=10)
async def tell_about_status(session: AsyncSession, event: Event) -> None:
    # The kind names the new status ("idea.planned"), so the page can say what happened.
    change = await session.get(IdeaStatusChange, event.payload["change_id"])
    idea = await session.get(Idea, event.payload["idea_id"])
    if change is None or idea is None:
        return
    await notifications.notify_many(session, await service.audience(session, idea.id),
                                    kind=f"idea.{change.to_status}", title=idea.title, url=service.idea_url(idea),
                                    dedupe_key=f"idea.status:{change.id}", actor_id=change.actor_id)


@events.on("idea.merged", budget=10)
async def tell_about_merge(session: AsyncSession, event: Event) -> None:
    # The merged idea's voters follow it since the merge (ideas.service.merge): they hear it too.
    change = await session.get(IdeaStatusChange, event.payload["change_id"])
    idea, into = (await session.get(Idea, event.payload["idea_id"]), await session.get(Idea, event.payload["into_id"]))
    if change is None or idea is None or into is None:
        return
    await notifications.notify_many(session, await service.audience(session, idea.id), kind="idea.merged",
                                    title=idea.title, url=service.idea_url(into),
                                    dedupe_key=f"idea.status:{change.id}", actor_id=change.actor_id)


@events.on("idea.commented", budget=10)
async def tell_followers_of_comment(session: AsyncSession, event: Event) -> None:
    row = await session.get(IdeaComment, event.payload["comment_id"])
    idea = await session.get(Idea, event.payload["idea_id"])
    if row is None or idea is None or not row.public:
        return
    await notifications.notify_many(session, await service.followers(session, idea.id, since=row.created_at),
                                    kind="idea.comment",
                                    title=idea.title, url=f"{service.idea_url(idea)}#comment-{row.id}",
                                    dedupe_key=f"idea.comment:{row.id}", actor_id=row.author_id)


@events.on("review.published", budget=10)
async def count_review_themes(session: AsyncSession, event: Event) -> None:
    """What a 1–2 star review rated 1–2 (its `low_dimensions`, from reviews) becomes a theme."""
    if int(event.payload.get("rating", 5)) <= LOW_RATING:
        await service.note_low_review(session, list(event.payload.get("low_dimensions") or ()))


async def _count(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(Idea).where(*_INDEXED)) or 0


async def _batches(session: AsyncSession, size: int) -> AsyncIterator[list[search.SearchDocument]]:
    last_id = 0
    while True:
        ideas = list(await session.scalars(select(Idea).where(Idea.id > last_id, *_INDEXED)
                                           .order_by(Idea.id).limit(size)))
        if not ideas:
            return
        last_id = ideas[-1].id
        yield await _documents(session, ideas)


search.register_source(service.SEARCH_KIND, _count, _batches)
