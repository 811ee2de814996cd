"""The idea exchange's API: what visitors read, what members write, what product managers decide."""

from __future__ import annotations

import csv
import io

import pytest

from hearth import events
from hearth.accounts.models import Role
from hearth.db import Database
from hearth.settings import get_settings
from tests.api.test_accounts import assert_problem
from tests.conftest import create_member, sign_in

IDEA = {"title": "Split a payment with friends in the app", "body": "Like a tikkie, but inside the banking app."}


@pytest.fixture
async def manager(database: Database):
    return await create_member(database, "pm@example.com", "Pia Product", frozenset({Role.PRODUCT_MANAGER}))


@pytest.fixture
async def pm(make_client, manager):
    browser = make_client()
    await sign_in(browser, manager.email)
    return browser


@pytest.fixture
async def signed_in(client, member):
    await sign_in(client, member.email)
    return client


async def _propose(client, **changes) -> dict:  # noqa: ANN003
    created = await client.post("/api/v1/ideas", json={**IDEA, **changes})
    assert created.status_code == 201, created.text
    return created.json()


async def _drain(database: Database) -> None:
    while await events.drain_once(database):
        pass


async def test_propose_read_vote_and_list(signed_in, client, make_client, database: Database, pm) -> None:
    area = await pm.post("/api/v1/ideas/areas", json={"name": "Mobile app", "slug": "mobile-app",
                                                       "brand": "Belfius Bank"})
    assert area.status_code == 201, area.text
    idea = await _propose(signed_in, area="mobile-app", tags=["payments"])
    assert {k: idea[k] for k in ("title", "status", "vote_count", "voted", "merged_into", "area", "comment_count")} == {
        "title": IDEA["title"], "status": "open", "vote_count": 0, "voted": False, "merged_into": None,
        "area": "mobile-app", "comment_count": 0}
    assert idea["url"] == f"/ideas/{idea['id']}" and idea["following"] and idea["tags"] == ["payments"]

    assert (await signed_in.put(f"/api/v1/ideas/{idea['id']}/vote", json={})).json() == {
        "idea_id": idea["id"], "vote_count": 1, "voted": True, "votes_left": None}
    again = await signed_in.put(f"/api/v1/ideas/{idea['id']}/vote", json={})
    assert again.status_code == 200 and again.json()["vote_count"] == 1  # PUT twice is one vote

    listed = (await signed_in.get("/api/v1/ideas", params={"sort": "top", "area": "mobile-app"})).json()
    assert listed["next"] is None and listed["next_cursor"] is None
    assert [(i["id"], i["vote_count"], i["voted"]) for i in listed["items"]] == [(idea["id"], 1, True)]
    visitor = make_client()
    seen = (await visitor.get("/api/v1/ideas")).json()["items"][0]
    assert (seen["voted"], seen["author"]["handle"]) == (False, idea["author"]["handle"])
    assert (await visitor.get(f"/api/v1/ideas/{idea['id']}")).json()["vote_count"] == 1
    mine = (await signed_in.get("/api/v1/ideas", params={"mine": "true"})).json()["items"]
    assert [i["id"] for i in mine] == [idea["id"]]
    assert_problem(await visitor.get("/api/v1/ideas", params={"mine": "true"}), 401, "unauthorized")

    taken_back = await signed_in.request("DELETE", f"/api/v1/ideas/{idea['id']}/vote", json={})
    assert taken_back.json() == {"idea_id": idea["id"], "vote_count": 0, "voted": False, "votes_left": None}
    assert (await signed_in.get("/api/v1/ideas", params={"status": "open", "sort": "new"})).json()["items"][0][
        "vote_count"] == 0
    assert [a["slug"] for a in (await visitor.get("/api/v1/ideas/areas")).json()] == ["mobile-app"]


async def test_lists_page_with_a_cursor_and_refuse_unknown_parameters(signed_in) -> None:
    made = [await _propose(signed_in, title=f"Paged idea number {n} for all") for n in range(3)]
    seen, cursor = [], None
    while True:
        page = (await signed_in.get("/api/v1/ideas", params={"limit": 2, **({"cursor": cursor} if cursor else {})}))
        seen += [i["id"] for i in page.json()["items"]]
        cursor = page.json()["next"]
        if not cursor:
            break
    assert sorted(seen) == sorted(i["id"] for i in made)
    assert_problem(await signed_in.get("/api/v1/ideas", params={"page": 2}), 422, "invalid")
    assert_problem(await signed_in.get("/api/v1/ideas", params={"sort": "hot"}), 422, "invalid")
    assert_problem(await signed_in.get("/api/v1/ideas", params={"cursor": "%%%"}), 422, "invalid")
    assert_problem(await signed_in.get("/api/v1/ideas", params={"area": "nowhere"}), 404, "not-found")
    assert_problem(await signed_in.get("/api/v1/ideas/999"), 404, "not-found")


async def test_visitors_read_but_do_not_write(client, signed_in, make_client) -> None:
    idea = await _propose(signed_in)
    visitor = make_client()
    assert (await visitor.get(f"/api/v1/ideas/{idea['id']}")).status_code == 200
    assert_problem(await visitor.post("/api/v1/ideas", json=IDEA), 401, "unauthorized")
    assert_problem(await visitor.put(f"/api/v1/ideas/{idea['id']}/vote", json={}), 401, "unauthorized")
    assert_problem(await visitor.post(f"/api/v1/ideas/{idea['id']}/comments", json={"body": "Hi"}), 401,
                   "unauthorized")


async def test_bad_input_is_a_422(signed_in) -> None:
    assert_problem(await signed_in.post("/api/v1/ideas", json={**IDEA, "title": ""}), 422, "invalid")
    assert_problem(await signed_in.post("/api/v1/ideas", json={**IDEA, "area": "no-such-area"}), 422, "invalid")
    assert_problem(await signed_in.post("/api/v1/ideas", json={**IDEA, "tags": ["Not a tag!"]}), 422, "invalid")
    assert_problem(await signed_in.put("/api/v1/ideas/0/vote", json={}), 422, "invalid")
    assert_problem(await signed_in.put("/api/v1/ideas/999/vote", json={}), 404, "not-found")


async def test_comments_follow_and_similar(signed_in, make_client, database: Database, helper_member) -> None:
    idea = await _propose(signed_in, title="Contactless payments with my watch")
    other = make_client()
    await sign_in(other, helper_member.email)
    said = await other.post(f"/api/v1/ideas/{idea['id']}/comments", json={"body": "Garmin Pay would be great."})
    assert said.status_code == 201 and said.json()["author"]["id"] == helper_member.id
    detail = (await other.get(f"/api/v1/ideas/{idea['id']}")).json()
    assert detail["comment_count"] == 1 and detail["following"] and detail["comments"][0]["body"].startswith("Garmin")
    assert (await other.request("DELETE", f"/api/v1/ideas/{idea['id']}/following", json={})).status_code == 204
    assert not (await other.get(f"/api/v1/ideas/{idea['id']}")).json()["following"]
    await _drain(database)
    found = (await other.get("/api/v1/ideas/similar", params={"q": "contactless pay"})).json()
    assert [(f["id"], f["status"], f["vote_count"]) for f in found] == [(idea["id"], "open", 0)]
    assert "<mark>" in found[0]["title_html"]
    assert (await other.get("/api/v1/ideas/similar", params={"q": ""})).json() == []


@pytest.fixture
async def helper_member(database: Database):
    return await create_member(database, "helper@example.com", "Hanna Helper")


async def test_product_managers_triage_and_voters_hear(signed_in, make_client, database: Database, pm,
                                                      helper_member) -> None:
    idea = await _propose(signed_in)
    fan = make_client()
    await sign_in(fan, helper_member.email)
    await fan.put(f"/api/v1/ideas/{idea['id']}/vote", json={})
    assert_problem(await signed_in.put(f"/api/v1/ideas/{idea['id']}/status",
                                       json={"status": "planned", "response": "Soon."}), 403, "forbidden")
    assert_problem(await pm.put(f"/api/v1/ideas/{idea['id']}/status", json={"status": "planned"}), 422, "invalid")
    assert_problem(await pm.put(f"/api/v1/ideas/{idea['id']}/status",
                                json={"status": "merged", "response": "Dup."}), 422, "invalid")
    changed = await pm.put(f"/api/v1/ideas/{idea['id']}/status",
                           json={"status": "planned", "response": "Planned for **June**.", "version": 0})
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert body["status"] == "planned" and body["version"] == 1
    assert body["status_changes"][-1]["response_html"] == "<p>Planned for <strong>June</strong>.</p>\n"
    assert_problem(await pm.put(f"/api/v1/ideas/{idea['id']}/status",
                                json={"status": "declined", "response": "No.", "version": 0}), 409, "conflict")
    await _drain(database)
    news = (await fan.get("/api/v1/notifications")).json()["items"]
    assert [(n["kind"], n["url"]) for n in news] == [("idea.planned", f"/ideas/{idea['id']}")]
    roadmap = (await fan.get("/api/v1/ideas/roadmap")).json()
    assert [i["id"] for i in roadmap["planned"]] == [idea["id"]] and roadmap["completed"] == []

    await pm.put(f"/api/v1/ideas/{idea['id']}/status", json={"status": "completed", "response": "Shipped."})
    assert_problem(await fan.put(f"/api/v1/ideas/{idea['id']}/vote", json={}), 409, "conflict")
    assert_problem(await fan.request("DELETE", f"/api/v1/ideas/{idea['id']}/vote", json={}), 409, "conflict")


async def test_merging_moves_votes_and_refuses_itself_and_cycles(signed_in, make_client, pm, helper_member) -> None:
    duplicate = await _propose(signed_in, title="Dark mode for the banking app")
    original = await _propose(signed_in, title="A dark theme for the mobile app")
    fan = make_client()
    await sign_in(fan, helper_member.email)
    for idea in (duplicate, original):
        await fan.put(f"/api/v1/ideas/{idea['id']}/vote", json={})
    await signed_in.put(f"/api/v1/ideas/{duplicate['id']}/vote", json={})
    assert_problem(await signed_in.post(f"/api/v1/ideas/{duplicate['id']}/merge", json={"into": original["id"]}),
                   403, "forbidden")
    assert_problem(await pm.post(f"/api/v1/ideas/{duplicate['id']}/merge", json={"into": duplicate["id"]}),
                   422, "invalid")
    merged = await pm.post(f"/api/v1/ideas/{duplicate['id']}/merge", json={"into": original["id"]})
    assert merged.status_code == 200, merged.text
    assert (merged.json()["status"], merged.json()["merged_into"], merged.json()["vote_count"]) == (
        "merged", original["id"], 0)
    assert merged.json()["merged_into_title"] == original["title"]
    assert (await fan.get(f"/api/v1/ideas/{original['id']}")).json()["vote_count"] == 2  # the fan keeps one vote
    assert_problem(await pm.post(f"/api/v1/ideas/{original['id']}/merge", json={"into": duplicate["id"]}),
                   409, "conflict")
    assert_problem(await fan.put(f"/api/v1/ideas/{duplicate['id']}/vote", json={}), 409, "conflict")
    assert_problem(await pm.post(f"/api/v1/ideas/{duplicate['id']}/merge", json={"into": 999}), 404, "not-found")
    listed = {i["id"]: i for i in (await fan.get("/api/v1/ideas")).json()["items"]}
    assert listed[duplicate["id"]]["merged_into"] == original["id"] and listed[original["id"]]["voted"]


async def test_the_vote_budget_is_a_409_when_spent(signed_in, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "idea_vote_budget", 1)
    first, second = [await _propose(signed_in, title=f"Budgeted idea number {n}") for n in (1, 2)]
    assert (await signed_in.put(f"/api/v1/ideas/{first['id']}/vote", json={})).json()["votes_left"] == 0
    assert_problem(await signed_in.put(f"/api/v1/ideas/{second['id']}/vote", json={}), 409, "conflict")
    back = await signed_in.request("DELETE", f"/api/v1/ideas/{first['id']}/vote", json={})
    assert back.json()["votes_left"] == 1
    assert (await signed_in.put(f"/api/v1/ideas/{second['id']}/vote", json={})).json()["voted"]


async def test_the_board_and_the_export_are_for_product_managers(signed_in, pm) -> None:
    idea = await _propose(signed_in, title="=SUM(A1) is not a formula here")
    for path in ("/api/v1/ideas/board", "/api/v1/ideas/export.csv"):
        assert_problem(await signed_in.get(path), 403, "forbidden")
    board = (await pm.get("/api/v1/ideas/board")).json()
    assert board == {"areas": [{"area": None, "area_name": None, "counts": {"open": 1}}], "themes": []}
    exported = await pm.get("/api/v1/ideas/export.csv")
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    assert "attachment" in exported.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(exported.text)))
    assert rows[0][:3] == ["id", "title", "status"] and rows[1][:3] == [str(idea["id"]), "'=SUM(A1) is not a formula "
                                                                        "here", "open"]
    assert len(rows) == 2
