"""Idea pages: the list with its tabs, filters, paging and votes; proposing with similar ideas and
readable errors; an idea with comments, follow and status history; triage and merge by product
managers; the roadmap, the board and its export; who may open what."""

from __future__ import annotations

import re

import httpx
import pytest
from sqlalchemy import select

from hearth import events
from hearth.accounts.models import Account
from hearth.db import Database
from hearth.notifications.models import Notification
from hearth.settings import get_settings
from ideas import service
from ideas.models import Idea, IdeaStatus
from tests.conftest import create_member, csrf_of, sign_in
from tests.ideas.conftest import comment, counts_match, merge, propose, set_status, vote


async def _drain(database: Database) -> None:
    while await events.drain_once(database):
        pass


async def _signed_in(make_client, account: Account) -> httpx.AsyncClient:
    client = make_client()
    await sign_in(client, account.email)
    await client.get("/ideas")  # the CSRF cookie, as a browser has it from its first page
    return client


def _htmx(client: httpx.AsyncClient) -> dict[str, str]:
    return {"hx-request": "true", "x-csrf-token": csrf_of(client)}


def _pressed(html: str, idea_id: int) -> bool | None:
    """Whether the vote button of this idea shows as the viewer's vote (None: no button)."""
    widget = re.search(rf'id="idea-vote-{idea_id}".*?</div>', html, re.S)
    assert widget, f"no vote widget for idea {idea_id}"
    pressed = re.search(r'aria-pressed="(true|false)"', widget[0])
    return None if pressed is None else pressed[1] == "true"


def _following(html: str) -> bool:
    """Whether the page's follow button shows the viewer as following."""
    return re.search(r'class="small secondary follow" aria-pressed="(true|false)"', html)[1] == "true"


def _titles(html: str) -> list[str]:
    return re.findall(r'class="idea-title" href="/ideas/\d+">([^<]+)</a>', html)


# --- visitors ---------------------------------------------------------------------------------

async def test_visitors_read_the_list_an_idea_and_the_roadmap(client, database: Database, member, manager,
                                                               area) -> None:
    idea = await propose(database, member, "Dark mode in the mobile app", area=area.slug, tags=["app"])
    await comment(database, manager, idea.id, "We like this one **a lot**.")
    await set_status(database, manager, idea.id, "planned", "Planned for the **spring** release.")

    listing = await client.get("/ideas")
    assert listing.status_code == 200
    assert _titles(listing.text) == ["Dark mode in the mobile app"]
    assert "Sign in to vote" in listing.text and "Planned" in listing.text and "#app" in listing.text
    assert "My votes" not in listing.text and 'href="/ideas"' in listing.text  # the navigation's link

    page = await client.get(f"/ideas/{idea.id}")
    assert page.status_code == 200
    assert "<strong>spring</strong>" in page.text and "<strong>a lot</strong>" in page.text
    assert "Sign in to comment and vote" in page.text and "Triage" not in page.text
    assert 'aria-current="page">Ideas<' in page.text
    slugged = await client.get(f"/ideas/{idea.id}/{idea.slug}")
    assert slugged.status_code == 301 and slugged.headers["location"] == f"/ideas/{idea.id}"

    roadmap = await client.get("/ideas/roadmap")
    assert roadmap.status_code == 200 and "Dark mode in the mobile app" in roadmap.text
    for path in ("/ideas/new", "/ideas/board", "/ideas?mine=1"):
        response = await client.get(path)
        assert response.status_code == 303 and response.headers["location"].startswith("/signin?next="), path
    for path in ("/ideas/999", "/ideas/x", "/ideas/99999999999999999999", "/ideas?area=nowhere"):
        assert (await client.get(path)).status_code == 404, path
    assert (await client.get("/ideas?sort=oldest")).status_code == 422


async def test_a_held_idea_is_its_authors_and_the_moderators_alone(client, make_client, database: Database,
                                                                   member) -> None:
    idea = await propose(database, member, "Let me see other customers' cards")
    async with database.sessionmaker() as s:
        await service.set_idea_state(s, idea.id, service.ContentState.HELD)
        await s.commit()
    assert (await client.get(f"/ideas/{idea.id}")).status_code == 404
    author = await _signed_in(make_client, member)
    page = await author.get(f"/ideas/{idea.id}")
    assert page.status_code == 200 and "Waiting for a moderator" in page.text
    other = await _signed_in(make_client, await create_member(database, "other@example.com", "Otto Other"))
    assert (await other.get(f"/ideas/{idea.id}")).status_code == 404
    assert "Let me see other" not in (await other.get("/ideas")).text


# --- the list ---------------------------------------------------------------------------------

async def test_tabs_filters_and_paging(make_client, database: Database, member, manager, area) -> None:
    # (Staff may post this many at once; a member would be asked to slow down.)
    ideas = [await propose(database, manager, f"Idea number {n} for the app", area=area.slug if n % 2 else None)
             for n in range(25)]
    voters = [await create_member(database, f"v{i}@example.com", f"Voter {i}") for i in range(3)]
    for n, voter in enumerate(voters):
        for idea in ideas[:n + 1]:
            await vote(database, voter, idea.id)  # idea 0: 3 votes, idea 1: 2, idea 2: 1
    await set_status(database, manager, ideas[1].id, "planned")
    await merge(database, manager, ideas[4].id, ideas[0].id)
    reader = await _signed_in(make_client, voters[0])

    top = (await reader.get("/ideas?sort=top")).text
    assert _titles(top)[:3] == ["Idea number 0 for the app", "Idea number 1 for the app", "Idea number 2 for the app"]
    assert len(_titles(top)) == 20 and "More ideas" in top
    assert "Idea number 4 for the app" not in top, "merged ideas are left out unless asked for"
    newest = (await reader.get("/ideas?sort=new")).text
    assert _titles(newest)[0] == "Idea number 24 for the app"

    cursor = re.search(r'hx-get="/ideas\?sort=top&amp;cursor=([\w-]+)"', top)[1]
    more = await reader.get(f"/ideas?sort=top&cursor={cursor}", headers={"hx-request": "true"})
    assert more.status_code == 200 and "<html" not in more.text
    assert len(_titles(more.text)) == 4 and "More ideas" not in more.text
    assert not set(_titles(more.text)) & set(_titles(top))
    whole = await reader.get(f"/ideas?sort=top&cursor={cursor}")
    assert whole.status_code == 200 and "<html" in whole.text and len(_titles(whole.text)) == 4

    planned = (await reader.get("/ideas?status=planned")).text
    assert _titles(planned) == ["Idea number 1 for the app"]
    merged = (await reader.get("/ideas?status=merged")).text
    assert _titles(merged) == ["Idea number 4 for the app"]
    by_area = _titles((await reader.get("/ideas?area=mobile-app&sort=new")).text)
    assert len(by_area) == 12 and all(int(t.split()[2]) % 2 for t in by_area)

    mine = await reader.get("/ideas?mine=1&sort=top")
    assert mine.status_code == 200 and _titles(mine.text) == ["Idea number 0 for the app"]
    assert _pressed(mine.text, ideas[0].id) is True
    assert (await reader.get("/ideas?status=nothing")).status_code == 422
    broken = await reader.get("/ideas?cursor=not-a-cursor")
    assert broken.status_code == 422 and "cursor is broken" in broken.text


async def test_votes_from_the_list_show_for_each_member_alone(make_client, database: Database, member,
                                                              manager) -> None:
    first = await propose(database, member, "Freeze my card from the app")
    second = await propose(database, member, "Show my PIN in the app")
    voter = await create_member(database, "voter@example.com", "Vera Voter")
    anna = await _signed_in(make_client, voter)
    bob = await _signed_in(make_client, manager)
    assert _pressed((await bob.get("/ideas")).text, first.id) is False  # kept for members now

    voted = await anna.post(f"/ideas/{first.id}/vote", data={"action": "up"}, headers=_htmx(anna))
    assert voted.status_code == 200 and "<html" not in voted.text
    assert _pressed(voted.text, first.id) is True and "1 vote" in voted.text
    again = await anna.post(f"/ideas/{first.id}/vote", data={"action": "up"}, headers=_htmx(anna))
    assert again.status_code == 200 and "1 vote" in again.text, "voting twice is one vote"

    for _ in range(2):  # rendered, then the kept render with her own parts put in
        listing = (await anna.get("/ideas")).text
        assert _pressed(listing, first.id) is True and _pressed(listing, second.id) is False
        assert "1 vote" in listing
    for _ in range(2):
        assert _pressed((await bob.get("/ideas")).text, first.id) is False
    page = (await anna.get(f"/ideas/{first.id}")).text
    assert _pressed(page, first.id) is True

    taken_back = await anna.post(f"/ideas/{first.id}/vote", data={"action": "down"}, headers=_htmx(anna))
    assert _pressed(taken_back.text, first.id) is False and "0 votes" in taken_back.text
    assert _pressed((await anna.get("/ideas")).text, first.id) is False
    # Without script: the form posts and the page it came from comes back.
    plain = await anna.post(f"/ideas/{second.id}/vote", data={"action": "up", "csrf_token": csrf_of(anna)},
                            headers={"referer": "http://testserver/ideas?sort=new"})
    assert plain.status_code == 303 and plain.headers["location"] == "/ideas?sort=new"
    elsewhere = await anna.post(f"/ideas/{second.id}/vote", data={"action": "up", "csrf_token": csrf_of(anna)},
                                headers={"referer": "https://evil.example/ideas"})
    assert elsewhere.headers["location"] == f"/ideas/{second.id}"
    await counts_match(database)


async def test_votes_need_the_csrf_token_and_a_member(client, make_client, database: Database, member) -> None:
    idea = await propose(database, member, "Round up payments into savings")
    await client.get("/ideas")
    visitor = await client.post(f"/ideas/{idea.id}/vote", data={"action": "up", "csrf_token": csrf_of(client)})
    assert visitor.status_code == 303 and visitor.headers["location"].startswith("/signin")
    voter = await _signed_in(make_client, await create_member(database, "voter@example.com", "Vera Voter"))
    missing = await voter.post(f"/ideas/{idea.id}/vote", data={"action": "up"}, headers={"hx-request": "true"})
    wrong = await voter.post(f"/ideas/{idea.id}/vote", data={"action": "up", "csrf_token": "0" * 64})
    assert missing.status_code == 403 and wrong.status_code == 403
    assert (await counts_match(database))[idea.id] == 0


async def test_closed_ideas_and_the_budget_refuse_votes_readably(make_client, database: Database, member, manager,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "idea_vote_budget", 2)
    ideas = [await propose(database, member, f"Budget idea number {n}") for n in range(3)]
    await set_status(database, manager, ideas[2].id, "declined", "Not for now.")
    voter = await _signed_in(make_client, await create_member(database, "voter@example.com", "Vera Voter"))
    listing = (await voter.get("/ideas")).text
    assert "You have 2 votes left of 2" in listing
    assert _pressed(listing, ideas[2].id) is None, "a declined idea has no vote button"

    closed = await voter.post(f"/ideas/{ideas[2].id}/vote", data={"action": "up"}, headers=_htmx(voter))
    assert closed.status_code == 409 and "takes no more votes" in closed.text
    assert closed.headers["hx-retarget"] == "#toasts"
    first = await voter.post(f"/ideas/{ideas[0].id}/vote", data={"action": "up"}, headers=_htmx(voter))
    assert 'id="vote-budget" hx-swap-oob="innerHTML"' in first.text and "You have 1 vote left of 2" in first.text
    await voter.post(f"/ideas/{ideas[1].id}/vote", data={"action": "up"}, headers=_htmx(voter))
    for _ in range(2):
        assert "You have 0 votes left of 2" in (await voter.get("/ideas")).text
    await set_status(database, manager, ideas[1].id, "completed", "Shipped today.")
    assert "You have 1 vote left of 2" in (await voter.get("/ideas")).text, "a completed idea gives its vote back"
    over = await voter.post(f"/ideas/{ideas[2].id}/vote", data={"action": "up", "csrf_token": csrf_of(voter)})
    assert over.status_code == 409 and "takes no more votes" in over.text and "<main" in over.text
    await counts_match(database)


# --- proposing --------------------------------------------------------------------------------

async def test_propose_with_readable_errors(make_client, database: Database, member, area) -> None:
    author = await _signed_in(make_client, member)
    form = await author.get("/ideas/new?area=mobile-app")
    assert form.status_code == 200 and 'value="mobile-app" selected' in form.text
    assert 'hx-get="/ideas/new/similar"' in form.text

    bad = await author.post("/ideas/new", data={"csrf_token": csrf_of(author), "title": "Dark",
                                                "body": "<b>x</b>", "area": "mobile-app", "tags": "bad tag!"})
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    assert re.search(r'id="e-title">[^<]*too short', bad.text) and 'id="e-body"' in bad.text
    assert 'id="e-tags"' in bad.text and "&lt;b&gt;x&lt;/b&gt;</textarea>" in bad.text and 'value="Dark"' in bad.text
    unknown = await author.post("/ideas/new", data={"csrf_token": csrf_of(author), "title": "Dark mode at night",
                                                    "body": "Easier on the eyes.", "area": "nowhere"})
    assert unknown.status_code == 422 and re.search(r'id="e-area">[^<]*(product area|not valid)', unknown.text)
    no_token = await author.post("/ideas/new", data={"title": "Dark mode at night", "body": "Easier on the eyes."})
    assert no_token.status_code == 403

    made = await author.post("/ideas/new", data={"csrf_token": csrf_of(author), "title": "Dark mode at night",
                                                 "body": "Easier on the **eyes**.", "area": "mobile-app",
                                                 "tags": "app, design"})
    assert made.status_code == 303 and re.fullmatch(r"/ideas/\d+", made.headers["location"])
    page = (await author.get(made.headers["location"])).text
    assert "<strong>eyes</strong>" in page and "#design" in page and "Mobile app" in page
    assert _following(page), "the author follows their idea"


@pytest.mark.parametrize(("typed", "found"), [
    ("dark mod", "Dark mode in the mobile app"),
    ("donkere", "Donkere modus in de app"),
    ("paiement sans", "Paiement sans contact avec ma montre"),
])
async def test_similar_ideas_appear_while_typing_in_every_language(make_client, database: Database, member,
                                                                   typed: str, found: str) -> None:
    for title in ("Dark mode in the mobile app", "Donkere modus in de app", "Paiement sans contact avec ma montre"):
        await propose(database, member, title)
    await _drain(database)
    typer = await _signed_in(make_client, await create_member(database, "typer@example.com", "Ty Typer"))
    hint = await typer.get("/ideas/new/similar", params={"title": typed}, headers={"hx-request": "true"})
    assert hint.status_code == 200 and "Similar ideas" in hint.text and "<html" not in hint.text
    assert re.sub(r"</?mark>", "", hint.text).count(found) == 1
    assert "Vote for this idea" in hint.text, "one can vote from the hint"
    assert (await typer.get("/ideas/new/similar", params={"title": "zzzz qqqq"})).text.strip() == ""


# --- an idea ----------------------------------------------------------------------------------

async def test_comment_and_follow_from_the_page(make_client, database: Database, member) -> None:
    idea = await propose(database, member, "Split a bill with friends")
    reader = await _signed_in(make_client, await create_member(database, "reader@example.com", "Rea Reader"))
    page = (await reader.get(f"/ideas/{idea.id}")).text
    assert not _following(page)
    empty = await reader.post(f"/ideas/{idea.id}/comments", data={"csrf_token": csrf_of(reader), "body": " "})
    assert empty.status_code == 422 and 'id="e-body"' in empty.text and "Split a bill" in empty.text
    posted = await reader.post(f"/ideas/{idea.id}/comments",
                               data={"csrf_token": csrf_of(reader), "body": "Yes, for the **restaurant**."})
    assert posted.status_code == 303 and re.fullmatch(rf"/ideas/{idea.id}#comment-\d+", posted.headers["location"])
    page = (await reader.get(f"/ideas/{idea.id}")).text
    assert "<strong>restaurant</strong>" in page and "1 comment" in page
    assert _following(page), "commenters follow the idea"
    unfollowed = await reader.post(f"/ideas/{idea.id}/follow", data={"following": "false"}, headers=_htmx(reader))
    assert unfollowed.status_code == 200 and 'aria-pressed="false"' in unfollowed.text
    assert not _following((await reader.get(f"/ideas/{idea.id}")).text)


async def test_a_members_held_comment_shows_to_them_alone(make_client, database: Database, member) -> None:
    idea = await propose(database, member, "Pay contactless with my watch")
    writer = await create_member(database, "writer@example.com", "Wim Writer")
    reader = await _signed_in(make_client, await create_member(database, "reader@example.com", "Rea Reader"))
    assert (await reader.get(f"/ideas/{idea.id}")).status_code == 200  # kept for members
    row = await comment(database, writer, idea.id, "Garmin watches too, please.")
    async with database.sessionmaker() as s:
        await service.set_comment_state(s, row.id, service.ContentState.HELD)
        await s.commit()
    own = await _signed_in(make_client, writer)
    for _ in range(2):
        page = (await own.get(f"/ideas/{idea.id}")).text
        assert "Garmin watches too" in page and "Waiting for a moderator" in page
        assert "Garmin watches too" not in (await reader.get(f"/ideas/{idea.id}")).text


async def test_triage_from_the_page(make_client, database: Database, member, manager) -> None:
    idea = await propose(database, member, "Lower fees for instant transfers")
    voter = await create_member(database, "voter@example.com", "Vera Voter")
    await vote(database, voter, idea.id)
    pm = await _signed_in(make_client, manager)
    reader = await _signed_in(make_client, voter)
    page = (await pm.get(f"/ideas/{idea.id}")).text
    assert "Triage" in page and f'action="/ideas/{idea.id}/status"' in page
    assert "Triage" not in (await reader.get(f"/ideas/{idea.id}")).text

    refused = await reader.post(f"/ideas/{idea.id}/status", data={"csrf_token": csrf_of(reader), "status": "planned",
                                                                  "response": "I decide now."})
    assert refused.status_code == 403
    silent = await pm.post(f"/ideas/{idea.id}/status", data={"csrf_token": csrf_of(pm), "status": "planned",
                                                             "response": " ", "version": "0"})
    assert silent.status_code == 422 and 'id="e-response"' in silent.text
    assert '<option value="planned" selected' in silent.text, "the form keeps what was chosen"
    done = await pm.post(f"/ideas/{idea.id}/status", data={"csrf_token": csrf_of(pm), "status": "planned",
                                                           "response": "Planned for **June**.", "version": "0"})
    assert done.status_code == 303 and done.headers["location"] == f"/ideas/{idea.id}#history"
    stale = await pm.post(f"/ideas/{idea.id}/status", data={"csrf_token": csrf_of(pm), "status": "declined",
                                                            "response": "Changed our minds.", "version": "0"})
    assert stale.status_code == 409 and "Someone triaged this idea since you opened it" in stale.text
    merged_status = await pm.post(f"/ideas/{idea.id}/status", data={"csrf_token": csrf_of(pm), "status": "merged",
                                                                    "response": "Merged.", "version": "1"})
    assert merged_status.status_code == 422

    for _ in range(2):
        page = (await reader.get(f"/ideas/{idea.id}")).text
        assert "<strong>June</strong>" in page and "Pia Product" in page and "status-planned" in page
    await _drain(database)
    async with database.sessionmaker() as s:
        kinds = set(await s.scalars(select(Notification.kind).where(Notification.account_id == voter.id)))
    assert kinds == {"idea.planned"}
    notes = (await reader.get("/notifications")).text
    assert "The idea “Lower fees for instant transfers” is now: Planned" in notes


async def test_merge_from_the_page(make_client, database: Database, member, manager) -> None:
    original = await propose(database, member, "Dark mode in the mobile app")
    duplicate = await propose(database, member, "A dark theme for the app")
    other = await propose(database, member, "Dark statements as PDF")
    voter = await create_member(database, "voter@example.com", "Vera Voter")
    await vote(database, voter, duplicate.id)
    await _drain(database)
    pm = await _signed_in(make_client, manager)

    found = await pm.get(f"/ideas/{duplicate.id}/merge/candidates", params={"q": "dark"},
                         headers={"hx-request": "true"})
    assert f'name="into" value="{original.id}"' in found.text and f'value="{duplicate.id}"' not in found.text
    plain = await pm.get(f"/ideas/{duplicate.id}/merge/candidates", params={"q": "dark"})  # without script
    assert "<main" in plain.text and "A dark theme for the app" in plain.text
    assert f'name="into" value="{original.id}"' in plain.text and 'value="dark"' in plain.text
    member_client = await _signed_in(make_client, voter)
    assert (await member_client.get(f"/ideas/{duplicate.id}/merge/candidates?q=dark")).status_code == 403

    def form(**values: str) -> dict[str, str]:
        return {"csrf_token": csrf_of(pm), "version": "0", **values}

    itself = await pm.post(f"/ideas/{duplicate.id}/merge", data=form(into_id=str(duplicate.id)))
    assert itself.status_code == 422 and re.search(r'id="e-into">[^<]*into itself', itself.text)
    nothing = await pm.post(f"/ideas/{duplicate.id}/merge", data=form(into_id="the dark one"))
    assert nothing.status_code == 422 and 'id="e-into"' in nothing.text
    missing = await pm.post(f"/ideas/{duplicate.id}/merge", data=form(into_id="99999"))
    assert missing.status_code == 422 and "No idea has this number" in missing.text
    refused = await member_client.post(f"/ideas/{duplicate.id}/merge",
                                       data={"csrf_token": csrf_of(member_client), "into": str(original.id)})
    assert refused.status_code == 403

    merged = await pm.post(f"/ideas/{duplicate.id}/merge",
                           data=form(into=str(original.id), into_id="", response="Same as the dark mode idea."))
    assert merged.status_code == 303 and merged.headers["location"] == f"/ideas/{duplicate.id}"
    page = (await member_client.get(f"/ideas/{duplicate.id}")).text
    assert "This idea was merged into another one" in page and f'href="/ideas/{original.id}"' in page
    assert "Comments on a merged idea are closed" in page and "Triage" not in page
    assert _pressed(page, duplicate.id) is None, "a merged idea takes no votes"
    target = (await member_client.get(f"/ideas/{original.id}")).text
    assert _pressed(target, original.id) is True, "the vote moved along"
    assert "Ideas merged into this one" in target and f'href="/ideas/{duplicate.id}"' in target
    assert (await counts_match(database))[original.id] == 1

    # Into an idea that was itself merged (every cycle starts so): refused, readably.
    cycle = await pm.post(f"/ideas/{original.id}/merge", data=form(into_id=f"/ideas/{duplicate.id}"))
    assert cycle.status_code == 409 and "merge into the idea it joined" in cycle.text
    link = await pm.post(f"/ideas/{other.id}/merge", data=form(into_id=f"http://testserver/ideas/{original.id}"))
    assert link.status_code == 303

    await _drain(database)
    notes = (await member_client.get("/notifications")).text
    assert "“A dark theme for the app” was merged into another idea" in notes


async def test_pages_speak_dutch_and_french(make_client, database: Database, member, manager, area) -> None:
    idea = await propose(database, member, "Dark mode in the mobile app", area=area.slug)
    await set_status(database, manager, idea.id, "in_progress")
    reader = await _signed_in(make_client, manager)
    for language, words in (("nl", ("Ideeën", "In uitvoering", "Een idee voorstellen")),
                            ("fr", ("Idées", "En cours", "Proposer une idée"))):
        await reader.post("/language", data={"csrf_token": csrf_of(reader), "language": language, "next": "/ideas"})
        for path in ("/ideas", f"/ideas/{idea.id}", "/ideas/roadmap", "/ideas/board", "/ideas/new"):
            response = await reader.get(path)
            assert response.status_code == 200, (language, path)
        text = (await reader.get("/ideas")).text
        assert all(w in text for w in words), (language, words)


# --- the roadmap and the board -----------------------------------------------------------------

async def test_roadmap_columns(client, database: Database, member, manager) -> None:
    made = {status: await propose(database, member, f"An idea that is {status.replace('_', ' ')}")
            for status in ("planned", "in_progress", "completed", "declined", "under_review")}
    for status, idea in made.items():
        await set_status(database, manager, idea.id, status, "Said and done.")
    html = (await client.get("/ideas/roadmap")).text
    columns = re.findall(r'<section class="card roadmap-column status-(\w+)".*?</section>', html, re.S)
    assert columns == ["planned", "in_progress", "completed"]
    for status in ("planned", "in_progress", "completed"):
        section = re.search(rf'status-{status}".*?</section>', html, re.S)[0]
        assert f"An idea that is {status.replace('_', ' ')}" in section
    assert "is declined" not in html and "is under review" not in html


async def test_board_for_product_managers(make_client, database: Database, member, manager, area) -> None:
    ideas = [await propose(database, member, f"Lower the fees number {n}", area=area.slug if n else None,
                           tags=["fees"]) for n in range(3)]
    await set_status(database, manager, ideas[1].id, "planned", "Planned.")
    async with database.sessionmaker() as s:
        await service.note_low_review(s, [{"key": "fees", "label": "Fees"}])
        await s.commit()
    await _drain(database)
    reader = await _signed_in(make_client, await create_member(database, "reader@example.com", "Rea Reader"))
    assert (await reader.get("/ideas/board")).status_code == 403
    assert "Product board" not in (await reader.get("/ideas")).text
    pm = await _signed_in(make_client, manager)
    board = await pm.get("/ideas/board")
    assert board.status_code == 200
    html = board.text
    assert 'href="/api/v1/ideas/export.csv"' in html
    export = await pm.get("/api/v1/ideas/export.csv")  # the link, followed with the page's cookies
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    assert export.text.count("Lower the fees number") == 3
    assert (await reader.get("/api/v1/ideas/export.csv")).status_code == 403
    assert re.search(r'aria-label="Mobile app: Open 1, Planned 1"', html)
    assert re.search(r'aria-label="No area: Open 1"', html)
    assert 'href="/ideas?area=mobile-app&status=planned">1</a>' in html
    theme = re.search(r'<section class="card theme".*?</section>', html, re.S)[0]
    assert "Fees" in theme and "1 low-star review" in theme and "Lower the fees number 1" in theme
    assert (await pm.get("/ideas")).text.count("Product board") == 1


async def test_the_board_chart_is_in_proportion() -> None:
    from web.ideas import CHART_WIDTH, board_chart

    rows = board_chart([service.AreaCounts(None, {IdeaStatus.OPEN: 2, IdeaStatus.PLANNED: 2}),
                        service.AreaCounts(None, {IdeaStatus.COMPLETED: 1})])
    assert [r.total for r in rows] == [4, 1]
    assert [(s.status, s.x, s.width) for s in rows[0].segments] == [("open", 0, CHART_WIDTH / 2),
                                                                    ("planned", CHART_WIDTH / 2, CHART_WIDTH / 2)]
    assert rows[1].segments[0].width == CHART_WIDTH / 4
    assert board_chart([]) == []


async def test_every_vote_count_stays_exact_through_the_pages(make_client, database: Database, member) -> None:
    idea = await propose(database, member, "Choose my own PIN")
    clients = [await _signed_in(make_client, await create_member(database, f"v{i}@example.com", f"Voter {i}"))
               for i in range(4)]
    for c in clients:
        for action in ("up", "up", "down", "up"):
            await c.post(f"/ideas/{idea.id}/vote", data={"action": action}, headers=_htmx(c))
    assert (await counts_match(database))[idea.id] == 4
    async with database.sessionmaker() as s:
        assert (await s.get(Idea, idea.id)).vote_count == 4
