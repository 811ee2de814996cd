"""Reactions to forum events, run by the outbox worker: search indexing and notifications.
Each handler is idempotent: indexing upserts, notifications carry a dedupe key."""

from __future__ import annotations

from collections.abc import AsyncIterator

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from forums import (
    content,  # noqa: F401 - registers forum posts with moderation
    service,
)
from forums.models import Post, Thread
from hearth import events, markdown, search
from hearth.accounts.models import Account
from hearth.events import Event
from hearth.notifications import service as notifications
from moderation.models import ContentState

# A thread's search document holds its question and answers up to this size.
MAX_BODY = 30_000


async def _documents(session: AsyncSession, threads: list[Thread]) -> list[search.SearchDocument]:
    ids = [t.id for t in threads]
    bodies: dict[int, list[str]] = {i: [] for i in ids}
    sizes = dict.fromkeys(ids, 0)
    for thread_id, body in (await session.execute(
            select(Post.thread_id, Post.body).where(Post.thread_id.in_(ids), Post.state == ContentState.PUBLISHED)
            .order_by(Post.id))).all():
        if sizes[thread_id] >= MAX_BODY:
            continue  # the document is full: a thread of thousands of answers costs no more than one of fifty
        text = markdown.plain_text(body)
        bodies[thread_id].append(text)
        sizes[thread_id] += len(text) + 1
    tags = await service.tags_for(session, ids)
    return [search.SearchDocument(
        kind="thread", ref_id=t.id, title=t.title, body=" ".join(bodies[t.id])[:MAX_BODY], language=t.language,
        category_id=t.category_id, tags=tuple(tags.get(t.id, ())), solved=t.solved if t.kind == "question" else None,
        created_at=t.created_at, url=service.thread_url(t)) for t in threads]


async def reindex_thread(session: AsyncSession, event: Event) -> None:
    thread = await session.get(Thread, event.payload["thread_id"])
    backend = search.backend()
    if thread is None or thread.state != ContentState.PUBLISHED:
        await backend.delete(session, "thread", [event.payload["thread_id"]])
        return
    await backend.index(session, await _documents(session, [thread]))


# One reindex of a thread covers every change to it that is waiting: a busy thread (or a
# moderator working through it) is reindexed a few times, not once per answer and edit.
for _name in ("forum.thread_created", "forum.post_created", "forum.post_edited", "forum.answer_accepted",
              "forum.thread_changed", "forum.post_published"):
    events.on(_name, coalesce="thread_id", job="forum.reindex_thread", budget=30)(reindex_thread)


@events.on("forum.post_created", budget=10)
@events.on("forum.post_published", budget=10)
async def notify_followers_and_mentions(session: AsyncSession, event: Event) -> None:
    # Held posts are news only once a moderator publishes them (forum.post_published).
    post = await session.get(Post, event.payload["post_id"])
    if post is None or not post.public:
        return
    thread = await service.get_thread(session, post.thread_id)
    if post.is_opening:
        await _notify_mentions(session, post, thread, service.thread_url(thread))
        return
    url = f"{service.thread_url(thread)}#post-{post.id}"
    await notifications.notify_many(session, await service.followers(session, thread.id), kind="forum.answer",
                                    title=thread.title, url=url, dedupe_key=f"forum.post:{post.id}",
                                    actor_id=post.author_id)
    await _notify_mentions(session, post, thread, url)


@events.on("forum.thread_created", budget=10)
async def notify_mentions_in_question(session: AsyncSession, event: Event) -> None:
    post = await session.get(Post, event.payload["post_id"])
    if post is not None and post.public:
        thread = await service.get_thread(session, post.thread_id)
        await _notify_mentions(session, post, thread, service.thread_url(thread))


async def _notify_mentions(session: AsyncSession, post: Post, thread: Thread, url: str) -> None:
    handles = markdown.mentions(post.body)
    if not handles:
        return
    mentioned = await session.scalars(select(Account.id).where(Account.handle.in_(handles),
                                                               Account.is_active.is_(True)))
    # A follower who is also mentioned hears it as a mention: the keys differ on purpose.
    await notifications.notify_many(session, mentioned, kind="forum.mention", title=thread.title, url=url,
                                    dedupe_key=f"forum.mention:{post.id}", actor_id=post.author_id)


@events.on("forum.answer_accepted", budget=10)
async def notify_accepted_author(session: AsyncSession, event: Event) -> None:
    post = await session.get(Post, event.payload["post_id"])
    if post is None:
        return
    thread = await service.get_thread(session, post.thread_id)
    await notifications.notify(session, post.author_id, kind="forum.accepted", title=thread.title,
                               url=f"{service.thread_url(thread)}#post-{post.id}",
                               dedupe_key=f"forum.accepted:{post.id}", actor_id=event.payload.get("actor_id"))


async def _count(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).where(Thread.state == ContentState.PUBLISHED)) or 0


async def _batches(session: AsyncSession, size: int) -> AsyncIterator[list[search.SearchDocument]]:
    last_id = 0
    while True:
        threads = list(await session.scalars(select(Thread).where(
            Thread.id > last_id, Thread.state == ContentState.PUBLISHED).order_by(Thread.id).limit(size)))
        if not threads:
            return
        last_id = threads[-1].id
        yield await _documents(session, threads)


search.register_source("thread", _count, _batches)
