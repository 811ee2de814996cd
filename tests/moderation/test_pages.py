"""Moderation pages: queue with filters, item in context with actions, audit log, member history,
watched words and guidelines for admins, flagging and appealing for members."""

from __future__ import annotations

from sqlalchemy import select

from forums.models import Post
from hearth.db import Database
from moderation.models import Reviewable
from tests.conftest import csrf_of, sign_in

INSULT = "You are all idiots at this bank, really."


async def _ask(client, category, body: str = INSULT):
    await client.get("/ask")
    return await client.post("/ask", data={"csrf_token": csrf_of(client), "category_id": str(category.id),
                                          "kind": "question", "title": "My card was blocked again", "body": body})


async def test_author_sees_why_a_post_waits(client, database: Database, regular, category) -> None:
    await sign_in(client, regular.email)
    response = await _ask(client, category)
    assert response.status_code == 303
    page = await client.get(response.headers["location"])
    assert "Waiting for a moderator" in page.text and "reads as an insult" in page.text
    mine = await client.get("/moderation/mine")
    assert "reads as an insult" in mine.text


async def test_moderator_works_the_queue_in_pages(client, make_client, database: Database, regular, moderator,
                                                  guideline, category) -> None:
    await sign_in(client, regular.email)
    await _ask(client, category)
    mod = make_client()
    await sign_in(mod, moderator.email)
    queue = await mod.get("/mod")
    assert queue.status_code == 200 and "My card was blocked again" in queue.text and "Insult" in queue.text
    assert "My card was blocked again" not in (await mod.get("/mod?reason=flag:spam")).text
    async with database.sessionmaker() as s:
        reviewable = await s.scalar(select(Reviewable))
    page = await mod.get(f"/mod/items/{reviewable.id}")
    assert "idiots" in page.text and "Insults and harassment" in page.text
    token = csrf_of(mod)
    missing = await mod.post(f"/mod/items/{reviewable.id}/act", data={
        "csrf_token": token, "action": "reject", "version": str(reviewable.version)})
    assert missing.status_code == 422 and "Choose the guideline" in missing.text
    done = await mod.post(f"/mod/items/{reviewable.id}/act", data={
        "csrf_token": token, "action": "reject", "version": str(reviewable.version),
        "guideline_id": str(guideline.id), "note": "Please rephrase"})
    assert done.status_code == 303
    stale = await mod.post(f"/mod/items/{reviewable.id}/act", data={
        "csrf_token": token, "action": "approve", "version": str(reviewable.version)})
    assert stale.status_code == 409 and "just now" in stale.text
    audit = await mod.get("/mod/audit")
    assert "Rejected" in audit.text and "Insults and harassment" in audit.text and "Please rephrase" in audit.text
    history = await mod.get(f"/mod/members/{regular.handle}")
    assert "Rejected" in history.text and "trust level" in history.text
    # The author reads the reason and appeals, once.
    mine = await client.get("/moderation/mine")
    assert "Insults and harassment" in mine.text
    appeal = await client.post(f"/moderation/mine/{reviewable.id}/appeal", data={
        "csrf_token": csrf_of(client), "text": "I was angry, I will rephrase it"})
    assert appeal.status_code == 303
    assert "You appealed; a moderator will look at it again." in (await client.get("/moderation/mine")).text


async def test_members_flag_from_the_thread(client, make_client, database: Database, regular, helper_member,
                                            category) -> None:
    await sign_in(client, regular.email)
    location = (await _ask(client, category, "Is there a fee for paying abroad with my card?")).headers["location"]
    other = make_client()
    await sign_in(other, helper_member.email)
    page = await other.get(location)
    assert 'action="/flag"' in page.text
    async with database.sessionmaker() as s:
        post = await s.scalar(select(Post))
    data = {"csrf_token": csrf_of(other), "kind": "forum.post", "content_id": str(post.id), "reason": "spam"}
    first = await other.post("/flag", data=data, headers={"hx-request": "true"})
    assert first.status_code == 200 and "Thank you" in first.text
    again = await other.post("/flag", data=data, headers={"hx-request": "true"})
    assert "already flagged" in again.text
    assert 'action="/flag"' not in (await client.get(location)).text  # not on one's own post


async def test_admin_pages_for_words_and_guidelines(client, database: Database, admin, moderator) -> None:
    await sign_in(client, admin.email)
    assert (await client.get("/admin/watched-words")).status_code == 200
    token = csrf_of(client)
    bad = await client.post("/admin/watched-words", data={"csrf_token": token, "pattern": "(a+)+", "is_regex": "on",
                                                          "action": "block"})
    assert bad.status_code == 422 and "repeats a repeated group" in bad.text
    good = await client.post("/admin/watched-words", data={"csrf_token": token, "pattern": "casino*",
                                                           "action": "require_approval"})
    assert good.status_code == 303 and "casino*" in (await client.get("/admin/watched-words")).text
    saved = await client.post("/admin/guidelines", data={"csrf_token": token, "title": "Be kind", "description":
                                                         "No insults", "position": "0", "active": "on"})
    assert saved.status_code == 303 and "Be kind" in (await client.get("/admin/guidelines")).text
    refused = await client.post("/admin/guidelines", data={"csrf_token": token, "title": "No negative reviews",
                                                           "position": "1", "active": "on"})
    assert refused.status_code == 422 and "negative or critical" in refused.text
