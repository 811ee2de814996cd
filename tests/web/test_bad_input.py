"""Numbers people (or their tools) put where pages expect ids and amounts never make a 500
(issue 14, points 1 and 11): an id in a path that cannot exist is a page not found, a bad number
in a form is that form's readable error."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from hearth.accounts.models import Account, Role
from hearth.db import Database
from moderation.models import ModerationAction, Reviewable
from tests.conftest import create_member, csrf_of, sign_in
from tests.moderation.conftest import flagged_post

# Past SQLite's 64 bits, and past PostgreSQL's 32-bit INTEGER ids (a 500 from asyncpg before).
TOO_BIG = ["99999999999999999999", str(2**31), str(2**63)]
BAD_NUMBERS = ["²", "-1", "99999999999999999999", "1e3", "", "9" * 5000]


@pytest.fixture
async def everyone(database: Database) -> Account:
    """An account holding every role, so no page turns it away before reading its ids."""
    return await create_member(database, "all@example.com", "Alex All", frozenset(Role))


def _id_routes(app) -> list[tuple[str, str]]:
    """(method, path) of every page route with an id in its path, the ids filled with `{id}`."""
    found = []
    for route in app.routes:
        path = getattr(route, "path", "")
        if path.startswith("/api") or not re.search(r"\{\w+_id\}", path):
            continue
        filled = re.sub(r"\{(\w+_id)\}", "{id}", path)
        found += [(method, re.sub(r"\{\w+\}", "x", filled.replace("{id}", "\0")).replace("\0", "{id}"))
                  for method in sorted(route.methods or [])]
    return found


@pytest.mark.parametrize("big", TOO_BIG)
async def test_every_page_with_an_id_in_its_path_answers_404_for_ids_that_cannot_exist(
        big, app, client, database: Database, everyone) -> None:
    await sign_in(client, everyone.email)
    await client.get("/")
    routes = _id_routes(app)
    assert len(routes) >= 30
    for method, path in routes:
        response = await client.request(method, path.format(id=big), data={"csrf_token": csrf_of(client),
                                                                           "sentiment": "neutral"})
        assert response.status_code == 404, (method, path, response.status_code)
        assert "Page not found" in response.text, (method, path)
    visitor = await client.get(f"/t/{big}")  # the example, signed out too
    client.cookies.clear()
    assert (await client.get(f"/t/{big}")).status_code == visitor.status_code == 404


@pytest.mark.parametrize("bad", ["²", "99999999999999999999", "-1x"])
async def test_ids_in_queries_are_bounded_too(bad, client, database: Database, everyone) -> None:
    await sign_in(client, everyone.email)
    for url in (f"/mod/audit?cursor={bad}", f"/retention/cases?product_id={bad}", f"/care?topic={bad}"):
        response = await client.get(url)
        assert response.status_code == 422 and "Please check what you entered" in response.text, url


async def _queue_item(database: Database, category) -> Reviewable:
    author = await create_member(database, "author@example.com", "Aline Author")
    flagger = await create_member(database, "flagger@example.com", "Fred Flagger")
    return await flagged_post(database, author, flagger, category)


@pytest.mark.parametrize("bad", BAD_NUMBERS)
async def test_bad_numbers_in_moderation_forms_are_the_forms_errors(bad, client, database: Database, everyone,
                                                                     category) -> None:
    item = await _queue_item(database, category)
    await sign_in(client, everyone.email)
    await client.get("/")
    token = csrf_of(client)
    for field, extra in (("version", {"action": "approve"}), ("days", {"action": "suspend", "version": "1"}),
                         ("guideline_id", {"action": "reject", "version": "1"})):
        response = await client.post(f"/mod/items/{item.id}/act", data={"csrf_token": token, **extra, field: bad})
        assert response.status_code == 422, (field, bad, response.status_code)
        assert re.search("Enter a whole number|Please check what you entered|Choose the guideline|"
                         "Say for how many days|Choose one of the community guidelines", response.text), (field, bad)
    claim = await client.post(f"/mod/items/{item.id}/claim", data={"csrf_token": token, "version": bad})
    assert claim.status_code == 422
    guideline = await client.post("/admin/guidelines", data={"csrf_token": token, "title": "Be kind to others",
                                                             "position": bad})
    assert guideline.status_code == (303 if bad == "" else 422)  # left blank, the position is the first
    async with database.sessionmaker() as s:
        assert (await s.get(Reviewable, item.id)).version == item.version
        assert not list(await s.scalars(select(ModerationAction).where(ModerationAction.actor_id == everyone.id,
                                                                       ModerationAction.action != "guideline_saved")))


@pytest.mark.parametrize("bad", BAD_NUMBERS)
async def test_bad_numbers_in_forum_and_review_forms_are_the_forms_errors(
        bad, client, database: Database, everyone, category) -> None:
    from reviews import service as reviews
    from reviews.schemas import CategoryIn, DimensionIn, ProductIn

    async with database.sessionmaker() as s:
        kind = await reviews.save_category(s, CategoryIn(slug="cards", name="Cards", dimensions=[
            DimensionIn(key="fees", label="Fees")]))
        product = await reviews.save_product(s, ProductIn(slug="gold-card", name="Gold card", category_id=kind.id))
        await s.commit()
    await sign_in(client, everyone.email)
    await client.get("/")
    token = csrf_of(client)
    review = {"csrf_token": token, "rating": "4", "title": "A fine card", "body": "It works well abroad and at home."}
    for field in ("rating", "dim_fees"):
        response = await client.post(f"/products/{product.slug}/review", data={**review, field: bad})
        expected = 303 if (field, bad) == ("dim_fees", "") else 422  # a dimension left blank is not rated
        assert response.status_code == expected, (field, bad, response.status_code)
        if expected == 422:
            assert 'class="error"' in response.text
    category_form = await client.post("/admin/categories", data={"csrf_token": token, "name": "Loans",
                                                                 "slug": "loans", "position": bad})
    assert category_form.status_code == (303 if bad == "" else 422)  # a blank form field takes its default
    assert bad == "" or 'class="error"' in category_form.text
    ask = await client.post("/ask", data={"csrf_token": token, "category_id": bad, "kind": "question",
                                          "title": "Can I pay with my phone?", "body": "Which phones work here?"})
    assert ask.status_code == 422
    accept = await client.post(f"/t/{2**31 - 1}/accept", data={"csrf_token": token, "post_id": bad})
    assert accept.status_code in (404, 422)
    read = await client.post("/notifications/read", data={"csrf_token": token, "id": bad})
    assert read.status_code == (303 if bad in ("", "-1") else 422)  # -1 is a number, of no notification
