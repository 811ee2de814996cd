"""Answering care items: private notes, and replies sent back through the conversation's source.

A reply is recorded in the agent's request — a `CareReply` row (queued), a line on the
timeline, the brand's answer on the item's clocks and a `care.item_changed` event, in one
transaction — and sent afterwards by the `care.reply_send` job from the outbox, so a slow or
failing platform never holds up the agent, and the reply exists once whatever happens to
the sending. The job only moves the reply's state: queued → sent (with the id of what it
became), dry_run (recorded, not sent) or failed (with the error and the attempts; the
outbox tries again with backoff when the platform may recover). It reads the state before
sending, so a job that runs again never sends a sent reply twice.

Where a reply goes, by the item's source:

- a mention on X or Facebook: posted with the channel's access token through the platform's
  connector (`x.send_reply`, `facebook.send_comment`); a dry run while HEARTH_CARE_SEND_DRY_RUN
  is on or the channel has no token. Feeds and imports: always a dry run (nowhere to send).
- a question: an answer in the forum thread, a review: the brand response on it — both
  posted as the brand's account (HEARTH_CARE_BRAND_ACCOUNT_EMAIL, created on first use)
  through `forums.service.create_answer` and `reviews.service.respond`.
- a flag: where the flagged post or review lives, the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from care import canned, items, service, sla
from care.connectors import facebook, x
from care.connectors.errors import SendError
from care.models import (
    CareAgent,
    CareEntry,
    CareItem,
    CareReply,
    Channel,
    ChannelKind,
    Conversation,
    EntryKind,
    ItemSource,
    ItemStatus,
    Mention,
    ReplyState,
)
from care.schemas import ReplyIn
from forums import service as forums  # the brand's answer to a question (see pyproject's contracts)
from forums.schemas import PostIn
from hearth import clock, events
from hearth.accounts import service as accounts
from hearth.accounts.models import Account, Role
from hearth.errors import Conflict, HearthError, Invalid, NotFound
from hearth.events import Work
from hearth.saving import add_unique
from hearth.settings import get_settings
from moderation.models import Reviewable
from reviews import service as reviews  # the brand response on a review (see pyproject's contracts)

SEND_EVENT = "care.reply_send"
COMMUNITY_TARGETS = frozenset({"community", "reviews"})
DRY_RUN_TARGETS = frozenset({ChannelKind.FEED.value, ChannelKind.IMPORT.value})
# The longest text each target takes; feeds and imports go nowhere, so the schema's bound.
LIMITS = {"x": x.REPLY_LIMIT, "facebook": facebook.REPLY_LIMIT, "community": 20_000, "reviews": 5_000}
DONE = frozenset({ReplyState.SENT, ReplyState.DRY_RUN})
HTTP_TIMEOUT = 15.0


def http_client() -> httpx.AsyncClient:
    """The client replies go out with; tests replace it with one on a mock transport."""
    return httpx.AsyncClient(timeout=HTTP_TIMEOUT, headers={"user-agent": "Hearth care replies"})


# --- notes ----------------------------------------------------------------------------------------

async def add_note(session: AsyncSession, agent: Account, item_id: int, body: str) -> CareEntry:
    """A private line between agents on the timeline; never sent anywhere. Any agent may add
    one, also on an item another agent holds: it changes nothing the holder works on."""
    item = await items.get(session, item_id)
    note = items.entry(session, item, EntryKind.NOTE, actor=agent, body=body)
    await session.flush()
    events.publish(session, "care.item_changed", item_id=item.id, change="note")
    return note


# --- the brand's account --------------------------------------------------------------------------

async def brand_account(session: AsyncSession) -> Account:
    """The account community answers are posted as: created on first use with the care agent
    role and the community's name, no password (nobody signs in with it) and unavailable for
    routing (it is nobody's colleague)."""
    settings = get_settings()
    email = settings.care_brand_account_email
    account = await accounts.get_by_email(session, email)
    if account is None:
        try:
            account = await accounts.create_account(session, email=email, display_name=settings.community_name,
                                                    password=None, roles=frozenset({Role.CARE_AGENT}))
        except Conflict:  # created by another request a moment ago
            account = await accounts.get_by_email(session, email)
        else:
            # Not a person: routing must never give it items to work.
            await add_unique(session, CareAgent(account_id=account.id, capacity=0, languages=[], available=False,
                                                signature=settings.community_name))
    if account is None or not items.is_agent(account) or not account.is_active:
        raise Conflict("The brand's account (%(email)s) must be an active care agent to answer on the community",
                       field="target", email=email)
    return account


# --- where a reply goes ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    name: str  # community, reviews, x, facebook, feed, import
    in_reply_to: str  # the platform message answered, or thread:7 / review:3 on the community


async def target_of(session: AsyncSession, item: CareItem) -> Target:
    """Where a reply to this item goes, or a Conflict when what it answers is gone."""
    if item.source == ItemSource.MENTION:
        return await _mention_target(session, item)
    if item.source == ItemSource.QUESTION:
        return await _thread_target(session, item.source_id)
    if item.source == ItemSource.REVIEW:
        return await _review_target(session, item.source_id)
    return await _flag_target(session, item.source_id)


async def _mention_target(session: AsyncSession, item: CareItem) -> Target:
    conversation = await session.get(Conversation, item.source_id)
    if conversation is None:
        raise Conflict("This conversation was deleted; there is nothing to reply to", field="source")
    channel = await session.get(Channel, conversation.channel_id)
    brand = (channel.account if channel else "").lower()
    # The customer's newest message still on the platform (the brand's own are replies on the timeline).
    brand_messages = select(CareEntry.mention_id).where(CareEntry.item_id == item.id, CareEntry.kind == EntryKind.REPLY,
                                                         CareEntry.mention_id.is_not(None))
    mention = await session.scalar(
        select(Mention).where(Mention.conversation_id == conversation.id, Mention.removed_at.is_(None),
                              func.lower(Mention.author_handle) != brand, Mention.id.not_in(brand_messages))
        .order_by(Mention.published_at.desc(), Mention.id.desc()).limit(1))
    if mention is None or channel is None:
        raise Conflict("The customer's messages in this conversation were deleted; there is nothing to reply to",
                       field="source")
    return Target(str(channel.kind), mention.external_id)


async def _thread_target(session: AsyncSession, thread_id: int) -> Target:
    try:
        thread = await forums.readable_thread(session, thread_id, None)
    except NotFound:
        raise Conflict("This question was deleted or hidden; there is nothing to answer", field="source") from None
    if thread.locked:
        raise Conflict("This thread is locked; it takes no new answers", field="source")
    return Target("community", f"thread:{thread.id}")


async def _review_target(session: AsyncSession, review_id: int) -> Target:
    try:
        review = await reviews.get_review(session, review_id)
    except NotFound:
        raise Conflict("This review was deleted; there is nothing to answer", field="source") from None
    if not review.public:
        raise Conflict("This review is not published; only a published review can be answered", field="source")
    return Target("reviews", f"review:{review.id}")


async def _flag_target(session: AsyncSession, reviewable_id: int) -> Target:
    reviewable = await session.get(Reviewable, reviewable_id)
    if reviewable is not None and reviewable.content_kind == forums.POST_KIND:
        try:
            _post, thread = await forums.readable_post(session, reviewable.content_id, None)
        except NotFound:
            raise Conflict("The flagged post was deleted or hidden; there is nothing to answer",
                           field="source") from None
        return await _thread_target(session, thread.id)
    if reviewable is not None and reviewable.content_kind == "review":
        return await _review_target(session, reviewable.content_id)
    raise Conflict("There is nowhere to reply to this flag; add a note or resolve it", field="source")


# --- replying -------------------------------------------------------------------------------------

async def _text(session: AsyncSession, data: ReplyIn, item: CareItem, agent: Account) -> tuple[str, str | None]:
    if data.canned:
        row = await canned.by_code(session, data.canned)
        return await canned.render(session, row, item, agent), row.code
    return data.body or "", None


def _check_length(body: str, target: Target) -> None:
    limit = LIMITS.get(target.name)
    if len(body) < 2:
        raise Invalid("The reply is empty", field="body")
    if limit is not None and len(body) > limit:
        raise Invalid("A reply on %(target)s takes at most %(limit)s characters; this one has %(length)s",
                      field="body", target=target.name, limit=limit, length=len(body))


async def reply(session: AsyncSession, agent: Account, item_id: int, data: ReplyIn) -> CareReply:
    """Record a reply and queue its sending. Refused (and nothing recorded) when another agent
    holds the item, when it answers a pure insult without `insist`, or when its source is gone."""
    item = await items.get(session, item_id)
    items.check_holder(item, agent)
    if item.pure_insult and not data.insist:
        raise Conflict("This conversation is a pure insult with nothing to answer; insist to reply anyway",
                       field="insist")
    body, code = await _text(session, data, item, agent)
    target = await target_of(session, item)
    _check_length(body, target)
    if target.name in COMMUNITY_TARGETS:
        await brand_account(session)  # a configuration problem shows now, not later in the outbox
    now = clock.now()
    row = CareReply(item_id=item.id, agent_id=agent.id, body=body, canned_code=code, target=target.name,
                    in_reply_to=target.in_reply_to, state=ReplyState.QUEUED, attempts=0, created_at=now)
    session.add(row)
    await session.flush()
    items.entry(session, item, EntryKind.REPLY, actor=agent, body=body, reply_id=row.id, ref=f"reply:{row.id}",
                data={"target": target.name}, at=now)  # its state lives on the reply (reply_id)
    await _answered(session, item, agent, now, data.version)
    events.publish(session, SEND_EVENT, reply_id=row.id)
    return row


async def _answered(session: AsyncSession, item: CareItem, agent: Account, now: datetime,
                    version: int | None) -> None:
    """The brand answered: the clocks, the waiting customer, and the item claimed if nobody held it."""
    seen = item.version if version is None else version
    sla.brand_replied(item, now, now)
    item.waiting_since = None
    item.last_message_at = max(item.last_message_at, now)
    sla.refresh(item, now)
    values: dict[str, object] = {
        "first_response_at": item.first_response_at, "next_response_due_at": item.next_response_due_at,
        "due_at": item.due_at, "waiting_since": None, "last_message_at": item.last_message_at}
    if item.status == ItemStatus.NEW:
        values["status"] = ItemStatus.OPEN
    if item.assignee_id is None:
        values.update(assignee_id=agent.id, assigned_at=now)
        items.entry(session, item, EntryKind.ASSIGNMENT, actor=agent, data={"from": None, "to": agent.id,
                                                                            "how": "reply"})
    await items.changed(session, item, seen, "reply", **values)


# --- sending (the care.reply_send job) ------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    reply_id: int
    target: str
    in_reply_to: str
    body: str
    token: str | None = None
    app_secret: str | None = None

    @property
    def dry_run(self) -> bool:
        return self.target in DRY_RUN_TARGETS or get_settings().care_send_dry_run or not self.token


async def plan(session: AsyncSession, reply_id: int) -> Plan | None:
    """What sending this reply takes, or None when it is done already (or gone)."""
    row = await session.get(CareReply, reply_id)
    if row is None or row.state in DONE:
        return None
    found = Plan(row.id, row.target, row.in_reply_to or "", row.body)
    if row.target not in (ChannelKind.X.value, ChannelKind.FACEBOOK.value):
        return found
    item = await session.get(CareItem, row.item_id)
    channel = await session.get(Channel, item.channel_id) if item and item.channel_id else None
    if channel is None:
        return found  # the channel was removed: nothing to send with, recorded as a dry run
    return Plan(row.id, row.target, found.in_reply_to, row.body, service.channel_access_token(channel),
                service.channel_secret(channel))


async def deliver(work: Work, reply_id: int) -> None:
    """Send one reply: the platform call outside any transaction, its outcome in a short one."""
    async with work.database.sessionmaker() as session:
        todo = await plan(session, reply_id)
    if todo is None:
        return
    if todo.target in COMMUNITY_TARGETS:
        async with work.write() as session:
            await post_on_community(session, reply_id)
        return
    if todo.dry_run:
        async with work.write() as session:
            await record(session, reply_id, ReplyState.DRY_RUN)
        return
    try:
        external_id = await send_to_platform(todo)
    except SendError as error:
        if not error.retryable:
            async with work.write() as session:
                await record(session, reply_id, ReplyState.FAILED, error=str(error))
            return
        async with await work.database.writer(background=True) as session:
            await record(session, reply_id, ReplyState.FAILED, error=str(error))
            await session.commit()
        raise  # the outbox tries again later, with backoff
    async with work.write() as session:
        await record(session, reply_id, ReplyState.SENT, external_id=external_id)


async def send_to_platform(todo: Plan) -> str:
    async with http_client() as client:
        if todo.target == ChannelKind.X.value:
            return await x.send_reply(client, todo.token or "", todo.in_reply_to, todo.body)
        return await facebook.send_comment(client, todo.token or "", todo.app_secret, todo.in_reply_to, todo.body)


async def post_on_community(session: AsyncSession, reply_id: int) -> None:
    """The answer or brand response, written in the same transaction as the reply's new state."""
    row = await session.get(CareReply, reply_id, with_for_update=True)
    if row is None or row.state in DONE:
        return
    kind, _, number = (row.in_reply_to or "").partition(":")
    try:
        async with session.begin_nested():
            brand = await brand_account(session)
            if kind == "thread":
                post = await forums.create_answer(session, brand, int(number), PostIn(body=row.body))
                external_id = f"post:{post.id}"
            else:
                response = await reviews.respond(session, brand, int(number), row.body)
                external_id = f"response:{response.id}"
    except HearthError as error:  # the thread was locked or deleted since, the text refused, …
        await record(session, reply_id, ReplyState.FAILED, error=error.detail)
        return
    await record(session, reply_id, ReplyState.SENT, external_id=external_id)


async def record(session: AsyncSession, reply_id: int, state: ReplyState, *, external_id: str | None = None,
                 error: str | None = None) -> CareReply | None:
    """Move the reply to `state`. A failure is said on the timeline once (not at every retry),
    and so is a send that succeeds after one; pages hear of every change."""
    row = await session.get(CareReply, reply_id, with_for_update=True)
    if row is None or row.state in DONE:
        return row  # another run finished it meanwhile: its outcome stands
    before = row.state
    row.state, row.error = state, (error or "")[:500] or None
    if state != ReplyState.DRY_RUN:
        row.attempts += 1
    if state == ReplyState.SENT:
        row.external_id, row.sent_at = external_id, clock.now()
    item = await session.get(CareItem, row.item_id)
    if item is None:
        return row
    if state == ReplyState.FAILED and before != ReplyState.FAILED:
        items.entry(session, item, EntryKind.SEND, body=row.error, reply_id=row.id,
                    data={"state": "failed", "target": row.target, "attempts": row.attempts})
    elif state == ReplyState.SENT and before == ReplyState.FAILED:
        items.entry(session, item, EntryKind.SEND, reply_id=row.id,
                    data={"state": "sent", "target": row.target, "attempts": row.attempts})
    await session.flush()
    events.publish(session, "care.item_changed", item_id=item.id, change="send", reply_id=row.id,
                   state=str(state))
    return row
