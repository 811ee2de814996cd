"""The care queue's pages: the list with views, filters and saved views, claim and release from
the list (htmx rows, a 409 that shows who acted), an item with its timeline and the customer
beside it, the item's forms (status, tags, escalate, notes, replies with canned responses,
pure insults only on insistence, take over), who may see any of it, and statements that do
not grow with the queue."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from care import items
from care.models import CannedResponse, CareItem, CareReply, EntryKind, ItemSource, Mention, ReplyState, SlaPolicy
from forums import service as forums
from forums.schemas import CategoryIn
from hearth import clock
from hearth.accounts.models import Account, Role
from hearth.db import Database
from hearth.settings import get_settings
from reviews import service as reviews
from reviews.schemas import CategoryIn as ProductCategoryIn
from reviews.schemas import ProductIn, ReviewIn
from tests.care.conftest import drain, make_channel, make_topic
from tests.care.test_ingest import mention, receive
from tests.conftest import create_member, csrf_of, sign_in
from tests.forums.conftest import ask
from tests.moderation.conftest import aged_member
from web import shared

HTMX = {"hx-request": "true"}


@pytest.fixture(autouse=True)
def pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing routed to agents by itself: the tests claim."""
    monkeypatch.setattr(get_settings(), "care_assignment", "pool")


@pytest.fixture
async def cor(database: Database) -> Account:
    return await create_member(database, "cor@example.com", "Cor Care", frozenset({Role.CARE_AGENT}))


@pytest.fixture
async def imports(database: Database):  # noqa: ANN201
    await make_topic(database, "Hearth", "hearth")
    return await make_channel(database, kind="import", name="Imports")


async def an_item(database: Database, text: str, *, source_id: int, language: str = "en",
                  customer_id: int | None = None, minutes_ago: int = 5) -> CareItem:
    message = items.Message(ref=f"q:{source_id}", at=clock.now() - timedelta(minutes=minutes_ago), body=text,
                            author="Anna")
    async with database.sessionmaker() as s:
        received = await items.receive(s, items.Conversation(
            source=ItemSource.QUESTION, source_id=source_id, channel="community", title=text, language=language,
            customer_name="Anna Asker", customer_id=customer_id, messages=(message,)))
        await s.commit()
        return received.item


async def mention_item(database: Database, channel, text: str, *, pure_insult: bool = False) -> CareItem:  # noqa: ANN001
    """A listening conversation's item, as the mention source opens it (replies to it are dry runs)."""
    await receive(database, channel, mention("1", text))
    async with database.sessionmaker() as s:
        found = (await s.scalars(select(Mention).where(Mention.channel_id == channel.id))).first()
        received = await items.receive(s, items.Conversation(
            source=ItemSource.MENTION, source_id=found.conversation_id, channel=str(channel.kind),
            channel_id=channel.id, title=found.text, language="nl", customer_handle=found.author_handle,
            customer_name="Jan Peeters", messages=[items.Message(
                ref=f"mention:{found.id}", at=found.published_at, body=found.text, author=found.author_handle,
                mention_id=found.id, pure_insult=pure_insult)]))
        await s.commit()
        return received.item


async def sla(database: Database, minutes: int = 60) -> None:
    async with database.sessionmaker() as s:
        s.add(SlaPolicy(name="Everything", first_response_minutes=minutes, created_at=clock.now(),
                        updated_at=clock.now()))
        await s.commit()


async def canned_response(database: Database) -> None:
    async with database.sessionmaker() as s:
        s.add(CannedResponse(code="card-blocked", title="Card blocked", folder=None, created_at=clock.now(),
                             updated_at=clock.now(), texts={"en": "Hi {customer_name}, your card works again.",
                                                           "nl": "Dag {customer_name}, uw kaart werkt weer. "
                                                                 "{agent_name}"}))
        await s.commit()


async def reload(database: Database, item_id: int) -> CareItem:
    async with database.sessionmaker() as s:
        return await s.get(CareItem, item_id)


def form(client, **values: str) -> dict[str, str]:  # noqa: ANN001
    return {"csrf_token": csrf_of(client), **values}


# --- who may see it -----------------------------------------------------------------------------


async def test_only_care_agents_see_the_queue(client, database: Database, member, agent, make_client) -> None:  # noqa: ANN001
    item = await an_item(database, "My card is blocked", source_id=1)
    visitor = make_client()
    for path in ("/care/queue", f"/care/items/{item.id}", f"/care/queue/rows/{item.id}", "/care/queue/count"):
        answer = await visitor.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/signin?next="), path
    await sign_in(client, member.email)
    for path in ("/care/queue", f"/care/items/{item.id}", "/care/queue/count"):
        assert (await client.get(path)).status_code == 403, path
    refused = await client.post(f"/care/items/{item.id}/claim", data=form(client))
    assert refused.status_code == 403 and (await reload(database, item.id)).assignee_id is None
    staff = make_client()
    await sign_in(staff, agent.email)
    no_token = await staff.post(f"/care/items/{item.id}/claim", data={"version": "1"})
    assert no_token.status_code == 403 and (await reload(database, item.id)).assignee_id is None
    assert (await staff.get("/care/items/999999")).status_code == 404


# --- the list -----------------------------------------------------------------------------------


async def test_the_queue_lists_views_and_filters(client, database: Database, agent, frozen_clock) -> None:  # noqa: ANN001
    await sla(database, minutes=60)
    card = await an_item(database, "My card is blocked", source_id=1)
    dutch = await an_item(database, "Mijn app werkt niet", source_id=2, language="nl", minutes_ago=50)
    await sign_in(client, agent.email)
    page = await client.get("/care/queue")
    assert page.status_code == 200
    text = page.text
    assert "My card is blocked" in text and "Mijn app werkt niet" in text and "Unassigned" in text
    # What is due first comes first, with a countdown the page's script ticks from its data.
    assert text.index("Mijn app werkt niet") < text.index("My card is blocked")
    due = (await reload(database, dutch.id)).first_response_due_at
    assert f'data-due="{due.isoformat()}"' in text and "in 10:00" in text and "state-due_soon" in text
    assert '/static/care_queue.js' in text and 'data-live="/api/v1/care/items/events"' in text
    nl = await client.get("/care/queue?language=nl")
    assert "Mijn app werkt niet" in nl.text and "My card is blocked" not in nl.text
    assert "My card is blocked" not in (await client.get("/care/queue?view=mine")).text
    assert (await client.get("/care/queue?status=sleeping")).status_code == 422
    fragment = await client.get("/care/queue?language=nl", headers=HTMX)
    assert "<html" not in fragment.text and f'id="care-item-{dutch.id}"' in fragment.text
    count = await client.get("/care/queue/count")
    assert "2 items wait" in count.text
    saved = await client.post("/care/queue/views", data=form(client, name="Dutch", language="nl"))
    assert saved.status_code == 303
    view = await client.get(saved.headers["location"])
    assert "Mijn app werkt niet" in view.text and "My card is blocked" not in view.text and ">Dutch</a>" in view.text
    unnamed = await client.post("/care/queue/views", data=form(client, name=" ", language="nl"))
    assert unnamed.status_code == 422 and "Give the view a name" in unnamed.text
    assert card.id != dutch.id


async def test_claim_and_release_from_the_list_and_a_409_says_who(client, database: Database, agent, cor,  # noqa: ANN001
                                                                   make_client) -> None:
    item = await an_item(database, "My card is blocked", source_id=1)
    await sign_in(client, agent.email)
    page = (await client.get("/care/queue")).text
    version = re.search(rf'id="care-item-{item.id}"[^>]*data-version="(\d+)"', page).group(1)
    claimed = await client.post(f"/care/items/{item.id}/claim", headers=HTMX,
                                data=form(client, version=version, back="list"))
    assert claimed.status_code == 200 and "<html" not in claimed.text
    assert "Yours" in claimed.text and "Release" in claimed.text and "You have this item now" in claimed.text
    assert 'hx-swap-oob="beforeend:#toasts"' in claimed.text
    other = make_client()
    await sign_in(other, cor.email)
    late = await other.post(f"/care/items/{item.id}/claim", headers=HTMX, data=form(other, version=version,
                                                                                      back="list"))
    assert late.status_code == 409
    assert "Taken by Cas Care" in late.text and "Another agent has this item" in late.text
    assert (await reload(database, item.id)).assignee_id == agent.id
    # Without htmx: a readable page, not a bare error.
    plain = await other.post(f"/care/items/{item.id}/claim", data=form(other, back="list"))
    assert plain.status_code == 409 and "Another agent has this item" in plain.text and "<html" in plain.text
    row = await other.get(f"/care/queue/rows/{item.id}", headers=HTMX)
    assert "Taken by Cas Care" in row.text and "Open to take over" in row.text
    assert "Taken by Cas Care" in (await other.get("/care/queue")).text
    released = await client.post(f"/care/items/{item.id}/release", data=form(client, back="list"))
    assert released.status_code == 303 and (await reload(database, item.id)).assignee_id is None
    # The list shows the row as it is now (rows are kept by everything they show).
    listed = (await other.get("/care/queue")).text
    assert "Taken by Cas Care" not in listed and f'action="/care/items/{item.id}/claim"' in listed


# --- an item ------------------------------------------------------------------------------------


async def test_the_item_shows_its_timeline_and_the_customer_beside_it(client, database: Database, agent, cor,  # noqa: ANN001
                                                                       make_client) -> None:
    anna = await aged_member(database, "anna@example.com", "Anna Asker")
    async with database.sessionmaker() as s:
        category = await forums.save_category(s, CategoryIn(name="Cards", slug="cards", description="Cards"))
        kind = await reviews.save_category(s, ProductCategoryIn(slug="accounts", name="Accounts"))
        product = await reviews.save_product(s, ProductIn(slug="current-account", name="Current account",
                                                          category_id=kind.id))
        await reviews.write_review(s, await s.get(Account, anna.id), product.id, ReviewIn(
            rating=1, title="Blocked again and again", body="My card was blocked three times this month."))
        await s.commit()
    thread = await ask(database, anna, category, title="Why is my card blocked abroad")
    await drain(database)  # the review's retention case
    item = await an_item(database, "Why is my card blocked abroad", source_id=thread.id, customer_id=anna.id)
    older = await an_item(database, "Card blocked last year", source_id=thread.id + 100, customer_id=anna.id)
    other = make_client()
    await sign_in(other, cor.email)
    assert (await other.post(f"/api/v1/care/items/{item.id}/presence", headers={"x-csrf-token": csrf_of(other)}
                             )).status_code == 200
    await sign_in(client, agent.email)
    page = await client.get(f"/care/items/{item.id}")
    assert page.status_code == 200
    text = page.text
    assert "<h1" in text and "Why is my card blocked abroad" in text and "Nobody holds this item." in text
    assert "Also open by Cor Care" in text
    assert f'href="/care/items/{older.id}"' in text  # the same customer's other conversation
    assert "Blocked again and again" in text and "Current account" in text  # their review, its case
    assert "question" in text and "/members/anna_asker" in text
    assert 'data-presence="/api/v1/care/items/' in text
    part = await client.get(f"/care/items/{item.id}?part=timeline", headers=HTMX)
    assert part.text.lstrip().startswith('<ol id="item-timeline"') and "Anna" in part.text


async def test_item_forms_claim_tag_note_escalate_and_status(client, database: Database, agent) -> None:  # noqa: ANN001
    item = await an_item(database, "My card is blocked", source_id=1)
    await sign_in(client, agent.email)
    claimed = await client.post(f"/care/items/{item.id}/claim", data=form(client, version=str(item.version)))
    assert claimed.status_code == 303 and claimed.headers["location"] == f"/care/items/{item.id}?done=claim"
    page = (await client.get(claimed.headers["location"])).text
    assert "You hold this item." in page and "You have this item now" in page
    stale = await client.post(f"/care/items/{item.id}/tags", data=form(client, tags_text="cards", version="1"))
    assert stale.status_code == 409 and "changed this item a moment ago" in stale.text
    assert 'value="cards"' in stale.text  # what the agent typed is kept
    tagged = await client.post(f"/care/items/{item.id}/tags", data=form(client, tags_text="Cards, abroad"))
    assert tagged.status_code == 303
    noted = await client.post(f"/care/items/{item.id}/notes", data=form(client, note="Asked the card team"))
    assert noted.status_code == 303
    empty = await client.post(f"/care/items/{item.id}/notes", data=form(client, note="  "))
    assert empty.status_code == 422 and "Write the note first" in empty.text
    escalated = await client.post(f"/care/items/{item.id}/escalate", data=form(client, reason="Fraud suspected"))
    assert escalated.status_code == 303
    resolved = await client.post(f"/care/items/{item.id}/status", data=form(client, status="resolved"))
    assert resolved.status_code == 303
    text = (await client.get(f"/care/items/{item.id}")).text
    for line in ("Cas Care claimed it", "+ abroad", "+ cards", "Private note by Cas Care", "Asked the card team",
                 "Cas Care escalated it", "Fraud suspected", "from Escalated to Resolved"):
        assert line in text, line
    assert (await reload(database, item.id)).status == "resolved"


async def test_another_agents_item_is_theirs_until_taken_over(client, database: Database, agent, cor,  # noqa: ANN001
                                                               make_client) -> None:
    item = await an_item(database, "My card is blocked", source_id=1)
    await sign_in(client, agent.email)
    await client.post(f"/care/items/{item.id}/claim", data=form(client))
    other = make_client()
    await sign_in(other, cor.email)
    page = (await other.get(f"/care/items/{item.id}")).text
    assert "Cas Care holds this item." in page and 'data-held-by-other="true"' in page
    assert re.search(r'<fieldset class="care-forms" disabled', page) and re.search(r'id="reply-fields" disabled', page)
    assert "Yes, take it over" in page  # behind its own confirmation step
    refused = await other.post(f"/care/items/{item.id}/status", data=form(other, status="resolved"))
    assert refused.status_code == 409 and "Another agent has this item" in refused.text
    assert "Cas Care holds this item." in refused.text  # the fresh state, with the toast
    taken = await other.post(f"/care/items/{item.id}/takeover", data=form(other))
    assert taken.status_code == 303
    text = (await other.get(taken.headers["location"])).text
    assert "You hold this item." in text and "Cor Care took it over from Cas Care" in text


async def test_a_reply_with_a_canned_response_and_a_pure_insult_needs_insisting(client, database: Database,  # noqa: ANN001
                                                                                agent, imports) -> None:
    await canned_response(database)
    item = await mention_item(database, imports, "hearth mijn kaart is geblokkeerd")
    await sign_in(client, agent.email)
    # The customer as the mention source names them (their name, else their handle).
    text = f"Dag {item.customer_name or '@' + item.customer_handle}, uw kaart werkt weer. Cas Care"
    filled = await client.get(f"/care/items/{item.id}/canned?canned=card-blocked", headers=HTMX)
    assert text in filled.text and 'value="card-blocked"' in filled.text
    unknown = await client.get(f"/care/items/{item.id}/canned?canned=nope", headers=HTMX)
    assert "No canned response has the code nope" in unknown.text
    no_js = await client.get(f"/care/items/{item.id}?canned=card-blocked")
    assert f"{text}</textarea>" in no_js.text
    sent = await client.post(f"/care/items/{item.id}/replies", data=form(
        client, body=text, canned="card-blocked", then="resolved"))
    assert sent.status_code == 303, sent.text
    async with database.sessionmaker() as s:
        reply = (await s.scalars(select(CareReply))).one()
    assert reply.canned_code == "card-blocked" and reply.state == ReplyState.QUEUED
    assert (await reload(database, item.id)).status == "resolved"
    await drain(database)
    page = (await client.get(f"/care/items/{item.id}")).text
    assert "Reply by Cas Care" in page and "Recorded (dry run)" in page and "Your reply is on its way" not in page


async def test_pure_insults_and_failed_sends_are_visible(client, database: Database, agent, imports) -> None:  # noqa: ANN001
    item = await mention_item(database, imports, "hearth jullie zijn klootzakken", pure_insult=True)
    await sign_in(client, agent.email)
    page = (await client.get(f"/care/items/{item.id}")).text
    assert "Reply only if you insist" in page and 'name="insist"' in page
    refused = await client.post(f"/care/items/{item.id}/replies", data=form(client, body="Dat is niet netjes"))
    assert refused.status_code == 409 and "insist" in refused.text and "Dat is niet netjes</textarea>" in refused.text
    sent = await client.post(f"/care/items/{item.id}/replies", data=form(client, body="Dat is niet netjes",
                                                                         insist="on"))
    assert sent.status_code == 303
    async with database.sessionmaker() as s:
        reply = (await s.scalars(select(CareReply))).one()
        reply.state, reply.error = ReplyState.FAILED, "The platform refused it (403)"
        items.entry(s, await s.get(CareItem, item.id), EntryKind.SEND, body=reply.error, reply_id=reply.id,
                    data={"state": "failed", "target": reply.target, "attempts": 1})
        await s.commit()
    text = (await client.get(f"/care/items/{item.id}")).text
    assert "Sending failed" in text and "The platform refused it (403)" in text and "A reply could not be sent" in text


# --- statements -----------------------------------------------------------------------------------


async def _statements(database: Database, client, path: str) -> int:  # noqa: ANN001
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001, ANN002
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")):
            seen.append(statement)

    shared.clear()
    event.listen(database.engine.sync_engine, "before_cursor_execute", count)
    try:
        assert (await client.get(path)).status_code == 200
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", count)
    return len(seen)


async def test_the_pages_cost_the_same_statements_however_full_the_queue(client, database: Database,  # noqa: ANN001
                                                                          agent) -> None:
    anna = await aged_member(database, "anna@example.com", "Anna Asker")
    item = await an_item(database, "My card is blocked", source_id=1, customer_id=anna.id)
    await sign_in(client, agent.email)
    before = (await _statements(database, client, "/care/queue"),
              await _statements(database, client, f"/care/items/{item.id}"))
    for n in range(2, 8):
        await an_item(database, f"Question number {n}", source_id=n, customer_id=anna.id)
        async with database.sessionmaker() as s:
            items.entry(s, await s.get(CareItem, item.id), EntryKind.NOTE, actor=await s.get(Account, agent.id),
                        body=f"note {n}")
            await s.commit()
    await items_tagged(database, agent, item.id)
    after = (await _statements(database, client, "/care/queue"),
             await _statements(database, client, f"/care/items/{item.id}"))
    assert after == before


async def items_tagged(database: Database, agent: Account, item_id: int) -> None:
    async with database.sessionmaker() as s:
        await items.set_tags(s, await s.get(Account, agent.id), item_id, ["cards", "abroad"])
        await s.commit()
