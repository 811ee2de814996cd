"""Answering care items: canned responses with variables, private notes, replies recorded once
and sent through their source (X, Facebook, the forum, the review), failures visible and never
sent twice, pure insults only on insistence; tags in folders. Staff only."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import parse_qs

import httpx
import pytest
from sqlalchemy import func, select, update

from care import items, replies
from care.models import (
    CareAgent,
    CareItem,
    CareReply,
    EntryKind,
    ItemSource,
    Mention,
    ReplyState,
)
from care.schemas import AuthorIn, MentionIn
from forums.models import Post, Thread
from hearth import clock, events
from hearth.accounts.models import Account, Role
from hearth.db import Database
from hearth.events.models import OutboxEvent
from hearth.security import CSRF_HEADER
from hearth.settings import get_settings
from moderation.models import ContentState, Reviewable, ReviewStatus
from reviews import service as reviews
from reviews.models import BrandResponse
from reviews.schemas import CategoryIn as ReviewCategoryIn
from reviews.schemas import ProductIn
from tests.api.test_accounts import assert_problem
from tests.care.conftest import APP_SECRET, SECRET, drain, make_channel, make_topic
from tests.care.test_ingest import mention, receive
from tests.conftest import create_member, csrf_of, sign_in
from tests.forums.conftest import ask
from tests.moderation.conftest import aged_member
from tests.reviews.conftest import write

X_TOKEN = "x-user-access-token-for-tests"
FB_TOKEN = "facebook-page-access-token-for-tests"


# --- helpers ------------------------------------------------------------------------------------

@pytest.fixture
async def cor(database: Database) -> Account:
    return await create_member(database, "care2@example.com", "Cor Care", frozenset({Role.CARE_AGENT}))


class Requests(list):
    """What the platform was sent; `answers` are its next answers, in order (then 201s)."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[httpx.Response] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.append(request)
        return self.answers.pop(0) if self.answers else httpx.Response(201, json={"data": {"id": f"r{len(self)}"}})


@pytest.fixture
def platform(monkeypatch: pytest.MonkeyPatch) -> Requests:
    """X and Facebook as a mock transport: never the real internet."""
    seen = Requests()
    monkeypatch.setattr(replies, "http_client", lambda: httpx.AsyncClient(transport=httpx.MockTransport(seen.handle)))
    return seen


@pytest.fixture(autouse=True)
def agents_claim_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    """Items wait unassigned (no round robin) until an agent claims or answers them."""
    settings = get_settings()
    if hasattr(settings, "care_assignment"):
        monkeypatch.setattr(settings, "care_assignment", "pool")


def said(external_id: str, text: str, **extra) -> MentionIn:  # noqa: ANN003
    """A customer's message, by Jan Peeters (klant_jan)."""
    message = mention(external_id, text, **extra)
    return message.model_copy(update={"author": AuthorIn(handle="klant_jan", name="Jan Peeters", followers=120)})


@pytest.fixture
async def product(database: Database):  # noqa: ANN201
    async with database.sessionmaker() as s:
        kind = await reviews.save_category(s, ReviewCategoryIn(slug="cards", name="Cards"))
        found = await reviews.save_product(s, ProductIn(slug="visa-classic", name="Visa Classic",
                                                        category_id=kind.id, description="A credit card"))
        await s.commit()
        return found


@pytest.fixture
def sending(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real sending (the demo's default is a dry run)."""
    monkeypatch.setattr(get_settings(), "care_send_dry_run", False)


async def mention_item(database: Database, channel, *messages: MentionIn, language: str | None = None,  # noqa: ANN001
                       pure_insult: bool = False) -> CareItem:
    """A conversation received on `channel`, and its care item (as the listening source opens it)."""
    await receive(database, channel, *messages)
    async with database.sessionmaker() as s:
        stored = list(await s.scalars(select(Mention).where(Mention.channel_id == channel.id).order_by(Mention.id)))
        assert stored, "the topic did not keep the messages"
        received = await items.receive(s, items.Conversation(
            source=ItemSource.MENTION, source_id=stored[0].conversation_id, channel=str(channel.kind),
            channel_id=channel.id, title=stored[0].text, language=language or stored[0].language,
            customer_handle=stored[0].author_handle, customer_name="Jan Peeters",
            messages=[items.Message(ref=f"mention:{m.id}", at=m.published_at, body=m.text, author=m.author_handle,
                                    mention_id=m.id, pure_insult=pure_insult) for m in stored]))
        # The listening source may have opened it first, with its own labels: these tests set theirs.
        item = received.item
        item.language, item.pure_insult = language or item.language, pure_insult or item.pure_insult
        await s.commit()
        return item


async def community_item(database: Database, source: ItemSource, source_id: int, language: str = "en") -> CareItem:
    async with database.sessionmaker() as s:
        received = await items.receive(s, items.Conversation(
            source=source, source_id=source_id, channel="community", title="Card blocked", language=language,
            messages=[items.Message(ref=f"{source}:{source_id}", at=clock.now(), body="Card blocked")]))
        await s.commit()
        return received.item


async def the_replies(database: Database) -> list[CareReply]:
    async with database.sessionmaker() as s:
        return list(await s.scalars(select(CareReply).order_by(CareReply.id)))


async def kinds(database: Database, item_id: int) -> list[EntryKind]:
    async with database.sessionmaker() as s:
        return [e.kind for e, _ in await items.timeline(s, item_id)]


@pytest.fixture
async def x_sender(database: Database):  # noqa: ANN201
    await make_topic(database, "Hearth", "hearth")
    return await make_channel(database, kind="x", name="X care", account="HearthBank", secret=SECRET,
                              access_token=X_TOKEN)


@pytest.fixture
async def imports(database: Database):  # noqa: ANN201
    await make_topic(database, "Hearth", "hearth")
    return await make_channel(database, kind="import", name="Imports")


# --- canned responses ---------------------------------------------------------------------------

CARD_BLOCKED = {"code": "card-blocked", "title": "Card blocked abroad", "folder": "Cards", "texts": {
    "en": "Hi {customer_name}, we unblocked your card. {signature}",
    "nl": "Dag {customer_name}, uw kaart is gedeblokkeerd (dossier {item_id}). Groeten, {signature} van {brand}",
}}


async def test_a_canned_response_is_rendered_in_the_items_language(client, database: Database, agent,  # noqa: ANN001
                                                                   imports) -> None:  # noqa: ANN001
    async with database.sessionmaker() as s:
        s.add(CareAgent(account_id=agent.id, signature="Cas, team kaarten"))
        await s.commit()
    await sign_in(client, agent.email)
    made = await client.post("/api/v1/care/canned-responses", json=CARD_BLOCKED)
    assert made.status_code == 201, made.text
    assert made.json()["variables"] == ["customer_name", "signature", "item_id", "brand"]
    assert_problem(await client.post("/api/v1/care/canned-responses", json=CARD_BLOCKED), 409, "conflict")
    dutch = await mention_item(database, imports, said("1", "hearth mijn kaart is geblokkeerd"), language="nl")
    sent = await client.post(f"/api/v1/care/items/{dutch.id}/replies", json={"canned": "card-blocked"})
    assert sent.status_code == 201, sent.text
    brand = get_settings().community_name
    assert sent.json()["body"] == (f"Dag Jan Peeters, uw kaart is gedeblokkeerd (dossier {dutch.id}). "
                                   f"Groeten, Cas, team kaarten van {brand}")
    assert sent.json()["state"] == "queued" and sent.json()["target"] == "import"
    await drain(database)
    assert [r.state for r in await the_replies(database)] == [ReplyState.DRY_RUN]  # an import: nowhere to send
    listed = (await client.get("/api/v1/care/canned-responses", params={"folder": "Cards"})).json()
    assert [c["code"] for c in listed["items"]] == ["card-blocked"] and listed["next"] is None


async def test_a_language_without_text_falls_back_to_the_community_default(database: Database, agent,  # noqa: ANN001
                                                                           imports) -> None:  # noqa: ANN001
    from care import canned
    from care.schemas import CannedIn

    german = await mention_item(database, imports, said("1", "hearth karte gesperrt"), language="de")
    async with database.sessionmaker() as s:
        row = await canned.save(s, CannedIn(**CARD_BLOCKED))
        text = await canned.render(s, row, german, await s.get(Account, agent.id))
    assert text == "Hi Jan Peeters, we unblocked your card. Cas Care"  # no signature set: the display name


async def test_an_unknown_variable_is_refused_naming_it_and_its_text(client, agent) -> None:  # noqa: ANN001
    await sign_in(client, agent.email)
    data = {**CARD_BLOCKED, "texts": {"en": "Hi {customer_name}", "nl": "Dag {klantnaam}"}}
    problem = assert_problem(await client.post("/api/v1/care/canned-responses", json=data), 422, "invalid")
    assert "{klantnaam}" in problem["detail"] and "texts.nl" in problem["detail"]
    assert problem["errors"][0]["loc"] == ["body", "texts", "nl"]
    for texts in ({"en": "Hi {customer_name.__class__}"}, {"en": "Hi {customer_name"}, {"en": "  "}, {}):
        assert_problem(await client.post("/api/v1/care/canned-responses", json={**data, "texts": texts}),
                       422, "invalid")
    assert_problem(await client.post("/api/v1/care/canned-responses", json={**CARD_BLOCKED, "code": "Card Blocked"}),
                   422, "invalid")
    literal = await client.post("/api/v1/care/canned-responses",
                                json={**CARD_BLOCKED, "texts": {"en": "Use {{braces}}, {agent_name}"}})
    assert literal.status_code == 201 and literal.json()["variables"] == ["agent_name"]
    changed = await client.put(f"/api/v1/care/canned-responses/{literal.json()['id']}",
                               json={**CARD_BLOCKED, "texts": {"fr": "Bonjour {oops}"}})
    assert assert_problem(changed, 422, "invalid")["errors"][0]["loc"] == ["body", "texts", "fr"]
    gone = await client.delete(f"/api/v1/care/canned-responses/{literal.json()['id']}",
                               headers={CSRF_HEADER: csrf_of(client)})
    assert gone.status_code == 204
    assert_problem(await client.get(f"/api/v1/care/canned-responses/{literal.json()['id']}"), 404, "not-found")


# --- notes ----------------------------------------------------------------------------------------

async def test_a_note_is_private_and_never_sent(client, database: Database, agent, cor, imports) -> None:  # noqa: ANN001
    item = await mention_item(database, imports, said("1", "hearth help"))
    async with database.sessionmaker() as s:
        await items.claim(s, await s.get(Account, cor.id), item.id)
        await s.commit()
    await sign_in(client, agent.email)
    noted = await client.post(f"/api/v1/care/items/{item.id}/notes", json={"body": "  Klant\u200b belde ook\r\nal  "})
    assert noted.status_code == 201, noted.text
    assert noted.json()["body"] == "Klant belde ook\nal" and noted.json()["actor_id"] == agent.id
    assert_problem(await client.post(f"/api/v1/care/items/{item.id}/notes", json={"body": "\u200b "}), 422, "invalid")
    assert_problem(await client.post("/api/v1/care/items/999999/notes", json={"body": "x"}), 404, "not-found")
    assert EntryKind.NOTE in await kinds(database, item.id)
    assert await the_replies(database) == []


# --- replies --------------------------------------------------------------------------------------

async def test_two_agents_replying_at_once_one_gets_a_conflict(client, make_client, database: Database, agent,  # noqa: ANN001
                                                                cor, imports) -> None:  # noqa: ANN001
    item = await mention_item(database, imports, said("1", "hearth waar blijft mijn kaart"))
    other = make_client()
    await sign_in(client, agent.email)
    await sign_in(other, cor.email)
    answers = await asyncio.gather(
        client.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "We kijken het na."}),
        other.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "Ik bekijk het."}))
    assert sorted(a.status_code for a in answers) == [201, 409], [a.text for a in answers]
    loser = next(a for a in answers if a.status_code == 409)
    assert_problem(loser, 409, "conflict")
    winner = agent.id if answers[0].status_code == 201 else cor.id
    async with database.sessionmaker() as s:
        stored = await s.get(CareItem, item.id)
        assert stored.assignee_id == winner and stored.first_response_at is not None and stored.waiting_since is None
    assert len(await the_replies(database)) == 1
    # Afterwards the other agent is told the item is someone else's.
    later = other if winner == agent.id else client
    assert_problem(await later.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "Nog eens"}),
                   409, "conflict")
    assert len(await the_replies(database)) == 1


async def test_a_pure_insult_is_answered_only_on_insistence(client, database: Database, agent, imports) -> None:  # noqa: ANN001
    item = await mention_item(database, imports, said("1", "hearth idioten"), pure_insult=True)
    await sign_in(client, agent.email)
    refused = await client.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "Wij helpen u graag."})
    assert assert_problem(refused, 409, "conflict")["errors"][0]["loc"] == ["body", "insist"]
    assert await the_replies(database) == [] and EntryKind.REPLY not in await kinds(database, item.id)
    insisted = await client.post(f"/api/v1/care/items/{item.id}/replies",
                                 json={"body": "Wij helpen u graag.", "insist": True})
    assert insisted.status_code == 201, insisted.text
    assert EntryKind.REPLY in await kinds(database, item.id)


async def test_a_reply_to_a_deleted_mention_records_nothing(client, database: Database, agent,  # noqa: ANN001
                                                           x_sender) -> None:  # noqa: ANN001
    item = await mention_item(database, x_sender, said("1900", "hearth my card"))
    async with database.sessionmaker() as s:
        await s.execute(update(Mention).values(removed_at=clock.now()))
        await s.commit()
    await sign_in(client, agent.email)
    gone = await client.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "We are on it"})
    problem = assert_problem(gone, 409, "conflict")
    assert "deleted" in problem["detail"] and problem["errors"][0]["loc"] == ["body", "source"]
    assert await the_replies(database) == [] and EntryKind.REPLY not in await kinds(database, item.id)
    async with database.sessionmaker() as s:
        assert (await s.get(CareItem, item.id)).assignee_id is None  # not even claimed


async def _one_pass(database: Database) -> None:
    """The worker once over what is due now (a retry's backoff keeps it for later)."""
    while await events.drain_once(database):
        pass


async def test_a_failed_send_is_visible_and_a_retry_never_sends_twice(client, database: Database, agent, x_sender,  # noqa: ANN001
                                                                     platform, sending, frozen_clock) -> None:  # noqa: ANN001
    item = await mention_item(database, x_sender, said("1900", "hearth my card is blocked"))
    await sign_in(client, agent.email)
    platform.answers.append(httpx.Response(500, json={"title": "Internal Error", "detail": "Over capacity"}))
    made = await client.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "We unblocked it, sorry!"})
    assert made.status_code == 201, made.text
    await _one_pass(database)
    [failed] = await the_replies(database)
    assert failed.state == ReplyState.FAILED and failed.attempts == 1 and "HTTP 500" in failed.error
    assert "Over capacity" in failed.error
    assert (await kinds(database, item.id)).count(EntryKind.SEND) == 1
    request = platform[0]
    assert request.url == "https://api.x.com/2/tweets" and request.headers["authorization"] == f"Bearer {X_TOKEN}"
    assert json.loads(request.content) == {"text": "We unblocked it, sorry!", "reply": {"in_reply_to_tweet_id": "1900"}}

    frozen_clock.advance(seconds=10)  # the outbox's backoff has passed: it tries again
    platform.answers.append(httpx.Response(201, json={"data": {"id": "1901", "text": "We unblocked it, sorry!"}}))
    await _one_pass(database)
    [sent] = await the_replies(database)
    assert sent.state == ReplyState.SENT and sent.external_id == "1901" and sent.attempts == 2 and sent.error is None
    assert (await kinds(database, item.id)).count(EntryKind.SEND) == 2  # failed, then sent after all

    async with database.sessionmaker() as s:  # the job runs again (a duplicate, an admin's "run again")
        events.publish(s, replies.SEND_EVENT, reply_id=sent.id)
        await s.commit()
    frozen_clock.advance(seconds=10)
    await _one_pass(database)
    assert len(platform) == 2 and [r.state for r in await the_replies(database)] == [ReplyState.SENT]
    async with database.sessionmaker() as s:
        changes = await s.scalar(select(func.count()).where(OutboxEvent.name == "care.item_changed",
                                                            OutboxEvent.payload["change"].as_string() == "send"))
    assert changes >= 2  # pages heard of the failure and of the send


async def test_a_refused_send_is_not_retried(client, database: Database, agent, x_sender, platform,  # noqa: ANN001
                                             sending) -> None:  # noqa: ANN001
    item = await mention_item(database, x_sender, said("1900", "hearth my card"))
    await sign_in(client, agent.email)
    platform.answers.append(httpx.Response(403, json={"detail": "You are not permitted to reply"}))
    await client.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "Sorry about that"})
    await drain(database)  # even with time to spare, nothing is tried again
    [failed] = await the_replies(database)
    assert failed.state == ReplyState.FAILED and "not permitted" in failed.error and len(platform) == 1


async def test_dry_run_records_without_sending(client, database: Database, agent, x_sender, platform) -> None:  # noqa: ANN001
    item = await mention_item(database, x_sender, said("1900", "hearth my card"))
    await sign_in(client, agent.email)
    await client.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "Sorry about that"})
    await drain(database)
    [reply] = await the_replies(database)
    assert reply.state == ReplyState.DRY_RUN and reply.external_id is None and platform == []
    too_long = await client.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "x" * 281})
    assert "280" in assert_problem(too_long, 422, "invalid")["detail"]


async def test_without_a_token_a_reply_is_a_dry_run(client, database: Database, agent, platform,  # noqa: ANN001
                                                    sending) -> None:  # noqa: ANN001
    await make_topic(database, "Hearth", "hearth")
    channel = await make_channel(database, kind="x", name="X without token", account="HearthBank", secret=SECRET)
    item = await mention_item(database, channel, said("1900", "hearth my card"))
    await sign_in(client, agent.email)
    await client.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "Sorry about that"})
    await drain(database)
    assert [r.state for r in await the_replies(database)] == [ReplyState.DRY_RUN] and platform == []


async def test_a_facebook_reply_is_a_comment_by_the_page(client, database: Database, agent, platform,  # noqa: ANN001
                                                         sending) -> None:  # noqa: ANN001
    await make_topic(database, "Hearth", "hearth")
    page = await make_channel(database, kind="facebook", name="Facebook page", account="104872305234567",
                              secret=APP_SECRET, verify_token="verify", access_token=FB_TOKEN)
    item = await mention_item(database, page, said("104872305234567_555", "hearth is my transfer gone?"),
                              said("555_777", "hearth still nothing", parent="104872305234567_555",
                                      conversation="104872305234567_555", minutes=3))
    platform.answers.append(httpx.Response(200, json={"id": "555_778"}))
    await sign_in(client, agent.email)
    await client.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "It arrives today."})
    await drain(database)
    [reply] = await the_replies(database)
    assert reply.state == ReplyState.SENT and reply.external_id == "555_778" and reply.in_reply_to == "555_777"
    [request] = platform
    assert request.url.path.endswith("/555_777/comments")
    form = parse_qs(request.content.decode())
    assert form["message"] == ["It arrives today."] and form["access_token"] == [FB_TOKEN]
    assert len(form["appsecret_proof"][0]) == 64


async def test_a_question_reply_becomes_an_answer_by_the_brand(client, database: Database, agent,  # noqa: ANN001
                                                               category) -> None:  # noqa: ANN001
    asker = await aged_member(database, "asker@example.com", "Ann Asker")
    thread = await ask(database, asker, category)
    item = await community_item(database, ItemSource.QUESTION, thread.id)
    await sign_in(client, agent.email)
    made = await client.post(f"/api/v1/care/items/{item.id}/replies",
                             json={"body": "Turn on payments abroad under Cards in the app."})
    assert made.status_code == 201 and made.json()["target"] == "community", made.text
    await drain(database)
    [reply] = await the_replies(database)
    async with database.sessionmaker() as s:
        brand = await s.scalar(select(Account).where(Account.email == get_settings().care_brand_account_email))
        post = await s.scalar(select(Post).where(Post.thread_id == thread.id, Post.is_opening.is_(False)))
        profile = await s.get(CareAgent, brand.id)
    assert reply.state == ReplyState.SENT and reply.external_id == f"post:{post.id}"
    assert post.author_id == brand.id and post.body == "Turn on payments abroad under Cards in the app."
    assert brand.has_role(Role.CARE_AGENT) and brand.display_name == get_settings().community_name
    assert profile is not None and not profile.available  # routing never gives it items


async def test_a_reply_to_a_deleted_question_records_nothing(client, database: Database, agent,  # noqa: ANN001
                                                             category) -> None:  # noqa: ANN001
    asker = await aged_member(database, "asker@example.com", "Ann Asker")
    thread = await ask(database, asker, category)
    item = await community_item(database, ItemSource.QUESTION, thread.id)
    async with database.sessionmaker() as s:
        await s.execute(update(Thread).where(Thread.id == thread.id).values(state=ContentState.DELETED))
        await s.commit()
    await sign_in(client, agent.email)
    gone = await client.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "Here is how"})
    assert "question was deleted" in assert_problem(gone, 409, "conflict")["detail"]
    assert await the_replies(database) == []


async def test_a_reply_to_a_flag_answers_where_the_flagged_post_lives(client, database: Database, agent,  # noqa: ANN001
                                                                     category) -> None:  # noqa: ANN001
    asker = await aged_member(database, "asker@example.com", "Ann Asker")
    thread = await ask(database, asker, category)
    async with database.sessionmaker() as s:
        opening = await s.scalar(select(Post).where(Post.thread_id == thread.id))
        flag = Reviewable(content_kind="forum.post", content_id=opening.id, status=ReviewStatus.PENDING,
                          created_at=clock.now(), updated_at=clock.now())
        odd = Reviewable(content_kind="profile", content_id=1, status=ReviewStatus.PENDING,
                         created_at=clock.now(), updated_at=clock.now())
        s.add_all([flag, odd])
        await s.commit()
    item = await community_item(database, ItemSource.FLAG, flag.id)
    elsewhere = await community_item(database, ItemSource.FLAG, odd.id)
    await sign_in(client, agent.email)
    made = await client.post(f"/api/v1/care/items/{item.id}/replies", json={"body": "We looked into it for you."})
    assert made.status_code == 201 and made.json()["in_reply_to"] == f"thread:{thread.id}", made.text
    nowhere = await client.post(f"/api/v1/care/items/{elsewhere.id}/replies", json={"body": "Hello"})
    assert "nowhere to reply" in assert_problem(nowhere, 409, "conflict")["detail"]
    await drain(database)
    [reply] = await the_replies(database)
    assert reply.state == ReplyState.SENT and reply.external_id.startswith("post:")


async def test_a_review_reply_becomes_the_brand_response(client, database: Database, agent,  # noqa: ANN001
                                                         product) -> None:  # noqa: ANN001
    reviewer = await aged_member(database, "reviewer@example.com", "Rik Reviewer")
    review = await write(database, reviewer, product.id, rating=1)
    item = await community_item(database, ItemSource.REVIEW, review.id)
    await sign_in(client, agent.email)
    made = await client.post(f"/api/v1/care/items/{item.id}/replies",
                             json={"body": "We are sorry, Rik: the fee was refunded today."})
    assert made.status_code == 201 and made.json()["target"] == "reviews", made.text
    await drain(database)
    [reply] = await the_replies(database)
    async with database.sessionmaker() as s:
        response = await s.scalar(select(BrandResponse).where(BrandResponse.review_id == review.id))
        brand = await s.get(Account, response.author_id)
    assert reply.state == ReplyState.SENT and reply.external_id == f"response:{response.id}"
    assert response.body == "We are sorry, Rik: the fee was refunded today."
    assert brand.email == get_settings().care_brand_account_email


# --- tags in folders ------------------------------------------------------------------------------

async def test_tags_live_in_folders(client, make_client, database: Database, agent, cor, imports) -> None:  # noqa: ANN001
    await sign_in(client, agent.email)
    commercial = (await client.post("/api/v1/care/tag-folders", json={"name": "Commercial"})).json()
    corporate = (await client.post("/api/v1/care/tag-folders", json={"name": "Corporate", "position": 1})).json()
    assert_problem(await client.post("/api/v1/care/tag-folders", json={"name": "Commercial"}), 409, "conflict")
    made = await client.post("/api/v1/care/tags", json={"name": "Complaint", "folder_id": commercial["id"]})
    assert made.status_code == 201 and made.json()["name"] == "complaint" and made.json()["folder"] == "Commercial"
    moved = await client.post("/api/v1/care/tags", json={"name": "complaint", "folder_id": corporate["id"]})
    assert moved.status_code == 200 and moved.json()["folder_id"] == corporate["id"]
    assert_problem(await client.post("/api/v1/care/tags", json={"name": "x", "folder_id": 99999}), 404, "not-found")
    folders = (await client.get("/api/v1/care/tag-folders")).json()
    assert [(f["name"], f["tags"]) for f in folders] == [("Commercial", []), ("Corporate", ["complaint"])]

    item = await mention_item(database, imports, said("1", "hearth fees again"))
    tagged = await client.put(f"/api/v1/care/items/{item.id}/tags", json={"tags": ["Complaint", "fees"]})
    assert tagged.status_code == 200, tagged.text
    assert [(t["name"], t["folder"]) for t in tagged.json()["tags"]] == [("complaint", "Corporate"), ("fees", None)]
    listed = (await client.get("/api/v1/care/tags", params={"folder": corporate["id"]})).json()
    assert [t["name"] for t in listed["items"]] == ["complaint"]
    async with database.sessionmaker() as s:
        await items.claim(s, await s.get(Account, cor.id), item.id)
        await s.commit()
    assert_problem(await client.put(f"/api/v1/care/items/{item.id}/tags", json={"tags": []}), 409, "conflict")


# --- who may ---------------------------------------------------------------------------------------

ROUTES = [("POST", "/api/v1/care/items/1/notes", {"body": "x"}),
          ("POST", "/api/v1/care/items/1/replies", {"body": "x"}),
          ("PUT", "/api/v1/care/items/1/tags", {"tags": []}), ("GET", "/api/v1/care/canned-responses", None),
          ("POST", "/api/v1/care/canned-responses", CARD_BLOCKED), ("GET", "/api/v1/care/canned-responses/1", None),
          ("PUT", "/api/v1/care/canned-responses/1", CARD_BLOCKED), ("DELETE", "/api/v1/care/canned-responses/1", None),
          ("GET", "/api/v1/care/tag-folders", None), ("POST", "/api/v1/care/tag-folders", {"name": "Commercial"}),
          ("GET", "/api/v1/care/tags", None), ("POST", "/api/v1/care/tags", {"name": "fees"})]


async def test_members_and_visitors_are_refused_everywhere(client, make_client, member) -> None:  # noqa: ANN001
    signed_in = make_client()
    await sign_in(signed_in, member.email)
    for method, path, body in ROUTES:
        # JSON (an empty object where the route takes no body) passes the CSRF check: who asks is what is refused.
        assert_problem(await client.request(method, path, json=body or {}), 401, "unauthorized")
        assert_problem(await signed_in.request(method, path, json=body or {}), 403, "forbidden")
