"""The review queue: flags, hiding, claims, optimistic locking, actions, appeals, audit, suspension."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from forums import service as forums
from forums.models import Category, Post, Thread
from forums.schemas import PostEdit, PostIn, ThreadIn
from hearth import clock
from hearth.accounts.models import Account
from hearth.db import Database
from hearth.errors import Conflict, Forbidden, Invalid, NotFound
from hearth.notifications.models import Notification
from moderation import service
from moderation.models import ContentState, Flag, FlagReason, ModerationAction, Reviewable, ReviewStatus, Standing
from moderation.schemas import ActionIn, FlagIn, GuidelineIn
from tests.conftest import create_member
from tests.moderation.conftest import aged_member


async def _thread(database: Database, author: Account, category, body: str = "My card is blocked in Spain, help?"):
    async with database.sessionmaker() as s:
        thread = await forums.create_thread(s, await s.get(Account, author.id), ThreadIn(
            category_id=category.id, title="Card blocked abroad", body=body))
        await s.commit()
        post = await s.scalar(select(Post).where(Post.thread_id == thread.id))
        return thread, post


async def _answer(database: Database, author: Account, thread_id: int, body: str) -> Post:
    async with database.sessionmaker() as s:
        post = await forums.create_answer(s, await s.get(Account, author.id), thread_id, PostIn(body=body))
        await s.commit()
        return post


async def _flag(database: Database, flagger: Account, post_id: int, reason: FlagReason = FlagReason.SPAM,
                note: str | None = None) -> Reviewable:
    async with database.sessionmaker() as s:
        reviewable = await service.flag(s, await s.get(Account, flagger.id),
                                        FlagIn(kind="forum.post", content_id=post_id, reason=reason, note=note))
        await s.commit()
        return reviewable


async def _act(database: Database, moderator: Account, reviewable_id: int, action: str, **kw) -> Reviewable:  # noqa: ANN003
    async with database.sessionmaker() as s:
        current = await s.get(Reviewable, reviewable_id)
        kw.setdefault("version", current.version)
        reviewable = await service.act(s, await s.get(Account, moderator.id), reviewable_id,
                                       ActionIn(action=action, **kw))
        await s.commit()
        return reviewable


async def _get(database: Database, model, ident):
    async with database.sessionmaker() as s:
        return await s.get(model, ident)


async def _members(database: Database, n: int) -> list[Account]:
    return [await aged_member(database, f"flagger{i}@example.com", f"Flagger {i}") for i in range(n)]


async def test_an_insult_is_held_and_queued_with_its_reason(database: Database, regular, category) -> None:
    thread, post = await _thread(database, regular, category, body="You are all idiots at this bank.")
    assert (thread.state, post.state) == (ContentState.HELD, ContentState.HELD)
    async with database.sessionmaker() as s:
        items, total = await service.queue(s)
        assert total == 1 and items[0].reviewable.reasons == ["insult"] and items[0].content.id == post.id
        assert (await s.get(Category, category.id)).thread_count == 0  # not counted until published
        listed, _ = await forums.list_threads(s)
        assert listed == []
        with pytest.raises(NotFound):
            await forums.thread_view(s, thread.id, None)
        own = await forums.thread_view(s, thread.id, await s.get(Account, regular.id))
        assert own.moderation == {post.id: ["insult"]}
        audit = (await s.scalars(select(ModerationAction))).all()
        assert [(a.action, a.actor_id, a.reasons) for a in audit] == [("held", None, ["insult"])]


async def test_approving_a_held_post_publishes_it(database: Database, regular, moderator, category) -> None:
    thread, post = await _thread(database, regular, category, body="You are all idiots at this bank.")
    reviewable = (await _get_queue(database))[0].reviewable
    await _act(database, moderator, reviewable.id, "approve")
    async with database.sessionmaker() as s:
        assert (await s.get(Post, post.id)).state == ContentState.PUBLISHED
        assert (await s.get(Thread, thread.id)).state == ContentState.PUBLISHED
        assert (await s.get(Category, category.id)).thread_count == 1
        assert (await s.get(Standing, regular.id)).published_count == 1
        kinds = (await s.scalars(select(Notification.kind).where(Notification.account_id == regular.id))).all()
        assert kinds == ["moderation.approved"]
        assert (await s.get(Reviewable, reviewable.id)).status == ReviewStatus.APPROVED


async def _get_queue(database: Database, **kw):  # noqa: ANN003
    async with database.sessionmaker() as s:
        items, _total = await service.queue(s, **kw)
        return items


async def test_one_flag_per_member_and_never_on_ones_own(database: Database, regular, helper_member,
                                                         category) -> None:
    _thread_, post = await _thread(database, regular, category)
    await _flag(database, helper_member, post.id)
    with pytest.raises(Conflict, match="already flagged"):
        await _flag(database, helper_member, post.id, FlagReason.INSULT)
    with pytest.raises(Invalid, match="own post"):
        await _flag(database, regular, post.id)
    with pytest.raises(NotFound):
        async with database.sessionmaker() as s:
            await service.flag(s, await s.get(Account, helper_member.id),
                               FlagIn(kind="forum.post", content_id=99_999, reason=FlagReason.SPAM))
    with pytest.raises(NotFound, match="kind"):
        async with database.sessionmaker() as s:
            await service.flag(s, await s.get(Account, helper_member.id),
                               FlagIn(kind="nonsense", content_id=post.id, reason=FlagReason.SPAM))


async def test_other_needs_a_few_words(database: Database, regular, helper_member, category) -> None:
    _t, post = await _thread(database, regular, category)
    with pytest.raises(Invalid, match="few words") as caught:
        await _flag(database, helper_member, post.id, FlagReason.OTHER, note="  ")
    assert caught.value.field == "note"
    await _flag(database, helper_member, post.id, FlagReason.OTHER, note="Looks like an advert")


async def test_enough_flag_weight_hides_the_content(database: Database, regular, category) -> None:
    thread, post = await _thread(database, regular, category)
    newcomers = [await create_member(database, f"n{i}@example.com", f"New {i}") for i in range(3)]
    await _flag(database, newcomers[0], post.id)
    await _flag(database, newcomers[1], post.id)
    assert (await _get(database, Post, post.id)).state == ContentState.PUBLISHED  # 2.0 < 3.0
    reviewable = await _flag(database, newcomers[2], post.id)
    assert reviewable.score == 3.0
    async with database.sessionmaker() as s:
        assert (await s.get(Post, post.id)).state == ContentState.HIDDEN
        assert (await s.get(Thread, thread.id)).state == ContentState.HIDDEN
        actions = (await s.scalars(select(ModerationAction.action).order_by(ModerationAction.id))).all()
        assert actions[-1] == "hidden_by_flags"


async def test_trusted_members_flags_weigh_more(database: Database, regular, moderator, category) -> None:
    _t, post = await _thread(database, regular, category)
    reviewable = await _flag(database, moderator, post.id, FlagReason.INSULT)
    assert reviewable.score == 3.0 and reviewable.priority == 2
    assert (await _get(database, Post, post.id)).state == ContentState.HIDDEN


async def test_concurrent_flags_all_count(database: Database, regular, category) -> None:
    _t, post = await _thread(database, regular, category, body="A perfectly normal question about fees")
    flaggers = [await create_member(database, f"c{i}@example.com", f"Conc {i}") for i in range(2)]

    async def one(account: Account) -> None:
        async with await database.writer() as s:
            await service.flag(s, await s.get(Account, account.id),
                               FlagIn(kind="forum.post", content_id=post.id, reason=FlagReason.SPAM))
            await s.commit()

    await asyncio.gather(*(one(a) for a in flaggers))
    async with database.sessionmaker() as s:
        reviewable = await s.scalar(select(Reviewable))
        assert reviewable.score == 2.0
        assert await s.scalar(select(func.count()).select_from(Flag)) == 2


async def test_two_moderators_at_once_one_wins_the_other_is_told(database: Database, regular, moderator,
                                                                  other_moderator, guideline, category) -> None:
    await _thread(database, regular, category, body="You are all idiots at this bank.")
    reviewable = (await _get_queue(database))[0].reviewable
    await _act(database, moderator, reviewable.id, "approve", version=reviewable.version)
    with pytest.raises(Conflict, match="just now"):
        await _act(database, other_moderator, reviewable.id, "reject", version=reviewable.version,
                   guideline_id=guideline.id)
    with pytest.raises(Conflict, match="already resolved"):
        await _act(database, other_moderator, reviewable.id, "reject", guideline_id=guideline.id)


async def test_a_claim_keeps_others_off(database: Database, regular, moderator, other_moderator, category) -> None:
    await _thread(database, regular, category, body="You are all idiots at this bank.")
    reviewable = (await _get_queue(database))[0].reviewable
    async with database.sessionmaker() as s:
        await service.claim(s, await s.get(Account, moderator.id), reviewable.id, reviewable.version)
        await s.commit()
    with pytest.raises(Conflict, match="claimed"):
        await _act(database, other_moderator, reviewable.id, "approve")
    async with database.sessionmaker() as s:
        current = await s.get(Reviewable, reviewable.id)
        with pytest.raises(Forbidden):
            await service.claim(s, await s.get(Account, other_moderator.id), reviewable.id, current.version,
                                claiming=False)
    await _act(database, moderator, reviewable.id, "approve")


async def test_reject_needs_a_guideline_and_tells_the_author(database: Database, regular, moderator, guideline,
                                                             category) -> None:
    thread, post = await _thread(database, regular, category, body="You are all idiots at this bank.")
    reviewable = (await _get_queue(database))[0].reviewable
    with pytest.raises(Invalid, match="guideline") as caught:
        await _act(database, moderator, reviewable.id, "reject")
    assert caught.value.field == "guideline_id"
    await _act(database, moderator, reviewable.id, "reject", guideline_id=guideline.id, note="Please rephrase")
    async with database.sessionmaker() as s:
        assert (await s.get(Post, post.id)).state == ContentState.REJECTED
        note = await s.scalar(select(Notification).where(Notification.account_id == regular.id))
        assert note.kind == "moderation.reject" and note.url == "/moderation/mine"
        standing = await s.get(Standing, regular.id)
        assert standing.rejected_count == 1 and standing.last_rejected_at is not None
        entry = await s.scalar(select(ModerationAction).where(ModerationAction.action == "reject"))
        assert (entry.actor_id, entry.guideline_id, entry.note) == (moderator.id, guideline.id, "Please rephrase")
        assert entry.details == {"state_before": "held", "state_after": "rejected"}


async def test_an_author_appeals_once(database: Database, regular, moderator, guideline, helper_member,
                                      category) -> None:
    _t, post = await _thread(database, regular, category, body="You are all idiots at this bank.")
    reviewable = (await _get_queue(database))[0].reviewable
    await _act(database, moderator, reviewable.id, "reject", guideline_id=guideline.id)

    async def appeal(who: Account) -> Reviewable:
        async with database.sessionmaker() as s:
            found = await service.appeal(s, await s.get(Account, who.id), reviewable.id, "I was upset, sorry; "
                                                                                          "the point stands")
            await s.commit()
            return found

    with pytest.raises(Forbidden):
        await appeal(helper_member)
    appealed = await appeal(regular)
    assert appealed.status == ReviewStatus.PENDING and "appeal" in appealed.reasons
    await _act(database, moderator, reviewable.id, "approve")
    assert (await _get(database, Post, post.id)).state == ContentState.PUBLISHED
    async with database.sessionmaker() as s:
        reopened = await s.get(Reviewable, reviewable.id)
        assert reopened.status == ReviewStatus.APPROVED
    with pytest.raises(Conflict):
        await appeal(regular)


async def test_a_second_appeal_is_refused(database: Database, regular, moderator, guideline, category) -> None:
    await _thread(database, regular, category, body="You are all idiots at this bank.")
    reviewable = (await _get_queue(database))[0].reviewable
    await _act(database, moderator, reviewable.id, "reject", guideline_id=guideline.id)
    async with database.sessionmaker() as s:
        await service.appeal(s, await s.get(Account, regular.id), reviewable.id, "Please look at it again")
        await s.commit()
    await _act(database, moderator, reviewable.id, "reject", guideline_id=guideline.id)
    async with database.sessionmaker() as s:
        with pytest.raises(Conflict, match="once"):
            await service.appeal(s, await s.get(Account, regular.id), reviewable.id, "And once more please")


async def test_edit_hide_delete_warn_and_suspend(database: Database, regular, moderator, guideline,
                                                 helper_member, category, frozen_clock) -> None:
    thread, question = await _thread(database, helper_member, category)
    answer = await _answer(database, regular, thread.id, "Idiots, call me on 0470 12 34 56")
    reviewable = (await _get_queue(database))[0].reviewable
    await _act(database, moderator, reviewable.id, "edit", text="Call me on 0470 12 34 56", note="insult removed")
    edited = await _get(database, Post, answer.id)
    assert edited.body == "Call me on •••• •• •• 56" and edited.state == ContentState.HELD
    await _act(database, moderator, reviewable.id, "warn", guideline_id=guideline.id, note="Stay polite")
    await _act(database, moderator, reviewable.id, "suspend", guideline_id=guideline.id, days=3)
    member = await _get(database, Account, regular.id)
    assert member.is_suspended(clock.now()) and not member.is_suspended(clock.now().replace(year=2027))
    await _act(database, moderator, reviewable.id, "hide", guideline_id=guideline.id)
    assert (await _get(database, Post, answer.id)).state == ContentState.HIDDEN
    async with database.sessionmaker() as s:
        history = await service.member_history(s, regular.handle)
        assert [e.action.action for e in history.actions][:4] == ["hide", "suspend", "warn", "edit"]
        assert history.standing.warning_count == 1
        assert (await s.get(Thread, thread.id)).answer_count == 0


async def test_a_suspended_member_cannot_post(database: Database, client, regular, moderator, guideline) -> None:
    from tests.conftest import sign_in

    async with database.sessionmaker() as s:
        await service.suspend_member(s, await s.get(Account, moderator.id), regular.id, 2, guideline.id, "cool down")
        await s.commit()
    await sign_in(client, regular.email)
    response = await client.post("/api/v1/threads", json={"category_id": 1, "title": "Anything at all here",
                                                          "body": "Some question text"})
    assert response.status_code == 403 and "suspended" in response.json()["detail"]
    assert (await client.get("/api/v1/threads")).status_code == 200  # reading still works


async def test_a_hidden_post_edited_by_its_author_goes_back_to_the_queue(database: Database, regular,
                                                                         moderator, guideline, category) -> None:
    _t, post = await _thread(database, regular, category)
    reviewable = await _flag(database, moderator, post.id, FlagReason.OFF_TOPIC)
    await _act(database, moderator, reviewable.id, "hide", guideline_id=guideline.id)
    async with database.sessionmaker() as s:
        await forums.edit_post(s, await s.get(Account, regular.id), post.id,
                               PostEdit(body="My card is blocked in Spain; I rewrote the question"))
        await s.commit()
    again = await _get(database, Reviewable, reviewable.id)
    assert again.status == ReviewStatus.PENDING and "edited" in again.reasons


async def test_approved_content_is_not_hidden_again_by_new_flags(database: Database, regular, moderator,
                                                                 category) -> None:
    _t, post = await _thread(database, regular, category)
    reviewable = await _flag(database, moderator, post.id, FlagReason.SPAM)
    await _act(database, moderator, reviewable.id, "approve")
    for flagger in await _members(database, 4):
        await _flag(database, flagger, post.id)
    assert (await _get(database, Post, post.id)).state == ContentState.PUBLISHED
    assert (await _get(database, Reviewable, reviewable.id)).status == ReviewStatus.PENDING


async def test_queue_filters_by_kind_reason_and_status(database: Database, regular, helper_member, moderator,
                                                        category) -> None:
    await _thread(database, regular, category, body="You are all idiots at this bank.")
    _t, post = await _thread(database, helper_member, category, body="Another normal question about fees")
    await _flag(database, regular, post.id, FlagReason.OFF_TOPIC)
    assert [i.reviewable.reasons for i in await _get_queue(database, reason="insult")] == [["insult"]]
    assert [i.reviewable.reasons for i in await _get_queue(database, reason="flag:off_topic")] == [
        ["flag:off_topic"]]
    assert len(await _get_queue(database, kind="forum.post")) == 2
    assert await _get_queue(database, kind="review") == []
    assert await _get_queue(database, status=ReviewStatus.APPROVED) == []
    # Most urgent first: the insult (high) before the off-topic flag (low).
    assert [i.reviewable.priority for i in await _get_queue(database)] == [2, 0]


async def test_guidelines_cannot_refuse_criticism(database: Database, admin) -> None:
    async with database.sessionmaker() as s:
        with pytest.raises(Invalid, match="negative or critical"):
            await service.save_guideline(s, await s.get(Account, admin.id), GuidelineIn(
                title="No negative reviews", description="Keep it positive"))


async def test_personal_data_original_is_kept_for_moderators(database: Database, regular, moderator,
                                                             category) -> None:
    _t, post = await _thread(database, regular, category, body="Refund to BE68 5390 0754 7034 please, thanks")
    assert post.body == "Refund to BE•• •••• •••• 7034 please, thanks"
    reviewable = await _flag(database, moderator, post.id, FlagReason.PERSONAL_DATA)
    async with database.sessionmaker() as s:
        detail = await service.item(s, reviewable.id)
        assert "BE68 5390 0754 7034" in detail.original.text and detail.original.findings == ["iban"]
        assert detail.content.body == post.body


async def test_held_content_cannot_just_be_ignored(database: Database, regular, moderator, category) -> None:
    await _thread(database, regular, category, body="You are all idiots at this bank.")
    reviewable = (await _get_queue(database))[0].reviewable
    with pytest.raises(Invalid, match="approve it or refuse it"):
        await _act(database, moderator, reviewable.id, "ignore")


async def test_edits_are_screened_but_are_not_new_posts(database: Database, regular, category) -> None:
    _t, post = await _thread(database, regular, category)
    async with database.sessionmaker() as s:
        await forums.edit_post(s, await s.get(Account, regular.id), post.id,
                               PostEdit(body="My card is blocked in Spain, you idiots"))
        await s.commit()
    assert (await _get(database, Post, post.id)).state == ContentState.HELD
    assert (await _get(database, Standing, regular.id)).published_count == 1
