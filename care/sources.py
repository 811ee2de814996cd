"""Every source of care work turned into care items (issue 15, point 1).

Each source hands `care.items.receive` a Conversation with its messages; `receive` opens the
item once per (source, source_id) and stores each message once (its `ref`), so every handler
here may run twice — a retried event, a redelivered webhook — and adds nothing the second time.

- mention: a listening conversation, after `care.mentions_stored`. Messages by the brand's
  own monitored accounts (topics' profiles, the channel's account) are its replies.
- question: a forum question no staff member answered `care_question_hours` after it was
  asked (a delayed outbox event); later posts in its thread join the item.
- review: a published 1-2 star review without a brand response; the response is the reply,
  a removed review resolves the item.
- flag: content a moderator routed to care (`moderation.routed_to_care`).

A new item's priority comes from the rules in priority.toml (urgency words, followers,
sentiment); the timeline says why.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from care import items
from care.items import Conversation, Message
from care.models import (
    CLOSED_STATUSES,
    CareEntry,
    CareItem,
    CareReply,
    Channel,
    EntryKind,
    ItemPriority,
    ItemSource,
    ItemStatus,
    Mention,
    Sentiment,
    Topic,
)
from forums import service as forums  # question_facts: a question and its answers (see pyproject's contracts)
from hearth import clock, events
from hearth.accounts.models import Account
from hearth.saving import add_unique
from hearth.settings import get_settings
from moderation.trust import is_staff
from reviews import service as reviews  # get_review, facts, brand_response (see pyproject's contracts)

QUESTION_DUE_EVENT = "care.question_due"
LOW_RATING = 2  # reviews of at most this many stars need the brand
COMMUNITY, REVIEWS = "community", "reviews"
PRIORITY_RULES = Path(__file__).with_name("priority.toml")


# --- priority on creation ----------------------------------------------------------------------

@dataclass(frozen=True)
class Rules:
    words: re.Pattern[str] | None
    word_steps: int
    followers: tuple[tuple[int, int], ...]  # (at least, steps), highest first
    negative_steps: int


@cache
def rules(path: Path = PRIORITY_RULES) -> Rules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    words = data.get("words", {})
    listed = sorted({w.casefold().strip() for lang in words.values() if isinstance(lang, dict)
                     for w in lang.get("words", []) if w.strip()}, key=len, reverse=True)
    # Whole words: "fraude" must not fire on "defraude…" nor "urgent" on "urgently" unless listed.
    pattern = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in listed)
    thresholds = sorted(((int(f["at_least"]), int(f["steps"])) for f in data.get("followers", [])), reverse=True)
    return Rules(re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") if pattern else None, int(words.get("steps", 1)),
                 tuple(thresholds), int(data.get("sentiment", {}).get("negative_steps", 1)))


def priority(texts: Iterable[str], *, followers: int | None = None,
             sentiments: Iterable[Sentiment | None] = ()) -> tuple[ItemPriority, list[str]]:
    """The priority a new item starts at, and the reasons (empty: normal)."""
    found = rules()
    steps, reasons = 0, []
    word = _urgency_word(found, texts)
    if word:
        steps += found.word_steps
        reasons.append(f"urgency word “{word}”")
    reached = next(((at, s) for at, s in found.followers if followers is not None and followers >= at), None)
    if reached:
        steps += reached[1]
        reasons.append(f"{followers:,} followers (at least {reached[0]:,})")
    if Sentiment.NEGATIVE in set(sentiments):
        steps += found.negative_steps
        reasons.append("negative sentiment")
    return ItemPriority(max(ItemPriority.URGENT, ItemPriority.NORMAL - steps)), reasons


def _urgency_word(found: Rules, texts: Iterable[str]) -> str | None:
    if found.words is None:
        return None
    for text in texts:
        match = found.words.search(text.casefold())
        if match:
            return match.group(0)
    return None


async def receive(session: AsyncSession, conversation: Conversation, reasons: Sequence[str] = ()) -> items.Received:
    """`items.receive`, and on creation the reason for a priority other than normal on the timeline."""
    received = await items.receive(session, conversation)
    if received.created and reasons and conversation.priority != ItemPriority.NORMAL:
        items.entry(session, received.item, EntryKind.PRIORITY, data={
            "from": ItemPriority.NORMAL.name.lower(), "to": conversation.priority.name.lower(),
            "reason": "; ".join(reasons)})
    return received


async def note(session: AsyncSession, item: CareItem, ref: str, body: str, *, author: str | None = None,
               data: dict[str, Any] | None = None, at: datetime | None = None) -> bool:
    """A note on the timeline named by `ref`, written once however often its event runs."""
    now = clock.now()
    return await add_unique(session, CareEntry(item_id=item.id, kind=EntryKind.NOTE, ref=ref, author=author,
                                               body=body, data=data or {}, at=at or now, created_at=now))


async def close(session: AsyncSession, item: CareItem, why: str) -> bool:
    """Resolve an item because its source went away (no agent acted): said on the timeline."""
    if item.status in CLOSED_STATUSES:
        return False
    return await items.change_status(session, item, ItemStatus.RESOLVED, note=why)


async def _sent_by_care(session: AsyncSession, external_ids: Sequence[str]) -> set[str]:
    """Of these platform ids, the ones care.replies posted: already on their item's timeline."""
    if not external_ids:
        return set()
    return set(await session.scalars(select(CareReply.external_id).where(CareReply.external_id.in_(external_ids))))


# --- mentions --------------------------------------------------------------------------------------

async def brand_handles(session: AsyncSession, channel: Channel) -> frozenset[str]:
    """The brand's own accounts: every topic's monitored profiles and the channel's account."""
    handles = {p.lower().lstrip("@") for profiles in await session.scalars(select(Topic.profiles))
               for p in profiles or []}
    if channel.account:
        handles.add(channel.account.lower().lstrip("@"))
    return frozenset(handles)


async def mentions_stored(session: AsyncSession, channel_id: int, conversation_ids: Sequence[int]) -> int:
    """Open or update the item of each conversation; returns how many items were created.
    A few statements for the whole batch, none per conversation: the mentions, which of the
    brand's were care's own replies, and which are on an item already (receive would skip them,
    but a message costs it a savepoint)."""
    channel = await session.get(Channel, channel_id)
    ids = sorted(set(conversation_ids))
    if channel is None or not ids:
        return 0
    brand = await brand_handles(session, channel)
    rows = list(await session.scalars(select(Mention).where(
        Mention.conversation_id.in_(ids), Mention.removed_at.is_(None),
        Mention.is_news.is_(False)).order_by(Mention.conversation_id, Mention.published_at, Mention.id)))
    sent = await _sent_by_care(session, [m.external_id for m in rows if m.author_handle.lower() in brand])
    seen = await _on_items(session, ids)
    by_conversation: dict[int, list[Mention]] = {}
    for mention in rows:
        if mention.external_id not in sent:
            by_conversation.setdefault(mention.conversation_id, []).append(mention)
    created = 0
    for conversation_id, mentions in by_conversation.items():
        conversation = _conversation(channel, conversation_id, mentions, brand, seen)
        if conversation is not None:
            created += (await receive(session, *conversation)).created
    return created


async def _on_items(session: AsyncSession, conversation_ids: Sequence[int]) -> set[int]:
    """The mentions already on the items of these conversations."""
    on_item = select(CareItem.id).where(CareItem.source == ItemSource.MENTION,
                                        CareItem.source_id.in_(conversation_ids))
    return set(await session.scalars(select(CareEntry.mention_id).where(
        CareEntry.item_id.in_(on_item.scalar_subquery()), CareEntry.mention_id.is_not(None))))


def _conversation(channel: Channel, conversation_id: int, mentions: list[Mention], brand: frozenset[str],
                  seen: set[int]) -> tuple[Conversation, list[str]] | None:
    customer = [m for m in mentions if m.author_handle.lower() not in brand]
    if not customer:
        return None  # only the brand spoke: nobody waits
    first = customer[0]
    # The brand's posts before the customer's first message opened the conversation; they answer nothing.
    messages = [_message(m, m.author_handle.lower() in brand) for m in mentions
                if m.published_at >= first.published_at and m.id not in seen]
    if not messages:
        return None  # all on the item already (a retried event)
    level, reasons = priority([m.text for m in customer], followers=first.author_followers,
                              sentiments=[m.sentiment for m in customer])
    return Conversation(source=ItemSource.MENTION, source_id=conversation_id, channel=str(channel.kind),
                        channel_id=channel.id, title=first.text, url=first.url, language=first.language,
                        customer_handle=first.author_handle, customer_name=first.author_name,
                        customer_followers=first.author_followers, priority=level, messages=messages), reasons


def _message(mention: Mention, from_brand: bool) -> Message:
    return Message(ref=f"mention:{mention.id}", at=mention.published_at, body=mention.text,
                   author=mention.author_name or mention.author_handle, from_brand=from_brand, mention_id=mention.id,
                   sentiment=None if from_brand else mention.sentiment, pure_insult=mention.pure_insult)


async def conversations_merged(session: AsyncSession, survivor: int, others: Sequence[int]) -> None:
    """Threading merged conversations (a reply linked two threads): their items become one. The
    survivor's item stays (else the oldest of the others' takes its place); the others close,
    pointing at it, and give up their conversation id, which SQLite may hand out again."""
    found = {i.source_id: i for i in await session.scalars(select(CareItem).where(
        CareItem.source == ItemSource.MENTION, CareItem.source_id.in_([survivor, *others])))}
    if not found:
        return
    keep = found.get(survivor) or min(found.values(), key=lambda i: i.id)
    for item in found.values():
        if item is not keep:
            item.source_id = -item.id  # a merged item's source is no conversation any more
            await session.flush()
            await close(session, item, f"merged into item {keep.id}")
    if keep.source_id != survivor:
        keep.source_id = survivor
        await session.flush()


# --- forum questions -------------------------------------------------------------------------------

def schedule_question(session: AsyncSession, thread_id: int, post_id: int) -> None:
    """Look at the question again once it has had its hours to be answered."""
    due = clock.now() + timedelta(hours=get_settings().care_question_hours)
    events.publish(session, QUESTION_DUE_EVENT, not_before=due, thread_id=thread_id, post_id=post_id)


async def question_due(session: AsyncSession, thread_id: int) -> CareItem | None:
    """The question's item when no staff member answered it in time (None: answered, or gone)."""
    facts = await forums.question_facts(session, thread_id)
    # A locked thread takes no answer, so no agent could give one.
    if facts is None or facts.thread.locked or any(is_staff(post.author) for post in facts.answers):
        return None
    asker = facts.question.author
    own = [p for p in facts.answers if p.author_id == asker.id]
    messages = [_post_message(facts.question, from_brand=False), *(_post_message(p, from_brand=False) for p in own)]
    level, reasons = priority([facts.thread.title, *(m.body for m in messages)])
    conversation = Conversation(source=ItemSource.QUESTION, source_id=facts.thread.id, channel=COMMUNITY,
                                title=facts.thread.title, url=facts.url, language=facts.thread.language,
                                customer_handle=asker.handle, customer_name=asker.display_name,
                                customer_id=asker.id, priority=level, messages=messages)
    item = (await receive(session, conversation, reasons)).item
    for post in facts.answers:
        if post.author_id != asker.id:
            await _member_answer(session, item, post, accepted=post.id == facts.thread.accepted_post_id)
    return item


def _post_message(post: Any, *, from_brand: bool) -> Message:
    return Message(ref=f"post:{post.id}", at=post.created_at, body=post.body, author=post.author.display_name,
                   from_brand=from_brand)


async def _member_answer(session: AsyncSession, item: CareItem, post: Any, *, accepted: bool) -> None:
    # A member's answer may be right, but only the brand's closes the question: agents see it here.
    await note(session, item, f"post:{post.id}", post.body, author=post.author.display_name, at=post.created_at,
               data={"answer_by": "member", "post_id": post.id, "accepted": accepted})


async def question_post(session: AsyncSession, thread_id: int, post_id: int) -> bool:
    """A post in a question's thread that has an item: the brand's answer, the asker's follow-up,
    or a member's answer (a note). Answers care posted itself are on the timeline already."""
    item = await items.find(session, ItemSource.QUESTION, thread_id)
    if item is None or await _sent_by_care(session, [f"post:{post_id}"]):
        return False
    facts = await forums.question_facts(session, thread_id)
    post = next((p for p in facts.answers if p.id == post_id), None) if facts else None
    if facts is None or post is None:
        return False
    if not is_staff(post.author) and post.author_id != facts.question.author_id:
        await _member_answer(session, item, post, accepted=post.id == facts.thread.accepted_post_id)
        return True
    message = _post_message(post, from_brand=is_staff(post.author))
    conversation = Conversation(source=ItemSource.QUESTION, source_id=thread_id, channel=COMMUNITY,
                                title=facts.thread.title, messages=[message])
    await items.receive(session, conversation)
    return True


# --- reviews ---------------------------------------------------------------------------------------

async def review_published(session: AsyncSession, review_id: int, *, updated: bool = False) -> CareItem | None:
    """A low-star review without a brand response opens (or, rewritten, adds to) its item."""
    item = await items.find(session, ItemSource.REVIEW, review_id)
    found = (await reviews.facts(session, [review_id])).get(review_id)
    if found is None or (item is None and found.rating > LOW_RATING):
        return item
    review = await reviews.get_review(session, review_id)
    if not review.public or (item is None and await _answered_by_now(session, review_id)):
        return item
    author = await session.get(Account, review.author_id)
    # A rewrite is a new message: its own ref, so the first text stays on the timeline as it was.
    ref = f"review:{review.id}" if not (updated and item) else f"review:{review.id}@{review.updated_at.isoformat()}"
    stars = "★" * review.rating + "☆" * (5 - review.rating)
    sentiment = Sentiment.NEGATIVE if review.rating <= LOW_RATING else None
    message = Message(ref=ref, at=review.updated_at, body=f"{stars} {review.title}\n\n{review.body}",
                      author=author.display_name if author else None, sentiment=sentiment)
    level, reasons = priority([review.title, review.body], sentiments=[sentiment])
    conversation = Conversation(source=ItemSource.REVIEW, source_id=review.id, channel=REVIEWS,
                                title=f"{found.product_name}: {review.title}", url=found.url,
                                language=review.language, customer_handle=author.handle if author else None,
                                customer_name=author.display_name if author else None,
                                customer_id=review.author_id, priority=level, messages=[message])
    return (await receive(session, conversation, reasons)).item


async def _answered_by_now(session: AsyncSession, review_id: int) -> bool:
    """Whether the brand had answered the review by now. Live, any response counts; the demo
    replays its history under a frozen clock, where a response written later must not stop the
    item the review opened at the time."""
    response = await reviews.brand_response(session, review_id)
    return response is not None and response.created_at <= clock.now()


async def review_responded(session: AsyncSession, review_id: int, response_id: int) -> bool:
    """The brand answered the review in public: its reply (unless care posted it)."""
    item = await items.find(session, ItemSource.REVIEW, review_id)
    if item is None or await _sent_by_care(session, [f"response:{response_id}"]):
        return False
    response = await reviews.brand_response(session, review_id)
    if response is None:
        return False
    author = await session.get(Account, response.author_id)
    message = Message(ref=f"response:{response.id}", at=response.created_at, body=response.body,
                      author=author.display_name if author else None, from_brand=True)
    await items.receive(session, Conversation(source=ItemSource.REVIEW, source_id=review_id, channel=REVIEWS,
                                              title=item.title, messages=[message]))
    return True


async def review_removed(session: AsyncSession, review_id: int) -> bool:
    item = await items.find(session, ItemSource.REVIEW, review_id)
    return item is not None and await close(session, item, "the review was removed")


# --- flags a moderator routed to care --------------------------------------------------------------

async def flag_routed(session: AsyncSession, payload: dict[str, Any]) -> CareItem:
    """Each routing is one message on the flag's item (a second routing asks care again)."""
    author = await session.get(Account, payload["author_id"]) if payload.get("author_id") else None
    excerpt = payload.get("excerpt") or ""
    at = datetime.fromisoformat(payload["routed_at"]) if payload.get("routed_at") else clock.now()
    message = Message(ref=f"routed:{payload['action_id']}", at=at, body=excerpt,
                      author=author.display_name if author else None)
    level, reasons = priority([payload.get("title") or "", excerpt])
    conversation = Conversation(source=ItemSource.FLAG, source_id=int(payload["reviewable_id"]), channel=COMMUNITY,
                                title=payload.get("title") or excerpt, url=payload.get("url"),
                                language=payload.get("language"), customer_handle=author.handle if author else None,
                                customer_name=author.display_name if author else None,
                                customer_id=author.id if author else None, priority=level, messages=[message])
    item = (await receive(session, conversation, reasons)).item
    if payload.get("note"):
        await note(session, item, f"routed-note:{payload['action_id']}", payload["note"], at=at,
                   data={"by": "moderator", "content_kind": payload.get("content_kind"),
                         "content_id": payload.get("content_id")})
    return item
