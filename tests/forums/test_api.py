"""The forums API twins: asking, answering, voting, accepting, search, notifications."""

from __future__ import annotations

from hearth import events
from hearth.db import Database
from tests.api.test_accounts import assert_problem
from tests.conftest import sign_in
from tests.forums.conftest import ask

QUESTION = {"title": "Bancontact payment refused at the bakery", "body": "Since this morning every payment fails.",
            "tags": ["bancontact"]}


async def test_ask_answer_vote_accept(client, make_client, database: Database, member, helper, category) -> None:
    await sign_in(client, member.email)
    created = await client.post("/api/v1/threads", json={**QUESTION, "category_id": category.id})
    assert created.status_code == 201, created.text
    thread = created.json()
    assert thread["url"].startswith(f"/t/{thread['id']}/bancontact-payment") and thread["following"]

    other = make_client()
    await sign_in(other, helper.email)
    answered = await other.post(f"/api/v1/threads/{thread['id']}/answers", json={"body": "Restart the terminal."})
    assert answered.status_code == 201
    post_id = answered.json()["id"]
    voted = await client.put(f"/api/v1/posts/{post_id}/vote", json={})
    assert voted.json() == {"post_id": post_id, "score": 1, "voted": True}
    assert_problem(await client.put(f"/api/v1/posts/{post_id}/vote", json={}), 409, "conflict")
    assert_problem(await other.put(f"/api/v1/posts/{post_id}/vote", json={}), 422, "invalid")
    assert_problem(await other.put(f"/api/v1/threads/{thread['id']}/accepted", json={"post_id": post_id}),
                   403, "forbidden")
    accepted = await client.put(f"/api/v1/threads/{thread['id']}/accepted", json={"post_id": post_id})
    assert accepted.json()["solved"] and accepted.json()["answers"][0]["accepted"]

    listed = (await client.get("/api/v1/threads", params={"category": category.slug, "show": "solved"})).json()
    assert [t["id"] for t in listed["items"]] == [thread["id"]]
    assert (await client.get("/api/v1/threads", params={"show": "unanswered"})).json()["items"] == []


async def test_bad_input(client, database: Database, member, category) -> None:
    await sign_in(client, member.email)
    assert_problem(await client.post("/api/v1/threads", json={**QUESTION, "title": "", "category_id": category.id}),
                   422, "invalid")
    assert_problem(await client.post("/api/v1/threads", json={**QUESTION, "category_id": 999}), 404, "not-found")
    assert_problem(await client.post("/api/v1/threads/999/answers", json={"body": "hello there"}), 404, "not-found")
    assert_problem(await client.get("/api/v1/threads", params={"cursor": "%%%"}), 422, "invalid")
    assert_problem(await client.put("/api/v1/posts/999/vote", json={}), 404, "not-found")


async def test_only_admins_manage_categories(client, make_client, member, admin) -> None:
    body = {"name": "Mobile app", "slug": "mobile-app", "description": "The app", "position": 3}
    await sign_in(client, member.email)
    assert_problem(await client.post("/api/v1/categories", json=body), 403, "forbidden")
    boss = make_client()
    await sign_in(boss, admin.email)
    assert (await boss.post("/api/v1/categories", json=body)).status_code == 201
    assert_problem(await boss.post("/api/v1/categories", json=body), 409, "conflict")
    assert_problem(await boss.post("/api/v1/categories", json={**body, "slug": "Bad Slug!"}), 422, "invalid")
    assert [c["slug"] for c in (await client.get("/api/v1/categories")).json()] == ["mobile-app"]


async def test_search_and_similar(client, database: Database, member, category) -> None:
    await ask(database, member, category, title="Card blocked abroad in Spain", tags=["abroad"])
    await ask(database, member, category, title="Mijn kaart is geblokkeerd in het buitenland",
              body="Sinds gisteren werkt mijn bankkaart niet meer in Frankrijk.")
    while await events.drain_once(database):
        pass
    found = (await client.get("/api/v1/search", params={"q": "blocked"})).json()
    assert found["total"] == 1 and "<mark>" in found["hits"][0]["title_html"]
    assert (await client.get("/api/v1/search", params={"q": "geblokkeerd", "language": "nl"})).json()["total"] == 1
    assert (await client.get("/api/v1/search", params={"q": '"unbalanced AND (OR'})).status_code == 200
    similar = (await client.get("/api/v1/search/similar", params={"title": "card blo"})).json()
    assert [h["ref_id"] for h in similar][:1] and "Card" in similar[0]["title_html"]


async def test_notifications_api(client, make_client, database: Database, member, helper, category) -> None:
    thread = await ask(database, member, category)
    other = make_client()
    await sign_in(other, helper.email)
    await other.post(f"/api/v1/threads/{thread.id}/answers", json={"body": "Same here, following."})
    while await events.drain_once(database):
        pass
    await sign_in(client, member.email)
    page = (await client.get("/api/v1/notifications")).json()
    assert page["unread"] == 1 and page["items"][0]["kind"] == "forum.answer"
    assert page["items"][0]["actor_handle"] == helper.handle
    marked = (await client.post("/api/v1/notifications/read", json={})).json()
    assert marked == {"marked": 1, "unread": 0}
    assert_problem(await make_client("10.9.9.9").get("/api/v1/notifications"), 401, "unauthorized")
