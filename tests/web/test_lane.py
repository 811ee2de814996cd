"""The kept-page lane (web/lane.py) answers what the route answered, and leaves the rest to it.

Each test watches which requests reach FastAPI's stack behind the lane: a kept page must not,
and must come back with the route's own body and headers; anything the lane must not decide
(a first visit, a changed page, htmx, an API token, a write, a signed-out cookie) must.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from forums import service as forums
from hearth import metrics
from hearth.accounts.models import Account, Role
from hearth.db import Database
from tests.conftest import csrf_of, sign_in
from tests.forums.conftest import answer, ask
from tests.moderation.conftest import aged_member

SAME_HEADERS = ("content-type", "content-length", "content-security-policy", "x-frame-options",
                "x-content-type-options", "referrer-policy", "vary")


@pytest.fixture
def routed(app) -> Iterator[list[str]]:
    """The paths of the requests that went past the lane to FastAPI."""
    lane = app.front.app
    behind = lane.app
    seen: list[str] = []

    async def watch(scope, receive, send) -> None:
        if scope["type"] == "http":
            seen.append(scope["path"])
        await behind(scope, receive, send)

    lane.app = watch
    try:
        yield seen
    finally:
        lane.app = behind


async def test_a_kept_page_comes_from_the_lane_as_the_route_made_it(database: Database, category, make_client,
                                                                    routed: list[str]) -> None:
    asker = await aged_member(database, "asker@example.com", "Anna Asker")
    thread = await ask(database, asker, category)
    url = forums.thread_url(thread)
    client = make_client()
    await sign_in(client, asker.email)
    routed.clear()

    first = await client.get(url)
    kept = await client.get(url)
    assert routed == [url], "the second request should not have been routed"
    assert first.status_code == kept.status_code == 200
    assert kept.text == first.text
    for name in SAME_HEADERS:
        assert kept.headers.get(name) == first.headers.get(name), name
    assert f'value="{csrf_of(client)}"' in kept.text and "__hearth_csrf_token__" not in kept.text


async def test_visitors_get_kept_pages_from_the_lane_with_their_own_token(database: Database, category,
                                                                         make_client, routed: list[str]) -> None:
    asker = await aged_member(database, "asker@example.com", "Anna Asker")
    url = forums.thread_url(await ask(database, asker, category))
    one, other = make_client(), make_client()
    first = await one.get(url)
    again = await other.get(url)  # a new visitor: their own CSRF cookie, set by the lane's answer
    assert routed == [url]
    assert again.text.replace(csrf_of(other), "TOKEN") == first.text.replace(csrf_of(one), "TOKEN")
    assert csrf_of(one) != csrf_of(other) and "set-cookie" in again.headers


async def test_the_lane_leaves_to_the_route_what_is_not_a_plain_kept_page(database: Database, category,
                                                                          make_client, routed: list[str]) -> None:
    asker = await aged_member(database, "asker@example.com", "Anna Asker")
    thread = await ask(database, asker, category)
    url = forums.thread_url(thread)
    client = make_client()
    await sign_in(client, asker.email)
    await client.get(url)  # kept now
    routed.clear()

    assert (await client.get(url, headers={"HX-Request": "true"})).status_code == 200
    assert (await client.get(url, headers={"Authorization": "Bearer not-a-token"})).status_code != 200
    await answer(database, asker, thread.id, "Found it: geo-blocking was on.")
    changed = await client.get(url)
    assert "geo-blocking was on" in changed.text
    assert routed == [url, url, url], "htmx, a bearer token and a changed page are the route's"

    routed.clear()
    client.cookies.set("hearth_session", "forged-session-cookie")
    signed_out = await client.get(url)
    assert routed == [url] and signed_out.status_code == 200 and "Anna Asker" in signed_out.text
    assert 'href="/signin' in signed_out.text, "a forged cookie is a visitor, never the member"


async def test_a_members_language_and_roles_choose_their_kept_page(database: Database, category, make_client,
                                                                   routed: list[str]) -> None:
    asker = await aged_member(database, "asker@example.com", "Anna Asker")
    url = forums.thread_url(await ask(database, asker, category))
    french = await aged_member(database, "fr@example.com", "Fanny Français")
    async with database.sessionmaker() as s:
        (await s.get(Account, french.id)).language = "fr"
        await s.commit()
    english, francophone = make_client(), make_client()
    await sign_in(english, asker.email)
    await sign_in(francophone, french.email)
    for _twice in range(2):
        assert 'lang="en"' in (await english.get(url)).text
        assert 'lang="fr"' in (await francophone.get(url)).text
    assert routed.count(url) == 2, "each language rendered once, then kept"


async def test_lane_answers_are_counted_under_their_route(database: Database, category, make_client) -> None:
    asker = await aged_member(database, "asker@example.com", "Anna Asker")
    url = forums.thread_url(await ask(database, asker, category))
    client = make_client()
    await sign_in(client, asker.email)
    await client.get(url)
    key = (("method", "GET"), ("route", "/t/{thread_id}/{slug}"), ("status", "200"))
    before = metrics.REQUESTS.values[key]
    await client.get(url)  # kept: the lane's answer
    assert metrics.REQUESTS.values[key] == before + 1


async def test_a_private_page_kept_for_an_agent_is_not_theirs_once_the_role_is_gone(
        database: Database, make_client, routed: list[str]) -> None:
    agent = await aged_member(database, "agent@example.com", "Ada Agent")
    async with database.sessionmaker() as s:
        (await s.get(Account, agent.id)).roles = frozenset({Role.MEMBER, Role.RETENTION_AGENT})
        await s.commit()
    client = make_client()
    await sign_in(client, agent.email)
    assert (await client.get("/retention")).status_code == 200
    assert (await client.get("/retention")).status_code == 200
    assert routed.count("/retention") == 1, "kept for the agent"

    async with database.sessionmaker() as s:
        (await s.get(Account, agent.id)).roles = frozenset({Role.MEMBER})
        await s.commit()
    refused = await client.get("/retention")
    assert refused.status_code == 403 and routed.count("/retention") == 2
