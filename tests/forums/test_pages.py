"""Forum pages: home, category, thread, ask with suggestions, answering, voting, search, notifications."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from forums.models import Post, Thread
from hearth import events
from hearth.db import Database
from tests.conftest import csrf_of, sign_in
from tests.forums.conftest import answer, ask


async def _drain(database: Database) -> None:
    while await events.drain_once(database):
        pass


async def test_home_category_and_thread_pages(client, database: Database, member, helper, category) -> None:
    solved = await ask(database, member, category, title="How do I raise my contactless limit?")
    post = await answer(database, helper, solved.id, "In the app: **Cards > Limits**.")
    async with database.sessionmaker() as s:
        from forums import service
        from hearth.accounts.models import Account

        await service.accept(s, await s.get(Account, member.id), solved.id, post.id)
        await s.commit()
    await ask(database, member, category, title="Nobody answered this card question yet")
    home = (await client.get("/")).text
    assert "Cards and payments" in home and "2 threads" in home
    assert "Nobody answered this card question yet" in home and "Solved" in home
    listing = (await client.get(f"/c/{category.slug}?show=solved")).text
    assert "How do I raise my contactless limit?" in listing and "Nobody answered" not in listing
    page = await client.get(f"/t/{solved.id}/{solved.slug}")
    assert page.status_code == 200
    assert "Accepted answer" in page.text and "<strong>Cards &gt; Limits</strong>" in page.text
    moved = await client.get(f"/t/{solved.id}/old-slug")
    assert moved.status_code == 301 and moved.headers["location"] == f"/t/{solved.id}/{solved.slug}"
    assert (await client.get("/t/999/x")).status_code == 404


async def test_ask_page_with_similar_questions_and_errors(client, database: Database, member, category) -> None:
    await ask(database, member, category, title="Card blocked abroad in Spain")
    await _drain(database)
    await sign_in(client, member.email)
    assert (await client.get("/ask")).status_code == 200
    similar = await client.get("/ask/similar", params={"title": "card blocked"}, headers={"hx-request": "true"})
    assert "Similar questions" in similar.text and "<mark>" in similar.text and "<html" not in similar.text
    token = csrf_of(client)
    bad = await client.post("/ask", data={"csrf_token": token, "category_id": str(category.id), "kind": "question",
                                          "title": "short", "body": "<script>x</script> long enough body"})
    assert bad.status_code == 422 and 'id="e-title"' in bad.text and "&lt;script&gt;" in bad.text
    good = await client.post("/ask", data={"csrf_token": token, "category_id": str(category.id), "kind": "question",
                                           "title": "Can I pay with my phone in shops?", "body": "Which phones work?",
                                           "tags": "mobile-payments, phone"})
    assert good.status_code == 303 and good.headers["location"].startswith("/t/")
    assert "#mobile-payments" in (await client.get(good.headers["location"])).text


async def test_answer_vote_accept_through_forms(client, make_client, database: Database, member, helper,
                                                category) -> None:
    thread = await ask(database, member, category)
    other = make_client()
    await sign_in(other, helper.email)
    await other.get("/")
    empty = await other.post(f"/t/{thread.id}/answers", data={"csrf_token": csrf_of(other), "body": " "})
    assert empty.status_code == 422
    posted = await other.post(f"/t/{thread.id}/answers", data={"csrf_token": csrf_of(other),
                                                               "body": "Call the card stop line."})
    assert posted.status_code == 303
    async with database.sessionmaker() as s:
        post_id = await s.scalar(select(Post.id).where(Post.thread_id == thread.id, Post.is_opening.is_(False)))

    await sign_in(client, member.email)
    await client.get("/")
    voted = await client.post(f"/posts/{post_id}/vote", data={"csrf_token": csrf_of(client), "action": "up"},
                              headers={"hx-request": "true"})
    assert voted.status_code == 200 and 'aria-pressed="true"' in voted.text and ">1</span>" in voted.text
    again = await client.post(f"/posts/{post_id}/vote", data={"csrf_token": csrf_of(client), "action": "up"},
                              headers={"hx-request": "true"})
    assert again.status_code == 409 and again.headers["hx-retarget"] == "#toasts"
    accepted = await client.post(f"/t/{thread.id}/accept",
                                 data={"csrf_token": csrf_of(client), "post_id": str(post_id)})
    assert accepted.status_code == 303
    async with database.sessionmaker() as s:
        assert (await s.get(Thread, thread.id)).accepted_post_id == post_id
        assert await s.scalar(select(func.sum(Post.score)).where(Post.thread_id == thread.id)) == 1


async def test_search_page(client, database: Database, member, category) -> None:
    await ask(database, member, category, title="Virement instantané refusé par la banque",
              body="Mon virement instantané vers un autre compte est refusé.")
    await _drain(database)
    page = await client.get("/search", params={"q": "virement instantane"})
    assert page.status_code == 200 and "1 result" in page.text and "<mark>" in page.text
    hostile = await client.get("/search", params={"q": "\"') OR 1=1 -- NEAR( *"})
    assert hostile.status_code == 200
    assert (await client.get("/search", params={"sort": "sideways"})).status_code == 422


async def test_notifications_page_marks_read(client, make_client, database: Database, member, helper, category) -> None:
    thread = await ask(database, member, category)
    await answer(database, helper, thread.id)
    await _drain(database)
    await sign_in(client, member.email)
    home = (await client.get("/")).text
    assert re.search(r'class="unread-count"[^>]*>1<', home)
    page = (await client.get("/notifications")).text
    assert "Hanna Helper answered" in page
    note_id = re.search(r'name="id" value="(\d+)"', page).group(1)
    opened = await client.post("/notifications/read", data={"csrf_token": csrf_of(client), "id": note_id,
                                                            "go": f"/t/{thread.id}/{thread.slug}"})
    assert opened.status_code == 303 and opened.headers["location"] == f"/t/{thread.id}/{thread.slug}"
    assert "unread-count" not in (await client.get("/")).text


async def test_moderator_tools(client, make_client, database: Database, member, moderator, category) -> None:
    thread = await ask(database, member, category)
    await sign_in(client, member.email)
    await client.get("/")
    async with database.sessionmaker() as s:
        opening = await s.scalar(select(Post.id).where(Post.thread_id == thread.id))
    edited = await client.post(f"/posts/{opening}/edit", data={"csrf_token": csrf_of(client),
                               "body": "Update: it works again in Spain.", "title": "My card was blocked abroad"})
    assert edited.status_code == 303
    assert (await client.get(f"/posts/{opening}/history")).status_code == 403
    mod = make_client()
    await sign_in(mod, moderator.email)
    history = await mod.get(f"/posts/{opening}/history")
    assert history.status_code == 200 and "I am in Spain" in history.text
    await mod.get("/")
    await mod.post(f"/t/{thread.id}/lock", data={"csrf_token": csrf_of(mod), "locked": "true"})
    page = (await client.get(f"/t/{thread.id}/my-card-was-blocked-abroad")).text
    assert "it takes no new answers" in page


async def test_admin_categories_page(client, make_client, database: Database, member, admin) -> None:
    await sign_in(client, member.email)
    assert (await client.get("/admin/categories")).status_code == 403
    boss = make_client()
    await sign_in(boss, admin.email)
    await boss.get("/admin/categories")
    made = await boss.post("/admin/categories", data={"csrf_token": csrf_of(boss), "name": "Savings",
                                                      "slug": "savings", "description": "Saving money",
                                                      "position": "2"})
    assert made.status_code == 303
    bad = await boss.post("/admin/categories", data={"csrf_token": csrf_of(boss), "name": "X", "slug": "Bad!",
                                                     "position": "z"})
    assert bad.status_code == 422
    assert "/c/savings" in (await boss.get("/admin/categories")).text


async def test_visitors_get_cached_pages_members_fresh_ones(client, make_client, database: Database, member,
                                                            helper, category) -> None:
    thread = await ask(database, member, category)
    url = f"/t/{thread.id}/{thread.slug}"
    first = (await client.get(url)).text
    await answer(database, helper, thread.id, "A brand new answer nobody has seen.")
    assert "A brand new answer" not in (await client.get(url)).text, "visitors are served the kept page"
    signed_in = make_client()
    await sign_in(signed_in, helper.email)
    assert "A brand new answer" in (await signed_in.get(url)).text, "members always get a fresh page"
    # Each visitor's page carries the token for their own CSRF cookie, never the placeholder.
    visitor = make_client("10.3.3.3")
    page = (await visitor.get(url)).text
    assert "__hearth_csrf_token__" not in page and "__hearth_csrf_token__" not in first
    assert f'value="{csrf_of(visitor)}"' in page and f'value="{csrf_of(client)}"' in first


async def test_shared_post_cards_never_show_one_viewers_controls_to_another(
        client, make_client, database: Database, member, helper, category) -> None:
    thread = await ask(database, member, category)
    await answer(database, helper, thread.id, "Try the card stop line.")
    url = f"/t/{thread.id}/{thread.slug}"
    await sign_in(client, member.email)
    asker_page = (await client.get(url)).text
    assert "Accept this answer" in asker_page and f'value="{csrf_of(client)}"' in asker_page
    other = make_client()
    await sign_in(other, helper.email)
    helper_page = (await other.get(url)).text
    assert "Accept this answer" not in helper_page and "__hearth_csrf_token__" not in helper_page
    assert helper_page.count(">Edit<") == 1, "the helper may edit their own answer only"
    assert f'value="{csrf_of(other)}"' in helper_page and csrf_of(client) not in helper_page
