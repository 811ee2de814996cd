"""Statements per page: every page people use all day costs a fixed number of statements,
whatever the size of what it shows, first render and kept render alike.

A community is built, each page is requested by the role that uses it and its statements
counted; then the community grows (more answers, reviews, flags, cases, notifications, members)
and every page must cost exactly as much as before. A change that adds a query per post, per
review or per row fails here, and a page that grows past its budget names itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import event

from care import items as care_items
from care.models import CareItem, EntryKind, ItemSource
from forums import service as forums
from forums.schemas import CategoryIn
from hearth import clock
from hearth.accounts.models import Account, Role
from hearth.db import Database
from ideas import service as ideas
from ideas.schemas import AreaIn, CommentIn, IdeaIn, StatusIn
from moderation import service as moderation
from moderation.models import FlagReason
from moderation.schemas import FlagIn
from reviews import service as reviews
from reviews.schemas import CategoryIn as ProductCategoryIn
from reviews.schemas import ProductIn, ReviewIn
from tests.conftest import create_member, sign_in
from tests.forums.conftest import answer, ask
from tests.moderation.conftest import aged_member
from tests.retention.conftest import drain
from web import cards, pagecache, shared

# The most statements each page may make for its signed-in role, on its first render (nothing
# kept) and once its render is kept. The session lookup counts as one; BEGIN and COMMIT do not.
# A kept page is one statement: the session, the content versions and what the page reads about
# itself for the viewer come in the same one (web.shared.Look), answered before routing (web.lane).
BUDGETS = {
    "thread": (4, 1),
    "product": (7, 1),
    "home": (7, 1),
    "category": (4, 1),
    "search": (4, 1),
    "profile": (2, 1),
    "notifications": (3, 1),
    "mod queue": (4, 1),
    "retention dashboard": (7, 1),
    "care queue": (6, 1),
    # The list: its rows (with their authors, areas, tags and the viewer's votes) and the areas.
    "ideas": (4, 1),
    # An idea: its row, comments, status history, the ideas merged into it (and the one it joined).
    "idea": (6, 1),
    # A list per column.
    "roadmap": (4, 1),
    "my votes": (3, 1),
    # Counts by area and status, the areas, the review themes, the ideas tagged with them, for each
    # theme shown a search (two statements; at most ideas.service.THEMES_SHOWN themes, here one),
    # and the matching ideas' rows.
    "product board": (8, 1),
    # Never kept (who else has it open changes every few seconds): the item, its timeline, tags,
    # viewers, replies' states, escalations, canned responses, procedures, the crisis banner and
    # the customer's side (other items, account, reviews, posts, retention cases); one more when
    # another agent holds it (their name).
    "care item": (16, 16),
}
_TRANSACTION = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


@dataclass
class Community:
    asker: Account
    moderator: Account
    agent: Account
    thread_id: int
    thread_url: str
    product_id: int
    care: Account
    care_item_id: int
    manager: Account
    idea_id: int
    grown: int = 0


async def _build(database: Database) -> Community:
    asker = await aged_member(database, "asker@example.com", "Anna Asker")
    moderator = await create_member(database, "mod@example.com", "Mo Moderator", frozenset({Role.MODERATOR}))
    agent = await create_member(database, "agent@example.com", "Ruben Agent", frozenset({Role.RETENTION_AGENT}))
    async with database.sessionmaker() as s:
        category = await forums.save_category(s, CategoryIn(name="Cards", slug="cards", description="Cards"))
        product_category = await reviews.save_category(s, ProductCategoryIn(slug="accounts", name="Accounts"))
        product = await reviews.save_product(s, ProductIn(slug="current-account", name="Current account",
                                                          category_id=product_category.id))
        await s.commit()
    thread = await ask(database, asker, category, title="My card is blocked abroad")
    async with database.sessionmaker() as s:
        await forums.set_following(s, await s.get(Account, asker.id), thread.id, True)
        await s.commit()
    care = await create_member(database, "care@example.com", "Cas Care", frozenset({Role.CARE_AGENT}))
    item = await _care_item(database, asker, thread.id, "My card is blocked abroad")
    manager = await create_member(database, "pm@example.com", "Pia Product", frozenset({Role.PRODUCT_MANAGER}))
    async with database.sessionmaker() as s:
        area = await ideas.save_area(s, AreaIn(name="Mobile app", slug="mobile-app"))
        await ideas.note_low_review(s, [{"key": "app", "label": "App"}])
        idea = await ideas.propose(s, await s.get(Account, asker.id), IdeaIn(
            title="Dark mode in the mobile app", body="Easier on the eyes at night.", area=area.slug, tags=["app"]))
        await s.commit()
    community = Community(asker, moderator, agent, thread.id, forums.thread_url(thread), product.id, care, item,
                          manager, idea.id)
    await _grow(database, community, 2)
    return community


async def _grow(database: Database, community: Community, count: int) -> None:
    """`count` more members, each answering the thread, reviewing the product (low stars open a
    retention case), voting and flagging, so every page has more rows to show."""
    for i in range(community.grown, community.grown + count):
        helper = await aged_member(database, f"helper{i}@example.com", f"Helper Number{i}")
        post = await answer(database, helper, community.thread_id, body=f"Answer {i}: try the geo-blocking switch.")
        async with database.sessionmaker() as s:
            me = await s.get(Account, helper.id)
            review = await reviews.write_review(s, me, community.product_id, ReviewIn(
                rating=1 + i % 5, title=f"Review number {i}", body=f"Member {i} here: my honest view, {i} of many."))
            await s.commit()
        async with database.sessionmaker() as s:
            asker = await s.get(Account, community.asker.id)
            await forums.vote(s, asker, post.id)
            await reviews.vote(s, asker, review.id, True)
            await moderation.flag(s, asker, FlagIn(kind="review", content_id=review.id, reason=FlagReason.SPAM))
            await s.commit()
        # More ideas in the list, each with a vote, a comment and a status; more on the idea's page,
        # and one idea merged into it.
        async with database.sessionmaker() as s:
            me = await s.get(Account, helper.id)
            idea = await ideas.propose(s, me, IdeaIn(title=f"Idea number {i} for the app", area="mobile-app",
                                                     body=f"Member {i} would like this, {i} times over.",
                                                     tags=[f"tag{i}", "app"]))
            await s.commit()
        async with database.sessionmaker() as s:
            me, manager = await s.get(Account, helper.id), await s.get(Account, community.manager.id)
            asker = await s.get(Account, community.asker.id)
            for idea_id in (idea.id, community.idea_id):
                await ideas.vote(s, me, idea_id)
                await ideas.comment(s, me, idea_id, CommentIn(body=f"Comment {i} on idea {idea_id}: yes please."))
            await ideas.vote(s, asker, idea.id)
            await ideas.set_status(s, manager, idea.id, StatusIn(status=("planned", "in_progress", "completed")[i % 3],
                                                                 response=f"Answer number {i} from the team."))
            if i % 2:
                await ideas.set_status(s, manager, community.idea_id, StatusIn(
                    status=("under_review", "planned")[i % 4 // 2], response=f"Status number {i} of dark mode."))
            else:
                await ideas.merge(s, manager, idea.id, community.idea_id, f"Merge number {i}.")
            await s.commit()
        # The asker's other conversations with care, and more on the item's timeline.
        await _care_item(database, community.asker, 10_000 + i, f"Question number {i} for care")
        async with database.sessionmaker() as s:
            care_items.entry(s, await s.get(CareItem, community.care_item_id), EntryKind.NOTE,
                             actor=await s.get(Account, community.care.id), body=f"note {i}")
            await s.commit()
    community.grown += count
    await drain(database)  # notifications, retention cases, search documents


async def _care_item(database: Database, customer: Account, source_id: int, text: str) -> int:
    message = care_items.Message(ref=f"thread:{source_id}", at=clock.now(), body=text, author=customer.display_name)
    async with database.sessionmaker() as s:
        received = await care_items.receive(s, care_items.Conversation(
            source=ItemSource.QUESTION, source_id=source_id, channel="community", title=text, language="en",
            customer_id=customer.id, customer_name=customer.display_name, messages=(message,)))
        await s.commit()
        return received.item.id


def _forget_renders() -> None:
    pagecache.clear()
    cards.clear()
    shared.clear()


@pytest.fixture
async def community(database: Database) -> Community:
    return await _build(database)


async def _signed_in(make_client, account: Account) -> httpx.AsyncClient:
    client = make_client()
    await sign_in(client, account.email)
    return client


async def _costs(database: Database, pages: dict[str, tuple[httpx.AsyncClient, str]]) -> dict[str, tuple[int, int]]:
    """Each page's statements: first render, then kept render."""
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args: object) -> None:
        if not statement.lstrip().upper().startswith(_TRANSACTION):
            statements.append(statement)

    costs: dict[str, tuple[int, int]] = {}
    _forget_renders()
    for name, (client, url) in pages.items():
        measured = []
        for _kept in range(2):
            event.listen(database.engine.sync_engine, "before_cursor_execute", count)
            try:
                statements.clear()
                response = await client.get(url)
            finally:
                event.remove(database.engine.sync_engine, "before_cursor_execute", count)
            assert response.status_code == 200, (name, response.status_code)
            measured.append(len(statements))
        costs[name] = (measured[0], measured[1])
    return costs


async def test_every_page_costs_the_same_statements_whatever_it_shows(database: Database, community: Community,
                                                                      make_client) -> None:
    asker = await _signed_in(make_client, community.asker)
    moderator = await _signed_in(make_client, community.moderator)
    agent = await _signed_in(make_client, community.agent)
    care = await _signed_in(make_client, community.care)
    manager = await _signed_in(make_client, community.manager)
    pages = {
        "thread": (asker, community.thread_url),
        "product": (asker, "/products/current-account"),
        "home": (asker, "/"),
        "category": (asker, "/c/cards"),
        "search": (asker, "/search?q=card"),
        "profile": (asker, "/members/" + community.asker.handle),
        "notifications": (asker, "/notifications"),
        "mod queue": (moderator, "/mod"),
        "retention dashboard": (agent, "/retention"),
        "care queue": (care, "/care/queue"),
        "care item": (care, f"/care/items/{community.care_item_id}"),
        "ideas": (asker, "/ideas"),
        "idea": (asker, f"/ideas/{community.idea_id}"),
        "roadmap": (asker, "/ideas/roadmap"),
        "my votes": (asker, "/ideas?mine=1"),
        "product board": (manager, "/ideas/board"),
    }
    small = await _costs(database, pages)
    await _grow(database, community, 4)
    large = await _costs(database, pages)

    assert large == small, "a page's statements grew with what it shows"
    over = {name: (cost, BUDGETS[name]) for name, cost in large.items()
            if cost[0] > BUDGETS[name][0] or cost[1] > BUDGETS[name][1]}
    assert over == {}, f"pages over their statement budget (first render, kept): {over}"


async def test_a_signed_in_thread_page_is_four_statements_whatever_its_answers(
        database: Database, community: Community, make_client) -> None:
    reader = await _signed_in(make_client, await aged_member(database, "reader@example.com", "Rea Reader"))
    first = await _costs(database, {"thread": (reader, community.thread_url)})
    await _grow(database, community, 6)
    again = await _costs(database, {"thread": (reader, community.thread_url)})
    assert first == again
    assert max(again["thread"]) <= 4
