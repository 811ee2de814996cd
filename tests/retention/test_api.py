"""The retention API twins: dashboard, case list and detail, take, assign, attempts, notes, close,
agents and root causes."""

from __future__ import annotations

from hearth.db import Database
from tests.api.test_accounts import assert_problem
from tests.conftest import sign_in
from tests.retention.conftest import write


async def test_an_agent_works_a_case_through_the_api(client, make_client, database: Database, pool, product,
                                                     customer, agent, other_agent, root_cause) -> None:
    review_id = await write(database, customer, product.id, rating=1)
    await sign_in(client, agent.email)
    page = (await client.get("/api/v1/retention/cases?view=pool")).json()
    assert page["total"] == 1
    item = page["items"][0]
    assert item["review"]["id"] == review_id and item["review"]["state"] == "published"
    assert item["assignee"] is None and item["customer"]["display_name"] == "Chris Customer"
    assert item["overdue"] is False and item["rating_before"] == 1

    other = make_client()
    await sign_in(other, other_agent.email)
    taken = await client.post(f"/api/v1/retention/cases/{item['id']}/take", json={"version": item["version"]})
    assert taken.status_code == 200 and taken.json()["assignee"]["id"] == agent.id
    late = assert_problem(await other.post(f"/api/v1/retention/cases/{item['id']}/take",
                                           json={"version": item["version"]}), 409, "conflict")
    assert "already has this case" in late["detail"]
    version = taken.json()["version"]

    attempt = await client.post(f"/api/v1/retention/cases/{item['id']}/attempts",
                                json={"channel": "phone", "result": "reached", "note": "Fee refunded"})
    assert attempt.status_code == 201 and attempt.json()["first_contact_at"] is not None
    assert [a["result"] for a in attempt.json()["attempts"]] == ["reached"]
    assert_problem(await client.post(f"/api/v1/retention/cases/{item['id']}/attempts",
                                     json={"channel": "fax", "result": "reached"}), 422, "invalid")
    assert (await other.post(f"/api/v1/retention/cases/{item['id']}/notes",
                             json={"text": "I know this customer"})).status_code == 201

    no_outcome = assert_problem(await client.post(f"/api/v1/retention/cases/{item['id']}/close",
                                                  json={"version": version + 1}), 422, "invalid")
    assert "Choose the outcome" in no_outcome["detail"]
    closed = await client.post(f"/api/v1/retention/cases/{item['id']}/close", json={
        "version": version + 1, "outcome": "retained", "root_cause_id": root_cause.id, "note": "Stays"})
    assert closed.status_code == 200, closed.text
    body = closed.json()
    assert body["status"] == "closed" and body["outcome"] == "retained"
    assert body["root_cause"]["name"] == "Fees and pricing" and body["closed_by"]["id"] == agent.id
    assert body["customer"]["email"] == customer.email
    assert [h["action"] for h in body["history"]] == ["opened", "taken", "attempt", "note", "closed"]

    detail = (await other.get(f"/api/v1/retention/cases/{item['id']}")).json()
    assert detail["closing_note"] == "Stays" and detail["review"]["title"] == "Hidden fees everywhere"
    board = (await client.get("/api/v1/retention/dashboard")).json()
    assert board["outcomes"]["retained"] == 1 and board["retention_rate"] == 1.0 and board["open"] == 0
    assert board["by_product"] == [{"key": str(product.id), "label": "Current account", "retained": 1,
                                    "churned": 0, "rate": 1.0}]
    assert len(board["by_month"]) == 12
    assert [c["id"] for c in (await client.get("/api/v1/retention/cases?view=closed")).json()["items"]] == [
        item["id"]]
    assert (await client.get(f"/api/v1/retention/cases?view=all&product_id={product.id + 99}")).json()["total"] == 0
    assert_problem(await client.get("/api/v1/retention/cases/424242"), 404, "not-found")


async def test_assigning_through_the_api(client, database: Database, product, customer, agent, other_agent,
                                         admin) -> None:
    await write(database, customer, product.id, rating=2)
    await sign_in(client, admin.email)
    agents = (await client.get("/api/v1/retention/agents")).json()
    assert [a["display_name"] for a in agents] == ["Ruben Agent", "Sara Agent"]
    item = (await client.get("/api/v1/retention/cases?view=open")).json()["items"][0]
    assert item["assignee"]["id"] == agent.id  # round robin
    moved = await client.post(f"/api/v1/retention/cases/{item['id']}/assign",
                              json={"version": item["version"], "agent_id": other_agent.id})
    assert moved.status_code == 200 and moved.json()["assignee"]["id"] == other_agent.id
    stale = assert_problem(await client.post(f"/api/v1/retention/cases/{item['id']}/assign",
                                             json={"version": item["version"], "agent_id": agent.id}), 409,
                           "conflict")
    assert "just now" in stale["detail"]
    pooled = await client.post(f"/api/v1/retention/cases/{item['id']}/assign",
                               json={"version": moved.json()["version"]})
    assert pooled.json()["assignee"] is None
    assert_problem(await client.post(f"/api/v1/retention/cases/{item['id']}/assign", json={
        "version": pooled.json()["version"], "agent_id": customer.id}), 422, "invalid")


async def test_only_the_team_sees_retention_and_only_admins_edit_root_causes(
        client, make_client, database: Database, product, customer, agent, admin, root_cause) -> None:
    await write(database, customer, product.id)
    await sign_in(client, customer.email)
    for path in ("/api/v1/retention/dashboard", "/api/v1/retention/cases", "/api/v1/retention/root-causes"):
        assert_problem(await client.get(path), 403, "forbidden")
    agent_client = make_client()
    await sign_in(agent_client, agent.email)
    assert [r["name"] for r in (await agent_client.get("/api/v1/retention/root-causes")).json()] == [
        "Fees and pricing"]
    assert_problem(await agent_client.post("/api/v1/retention/root-causes", json={"name": "Branch closed"}), 403,
                   "forbidden")
    admin_client = make_client("127.0.0.3")
    await sign_in(admin_client, admin.email)
    added = await admin_client.post("/api/v1/retention/root-causes", json={"name": "Branch  closed", "position": 1})
    assert added.status_code == 201 and added.json()["name"] == "Branch closed"
    assert_problem(await admin_client.post("/api/v1/retention/root-causes", json={"name": "Branch closed"}), 409,
                   "conflict")
    retired = await admin_client.put(f"/api/v1/retention/root-causes/{root_cause.id}",
                                     json={"name": "Fees", "position": 0, "active": False})
    assert retired.json() == {"id": root_cause.id, "name": "Fees", "position": 0, "active": False}
    assert_problem(await admin_client.put("/api/v1/retention/root-causes/999", json={"name": "Nope"}), 404,
                   "not-found")
