"""Signed-in pages kept and shared between members (web/shared.py) stay as true as fresh ones.

A member's own state (their votes, their held post, their unread count, their CSRF token)
never reaches another member through a shared render; what a member writes is on the next
page they load; and a bad cookie or an unreachable database get the same clear answers as
before. Behaviour across server processes is in test_processes.py.
"""

from __future__ import annotations

import re

import pytest

from forums import service as forums
from forums.models import Post
from hearth.accounts.models import Account
from hearth.db import Database, set_database
from hearth.notifications import service as notifications
from hearth.security import SESSION_COOKIE
from reviews import service as reviews
from reviews.schemas import CategoryIn as ProductCategoryIn
from reviews.schemas import ProductIn, ReviewIn
from tests.conftest import csrf_of, sign_in
from tests.forums.conftest import answer, ask
from tests.moderation.conftest import aged_member

PRESSED = re.compile(r'aria-pressed="true"')


@pytest.fixture
async def people(database: Database) -> tuple[Account, Account, Account]:
    asker = await aged_member(database, "asker@example.com", "Anna Asker")
    voter = await aged_member(database, "voter@example.com", "Victor Voter")
    reader = await aged_member(database, "reader@example.com", "Rea Reader")
    return asker, voter, reader


async def test_a_shared_thread_page_carries_no_other_members_state(database: Database, category, people,
                                                                  make_client) -> None:
    asker, voter, reader = people
    thread = await ask(database, asker, category)
    helpful = await answer(database, asker, thread.id, "Switch geo-blocking off in the app.")
    held = await answer(database, voter, thread.id, "You are all idiots at this bank.")
    async with database.sessionmaker() as s:
        assert (await s.get(Post, held.id)).state == "held"
        await forums.vote(s, await s.get(Account, voter.id), helpful.id)
        await notifications.notify_many(s, [voter.id], kind="forum.answer", title="Seven things", url="/",
                                          dedupe_key="test-1")
        await s.commit()
    url = forums.thread_url(thread)

    voters = make_client()
    await sign_in(voters, voter.email)
    own = (await voters.get(url)).text  # the voter's page: the render every member shares is kept now
    assert PRESSED.search(own) and "You are all idiots" in own and 'class="unread-count"' in own

    readers = make_client()
    await sign_in(readers, reader.email)
    page = (await readers.get(url)).text
    assert "Switch geo-blocking off" in page
    assert not PRESSED.search(page), "the voter's vote shown to another member"
    assert "You are all idiots" not in page, "the voter's held post shown to another member"
    assert 'class="unread-count"' not in page and "Victor Voter" not in page.split("</header>")[0]
    assert csrf_of(voters) not in page and f'value="{csrf_of(readers)}"' in page
    assert "__hearth_csrf_token__" not in page


async def test_a_shared_product_page_carries_no_other_members_votes_or_review(database: Database, people,
                                                                             make_client) -> None:
    asker, voter, reader = people
    async with database.sessionmaker() as s:
        category = await reviews.save_category(s, ProductCategoryIn(slug="accounts", name="Accounts"))
        await reviews.save_product(s, ProductIn(slug="savings", name="Savings account", category_id=category.id))
        await s.commit()
        product = await reviews.get_product(s, slug="savings")
        review = await reviews.write_review(s, await s.get(Account, asker.id), product.id, ReviewIn(
            rating=4, title="Decent interest", body="The interest is fair and the app shows it clearly."))
        await reviews.write_review(s, await s.get(Account, voter.id), product.id, ReviewIn(
            rating=5, title="Very happy", body="Opening it took five minutes and it pays every month."))
        await s.commit()
        await reviews.vote(s, await s.get(Account, voter.id), review.id, True)
        await s.commit()

    voters = make_client()
    await sign_in(voters, voter.email)
    own = (await voters.get("/products/savings")).text
    assert PRESSED.search(own) and "Edit your review" in own

    readers = make_client()
    await sign_in(readers, reader.email)
    page = (await readers.get("/products/savings")).text
    assert "Decent interest" in page and "Very happy" in page
    assert not PRESSED.search(page) and "Edit your review" not in page and "Write a review" in page
    assert csrf_of(voters) not in page and f'value="{csrf_of(readers)}"' in page


async def test_what_a_member_writes_is_on_their_next_page(database: Database, category, people,
                                                          make_client) -> None:
    asker, _voter, reader = people
    thread = await ask(database, asker, category, title="Which card works in Japan?")
    url = forums.thread_url(thread)
    client = make_client()
    await sign_in(client, reader.email)
    for page in (url, "/", "/c/" + category.slug, "/members/" + reader.handle):
        assert (await client.get(page)).status_code == 200  # each kept now

    posted = await client.post(f"/api/v1/threads/{thread.id}/answers", json={"body": "Mine did, a Visa debit."})
    assert posted.status_code == 201
    assert "Mine did, a Visa debit." in (await client.get(url)).text
    edited = await client.patch(f"/api/v1/posts/{posted.json()['id']}", json={"body": "Mine did: a Visa debit card."})
    assert edited.status_code == 200
    assert "Mine did: a Visa debit card." in (await client.get(url)).text

    asked = await client.post("/api/v1/threads", json={"category_id": category.id, "title": "Is there a fee abroad?",
                                                       "body": "Do I pay anything when I pay in yen?"})
    assert asked.status_code == 201
    assert "Is there a fee abroad?" in (await client.get("/")).text
    assert "Is there a fee abroad?" in (await client.get("/c/" + category.slug)).text
    renamed = await client.patch("/api/v1/me", json={"display_name": "Rea Renamed"})
    assert renamed.status_code == 200
    assert "Rea Renamed" in (await client.get("/members/" + reader.handle)).text


async def test_a_forged_or_expired_cookie_gets_the_sign_in_page_never_a_kept_one(
        database: Database, category, people, make_client, frozen_clock) -> None:
    asker, _voter, _reader = people
    owner = make_client()
    await sign_in(owner, asker.email)
    assert (await owner.get("/notifications")).status_code == 200  # their own page, kept

    forged = make_client()
    forged.cookies.set(SESSION_COOKIE, owner.cookies[SESSION_COOKIE][:-2] + "xx")
    response = await forged.get("/notifications")
    assert response.status_code == 303 and response.headers["location"].startswith("/signin")
    assert (await forged.get("/api/v1/me")).status_code == 401

    frozen_clock.advance(days=60)
    expired = await owner.get("/notifications")
    assert expired.status_code == 303 and expired.headers["location"].endswith("&expired=1")
    assert (await owner.get("/api/v1/me")).headers["content-type"] == "application/problem+json"


async def test_an_unreachable_database_is_a_503_to_retry(database: Database, client, tmp_path) -> None:
    # A directory where the database file should be: nothing can be opened (SQLite), as nothing
    # answers on port 1 (PostgreSQL).
    url = ("postgresql+asyncpg://postgres@127.0.0.1:1/test" if database.dialect == "postgresql"
           else f"sqlite+aiosqlite:///{tmp_path}")
    down = Database(url)
    set_database(down)
    try:
        client.cookies.set(SESSION_COOKIE, "a-session-token")
        page = await client.get("/")
        api = await client.get("/api/v1/me")
    finally:
        set_database(database)
        await down.dispose()
    assert page.status_code == 503 and page.headers["retry-after"] == "5" and "Back in a moment" in page.text
    assert api.status_code == 503 and api.headers["content-type"] == "application/problem+json"
    assert api.json()["type"] == "/problems/unavailable"
