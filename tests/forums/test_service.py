"""Forum rules: asking, answering, voting, accepting, locking, editing, counters."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from forums import service
from forums.models import Category, Follow, Post, PostVote, Thread
from forums.schemas import PostEdit, PostIn, ThreadIn
from hearth import events
from hearth.accounts.models import Account
from hearth.db import Database
from hearth.errors import Conflict, Forbidden, Invalid, NotFound
from hearth.events import OutboxEvent
from tests.conftest import create_member
from tests.forums.conftest import answer, ask


async def _get(database: Database, model, ident):
    async with database.sessionmaker() as s:
        return await s.get(model, ident)


async def test_asking_creates_thread_post_follow_and_event(database: Database, member, category) -> None:
    thread = await ask(database, member, category, tags=["Cards", "abroad", "cards"])
    async with database.sessionmaker() as s:
        assert thread.slug == "my-card-is-blocked-abroad" and thread.language == "en"
        posts = (await s.scalars(select(Post).where(Post.thread_id == thread.id))).all()
        assert len(posts) == 1 and posts[0].is_opening
        assert await service.tags_for(s, [thread.id]) == {thread.id: ["abroad", "cards"]}
        assert await s.scalar(select(Follow.account_id).where(Follow.thread_id == thread.id)) == member.id
        assert (await s.scalars(select(OutboxEvent.name).order_by(OutboxEvent.id))).all() == [
            "account.created", "forum.thread_created", "forum.reindex_thread"]  # the event, and the job it asks for
        cat = await s.get(Category, category.id)
        assert (cat.thread_count, cat.post_count) == (1, 1)


@pytest.mark.parametrize("text, language", [
    ("Mijn kaart werkt niet meer in het buitenland, wat moet ik doen?", "nl"),
    ("Ma carte ne fonctionne plus à l'étranger, que dois-je faire ?", "fr"),
])
async def test_thread_language_is_detected(database: Database, member, category, text: str, language: str) -> None:
    thread = await ask(database, member, category, title=text[:60], body=text)
    assert thread.language == language


@pytest.mark.parametrize("data, message", [
    ({"title": "", "body": "A body that is long enough"}, "at least 10"),
    ({"title": "x" * 151, "body": "A body that is long enough"}, "at most 150"),
    ({"title": "A perfectly fine title", "body": "   "}, "at least 10"),
    ({"title": "A perfectly fine title", "body": "b" * 20_001}, "at most 20000"),
    ({"title": "A perfectly fine title", "body": "A body that is long enough", "tags": ["<b>"]}, "Tags are"),
])
def test_bad_threads_are_refused(data: dict, message: str) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=message):
        ThreadIn(category_id=1, **data)


async def test_markdown_is_sanitized(database: Database, member, category) -> None:
    thread = await ask(database, member, category, body=(
        "Look <script>alert(1)</script> [here](javascript:alert(2)) "
        '<img src=x onerror="alert(3)"> and [the bank](https://bank.example)'))
    async with database.sessionmaker() as s:
        html = (await s.scalar(select(Post.body_html).where(Post.thread_id == thread.id)))
    # Raw HTML stays visible as text (escaped), never as elements or attributes.
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;img src=x" in html
    assert '<a href="https://bank.example" rel="nofollow ugc noopener noreferrer">the bank</a>' in html


async def test_answering(database: Database, member, helper, category) -> None:
    thread = await ask(database, member, category)
    await answer(database, helper, thread.id)
    stored = await _get(database, Thread, thread.id)
    assert stored.answer_count == 1 and stored.last_activity_at >= thread.created_at
    assert (await _get(database, Category, category.id)).post_count == 2
    async with database.sessionmaker() as s:
        assert set(await service.followers(s, thread.id)) == {member.id, helper.id}
        with pytest.raises(NotFound):
            await service.create_answer(s, await s.get(Account, helper.id), 999_999, PostIn(body="hello there"))


async def test_locked_threads_take_no_answers(database: Database, member, helper, moderator, category) -> None:
    thread = await ask(database, member, category)
    async with database.sessionmaker() as s:
        with pytest.raises(Forbidden):
            await service.set_locked(s, await s.get(Account, member.id), thread.id, True)
        await service.set_locked(s, await s.get(Account, moderator.id), thread.id, True)
        await s.commit()
    with pytest.raises(Conflict, match="locked"):
        await answer(database, helper, thread.id)
    assert (await _get(database, Thread, thread.id)).answer_count == 0


async def test_votes(database: Database, member, helper, category) -> None:
    thread = await ask(database, member, category)
    post = await answer(database, helper, thread.id)
    async with database.sessionmaker() as s:
        voter = await s.get(Account, member.id)
        assert (await service.vote(s, voter, post.id)).score == 1
        await s.commit()
        with pytest.raises(Conflict, match="already voted"):
            await service.vote(s, voter, post.id)
        await s.rollback()
        with pytest.raises(Invalid, match="own post"):
            await service.vote(s, await s.get(Account, helper.id), post.id)
        assert (await service.unvote(s, await s.get(Account, member.id), post.id)).score == 0
        assert (await service.unvote(s, await s.get(Account, member.id), post.id)).score == 0
        await s.commit()


async def test_simultaneous_votes_count_exactly(database: Database, member, category) -> None:
    thread = await ask(database, member, category)
    voters = [await create_member(database, f"v{i}@example.com", f"Voter {i}") for i in range(6)]
    post = await answer(database, voters[0], thread.id)

    async def cast(voter: Account) -> str:
        async with await database.writer() as s:  # as a request that writes gets it
            try:
                await service.vote(s, await s.get(Account, voter.id), post.id)
                await s.commit()
                return "ok"
            except (Conflict, Invalid):
                return "refused"

    # Every voter twice at the same moment (the author's own votes are refused).
    outcomes = await asyncio.gather(*(cast(v) for v in voters + voters))
    async with database.sessionmaker() as s:
        stored = await s.get(Post, post.id)
        votes = await s.scalar(select(func.count()).select_from(PostVote).where(PostVote.post_id == post.id))
    assert stored.score == votes == outcomes.count("ok") == 5


async def test_accepting(database: Database, member, helper, moderator, category) -> None:
    thread = await ask(database, member, category)
    good = await answer(database, helper, thread.id, "Unblock it under Cards > Geo-blocking.")
    other_thread = await ask(database, member, category, title="Contactless stopped working")
    foreign = await answer(database, helper, other_thread.id)
    async with database.sessionmaker() as s:
        with pytest.raises(Forbidden):
            await service.accept(s, await s.get(Account, helper.id), thread.id, good.id)
        with pytest.raises(Invalid, match="another thread"):
            await service.accept(s, await s.get(Account, member.id), thread.id, foreign.id)
        first = await s.scalar(select(Post.id).where(Post.thread_id == thread.id, Post.is_opening))
        with pytest.raises(Invalid, match="its own answer"):
            await service.accept(s, await s.get(Account, member.id), thread.id, first)
        await service.accept(s, await s.get(Account, member.id), thread.id, good.id)
        await s.commit()
    assert (await _get(database, Thread, thread.id)).solved
    async with database.sessionmaker() as s:  # a moderator may take it back
        await service.accept(s, await s.get(Account, moderator.id), thread.id, None)
        await s.commit()
    assert not (await _get(database, Thread, thread.id)).solved


async def test_discussions_have_no_accepted_answer(database: Database, member, helper, category) -> None:
    thread = await ask(database, member, category, title="Your favourite budgeting tips", kind="discussion")
    post = await answer(database, helper, thread.id)
    async with database.sessionmaker() as s:
        with pytest.raises(Invalid, match="Only questions"):
            await service.accept(s, await s.get(Account, member.id), thread.id, post.id)


async def test_answers_are_ordered_accepted_votes_age(database: Database, member, helper, category) -> None:
    thread = await ask(database, member, category)
    others = [await create_member(database, f"o{i}@example.com", f"Other {i}") for i in range(3)]
    old, popular, accepted = [await answer(database, helper, thread.id, f"Answer number {i}") for i in range(3)]
    async with database.sessionmaker() as s:
        for voter in others:
            await service.vote(s, await s.get(Account, voter.id), popular.id)
        await service.vote(s, await s.get(Account, others[0].id), old.id)
        await service.accept(s, await s.get(Account, member.id), thread.id, accepted.id)
        await s.commit()
        view = await service.thread_view(s, thread.id, await s.get(Account, others[0].id))
    assert [p.id for p in view.answers] == [accepted.id, popular.id, old.id]
    assert view.voted == {popular.id, old.id}


async def test_editing_keeps_history_for_moderators(database: Database, member, helper, moderator, category) -> None:
    thread = await ask(database, member, category)
    async with database.sessionmaker() as s:
        opening = await s.scalar(select(Post).where(Post.thread_id == thread.id))
        with pytest.raises(Forbidden):
            await service.edit_post(s, await s.get(Account, helper.id), opening.id, PostEdit(body="vandalised!"))
        await service.edit_post(s, await s.get(Account, member.id), opening.id,
                                PostEdit(body="Now in Portugal, same problem.", title="My card is blocked in Portugal"))
        await s.commit()
        with pytest.raises(Forbidden):
            await service.post_history(s, await s.get(Account, member.id), opening.id)
        history = await service.post_history(s, await s.get(Account, moderator.id), opening.id)
        stored = await s.get(Thread, thread.id)
    assert [(r.title, r.body[:10]) for r, _ in history] == [("My card is blocked abroad", "I am in Sp")]
    assert stored.slug == "my-card-is-blocked-in-portugal"


async def test_thread_lists_and_cursor_pages(database: Database, member, helper, category, frozen_clock) -> None:
    threads = []
    for i in range(25):
        frozen_clock.advance(minutes=7)  # a new member may post ten times an hour
        threads.append(await ask(database, member, category, title=f"Question number {i:02d} about cards"))
    frozen_clock.advance(minutes=1)
    await answer(database, helper, threads[3].id)
    async with database.sessionmaker() as s:
        first, cursor = await service.list_threads(s, category_id=category.id)
        second, end = await service.list_threads(s, category_id=category.id, cursor=cursor)
        unanswered, _ = await service.list_threads(s, show="unanswered", limit=50)
        with pytest.raises(Invalid):
            await service.list_threads(s, cursor="garbage!")
    assert first[0].thread.id == threads[3].id, "the answered thread has the newest activity"
    assert len(first) == 20 and len(second) == 5 and end is None
    assert {r.thread.id for r in first} | {r.thread.id for r in second} == {t.id for t in threads}
    assert threads[3].id not in {r.thread.id for r in unanswered} and len(unanswered) == 24


async def test_handlers_notify_followers_mentions_and_acceptance(database: Database, member, helper, category) -> None:
    from hearth.notifications import service as notifications

    watcher = await create_member(database, "watcher@example.com", "Wim Watcher")
    thread = await ask(database, member, category)
    async with database.sessionmaker() as s:
        await service.set_following(s, await s.get(Account, watcher.id), thread.id, True)
        await s.commit()
    post = await answer(database, helper, thread.id, f"@{watcher.handle} had this too; see the app settings.")
    async with database.sessionmaker() as s:
        await service.accept(s, await s.get(Account, member.id), thread.id, post.id)
        await s.commit()
    while await events.drain_once(database):
        pass
    await events.drain_once(database)  # nothing new on a second pass: handlers are idempotent
    async with database.sessionmaker() as s:
        kinds = {}
        for who in (member, helper, watcher):
            account = await s.get(Account, who.id)
            page = await notifications.list_for(s, account)
            kinds[who.handle] = sorted(n.kind for n in page.items)
            assert account.unread_notifications == len(page.items)
    assert kinds[member.handle] == ["forum.answer"]
    assert kinds[helper.handle] == ["forum.accepted"]
    assert kinds[watcher.handle] == ["forum.answer", "forum.mention"]


async def test_search_index_can_be_rebuilt_from_the_threads(database: Database, member, helper, category) -> None:
    from hearth import search
    from hearth.domains import load_handlers

    load_handlers()
    for i in range(7):
        thread = await ask(database, member, category, title=f"Contactless payment question {i}")
        await answer(database, helper, thread.id, f"Answer mentioning the word zebracrossing{i}")
    while await events.drain_once(database):
        pass
    query = search.SearchQuery(text="zebracrossing3", kind="thread")
    async with database.sessionmaker() as s:
        assert (await search.backend().search(s, query)).total == 1
        await search.backend().clear(s, "thread")
        await s.commit()
        assert (await search.backend().search(s, query)).total == 0
    assert await search.reindex(database, batch_size=3, kinds=["thread"]) == {"thread": 7}
    async with database.sessionmaker() as s:
        found = await search.backend().search(s, query)
    assert found.total == 1 and found.hits[0].url.endswith("contactless-payment-question-3")
