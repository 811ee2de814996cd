"""Retention pages: dashboard with its chart, case list with filters, a case worked through its
forms (take, assign, attempt, note, close), and root causes for admins."""

from __future__ import annotations

import re

from hearth.db import Database
from tests.conftest import csrf_of, sign_in
from tests.retention.conftest import case_of, write


def _forms_carry_the_token(html: str) -> None:
    forms = re.findall(r"<form method=\"post\".*?</form>", html, flags=re.S)
    assert forms and all('name="csrf_token"' in f for f in forms)


async def test_an_agent_works_a_case_in_pages(client, make_client, database: Database, pool, product, customer,
                                              agent, other_agent, root_cause) -> None:
    found = await case_of(database, await write(database, customer, product.id, rating=1))
    await sign_in(client, agent.email)
    listing = await client.get("/retention/cases?view=pool")
    assert listing.status_code == 200 and "Hidden fees everywhere" in listing.text and "Chris Customer" in listing.text
    assert "Hidden fees everywhere" not in (await client.get("/retention/cases?view=closed")).text
    page = await client.get(f"/retention/cases/{found.id}")
    assert page.status_code == 200 and customer.email in page.text and "Take this case" in page.text
    _forms_carry_the_token(page.text)

    token = csrf_of(client)
    taken = await client.post(f"/retention/cases/{found.id}/take", data={"csrf_token": token,
                                                                          "version": str(found.version)})
    assert taken.status_code == 303 and taken.headers["location"] == f"/retention/cases/{found.id}?done=take"
    other = make_client()
    await sign_in(other, other_agent.email)
    late = await other.post(f"/retention/cases/{found.id}/take", data={"csrf_token": csrf_of(other),
                                                                        "version": str(found.version)})
    assert late.status_code == 409 and "Ruben Agent already has this case" in late.text

    attempt = await client.post(f"/retention/cases/{found.id}/attempts", data={
        "csrf_token": token, "channel": "phone", "result": "left_message", "note": "Voicemail"})
    assert attempt.status_code == 303
    wrong = await client.post(f"/retention/cases/{found.id}/attempts", data={
        "csrf_token": token, "channel": "pigeon", "result": "reached"})
    assert wrong.status_code == 422 and "Please check what you entered" in wrong.text
    noted = await other.post(f"/retention/cases/{found.id}/notes", data={"csrf_token": csrf_of(other),
                                                                          "text": "Called us before, in May"})
    assert noted.status_code == 303

    version = (await case_of(database, found.review_id)).version
    missing = await client.post(f"/retention/cases/{found.id}/close", data={
        "csrf_token": token, "version": str(version), "root_cause_id": str(root_cause.id)})
    assert missing.status_code == 422 and "Choose the outcome" in missing.text
    assert f'value="{root_cause.id}" selected' in missing.text  # what was chosen stays chosen
    done = await client.post(f"/retention/cases/{found.id}/close", data={
        "csrf_token": token, "version": str(version), "outcome": "unreachable", "note": "Three tries"})
    assert done.status_code == 303
    closed = await client.get(done.headers["location"])
    assert "Closed" in closed.text and "Unreachable" in closed.text and "Left a message" in closed.text
    assert "Called us before, in May" in closed.text and "Take this case" not in closed.text


async def test_the_dashboard_shows_the_chart(client, database: Database, product, customer, agent) -> None:
    await write(database, customer, product.id, rating=2)
    await sign_in(client, agent.email)
    page = await client.get("/retention")
    assert page.status_code == 200
    assert '<svg class="bar-chart"' in page.text and page.text.count("<rect ") >= 12
    assert "Median time to first contact" in page.text and "Retention rate by product" in page.text
    mine = await client.get("/retention/cases?view=mine")
    assert "Hidden fees everywhere" in mine.text
    assert "Hidden fees everywhere" not in (await client.get(f"/retention/cases?product_id={product.id + 9}")).text


async def test_pages_speak_the_agents_language(client, database: Database, product, customer, agent) -> None:
    found = await case_of(database, await write(database, customer, product.id, rating=2))
    await sign_in(client, agent.email)
    await client.post("/language", data={"csrf_token": csrf_of(client), "language": "fr", "next": "/retention"})
    page = await client.get(f"/retention/cases/{found.id}")
    assert "Clôturer le dossier" in page.text and "Tentatives de contact" in page.text


async def test_members_are_kept_out(client, database: Database, customer) -> None:
    await sign_in(client, customer.email)
    assert (await client.get("/retention")).status_code == 403
    assert (await client.get("/admin/root-causes")).status_code == 403


async def test_admins_keep_the_root_causes(client, make_client, database: Database, admin, agent,
                                           root_cause) -> None:
    await sign_in(client, admin.email)
    page = await client.get("/admin/root-causes")
    assert page.status_code == 200 and "Fees and pricing" in page.text
    _forms_carry_the_token(page.text)
    token = csrf_of(client)
    added = await client.post("/admin/root-causes", data={"csrf_token": token, "name": "Branch closed",
                                                          "position": "2", "active": "on"})
    assert added.status_code == 303
    twice = await client.post("/admin/root-causes", data={"csrf_token": token, "name": "Branch closed",
                                                          "position": "3", "active": "on"})
    assert twice.status_code == 409 and "Another root cause has this name" in twice.text
    retired = await client.post("/admin/root-causes", data={"csrf_token": token, "root_cause_id": str(root_cause.id),
                                                            "name": "Fees", "position": "0"})
    assert retired.status_code == 303
    page = await client.get("/admin/root-causes")
    assert "Branch closed" in page.text and 'value="Fees"' in page.text and "root-cause inactive" in page.text
    agent_client = make_client()
    await sign_in(agent_client, agent.email)
    assert (await agent_client.get("/admin/root-causes")).status_code == 403
