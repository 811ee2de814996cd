from __future__ import annotations

import asyncio
import math

import pytest
from sqlalchemy import event, select

from hearth import clock, events, search
from hearth.accounts.models import Account
from hearth.db import Database
from hearth.errors import Conflict, Forbidden, Invalid, NotFound
from hearth.events import OutboxEvent
from hearth.notifications.models import Notification
from hearth.settings import get_settings
from ideas import service
from ideas.models import Idea, IdeaFollow, IdeaReviewTheme, IdeaStatus, IdeaTag, IdeaVote
from ideas.schemas import CommentIn, IdeaIn, StatusIn
from moderation import kinds
from moderation.models import ContentState
from tests.conftest import create_member
from tests.ideas.conftest import comment, counts_match, merge, propose, set_status, vote, voters


@pytest.fixture
def budget(monkeypatch: pytest.MonkeyPatch):
    def set_budget(votes: int) -> None:
        monkeypatch.setattr(get_settings(), "idea_vote_budget", votes)
    return set_budget


async def _drain(database: Database) -> None:
    while await events.drain_once(database):
        pass


async def _notified(database: Database, kind: str) -> set[int]:
    async with database.sessionmaker() as s:
        return set(await s.scalars(select(Notification.account_id).where(Notification.kind == kind)))


# --- proposing --------------------------------------------------------------------------------

async def test_a_proposal_is_screened_tagged_followed_and_announced(database: Database, member, area) -> None:
    idea = await propose(database, member, "Freeze my card from the app", tags=["Cards", "#app"], area=area.slug,
                         body="Call IBAN BE71 0961 2345 6769 — please let me freeze the card myself.")
    assert idea.status == IdeaStatus.OPEN and idea.state == ContentState.PUBLISHED and idea.area_id == area.id
    assert "BE71 0961 2345 6769" not in idea.body and idea.trending == service.moment(idea.created_at)
    async with database.sessionmaker() as s:
        assert sorted(await s.scalars(select(IdeaTag.name).where(IdeaTag.idea_id == idea.id))) == ["app", "cards"]
        assert await service.followers(s, idea.id) == [member.id]
        # idea.proposed has no handler but the search index's job, written as it is published.
        assert [(e.name, e.payload) for e in await s.scalars(select(OutboxEvent).where(
            OutboxEvent.name.like("idea.%")))] == [("idea.reindex", {"idea_id": idea.id})]
        with pytest.raises(Invalid, match="product area"):
            await service.propose(s, await s.get(Account, member.id), IdeaIn(
                title="Another idea here", body="With an area nobody made.", area="nowhere"))


async def test_ideas_and_comments_are_moderation_kinds(database: Database, member, moderator_account) -> None:
    idea = await propose(database, member)
    row = await comment(database, member, idea.id)
    async with database.sessionmaker() as s:
        assert (await kinds.view(s, "idea", idea.id)).title == idea.title
        seen = await kinds.view(s, "idea.comment", row.id)
        assert seen.url == f"/ideas/{idea.id}#comment-{row.id}" and seen.title == idea.title
        # A moderator hides the comment and publishes it again: the count follows.
        await kinds.get("idea.comment").set_state(s, row.id, ContentState.HIDDEN)
        assert (await s.get(Idea, idea.id)).comment_count == 0
        await kinds.get("idea.comment").set_state(s, row.id, ContentState.PUBLISHED)
        assert (await s.get(Idea, idea.id)).comment_count == 1
        await kinds.get("idea").set_state(s, idea.id, ContentState.HIDDEN)
        with pytest.raises(NotFound):
            await service.readable_idea(s, idea.id, None)
        assert (await service.readable_idea(s, idea.id, await s.get(Account, member.id))).id == idea.id


@pytest.fixture
async def moderator_account(database: Database) -> Account:
    from hearth.accounts.models import Role

    return await create_member(database, "mod@example.com", "Mo Moderator", frozenset({Role.MODERATOR}))


# --- voting -----------------------------------------------------------------------------------

async def test_voting_twice_is_one_vote_and_a_vote_can_be_taken_back(database: Database, member) -> None:
    idea = await propose(database, member)
    fan = await create_member(database, "fan@example.com", "Fay Fan")
    assert (await vote(database, fan, idea.id)).vote_count == 1
    assert (await vote(database, fan, idea.id)).vote_count == 1
    assert (await vote(database, member, idea.id)).vote_count == 2  # the author may vote for their own idea
    async with await database.writer() as s:
        assert (await service.unvote(s, await s.get(Account, fan.id), idea.id)).vote_count == 1
        assert (await service.unvote(s, await s.get(Account, fan.id), idea.id)).vote_count == 1
        await s.commit()
    assert (await counts_match(database))[idea.id] == 1


async def test_simultaneous_votes_count_exactly(database: Database, member) -> None:
    idea = await propose(database, member)
    crowd = await voters(database, 8)

    async def cast(voter: Account) -> None:
        async with await database.writer() as s:  # as a request that writes gets it
            await service.vote(s, await s.get(Account, voter.id), idea.id)
            await s.commit()

    # Every voter twice at the same moment: on PostgreSQL the requests race for the row.
    await asyncio.gather(*(cast(v) for v in crowd + crowd))
    assert (await counts_match(database))[idea.id] == 8


async def test_the_vote_budget_frees_votes_when_ideas_close(database: Database, member, manager, budget) -> None:
    budget(2)
    first, second, third = [await propose(database, member, f"Idea number {n} for the app") for n in (1, 2, 3)]
    fan = await create_member(database, "fan@example.com", "Fay Fan")
    await vote(database, fan, first.id)
    await vote(database, fan, second.id)
    await vote(database, fan, second.id)  # voting again at the limit changes nothing, and is no error
    with pytest.raises(Conflict, match="used all 2 of your votes"):
        await vote(database, fan, third.id)
    await set_status(database, manager, first.id, "completed", "Shipped in version 5.2.")
    async with database.sessionmaker() as s:
        assert await service.budget_left(s, await s.get(Account, fan.id)) == 1
    assert (await vote(database, fan, third.id)).vote_count == 1
    budget(0)
    async with database.sessionmaker() as s:
        assert await service.budget_left(s, await s.get(Account, fan.id)) is None


async def test_simultaneous_votes_stay_within_the_budget(database: Database, member, budget) -> None:
    budget(2)
    ideas = [await propose(database, member, f"Budget idea number {n} here") for n in range(5)]
    fan = await create_member(database, "fan@example.com", "Fay Fan")

    async def cast(idea_id: int) -> str:
        async with await database.writer() as s:
            try:
                await service.vote(s, await s.get(Account, fan.id), idea_id)
                await s.commit()
                return "ok"
            except Conflict:
                return "over"

    outcomes = await asyncio.gather(*(cast(i.id) for i in ideas))
    assert sorted(outcomes) == ["ok", "ok", "over", "over", "over"]
    assert sum((await counts_match(database)).values()) == 2


async def test_closed_and_merged_ideas_take_no_votes(database: Database, member, manager) -> None:
    done, no, dup, kept = [await propose(database, member, f"Closed idea number {n} here") for n in range(4)]
    fan = await create_member(database, "fan@example.com", "Fay Fan")
    await vote(database, fan, done.id)
    await set_status(database, manager, done.id, "completed")
    await set_status(database, manager, no.id, "declined", "Not for this product, sorry.")
    await merge(database, manager, dup.id, kept.id)
    for idea_id, message in ((done.id, "closed"), (no.id, "closed"), (dup.id, "merged")):
        with pytest.raises(Conflict, match=message):
            await vote(database, fan, idea_id)
    async with await database.writer() as s:
        with pytest.raises(Conflict, match="closed"):
            await service.unvote(s, await s.get(Account, fan.id), done.id)
    assert (await counts_match(database))[done.id] == 1


# --- triage -----------------------------------------------------------------------------------

async def test_a_status_change_needs_a_manager_a_response_and_the_current_version(database: Database, member,
                                                                                  manager) -> None:
    idea = await propose(database, member)
    with pytest.raises(Forbidden):
        await set_status(database, member, idea.id, "planned")
    async with database.sessionmaker() as s:
        pm = await s.get(Account, manager.id)
        with pytest.raises(Invalid, match="needs a response"):
            await service.set_status(s, pm, idea.id, StatusIn.model_construct(status="planned", response="  "))
        with pytest.raises(Invalid, match="merging it"):
            await service.set_status(s, pm, idea.id, StatusIn.model_construct(status="merged", response="Dup."))
    planned = await set_status(database, manager, idea.id, "planned", "Coming this spring.", version=0)
    assert (planned.status, planned.version) == (IdeaStatus.PLANNED, 1) and planned.status_changed_at is not None
    with pytest.raises(Conflict, match="since you opened it"):
        await set_status(database, manager, idea.id, "declined", "Changed our minds.", version=0)


async def test_two_managers_changing_one_idea_at_once_one_wins(database: Database, member, manager) -> None:
    idea = await propose(database, member)
    other = await create_member(database, "pm2@example.com", "Paul Product", manager.roles)

    async def change(pm: Account, status: str) -> str:
        try:
            await set_status(database, pm, idea.id, status, "Decided.", version=0)
            return "ok"
        except Conflict:
            return "conflict"

    assert sorted(await asyncio.gather(change(manager, "planned"), change(other, "declined"))) == ["conflict", "ok"]
    async with database.sessionmaker() as s:
        view = await service.idea_view(s, idea.id, None)
        assert len(view.changes) == 1 and view.idea.version == 1


async def test_voters_and_followers_hear_of_a_status_change(database: Database, member, manager) -> None:
    idea = await propose(database, member)
    fan, talker, bystander = await voters(database, 3)
    await vote(database, fan, idea.id)
    await comment(database, talker, idea.id)
    await vote(database, manager, idea.id)  # the manager voted too, but made the change: no news for them
    await set_status(database, manager, idea.id, "under_review", "We are **looking** into it.")
    await _drain(database)
    assert await _notified(database, "idea.under_review") == {member.id, fan.id, talker.id}
    assert await _notified(database, "idea.comment") == {member.id}  # the author followed before the comment
    async with database.sessionmaker() as s:
        view = await service.idea_view(s, idea.id, await s.get(Account, bystander.id))
        change, actor = view.changes[-1]
        assert change.response_html == "<p>We are <strong>looking</strong> into it.</p>\n" and actor.id == manager.id
        assert not view.row.voted and not view.following


# --- merging ----------------------------------------------------------------------------------

async def test_merging_moves_votes_and_followers_and_keeps_comments(database: Database, member, manager) -> None:
    duplicate = await propose(database, member, "Dark mode for the app please")
    original = await propose(database, member, "A dark theme in the mobile app")
    only_dup, both, only_orig, talker = await voters(database, 4)
    for voter in (only_dup, both):
        await vote(database, voter, duplicate.id)
    for voter in (both, only_orig):
        await vote(database, voter, original.id)
    remark = await comment(database, talker, duplicate.id, "Dark mode saves my battery at night.")
    merged = await merge(database, manager, duplicate.id, original.id)
    assert (merged.status, merged.merged_into_id, merged.vote_count) == (IdeaStatus.MERGED, original.id, 0)
    counted = await counts_match(database)
    assert counted[original.id] == 3 and counted[duplicate.id] == 0
    async with database.sessionmaker() as s:
        assert set(await s.scalars(select(IdeaVote.voter_id).where(IdeaVote.idea_id == original.id))) == {
            only_dup.id, both.id, only_orig.id}
        assert talker.id in await service.followers(s, original.id)
        view = await service.idea_view(s, duplicate.id, None)
        assert [c.id for c in view.comments] == [remark.id] and view.merged_into.id == original.id
        target = await s.get(Idea, original.id)
        assert target.trending > service.moment(target.created_at)
    await _drain(database)
    # Who voted for or followed the duplicate hears where it went.
    assert await _notified(database, "idea.merged") == {member.id, only_dup.id, both.id, talker.id}
    async with database.sessionmaker() as s:
        news = await s.scalar(select(Notification).where(Notification.account_id == only_dup.id))
        assert news.url == f"/ideas/{original.id}"
        assert await s.scalar(select(IdeaFollow.account_id).where(IdeaFollow.idea_id == original.id,
                                                                  IdeaFollow.account_id == only_dup.id)) is None


async def test_merging_refuses_itself_cycles_and_merged_ideas(database: Database, member, manager) -> None:
    a, b, c = [await propose(database, member, f"Mergeable idea number {n}") for n in range(3)]
    with pytest.raises(Invalid, match="itself"):
        await merge(database, manager, a.id, a.id)
    with pytest.raises(Forbidden):
        await merge(database, member, a.id, b.id)
    await merge(database, manager, a.id, b.id)
    with pytest.raises(Conflict, match="itself merged"):
        await merge(database, manager, b.id, a.id)  # back again: a cycle
    with pytest.raises(Conflict, match="itself merged"):
        await merge(database, manager, c.id, a.id)
    with pytest.raises(Conflict, match="already merged"):
        await merge(database, manager, a.id, c.id)
    with pytest.raises(Conflict, match="merged into another one"):
        await set_status(database, manager, a.id, "planned")
    async with await database.writer() as s:
        with pytest.raises(Conflict, match="comment there"):
            await service.comment(s, await s.get(Account, member.id), a.id, CommentIn(body="Still here?"))


# --- lists ------------------------------------------------------------------------------------

async def test_trending_weighs_recent_votes_and_comments_most(database: Database, member,
                                                              frozen_clock: clock.FrozenClock) -> None:
    old = await propose(database, member, "An old favourite idea")
    crowd = await voters(database, 4)
    for voter in crowd:
        await vote(database, voter, old.id)
    frozen_clock.advance(days=20)
    new = await propose(database, member, "A fresh idea people like now")
    for voter in crowd[:2]:
        await vote(database, voter, new.id)
    await comment(database, crowd[3], new.id)
    async with database.sessionmaker() as s:
        fan = await s.get(Account, crowd[0].id)
        assert [r.idea.id for r in (await service.list_ideas(s, fan, sort="trending"))[0]] == [new.id, old.id]
        assert [r.idea.id for r in (await service.list_ideas(s, fan, sort="top"))[0]] == [old.id, new.id]
        assert [r.idea.id for r in (await service.list_ideas(s, fan, sort="new"))[0]] == [new.id, old.id]
        before = (await s.get(Idea, new.id)).trending
    # Taking a vote back takes its weight away again.
    async with await database.writer() as s:
        fresh = await service.vote(s, await s.get(Account, crowd[2].id), new.id)
        assert fresh.trending > before
        assert math.isclose((await service.unvote(s, await s.get(Account, crowd[2].id), new.id)).trending, before)


async def test_lists_page_filter_and_know_the_viewers_votes_in_one_statement(database: Database, member,
                                                                              manager, area) -> None:
    ideas = [await propose(database, member, f"Listed idea number {n} here", area=area.slug if n % 2 else None)
             for n in range(5)]
    fan = await create_member(database, "fan@example.com", "Fay Fan")
    for idea in ideas[:3]:
        await vote(database, fan, idea.id)
    await set_status(database, manager, ideas[4].id, "planned")
    async with database.sessionmaker() as s:
        viewer = await s.get(Account, fan.id)
        for sort in service.SORTS:
            seen, cursor = [], None
            while True:
                rows, cursor = await service.list_ideas(s, viewer, sort=sort, cursor=cursor, limit=2)
                seen += rows
                if cursor is None:
                    break
            assert sorted(r.idea.id for r in seen) == [i.id for i in ideas]
            assert {r.idea.id for r in seen if r.voted} == {i.id for i in ideas[:3]}
        statements = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(database.engine.sync_engine, "before_cursor_execute", listener)
        try:
            rows, _next = await service.list_ideas(s, viewer, limit=50)
        finally:
            event.remove(database.engine.sync_engine, "before_cursor_execute", listener)
        assert len(rows) == 5 and len(statements) == 1
        by_status, _ = await service.list_ideas(s, viewer, status="planned")
        by_area, _ = await service.list_ideas(s, None, area=area.slug)
        mine, _ = await service.list_ideas(s, None, voted_by=fan.id)
        assert [r.idea.id for r in by_status] == [ideas[4].id]
        assert {r.idea.id for r in by_area} == {ideas[1].id, ideas[3].id} and not any(r.voted for r in by_area)
        assert {r.idea.id for r in mine} == {i.id for i in ideas[:3]}
        with pytest.raises(Invalid, match="cursor"):
            await service.list_ideas(s, viewer, sort="trending", cursor=cursor or "bm9wZQ")
        roadmap = await service.roadmap(s)
        assert [r.idea.id for r in roadmap["planned"]] == [ideas[4].id] and roadmap["completed"] == []


async def test_similar_ideas_come_from_search_and_leave_merged_ones_out(database: Database, member,
                                                                        manager) -> None:
    card = await propose(database, member, "Contactless payments with my watch", language="en")
    kaart = await propose(database, member, "Contactloos betalen met mijn horloge", language="nl")
    other = await propose(database, member, "Contactless limit per day higher")
    await _drain(database)
    async with database.sessionmaker() as s:
        found = await service.similar(s, "contactless payments", language="en")
        assert card.id in [f.idea.id for f in found] and kaart.id not in [f.idea.id for f in found]
        dutch = await service.similar(s, "contactloos betalen", language="nl")
        assert [f.idea.id for f in dutch][:1] == [kaart.id]
    await merge(database, manager, other.id, card.id)
    await _drain(database)
    async with database.sessionmaker() as s:
        assert other.id not in [f.idea.id for f in await service.similar(s, "contactless limit")]
    # `hearth reindex` rebuilds the ideas the index should hold: published and not merged.
    assert await search.reindex(database, kinds=["idea"]) == {"idea": 2}
    async with database.sessionmaker() as s:
        assert {f.idea.id for f in await service.similar(s, "contactless")} == {card.id}


async def test_low_star_review_themes_reach_the_board_with_their_ideas(database: Database, member, manager,
                                                                         area) -> None:
    from reviews import service as reviews
    from reviews.schemas import CategoryIn, DimensionIn, ProductIn, ReviewIn
    from tests.moderation.conftest import aged_member

    async with database.sessionmaker() as s:
        category = await reviews.save_category(s, CategoryIn(slug="cards", name="Cards", dimensions=[
            DimensionIn(key="fees", label="Fees"), DimensionIn(key="mobile_app", label="Mobile app")]))
        product = await reviews.save_product(s, ProductIn(slug="visa", name="Visa", category_id=category.id))
        await s.commit()
    for n, (rating, ratings) in enumerate([(1, {"fees": 1, "mobile_app": 2}), (2, {"fees": 2}),
                                           (4, {"fees": 1}), (2, {"mobile_app": 5})]):
        author = await aged_member(database, f"r{n}@example.com", f"Reviewer {n}")
        async with database.sessionmaker() as s:
            await reviews.write_review(s, await s.get(Account, author.id), product.id, ReviewIn(
                rating=rating, title="My card review", body=f"Review number {n} of the card, honestly.",
                ratings=ratings))
            await s.commit()
    tagged = await propose(database, member, "Lower the yearly card cost", tags=["fees"], area=area.slug)
    await propose(database, member, "Widgets on the home screen")
    await _drain(database)
    async with database.sessionmaker() as s:
        themes = {t.theme: (t.label, t.low_reviews) for t in await s.scalars(select(IdeaReviewTheme))}
        assert themes == {"fees": ("Fees", 2), "mobile_app": ("Mobile app", 1)}
        board = await service.board(s)
        assert [(t.theme.theme, [r.idea.id for r in t.ideas]) for t in board.themes] == [
            ("fees", [tagged.id]), ("mobile_app", [])]
        assert [(c.area.slug if c.area else None, dict(c.counts)) for c in board.areas] == [
            ("mobile-app", {IdeaStatus.OPEN: 1}), (None, {IdeaStatus.OPEN: 1})]


async def test_the_export_has_every_published_idea_and_no_formulas(database: Database, member) -> None:
    first = await propose(database, member, "=HYPERLINK(\"x\") looks like a formula")
    second = await propose(database, member, "A plain idea for the export")
    async with database.sessionmaker() as s:
        rows = [row async for row in service.export_rows(s, batch=1)]
    assert rows[0] == service.EXPORT_HEADER and [r[0] for r in rows[1:]] == [str(first.id), str(second.id)]
    assert rows[1][1].startswith("'=") and rows[2][2] == "open" and rows[2][-1] == f"/ideas/{second.id}"
