"""The only code that writes the forums' tables. Services flush; the request commits."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Select,
    String,
    and_,
    bindparam,
    cast,
    delete,
    exists,
    func,
    literal_column,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from forums.models import Category, Follow, Post, PostRevision, PostVote, Tag, Thread, ThreadKind, ThreadTag
from forums.schemas import CategoryIn, PostEdit, PostIn, ThreadIn
from hearth import clock, events, markdown, paging, saving
from hearth.accounts.models import Account, Role
from hearth.db import Prepared, attach, rowcount
from hearth.errors import Conflict, Forbidden, Invalid, NotFound
from moderation import service as moderation
from moderation.models import ContentState

PAGE_SIZE = 20
POST_KIND = "forum.post"  # the kind moderation knows forum posts (questions and answers) by


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:80] or "thread"


def thread_url(thread: Thread) -> str:
    return f"/t/{thread.id}/{thread.slug}"


# --- categories -----------------------------------------------------------------------------

async def list_categories(session: AsyncSession) -> list[Category]:
    return list(await session.scalars(select(Category).order_by(Category.position, Category.name)))


async def get_category(session: AsyncSession, *, slug: str | None = None, category_id: int | None = None) -> Category:
    query = select(Category).where(Category.slug == slug if slug is not None else Category.id == category_id)
    category = await session.scalar(query)
    if category is None:
        raise NotFound("No such category")
    return category


async def save_category(session: AsyncSession, data: CategoryIn, category_id: int | None = None) -> Category:
    category = Category(created_at=clock.now()) if category_id is None else await get_category(
        session, category_id=category_id)
    if not await saving.add_unique(session, category, **data.model_dump()):
        raise Conflict("Another category already uses this address", field="slug")
    return category


# --- threads and posts ------------------------------------------------------------------------

async def _tags(session: AsyncSession, names: list[str]) -> list[Tag]:
    if not names:
        return []
    existing = {t.name: t for t in await session.scalars(select(Tag).where(Tag.name.in_(names)))}
    for name in names:
        if name not in existing:
            existing[name] = Tag(name=name)
            session.add(existing[name])
    await session.flush()
    return [existing[n] for n in names]


async def _follow(session: AsyncSession, thread_id: int, account_id: int) -> None:
    present = await session.scalar(select(Follow.thread_id).where(Follow.thread_id == thread_id,
                                                                  Follow.account_id == account_id))
    if present is None:
        session.add(Follow(thread_id=thread_id, account_id=account_id, created_at=clock.now()))


async def create_thread(session: AsyncSession, author: Account, data: ThreadIn) -> Thread:
    category = await get_category(session, category_id=data.category_id)
    screened = await moderation.screen(session, author, POST_KIND, data.body, title=data.title)
    title, body = screened.title or data.title, screened.text
    now = clock.now()
    language = data.language or category.language or screened.report.language or author.language
    thread = Thread(category_id=category.id, author_id=author.id, kind=data.kind, title=title,
                    slug=slugify(title), language=language, locked=False, answer_count=0, state=screened.state,
                    created_at=now, last_activity_at=now)
    session.add(thread)
    await session.flush()
    post = Post(thread_id=thread.id, author_id=author.id, is_opening=True, body=body,
                body_html=markdown.render(body), score=0, state=screened.state, created_at=now)
    session.add(post)
    for tag in await _tags(session, data.tags):
        session.add(ThreadTag(thread_id=thread.id, tag_id=tag.id))
    await _follow(session, thread.id, author.id)
    if post.public:
        await _count_in_category(session, category.id, threads=1, posts=1)
    await session.flush()
    await moderation.record(session, screened, post.id)
    events.publish(session, "forum.thread_created", thread_id=thread.id, post_id=post.id)
    return thread


async def _touch(session: AsyncSession, thread_id: int) -> None:
    """Something the thread's page shows changed: pages rendered for the old version go."""
    await session.execute(update(Thread).where(Thread.id == thread_id).values(version=Thread.version + 1)
                          .execution_options(synchronize_session=False))


async def _count_in_category(session: AsyncSession, category_id: int, *, threads: int = 0, posts: int = 0) -> None:
    await session.execute(update(Category).where(Category.id == category_id).values(
        thread_count=Category.thread_count + threads, post_count=Category.post_count + posts))


async def get_thread(session: AsyncSession, thread_id: int) -> Thread:
    thread = await session.get(Thread, thread_id)
    if thread is None:
        raise NotFound("No such thread")
    return thread


async def create_answer(session: AsyncSession, author: Account, thread_id: int, data: PostIn) -> Post:
    # Lock the thread row so the answer count stays exact under concurrent answers (PostgreSQL).
    thread = await session.scalar(select(Thread).where(Thread.id == thread_id).with_for_update())
    if thread is None or (thread.state != ContentState.PUBLISHED and thread.author_id != author.id
                          and not _may_moderate(author)):
        raise NotFound("No such thread")
    if thread.locked:
        raise Conflict("This thread is locked; it takes no new answers")
    screened = await moderation.screen(session, author, POST_KIND, data.body)
    now = clock.now()
    post = Post(thread_id=thread.id, author_id=author.id, is_opening=False, body=screened.text,
                body_html=markdown.render(screened.text), score=0, state=screened.state, created_at=now)
    session.add(post)
    if post.public:
        thread.answer_count += 1
        thread.last_activity_at = now
        await _count_in_category(session, thread.category_id, posts=1)
    await _follow(session, thread.id, author.id)
    await session.flush()
    await moderation.record(session, screened, post.id)
    await _touch(session, thread.id)
    events.publish(session, "forum.post_created", thread_id=thread.id, post_id=post.id)
    return post


async def set_post_state(session: AsyncSession, post_id: int, state: ContentState) -> Post:
    """Moderation's decision applied to a post: counters, the thread's state and acceptance follow."""
    post = await session.scalar(select(Post).where(Post.id == post_id).with_for_update())
    if post is None:
        raise NotFound("No such post")
    thread = (await session.execute(select(Thread).where(Thread.id == post.thread_id).with_for_update())).scalar_one()
    was_public, post.state = post.public, state
    if post.is_opening:
        thread.state = state
    if was_public != post.public:
        delta = 1 if post.public else -1
        if not post.is_opening:
            thread.answer_count += delta
        await _count_in_category(session, thread.category_id, threads=delta if post.is_opening else 0, posts=delta)
        if not post.public and thread.accepted_post_id == post.id:
            thread.accepted_post_id = None  # an answer nobody can read cannot be the accepted one
    await session.flush()
    await _touch(session, thread.id)
    name = "forum.post_published" if post.public and not was_public else "forum.thread_changed"
    events.publish(session, name, thread_id=thread.id, post_id=post.id)
    return post


async def replace_post_text(session: AsyncSession, editor: Account, post_id: int, text: str) -> Post:
    """A moderator's edit from the review queue: kept as a revision like any edit."""
    post = await session.get(Post, post_id)
    if post is None:
        raise NotFound("No such post")
    session.add(PostRevision(post_id=post.id, editor_id=editor.id, body=post.body, created_at=clock.now()))
    post.body, post.body_html, post.edited_at = text, markdown.render(text), clock.now()
    await session.flush()
    await _touch(session, post.thread_id)
    events.publish(session, "forum.post_edited", thread_id=post.thread_id, post_id=post.id)
    return post


def _may_moderate(account: Account) -> bool:
    return account.has_role(Role.MODERATOR)


async def edit_post(session: AsyncSession, editor: Account, post_id: int, data: PostEdit) -> Post:
    post, thread = await editable_post(session, post_id, editor)
    new_title = data.title if data.title and post.is_opening else None
    if data.body == post.body and (new_title is None or new_title == thread.title):
        return post
    # An edit is screened like a new post: an insult added later is held all the same.
    screened = await moderation.screen(session, editor, POST_KIND, data.body, title=new_title)
    session.add(PostRevision(post_id=post.id, editor_id=editor.id, body=post.body,
                             title=thread.title if new_title else None, created_at=clock.now()))
    post.body, post.body_html, post.edited_at = screened.text, markdown.render(screened.text), clock.now()
    if new_title:
        thread.title, thread.slug = screened.title or new_title, slugify(screened.title or new_title)
    await session.flush()
    await moderation.record(session, screened, post.id, edit=True)
    if screened.state == ContentState.HELD and post.public:
        await set_post_state(session, post.id, ContentState.HELD)
    elif post.state == ContentState.HIDDEN and editor.id == post.author_id:
        await moderation.reopen(session, POST_KIND, post.id, "edited")  # the author fixed it: look again
    await _touch(session, thread.id)
    events.publish(session, "forum.post_edited", thread_id=thread.id, post_id=post.id)
    return post


async def post_history(session: AsyncSession, viewer: Account, post_id: int) -> list[tuple[PostRevision, Account]]:
    if not _may_moderate(viewer):
        raise Forbidden("Only moderators can read the edit history")
    await readable_post(session, post_id, viewer)
    rows = await session.execute(select(PostRevision, Account).join(Account, Account.id == PostRevision.editor_id)
                                 .where(PostRevision.post_id == post_id).order_by(PostRevision.id.desc()))
    return [(revision, account) for revision, account in rows.all()]


# --- votes ------------------------------------------------------------------------------------

async def vote(session: AsyncSession, voter: Account, post_id: int) -> Post:
    post = await session.get(Post, post_id)
    if post is None or not post.public:
        raise NotFound("No such post")
    if post.author_id == voter.id:
        raise Invalid("You cannot vote for your own post")
    if not await saving.add_unique(session, PostVote(post_id=post.id, voter_id=voter.id, created_at=clock.now())):
        # The primary key (post, voter) settles two votes sent at the same moment.
        raise Conflict("You already voted for this post")
    await session.execute(update(Post).where(Post.id == post.id).values(score=Post.score + 1))
    await _touch(session, post.thread_id)
    await session.refresh(post, ["score"])
    return post


async def unvote(session: AsyncSession, voter: Account, post_id: int) -> Post:
    post, _thread = await readable_post(session, post_id, voter)
    result = await session.execute(delete(PostVote).where(PostVote.post_id == post.id, PostVote.voter_id == voter.id))
    if rowcount(result):
        await session.execute(update(Post).where(Post.id == post.id).values(score=Post.score - 1))
        await _touch(session, post.thread_id)
        await session.refresh(post, ["score"])
    return post


# --- accepting, locking, following ----------------------------------------------------------------

async def accept(session: AsyncSession, actor: Account, thread_id: int, post_id: int | None) -> Thread:
    """Accept `post_id` as the answer (None takes the acceptance back)."""
    thread = await get_thread(session, thread_id)
    if thread.author_id != actor.id and not _may_moderate(actor):
        raise Forbidden("Only the person who asked or a moderator can accept an answer")
    if thread.kind != ThreadKind.QUESTION:
        raise Invalid("Only questions have accepted answers")
    if post_id is not None:
        post = await session.get(Post, post_id)
        if post is None or post.thread_id != thread.id:
            raise Invalid("That answer belongs to another thread")
        if not post.public:
            raise Invalid("Only a published answer can be accepted")
        if post.is_opening:
            raise Invalid("The question cannot be its own answer")
    previous, thread.accepted_post_id = thread.accepted_post_id, post_id
    await session.flush()
    await _touch(session, thread.id)
    if post_id is not None and post_id != previous:
        events.publish(session, "forum.answer_accepted", thread_id=thread.id, post_id=post_id, actor_id=actor.id)
    else:
        events.publish(session, "forum.thread_changed", thread_id=thread.id)
    return thread


async def set_locked(session: AsyncSession, moderator: Account, thread_id: int, locked: bool) -> Thread:
    if not _may_moderate(moderator):
        raise Forbidden("Only moderators can lock threads")
    thread = await get_thread(session, thread_id)
    thread.locked = locked
    await session.flush()
    await _touch(session, thread.id)
    return thread


async def set_following(session: AsyncSession, account: Account, thread_id: int, following: bool) -> bool:
    await get_thread(session, thread_id)
    if following:
        await _follow(session, thread_id, account.id)
    else:
        await session.execute(delete(Follow).where(Follow.thread_id == thread_id, Follow.account_id == account.id))
    await session.flush()
    return following


async def followers(session: AsyncSession, thread_id: int) -> list[int]:
    return list(await session.scalars(select(Follow.account_id).where(Follow.thread_id == thread_id)))


# --- reading --------------------------------------------------------------------------------------

@dataclass
class ThreadHead:
    """A thread with what its page shows above the posts, read in one statement."""

    thread: Thread
    category: Category
    tags: list[str]


@dataclass
class ThreadView:
    thread: Thread
    category: Category
    question: Post
    answers: list[Post]
    tags: list[str]
    voted: set[int] = field(default_factory=set)
    following: bool = False
    # Why posts the viewer may see are not public (reason codes by post id).
    moderation: dict[int, list[str]] = field(default_factory=dict)
    # Posts a page shared by many viewers leaves out: only their authors see them (web/shared.py).
    withheld: frozenset[int] = frozenset()


def _answer_order(thread: Thread):  # noqa: ANN202
    # Accepted first, then the most useful, then the oldest.
    return lambda p: (p.id != thread.accepted_post_id, -p.score, p.created_at, p.id)


def _may_read(state: ContentState, author_id: int, viewer: Account | None) -> bool:
    """Everyone reads what is published; authors also their own held or hidden posts, moderators all
    but deleted ones. A thread is read as its question is (they share their state)."""
    if state == ContentState.PUBLISHED:
        return True
    if viewer is None or state == ContentState.DELETED:
        return False
    return _may_moderate(viewer) or (author_id == viewer.id and state != ContentState.REJECTED)


def _visible(post: Post, viewer: Account | None) -> bool:
    return _may_read(post.state, post.author_id, viewer)


async def readable_thread(session: AsyncSession, thread_id: int, viewer: Account | None) -> Thread:
    """The thread if `viewer` may read it (the thread page's rule), else NotFound."""
    thread = await get_thread(session, thread_id)
    if not _may_read(thread.state, thread.author_id, viewer):
        raise NotFound("No such thread")
    return thread


async def readable_post(session: AsyncSession, post_id: int, viewer: Account | None) -> tuple[Post, Thread]:
    """A post and its thread if `viewer` may read both (the thread page's rule), else NotFound:
    whoever may not read a post is not told it exists."""
    post = await session.get(Post, post_id)
    if post is None or not _visible(post, viewer):
        raise NotFound("No such post")
    return post, await readable_thread(session, post.thread_id, viewer)


async def editable_post(session: AsyncSession, post_id: int, editor: Account) -> tuple[Post, Thread]:
    """A post and its thread if `editor` may edit the post now: the edit page and the edit alike."""
    post, thread = await readable_post(session, post_id, editor)
    if post.author_id != editor.id and not _may_moderate(editor):
        raise Forbidden("Only the author or a moderator can edit this post")
    if thread.locked and not _may_moderate(editor):
        raise Conflict("This thread is locked")
    return post, thread


_TAG_SEPARATOR = "\x1f"


_THREAD_COLUMNS = list(Thread.__table__.columns)
_CATEGORY_COLUMNS = list(Category.__table__.columns)
# Every thread page reads this (signed in, before anything is kept): prepared (hearth.db.Prepared).
_HEAD = Prepared(
    select(*_THREAD_COLUMNS, *_CATEGORY_COLUMNS,
           select(func.aggregate_strings(Tag.name, _TAG_SEPARATOR)).join(ThreadTag, ThreadTag.tag_id == Tag.id)
           .where(ThreadTag.thread_id == Thread.id).scalar_subquery())
    .join_from(Thread, Category, Category.id == Thread.category_id).where(Thread.id == bindparam("thread_id")))


async def thread_head(session: AsyncSession, thread_id: int) -> ThreadHead:
    row = await _HEAD.first(session, thread_id=thread_id)
    if row is None:
        raise NotFound("No such thread")
    split = len(_THREAD_COLUMNS)
    thread = attach(session, Thread, {c.key: v for c, v in zip(_THREAD_COLUMNS, row[:split], strict=True)})
    category = attach(session, Category, {c.key: v for c, v in zip(_CATEGORY_COLUMNS, row[split:-1], strict=True)})
    names = row[-1]
    return ThreadHead(thread, category, sorted(names.split(_TAG_SEPARATOR)) if names else [])


async def _posts(session: AsyncSession, thread_id: int, *,
                 public_only: bool) -> tuple[list[Post], dict[int, list[str]]]:
    """A thread's posts with their authors, and moderation's reasons for those not public, in one statement."""
    query = (select(Post, Account, moderation.reasons_column(POST_KIND, Post.id))
             .join(Account, Account.id == Post.author_id).where(Post.thread_id == thread_id))
    if public_only:
        query = query.where(Post.state == ContentState.PUBLISHED)
    posts, reasons = [], {}
    for post, author, codes in (await session.execute(query.order_by(Post.id))).all():
        # Loaded in the same query; attach it without marking the post changed (no flush on commit).
        set_committed_value(post, "author", author)
        posts.append(post)
        if codes and not post.public:
            reasons[post.id] = codes
    return posts, reasons


def _assemble(head: ThreadHead, posts: list[Post], reasons: dict[int, list[str]]) -> ThreadView:
    question = next((p for p in posts if p.is_opening), None)
    if question is None:
        raise NotFound("No such thread")
    answers = sorted((p for p in posts if not p.is_opening), key=_answer_order(head.thread))
    shown = {p.id for p in posts}
    return ThreadView(head.thread, head.category, question, answers, head.tags,
                      moderation={k: v for k, v in reasons.items() if k in shown})


_VOTES_AND_FOLLOW: tuple[Select[Any, int], Select[Any, int]] = (
    select(literal_column("'vote'"), PostVote.post_id).where(
        PostVote.voter_id == bindparam("viewer_id"),
        PostVote.post_id.in_(select(Post.id).where(Post.thread_id == bindparam("thread_id")))),
    select(literal_column("'follow'"), Follow.thread_id).where(
        Follow.thread_id == bindparam("thread_id"), Follow.account_id == bindparam("viewer_id")))
_VIEWER_STATE = Prepared(union_all(*_VOTES_AND_FOLLOW))
def _viewer_part(rows: list[tuple[str, int]]) -> tuple[set[int], bool]:
    return {ref for kind, ref in rows if kind == "vote"}, any(kind == "follow" for kind, _ref in rows)


async def viewer_state(session: AsyncSession, viewer_id: int, thread_id: int) -> tuple[set[int], bool]:
    """The posts of a thread this member voted for, and whether they follow it: one statement."""
    return _viewer_part(await _VIEWER_STATE.rows(session, viewer_id=viewer_id, thread_id=thread_id))


# What a kept thread page reads on every request (web.shared.Look), with the viewer's session:
# its version if it is published under this slug, the posts the viewer (`Account.id`) voted
# for, and whether they follow it.
LOOK = (
    select(Thread.version).where(Thread.id == bindparam("thread_id"), Thread.slug == bindparam("slug"),
                                 Thread.state == ContentState.PUBLISHED).scalar_subquery(),
    select(func.aggregate_strings(cast(PostVote.post_id, String), ",")).where(
        PostVote.voter_id == Account.id,
        PostVote.post_id.in_(select(Post.id).where(Post.thread_id == bindparam("thread_id")))).scalar_subquery(),
    exists().where(Follow.thread_id == bindparam("thread_id"), Follow.account_id == Account.id),
)


def read_look(values: tuple[Any, ...]) -> tuple[int | None, tuple[frozenset[int], bool]]:
    version, voted, following = values
    return version, (frozenset(int(post_id) for post_id in voted.split(",")) if voted else frozenset(), bool(following))


async def thread_view(session: AsyncSession, thread_id: int, viewer: Account | None) -> ThreadView:
    """The thread as one viewer sees it (the API, page fragments, visitors)."""
    head = await thread_head(session, thread_id)
    posts, reasons = await _posts(session, thread_id, public_only=viewer is None)
    view = _assemble(head, [p for p in posts if _visible(p, viewer)], reasons)
    if viewer is not None:
        view.voted, view.following = await viewer_state(session, viewer.id, thread_id)
    return view


async def shared_thread_view(session: AsyncSession, head: ThreadHead, *, may_moderate: bool) -> ThreadView:
    """The thread as every member (or every moderator) sees it before their own votes and posts
    are put in: members' held and hidden posts are withheld, to be shown to their authors only."""
    posts, reasons = await _posts(session, head.thread.id, public_only=False)
    kept = [p for p in posts if p.state != ContentState.DELETED and (may_moderate or p.state != ContentState.REJECTED)]
    view = _assemble(head, kept, reasons)
    if not may_moderate:
        view.withheld = frozenset(p.id for p in kept if not p.public)
    return view


async def tags_for(session: AsyncSession, thread_ids: list[int]) -> dict[int, list[str]]:
    if not thread_ids:
        return {}
    rows = await session.execute(select(ThreadTag.thread_id, Tag.name).join(Tag, Tag.id == ThreadTag.tag_id)
                                 .where(ThreadTag.thread_id.in_(thread_ids)).order_by(Tag.name))
    found: dict[int, list[str]] = {}
    for thread_id, name in rows.all():
        found.setdefault(thread_id, []).append(name)
    return found


@dataclass
class ThreadRow:
    thread: Thread
    author: Account
    tags: list[str]


async def list_threads(session: AsyncSession, *, category_id: int | None = None, show: str = "latest",
                       tag: str | None = None, cursor: str | None = None,
                       limit: int = PAGE_SIZE) -> tuple[list[ThreadRow], str | None]:
    """Threads newest activity first; `show` is latest, unanswered or solved."""
    order_column = Thread.created_at if show == "unanswered" else Thread.last_activity_at
    query = (select(Thread, Account).join(Account, Account.id == Thread.author_id)
             .where(Thread.state == ContentState.PUBLISHED))
    if category_id is not None:
        query = query.where(Thread.category_id == category_id)
    if show == "unanswered":
        query = query.where(Thread.kind == ThreadKind.QUESTION, Thread.answer_count == 0)
    elif show == "solved":
        query = query.where(Thread.accepted_post_id.is_not(None))
    if tag:
        query = query.where(Thread.id.in_(select(ThreadTag.thread_id).join(Tag, Tag.id == ThreadTag.tag_id)
                                          .where(Tag.name == tag)))
    if cursor:
        at, last_id = paging.decode(cursor, datetime, int)
        query = query.where(or_(order_column < at, and_(order_column == at, Thread.id < last_id)))
    rows = (await session.execute(query.order_by(order_column.desc(), Thread.id.desc()).limit(limit + 1))).all()
    tags = await tags_for(session, [t.id for t, _ in rows[:limit]])
    items = [ThreadRow(t, a, tags.get(t.id, [])) for t, a in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        last = items[-1].thread
        next_cursor = paging.encode(last.created_at if show == "unanswered" else last.last_activity_at, last.id)
    return items, next_cursor


async def count_threads(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(Thread)) or 0


# --- what care reads of a question (care.sources) -------------------------------------------------

@dataclass(frozen=True)
class QuestionFacts:
    """A published question with its published answers (oldest first), each post's author loaded:
    what the care queue needs to decide whether the brand still owes an answer."""

    thread: Thread
    question: Post
    answers: list[Post]

    @property
    def url(self) -> str:
        return thread_url(self.thread)


async def question_facts(session: AsyncSession, thread_id: int) -> QuestionFacts | None:
    """The question's facts, or None when the thread is gone, not public or not a question.
    Care calls this (see pyproject's independence contract) instead of reading forum tables."""
    thread = await session.get(Thread, thread_id)
    if thread is None or thread.kind != ThreadKind.QUESTION or thread.state != ContentState.PUBLISHED:
        return None
    posts, _reasons = await _posts(session, thread.id, public_only=True)
    question = next((p for p in posts if p.is_opening), None)
    if question is None:
        return None
    return QuestionFacts(thread, question, [p for p in posts if not p.is_opening])
