"""Two server processes on one database, as `hearth serve --workers 2` runs: what one process
changes (a sign-out, a revoked token, a role, a suspension, an answer) holds on the very next
request the other one serves, although each keeps its own shared renders (web/shared.py).

Each test starts its own pair of servers: a process's kept pages must not outlive the test's
data, which the next test replaces under the same ids.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from forums import service as forums
from hearth.accounts.models import Account
from hearth.db import Database
from tests.conftest import PASSWORD, csrf_of
from tests.forums.conftest import answer, ask
from tests.moderation.conftest import aged_member

STARTUP_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def servers(database: Database) -> Iterator[tuple[str, str]]:
    """Two `uvicorn server:create_app` processes on this test run's database."""
    env = {**os.environ, "HEARTH_INPROCESS_WORKER": "false", "HEARTH_LOG_LEVEL": "warning"}
    ports = [_free_port(), _free_port()]
    processes = [subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "server:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--no-access-log", "--log-level", "warning"], env=env) for port in ports]
    urls = tuple(f"http://127.0.0.1:{port}" for port in ports)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        for url, process in zip(urls, processes, strict=True):
            while True:
                assert process.poll() is None, "a server process exited at start"
                try:
                    if httpx.get(url + "/livez", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "a server process did not start"
                time.sleep(0.1)
        yield urls  # type: ignore[misc]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


@pytest.fixture
async def browser() -> AsyncIterator[httpx.AsyncClient]:
    """One browser: its cookies go to both processes (same host, another port)."""
    async with httpx.AsyncClient(timeout=30) as client:
        yield client


async def _sign_in(client: httpx.AsyncClient, url: str, account: Account) -> None:
    response = await client.post(url + "/api/v1/auth/signin", json={"email": account.email, "password": PASSWORD})
    assert response.status_code == 200, response.text


async def test_sign_out_a_revoked_token_and_a_deactivation_hold_in_the_other_process(
        database: Database, servers, browser, admin) -> None:
    a, b = servers
    member = await aged_member(database, "member@example.com", "Mia Member")
    await _sign_in(browser, a, member)
    assert (await browser.get(b + "/notifications")).status_code == 200  # kept by b now
    assert (await browser.post(a + "/api/v1/auth/signout", json={})).status_code == 204
    page = await browser.get(b + "/notifications")
    assert page.status_code == 303 and page.headers["location"].startswith("/signin")
    assert (await browser.get(b + "/api/v1/me")).status_code == 401

    await _sign_in(browser, a, member)
    created = (await browser.post(a + "/api/v1/me/tokens", json={"name": "script"})).json()
    bearer = {"authorization": f"Bearer {created['token']}"}
    async with httpx.AsyncClient(timeout=30) as script:
        assert (await script.get(b + "/api/v1/me", headers=bearer)).status_code == 200
        revoke = await browser.delete(f"{a}/api/v1/me/tokens/{created['id']}",
                                      headers={"x-csrf-token": csrf_of(browser)})
        assert revoke.status_code == 200
        revoked = await script.get(b + "/api/v1/me", headers=bearer)
        assert revoked.status_code == 401 and revoked.headers["content-type"] == "application/problem+json"

    admins = httpx.AsyncClient(timeout=30)
    async with admins:
        await _sign_in(admins, a, admin)
        assert (await browser.get(b + "/")).text.count("Mia Member") >= 1
        off = await admins.put(f"{a}/api/v1/admin/accounts/{member.id}/active", json={"active": False})
        assert off.status_code == 200
    assert (await browser.get(b + "/api/v1/me")).status_code == 401
    assert "Mia Member" not in (await browser.get(b + "/")).text.split("</header>")[0]


async def test_a_role_change_and_a_suspension_hold_in_the_other_process(
        database: Database, servers, browser, admin, guideline, category) -> None:
    a, b = servers
    member = await aged_member(database, "member@example.com", "Mia Member")
    thread = await ask(database, admin, category)
    await _sign_in(browser, a, member)
    assert (await browser.get(b + "/mod")).status_code == 403
    admins = httpx.AsyncClient(timeout=30)
    async with admins:
        await _sign_in(admins, a, admin)
        granted = await admins.put(f"{a}/api/v1/admin/accounts/{member.id}/roles", json={"roles": ["moderator"]})
        assert granted.status_code == 200
        assert (await browser.get(b + "/mod")).status_code == 200
        withdrawn = await admins.put(f"{a}/api/v1/admin/accounts/{member.id}/roles", json={"roles": []})
        assert withdrawn.status_code == 200
        assert (await browser.get(b + "/mod")).status_code == 403

        suspended = await admins.put(f"{a}/api/v1/moderation/members/{member.handle}/suspension",
                                     json={"days": 3, "guideline_id": guideline.id})
        assert suspended.status_code == 200
    refused = await browser.post(f"{b}/api/v1/threads/{thread.id}/answers", json={"body": "Let me answer this."})
    assert refused.status_code == 403 and "suspended" in refused.json()["detail"]
    assert (await browser.get(b + forums.thread_url(thread))).status_code == 200  # reading goes on


async def test_what_one_process_writes_is_on_the_others_kept_pages_at_once(
        database: Database, servers, browser, category) -> None:
    a, b = servers
    asker = await aged_member(database, "asker@example.com", "Anna Asker")
    thread = await ask(database, asker, category, title="Which card works in Japan?")
    url = forums.thread_url(thread)
    reader = await aged_member(database, "reader@example.com", "Rea Reader")
    await _sign_in(browser, a, reader)
    for process in (a, b):  # both keep the thread, the home page and the category now
        for page in (url, "/", "/c/" + category.slug):
            assert (await browser.get(process + page)).status_code == 200

    posted = await browser.post(f"{a}/api/v1/threads/{thread.id}/answers", json={"body": "Mine did, a Visa debit."})
    assert posted.status_code == 201
    assert "Mine did, a Visa debit." in (await browser.get(b + url)).text
    edited = await browser.patch(f"{a}/api/v1/posts/{posted.json()['id']}", json={"body": "Yes: a Visa debit card."})
    assert edited.status_code == 200
    assert "Yes: a Visa debit card." in (await browser.get(b + url)).text
    await answer(database, asker, thread.id, "Thanks, that settles it for me.")
    assert "Thanks, that settles it" in (await browser.get(b + url)).text

    asked = await browser.post(a + "/api/v1/threads", json={"category_id": category.id,
                                                            "title": "Is there a fee abroad?",
                                                            "body": "Do I pay anything when I pay in yen?"})
    assert asked.status_code == 201
    assert "Is there a fee abroad?" in (await browser.get(b + "/")).text
    assert "Is there a fee abroad?" in (await browser.get(b + "/c/" + category.slug)).text
