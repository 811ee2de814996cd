"""Every read of a post follows the thread page's rule (issue 14, point 9): whoever may not read
a post gets a 404 and never its raw text, whatever page or fragment they ask it from."""

from __future__ import annotations

import pytest

from forums import service
from hearth.accounts.models import Account
from hearth.db import Database
from moderation.models import ContentState
from tests.conftest import create_member, csrf_of, sign_in
from tests.forums.conftest import answer, ask

STATES = [ContentState.PUBLISHED, ContentState.HELD, ContentState.HIDDEN, ContentState.REJECTED,
          ContentState.DELETED]
# What the edit page answers to each role for an answer in each state (None: signed out, sent to sign in).
EDIT_PAGE = {
    "visitor": dict.fromkeys(STATES, 303),
    "member": {ContentState.PUBLISHED: 403, ContentState.HELD: 404, ContentState.HIDDEN: 404,
               ContentState.REJECTED: 404, ContentState.DELETED: 404},
    "author": {ContentState.PUBLISHED: 200, ContentState.HELD: 200, ContentState.HIDDEN: 200,
               ContentState.REJECTED: 404, ContentState.DELETED: 404},
    "moderator": {**dict.fromkeys(STATES, 200), ContentState.DELETED: 404},
    "admin": {**dict.fromkeys(STATES, 200), ContentState.DELETED: 404},
}


async def _answer_in(database: Database, author: Account, asker: Account, category, state: ContentState):
    thread = await ask(database, asker, category, title=f"Is my card blocked when it is {state}?",
                       body=f"My debit card stopped working, and the post is {state} now.")
    post = await answer(database, author, thread.id, f"The secret text of a {state} answer.")
    async with database.sessionmaker() as s:
        await service.set_post_state(s, post.id, state)
        await s.commit()
    return thread, post


async def _viewer(role: str, make_client, database: Database, author: Account, moderator: Account,
                  admin: Account):
    client = make_client()
    emails = {"member": "other@example.com", "author": author.email, "moderator": moderator.email,
              "admin": admin.email}
    if role == "member":
        await create_member(database, "other@example.com", "Otto Other")
    if role != "visitor":
        await sign_in(client, emails[role])
    return client


@pytest.mark.parametrize("role", list(EDIT_PAGE))
async def test_edit_page_shows_a_post_only_to_whom_the_thread_page_shows_it(
        role, make_client, database: Database, member, helper, moderator, admin, category) -> None:
    client = await _viewer(role, make_client, database, helper, moderator, admin)
    for state in STATES:
        _thread, post = await _answer_in(database, helper, member, category, state)
        page = await client.get(f"/posts/{post.id}/edit")
        assert page.status_code == EDIT_PAGE[role][state], (role, state)
        if page.status_code != 200:
            assert "secret text" not in page.text, (role, state)
        else:
            assert f"The secret text of a {state} answer." in page.text


async def test_a_post_of_a_thread_one_may_not_read_stays_unread(make_client, database: Database, member, helper,
                                                                 moderator, category) -> None:
    # A published answer under a held question: the thread page is its asker's and moderators' alone.
    thread = await ask(database, member, category)
    post = await answer(database, helper, thread.id, "The secret text under a held question.")
    async with database.sessionmaker() as s:
        await service.set_post_state(s, (await service.thread_view(s, thread.id, await s.get(Account, member.id)))
                                     .question.id, ContentState.HELD)
        await s.commit()
    stranger = make_client()
    await create_member(database, "other@example.com", "Otto Other")
    await sign_in(stranger, "other@example.com")
    assert (await stranger.get(f"/t/{thread.id}/{thread.slug}")).status_code == 404
    assert (await stranger.get(f"/t/{thread.id}")).status_code == 404  # not even the title in a redirect
    mod = make_client()
    await sign_in(mod, moderator.email)
    assert (await mod.get(f"/t/{thread.id}")).status_code == 303
    await sign_in(stranger, helper.email)  # the answer's author, whose post now sits under a held question
    assert (await stranger.get(f"/posts/{post.id}/edit")).status_code == 404


async def test_history_and_vote_fragments_follow_the_same_rule(make_client, database: Database, member, helper,
                                                               moderator, category) -> None:
    _thread, hidden = await _answer_in(database, helper, member, category, ContentState.HIDDEN)
    _thread, deleted = await _answer_in(database, helper, member, category, ContentState.DELETED)
    voter = make_client()
    await sign_in(voter, member.email)
    await voter.get("/")
    for post in (hidden, deleted):
        for htmx in ({}, {"hx-request": "true"}):
            unvote = await voter.post(f"/posts/{post.id}/vote", data={"csrf_token": csrf_of(voter), "action": "down"},
                                      headers=htmx)
            assert unvote.status_code == 404 and "secret text" not in unvote.text
    mod = make_client()
    await sign_in(mod, moderator.email)
    assert (await mod.get(f"/posts/{hidden.id}/history")).status_code == 200
    assert (await mod.get(f"/posts/{deleted.id}/history")).status_code == 404
    assert (await mod.get(f"/api/v1/posts/{deleted.id}/revisions")).status_code == 404
