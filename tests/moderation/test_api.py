"""The moderation API twins: flags, queue, item, claim, actions, appeal, audit, members, admin lists."""

from __future__ import annotations

from hearth.db import Database
from tests.api.test_accounts import assert_problem
from tests.conftest import sign_in

INSULT = {"title": "Card blocked abroad again", "body": "You are all idiots at this bank."}


async def _ask(client, category, **body) -> dict:  # noqa: ANN003
    response = await client.post("/api/v1/threads", json={**INSULT, **body, "category_id": category.id})
    assert response.status_code == 201, response.text
    return response.json()


async def test_held_post_queue_and_approval(client, make_client, database: Database, regular, moderator,
                                            category) -> None:
    await sign_in(client, regular.email)
    thread = await _ask(client, category)
    assert thread["question"]["state"] == "held"
    assert thread["question"]["moderation"] == [
        "It reads as an insult to someone. A moderator will look at it before it is shown."]
    mine = (await client.get("/api/v1/moderation/mine")).json()
    assert [m["reasons"][0]["code"] for m in mine] == ["insult"]
    assert_problem(await client.get("/api/v1/moderation/queue"), 403, "forbidden")

    mod = make_client()
    await sign_in(mod, moderator.email)
    queue = (await mod.get("/api/v1/moderation/queue")).json()
    assert queue["total"] == 1
    item = queue["items"][0]
    assert item["content"]["state"] == "held" and item["author"]["handle"] == regular.handle
    claimed = (await mod.post(f"/api/v1/moderation/items/{item['id']}/claim", json={"version": item["version"]})).json()
    assert claimed["claimed_by"]["id"] == moderator.id
    stale = await mod.post(f"/api/v1/moderation/items/{item['id']}/actions",
                           json={"action": "approve", "version": item["version"]})
    assert_problem(stale, 409, "conflict")
    done = await mod.post(f"/api/v1/moderation/items/{item['id']}/actions",
                          json={"action": "approve", "version": claimed["version"]})
    assert done.status_code == 200 and done.json()["status"] == "approved"
    assert [h["action"] for h in done.json()["history"]] == ["held", "claimed", "approve"]
    public = (await make_client("127.0.0.9").get(f"/api/v1/threads/{thread['id']}")).json()
    assert public["question"]["state"] == "published"


async def test_flag_api_and_its_errors(client, make_client, database: Database, regular, helper_member,
                                       category) -> None:
    await sign_in(client, regular.email)
    thread = await _ask(client, category, body="A normal question about my savings account")
    other = make_client()
    await sign_in(other, helper_member.email)
    body = {"kind": "forum.post", "content_id": thread["question"]["id"], "reason": "spam"}
    assert (await other.post("/api/v1/flags", json=body)).status_code == 201
    assert_problem(await other.post("/api/v1/flags", json=body), 409, "conflict")
    assert_problem(await client.post("/api/v1/flags", json=body), 422, "invalid")
    assert_problem(await other.post("/api/v1/flags", json={**body, "reason": "boring"}), 422, "invalid")
    assert_problem(await other.post("/api/v1/flags", json={**body, "reason": "other"}), 422, "invalid")
    assert_problem(await other.post("/api/v1/flags", json={**body, "content_id": 424242}), 404, "not-found")


async def test_refused_post_is_a_problem_with_reasons(client, database: Database, admin, regular, category) -> None:
    await sign_in(client, admin.email)
    added = await client.post("/api/v1/moderation/watched-words", json={"pattern": "casino*", "action": "block"})
    assert added.status_code == 201
    broken = await client.post("/api/v1/moderation/watched-words",
                               json={"pattern": "([a-z", "is_regex": True, "action": "flag"})
    problem = assert_problem(broken, 422, "invalid")
    assert "does not compile" in problem["detail"] and problem["errors"][0]["loc"] == ["body", "pattern"]
    await sign_in(client, regular.email)
    refused = await client.post("/api/v1/threads", json={"category_id": category.id, "title": "Great offer here",
                                                        "body": "Visit our Casinos for a bonus"})
    problem = assert_problem(refused, 422, "content-refused")
    assert problem["errors"][0]["type"] == "watched_block" and "Casinos" in problem["errors"][0]["msg"]


async def test_guidelines_audit_and_member_history(client, make_client, database: Database, admin, moderator,
                                                   regular, category) -> None:
    await sign_in(client, admin.email)
    created = await client.post("/api/v1/moderation/guidelines", json={"title": "Be kind", "description": "No insults"})
    assert created.status_code == 201
    guideline_id = created.json()["id"]
    assert_problem(await client.post("/api/v1/moderation/guidelines", json={"title": "Be kind"}), 409, "conflict")
    mod = make_client()
    await sign_in(mod, moderator.email)
    assert_problem(await mod.post("/api/v1/moderation/guidelines", json={"title": "Mine"}), 403, "forbidden")
    assert [g["title"] for g in (await mod.get("/api/v1/moderation/guidelines")).json()] == ["Be kind"]
    suspended = await mod.put(f"/api/v1/moderation/members/{regular.handle}/suspension",
                              json={"days": 2, "guideline_id": guideline_id, "note": "cool down"})
    assert suspended.status_code == 200 and suspended.json()["suspended_until"]
    assert_problem(await mod.put(f"/api/v1/moderation/members/{regular.handle}/suspension", json={"days": 2}),
                   422, "invalid")
    # Lifting is said out loud: an empty body (or one cut off) is refused and changes nothing.
    for vague in ({}, {"lift": False}, {"days": None}, {"days": 2, "lift": True, "guideline_id": guideline_id}):
        assert_problem(await mod.put(f"/api/v1/moderation/members/{regular.handle}/suspension", json=vague),
                       422, "invalid")
    still = (await mod.get(f"/api/v1/moderation/members/{regular.handle}")).json()
    assert still["suspended_until"] == suspended.json()["suspended_until"]
    lifted = await mod.put(f"/api/v1/moderation/members/{regular.handle}/suspension", json={"lift": True})
    assert lifted.status_code == 200 and lifted.json()["suspended_until"] is None
    audit = (await mod.get("/api/v1/moderation/audit")).json()["items"]
    assert [a["action"] for a in audit] == ["unsuspend", "suspend", "guideline_saved"]
    assert audit[1]["guideline"] == "Be kind" and audit[1]["subject"]["handle"] == regular.handle
    history = (await mod.get(f"/api/v1/moderation/members/{regular.handle}")).json()
    assert [a["action"] for a in history["actions"]] == ["unsuspend", "suspend"]
    assert_problem(await mod.get("/api/v1/moderation/members/nobody-here"), 404, "not-found")
    assert_problem(await mod.get("/api/v1/moderation/items/999"), 404, "not-found")
