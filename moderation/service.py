"""The only code that writes moderation's tables. Services flush; the request commits.

Domains call `screen` before they store a text and `record` once it has an id. Everything
else here is the moderators' work: flags, the review queue with its optimistic lock,
actions and their audit trail, watched words and guidelines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, Text, and_, case, cast, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from hearth import clock, events, paging, saving
from hearth.accounts import service as accounts
from hearth.accounts.models import Account, Role
from hearth.errors import Conflict, Forbidden, Invalid, NotFound
from hearth.notifications import service as notifications
from hearth.settings import get_settings
from hearth.text import TextReport, analyse, personal_data
from moderation import kinds, screening, trust
from moderation.kinds import ContentView
from moderation.models import (
    ContentState,
    Decision,
    Flag,
    FlagReason,
    Guideline,
    ModerationAction,
    Original,
    Priority,
    Reviewable,
    ReviewStatus,
    Screening,
    Standing,
    WatchedWord,
    WordAction,
)
from moderation.schemas import NEEDS_GUIDELINE, ActionIn, FlagIn, GuidelineIn, WatchedWordIn
from moderation.screening import ContentRefused, Reason

PER_PAGE = 25
FLAG_PRIORITY = {FlagReason.INSULT: Priority.HIGH, FlagReason.PERSONAL_DATA: Priority.HIGH,
                 FlagReason.SPAM: Priority.NORMAL}
# A customer's complaint is never a reason: the guideline list cannot hold one.
FORBIDDEN_GUIDELINE_WORDS = ("negative", "negatief", "négatif", "criticism", "kritiek", "critique", "complaint",
                             "klacht", "plainte", "low rating", "bad review")


# --- screening -----------------------------------------------------------------------------

async def screen(session: AsyncSession, author: Account, kind: str, text: str, *,
                 title: str | None = None) -> screening.Screening:
    """Decide what happens to a text before it is stored; raises ContentRefused for a refusal."""
    now = clock.now()
    full = f"{title}\n\n{text}" if title else text
    report = analyse(full)
    standing = await session.get(Standing, author.id)
    level = trust.level(author, standing, now)
    words = list(await session.scalars(select(WatchedWord).order_by(WatchedWord.id)))
    reasons = screening.word_reasons(screening.watched_hits(words, full)) if words else []
    body_out, title_out = _publishable(text, title, report, words)
    if report.personal_data:
        reasons.append(Reason("personal_data"))
    if report.insults:
        reasons.append(Reason("insult"))
    elif report.profanity:
        reasons.append(Reason("profanity"))
    digest = screening.text_hash(full)
    if level != trust.STAFF_LEVEL:
        reasons += await _participation_reasons(session, author, level, standing, report, digest)
    result = screening.Screening(
        author_id=author.id, kind=kind, decision=screening.decide(reasons), reasons=reasons, text=body_out,
        title=title_out, original=text, original_title=title, report=report, text_hash=digest)
    if result.decision == Decision.REJECT:
        raise ContentRefused([r for r in reasons if screening.EFFECT[r.code][0] == Decision.REJECT])
    return result


def _publishable(text: str, title: str | None, report: TextReport,
                 words: list[WatchedWord]) -> tuple[str, str | None]:
    """The text and title as they may be shown: personal data masked, watched words censored.

    `report` analysed title and text joined by a blank line; masking keeps every character's
    place (and never spans a blank line), so the masked parts are slices of it."""
    masked_title = report.masked[:len(title)] if title is not None else None
    masked_text = report.masked[len(title) + 2:] if title is not None else report.masked

    def clean(value: str) -> str:
        return screening.apply_replacements(value, screening.watched_hits(words, value)) if words else value

    return clean(masked_text), clean(masked_title) if masked_title is not None else None


async def _participation_reasons(session: AsyncSession, author: Account, level: int, standing: Standing | None,
                                 report: TextReport, digest: str) -> list[Reason]:
    settings = get_settings()
    now = clock.now()
    reasons: list[Reason] = []
    if level == trust.NEW and report.links > settings.moderation_new_member_max_links:
        reasons.append(Reason("links"))
    if report.letters >= 20 and report.capitals_ratio >= settings.moderation_capitals_ratio:
        reasons.append(Reason("capitals"))
    duplicates, last_hour, others = await _recent_activity(session, author.id, digest, now)
    if duplicates:
        reasons.append(Reason("duplicate"))
    limit = (settings.moderation_new_member_posts_per_hour if level == trust.NEW
             else settings.moderation_posts_per_hour)
    if last_hour >= limit:
        reasons.append(Reason("rate", {"count": last_hour}))
    if others >= 2 and report.letters >= 20:
        reasons.append(Reason("repeated"))
    published = standing.published_count if standing else 0
    if published < settings.moderation_approve_first_posts:
        reasons.append(Reason("first_posts"))
    return reasons


async def _recent_activity(session: AsyncSession, author_id: int, digest: str, now: datetime) -> tuple[int, int, int]:
    """In one query: the same text from this member lately, their posts in the last hour,
    and how many other members posted this text today."""
    recent = now - timedelta(minutes=get_settings().moderation_duplicate_minutes)
    hour, day = now - timedelta(hours=1), now - timedelta(days=1)
    mine, same = Screening.author_id == author_id, Screening.text_hash == digest
    row = (await session.execute(select(
        func.coalesce(func.sum(case((and_(mine, same, Screening.created_at >= recent), 1), else_=0)), 0),
        func.coalesce(func.sum(case((and_(mine, Screening.created_at >= hour), 1), else_=0)), 0),
        func.count(func.distinct(case((and_(same, ~mine), Screening.author_id)))),
    ).where(or_(and_(mine, Screening.created_at >= min(hour, recent)), and_(same, Screening.created_at >= day)))
    )).one()
    return int(row[0]), int(row[1]), int(row[2])


async def record(session: AsyncSession, result: screening.Screening, content_id: int, *,
                 edit: bool = False) -> Reviewable | None:
    """Keep the screening's trail for content now stored; queue it when it needs a moderator.

    An edit (`edit=True`) counts towards the hourly limit but not as another published post."""
    now = clock.now()
    session.add(Screening(author_id=result.author_id, content_kind=result.kind, content_id=content_id,
                          decision=result.decision, reasons=result.codes, language=result.report.language,
                          text_hash=result.text_hash, created_at=now))
    if "personal_data" in result.codes:
        original = "\n\n".join(t for t in (result.original_title, result.original) if t)
        await _keep_original(session, result.kind, content_id, original,
                             sorted({f.kind for f in result.report.personal_data}))
    if result.decision != Decision.HOLD and not edit:
        await _count(session, result.author_id, published_count=1)
    if not result.needs_review:
        await session.flush()
        return None
    reviewable = await _open(session, result.kind, content_id, result.author_id,
                             [r.code for r in result.reasons if screening.EFFECT[r.code][0] != Decision.PUBLISH],
                             result.score(), result.priority())
    _audit(session, reviewable, "held" if result.decision == Decision.HOLD else "flagged", actor=None,
           reasons=reviewable.reasons, details={"language": result.report.language,
                                                "personal_data": [f.kind for f in result.report.personal_data]})
    await session.flush()
    return reviewable


async def _keep_original(session: AsyncSession, kind: str, content_id: int, text: str, findings: list[str]) -> None:
    existing = await session.get(Original, (kind, content_id))
    if existing is None:
        session.add(Original(content_kind=kind, content_id=content_id, text=text, findings=findings,
                             created_at=clock.now()))
    else:
        existing.text, existing.findings = text, findings


async def _standing(session: AsyncSession, account_id: int) -> Standing:
    standing = await session.get(Standing, account_id)
    if standing is None:
        standing = Standing(account_id=account_id, published_count=0, rejected_count=0, warning_count=0,
                            flags_agreed=0, flags_disagreed=0, updated_at=clock.now())
        if not await saving.add_unique(session, standing):  # created by a concurrent request a moment ago
            standing = await session.get(Standing, account_id)
    return standing  # type: ignore[return-value]


async def _count(session: AsyncSession, account_id: int | None, **increments: int) -> None:
    """Add to a member's standing in one UPDATE, so concurrent requests never lose a count."""
    if account_id is None:
        return
    standing = await _standing(session, account_id)
    values: dict[str, Any] = {name: getattr(Standing, name) + n for name, n in increments.items()}
    await session.execute(update(Standing).where(Standing.account_id == account_id)
                          .values(**values, updated_at=clock.now())
                          .execution_options(synchronize_session=False))
    session.expire(standing, list(increments))  # read again from the row when next needed


async def _open(session: AsyncSession, kind: str, content_id: int, author_id: int | None, reasons: list[str],
                score: float, priority: int) -> Reviewable:
    """The content's queue item, created or re-opened, with the new reasons and score added."""
    now = clock.now()
    reviewable = await _reviewable_for(session, kind, content_id)
    if reviewable is None:
        opened = Reviewable(content_kind=kind, content_id=content_id, author_id=author_id,
                            status=ReviewStatus.PENDING, priority=priority, score=score,
                            reasons=list(dict.fromkeys(reasons)), version=1, created_at=now, updated_at=now)
        if await saving.add_unique(session, opened):
            events.publish(session, "moderation.item_opened", reviewable_id=opened.id)
            return opened
        reviewable = await _reviewable_for(session, kind, content_id)  # another request opened it just now
        assert reviewable is not None
    # The score adds up in the database (concurrent flags must all count); the rest is plain data.
    await session.execute(update(Reviewable).where(Reviewable.id == reviewable.id).values(
        score=Reviewable.score + score, priority=max(reviewable.priority, priority),
        reasons=list(dict.fromkeys([*reviewable.reasons, *reasons])), status=ReviewStatus.PENDING,
        version=Reviewable.version + 1, updated_at=now))
    await session.refresh(reviewable)
    return reviewable


async def _reviewable_for(session: AsyncSession, kind: str, content_id: int) -> Reviewable | None:
    return await session.scalar(select(Reviewable).where(Reviewable.content_kind == kind,
                                                         Reviewable.content_id == content_id))


def _audit(session: AsyncSession, reviewable: Reviewable | None, action: str, *, actor: Account | None,
           subject_id: int | None = None, reasons: list[str] | None = None, guideline_id: int | None = None,
           note: str | None = None, details: dict[str, Any] | None = None) -> ModerationAction:
    entry = ModerationAction(
        reviewable_id=reviewable.id if reviewable else None,
        content_kind=reviewable.content_kind if reviewable else None,
        content_id=reviewable.content_id if reviewable else None,
        subject_id=subject_id if subject_id is not None else (reviewable.author_id if reviewable else None),
        actor_id=actor.id if actor else None, action=action, reasons=list(reasons or []),
        guideline_id=guideline_id, note=note, details=details or {}, created_at=clock.now())
    session.add(entry)
    return entry


async def reopen(session: AsyncSession, kind: str, content_id: int, code: str) -> Reviewable | None:
    """Put content a moderator already judged back in the queue (e.g. its author edited it)."""
    reviewable = await _reviewable_for(session, kind, content_id)
    if reviewable is None:
        return None
    reviewable = await _open(session, kind, content_id, reviewable.author_id, [code], 0.0, Priority.NORMAL)
    _audit(session, reviewable, "reopened", actor=None, reasons=[code])
    await session.flush()
    return reviewable


def reasons_column(kind: str, content_id: Any) -> Any:
    """The reason codes of a content's queue item, as a column a domain adds to the query that
    reads its contents (`content_id`: its id column): no extra statement per page."""
    return (select(Reviewable.reasons).where(Reviewable.content_kind == kind, Reviewable.content_id == content_id)
            .limit(1).scalar_subquery())


async def reasons_for(session: AsyncSession, kind: str, ids: list[int]) -> dict[int, list[str]]:
    """The reason codes of the queue items for these contents, for telling their authors why."""
    if not ids:
        return {}
    rows = await session.execute(select(Reviewable.content_id, Reviewable.reasons).where(
        Reviewable.content_kind == kind, Reviewable.content_id.in_(ids)))
    return {content_id: reasons for content_id, reasons in rows.all()}


# --- flags ---------------------------------------------------------------------------------

async def flag(session: AsyncSession, flagger: Account, data: FlagIn) -> Reviewable:
    if data.reason == FlagReason.OTHER and len(data.note or "") < 5:
        raise Invalid("Say in a few words what is wrong when you choose “other”", field="note")
    content = await kinds.view(session, data.kind, data.content_id)
    if content.state in (ContentState.DELETED, ContentState.REJECTED):
        raise NotFound("This content no longer exists")
    if content.author_id == flagger.id:
        raise Invalid("You cannot flag your own post")
    now = clock.now()
    weight = trust.flag_weight(flagger, await session.get(Standing, flagger.id), now)
    reviewable = await _open(session, data.kind, data.content_id, content.author_id, [f"flag:{data.reason}"],
                             0.0, FLAG_PRIORITY.get(data.reason, Priority.LOW))
    flagged = Flag(reviewable_id=reviewable.id, content_kind=data.kind, content_id=data.content_id,
                   flagger_id=flagger.id, reason=data.reason, note=data.note, weight=weight, created_at=now)
    if not await saving.add_unique(session, flagged):
        # The unique (content, flagger) settles a double click or a second visit alike.
        raise Conflict("You already flagged this")
    await session.execute(update(Reviewable).where(Reviewable.id == reviewable.id)
                          .values(score=Reviewable.score + weight))
    await session.refresh(reviewable)
    _audit(session, reviewable, "flagged", actor=flagger, reasons=[f"flag:{data.reason}"], note=data.note,
           details={"weight": weight})
    await _hide_when_flagged_enough(session, reviewable, content)
    await session.flush()
    return reviewable


async def _hide_when_flagged_enough(session: AsyncSession, reviewable: Reviewable, content: ContentView) -> None:
    if content.state != ContentState.PUBLISHED:
        return
    # Once a moderator has judged the content fine, new flags re-open it without hiding it.
    judged = await session.scalar(select(ModerationAction.id).where(
        ModerationAction.reviewable_id == reviewable.id, ModerationAction.action == "approve").limit(1))
    if judged is not None:
        return
    total = await session.scalar(select(func.sum(Flag.weight)).where(Flag.reviewable_id == reviewable.id)) or 0
    if total >= get_settings().moderation_hide_score:
        await kinds.get(reviewable.content_kind).set_state(session, reviewable.content_id, ContentState.HIDDEN)
        _audit(session, reviewable, "hidden_by_flags", actor=None, reasons=reviewable.reasons,
               details={"flag_weight": total})
        await _tell_author(session, reviewable, "moderation.hidden", content.title)


# --- the queue -----------------------------------------------------------------------------

@dataclass
class QueueItem:
    reviewable: Reviewable
    content: ContentView | None
    author: Account | None
    claimed_by: Account | None
    guideline: Guideline | None
    flag_count: int


@dataclass
class ItemDetail(QueueItem):
    flags: list[tuple[Flag, Account]] = field(default_factory=list)
    history: list[AuditEntry] = field(default_factory=list)
    original: Original | None = None
    author_level: int | None = None
    author_standing: Standing | None = None


@dataclass
class AuditEntry:
    action: ModerationAction
    actor: Account | None
    subject: Account | None
    guideline: Guideline | None


def _queue_select() -> Select[Reviewable, Account, Account, Guideline, Any]:
    author, claimer = aliased(Account), aliased(Account)
    flags = (select(Flag.reviewable_id, func.count().label("n")).group_by(Flag.reviewable_id).subquery())
    return (select(Reviewable, author, claimer, Guideline, func.coalesce(flags.c.n, 0))
            .outerjoin(author, author.id == Reviewable.author_id)
            .outerjoin(claimer, claimer.id == Reviewable.claimed_by_id)
            .outerjoin(Guideline, Guideline.id == Reviewable.guideline_id)
            .outerjoin(flags, flags.c.reviewable_id == Reviewable.id))


async def queue(session: AsyncSession, *, status: ReviewStatus | None = ReviewStatus.PENDING,
                kind: str | None = None, reason: str | None = None, author_id: int | None = None,
                offset: int = 0, limit: int = PER_PAGE) -> tuple[list[QueueItem], int]:
    """The queue, most urgent first: priority, then score, then the oldest."""
    conditions = []
    if status is not None:
        conditions.append(Reviewable.status == status)
    if kind:
        conditions.append(Reviewable.content_kind == kind)
    if author_id is not None:
        conditions.append(Reviewable.author_id == author_id)
    where = and_(*conditions) if conditions else None
    query = _queue_select()
    count = select(func.count()).select_from(Reviewable)
    if where is not None:
        query, count = query.where(where), count.where(where)
    if reason:
        # Reasons live in a small JSON list; a LIKE on its text works on both databases.
        like = cast(Reviewable.reasons, Text).like(f'%"{reason}%')
        query, count = query.where(like), count.where(like)
    total = await session.scalar(count) or 0
    rows = (await session.execute(query.order_by(Reviewable.priority.desc(), Reviewable.score.desc(),
                                                 Reviewable.id).offset(offset).limit(limit))).all()
    contents = await kinds.views(session, [(r.content_kind, r.content_id) for r, *_ in rows])
    return [QueueItem(r, contents.get((r.content_kind, r.content_id)), a, c, g, n) for r, a, c, g, n in rows], total


async def get_reviewable(session: AsyncSession, reviewable_id: int) -> Reviewable:
    reviewable = await session.get(Reviewable, reviewable_id)
    if reviewable is None:
        raise NotFound("No such item in the review queue")
    return reviewable


async def item(session: AsyncSession, reviewable_id: int) -> ItemDetail:
    row = (await session.execute(_queue_select().where(Reviewable.id == reviewable_id))).first()
    if row is None:
        raise NotFound("No such item in the review queue")
    reviewable, author, claimer, guideline, flag_count = row
    contents = await kinds.views(session, [(reviewable.content_kind, reviewable.content_id)])
    flags = (await session.execute(select(Flag, Account).join(Account, Account.id == Flag.flagger_id)
                                   .where(Flag.reviewable_id == reviewable.id).order_by(Flag.id))).all()
    standing = await session.get(Standing, author.id) if author else None
    return ItemDetail(
        reviewable, contents.get((reviewable.content_kind, reviewable.content_id)), author, claimer, guideline,
        flag_count,
        flags=[(f, a) for f, a in flags],
        history=await _entries(session, ModerationAction.reviewable_id == reviewable.id, limit=200),
        original=await session.get(Original, (reviewable.content_kind, reviewable.content_id)),
        author_level=trust.level(author, standing, clock.now()) if author else None, author_standing=standing)


async def _entries(session: AsyncSession, condition: Any, *, limit: int, before: int | None = None,
                   ascending: bool = True) -> list[AuditEntry]:
    actor, subject = aliased(Account), aliased(Account)
    query = (select(ModerationAction, actor, subject, Guideline)
             .outerjoin(actor, actor.id == ModerationAction.actor_id)
             .outerjoin(subject, subject.id == ModerationAction.subject_id)
             .outerjoin(Guideline, Guideline.id == ModerationAction.guideline_id))
    if condition is not None:
        query = query.where(condition)
    if before is not None:
        query = query.where(ModerationAction.id < before)
    order = ModerationAction.id.asc() if ascending else ModerationAction.id.desc()
    rows = (await session.execute(query.order_by(order).limit(limit))).all()
    return [AuditEntry(a, ac, s, g) for a, ac, s, g in rows]


def _acted() -> Conflict:
    return Conflict("Another moderator acted on this item just now. Reload it to see what changed.")


async def _bump(session: AsyncSession, reviewable: Reviewable, version: int, **values: Any) -> None:
    """Change the item only if nobody changed it since `version` was read: one wins, the other is told."""
    await saving.bump_version(session, reviewable, version, _acted(), **values)


def _check_claim(reviewable: Reviewable, moderator: Account) -> None:
    if reviewable.claimed_by_id not in (None, moderator.id):
        raise Conflict("Another moderator has claimed this item")


async def claim(session: AsyncSession, moderator: Account, reviewable_id: int, version: int,
                claiming: bool = True) -> Reviewable:
    reviewable = await get_reviewable(session, reviewable_id)
    if claiming:
        _check_claim(reviewable, moderator)
        await _bump(session, reviewable, version, claimed_by_id=moderator.id, claimed_at=clock.now())
    else:
        if reviewable.claimed_by_id not in (None, moderator.id) and not moderator.has_role(Role.ADMIN):
            raise Forbidden("Only the moderator who claimed it, or an admin, can release it")
        await _bump(session, reviewable, version, claimed_by_id=None, claimed_at=None)
    _audit(session, reviewable, "claimed" if claiming else "released", actor=moderator)
    await session.flush()
    return reviewable


RESOLVING = {"approve": (ReviewStatus.APPROVED, ContentState.PUBLISHED),
             "reject": (ReviewStatus.REJECTED, ContentState.REJECTED),
             "hide": (ReviewStatus.REJECTED, ContentState.HIDDEN),
             "delete": (ReviewStatus.REJECTED, ContentState.DELETED),
             "ignore": (ReviewStatus.IGNORED, None)}


def _check_complete(data: ActionIn) -> None:
    if data.action in NEEDS_GUIDELINE and data.guideline_id is None:
        raise Invalid("Choose the guideline this breaks", field="guideline_id")
    if data.action == "edit" and not data.text:
        raise Invalid("An edit needs the new text", field="text")
    if data.action == "suspend" and data.days is None:
        raise Invalid("Say for how many days (1 to 365)", field="days")


async def act(session: AsyncSession, moderator: Account, reviewable_id: int, data: ActionIn) -> Reviewable:
    """Every check comes before the first write: a refused action leaves the item as it was."""
    _check_complete(data)
    reviewable = await get_reviewable(session, reviewable_id)
    if data.version != reviewable.version:
        raise _acted()
    _check_claim(reviewable, moderator)
    guideline = await _guideline_for(session, data.guideline_id)
    if data.action in RESOLVING and reviewable.status != ReviewStatus.PENDING:
        raise Conflict("This item was already resolved")
    content = await kinds.view(session, reviewable.content_kind, reviewable.content_id)
    if data.action in ("ignore", "route_to_care") and content.state == ContentState.HELD:
        raise Invalid("Held content waits for a decision: approve it or refuse it")
    if data.action in RESOLVING:
        await _resolve(session, moderator, reviewable, data, content, guideline)
    elif data.action == "edit":
        await _edit(session, moderator, reviewable, data, content)
    elif data.action == "warn":
        await _warn(session, moderator, reviewable, data, content, guideline)
    elif data.action == "route_to_care":
        await _route_to_care(session, moderator, reviewable, data, content)
    elif data.action == "suspend":
        member = await _suspendable(session, moderator, reviewable.author_id, data.days)
        await _bump(session, reviewable, data.version)
        await _suspend(session, moderator, member, data.days, guideline, data.note, reviewable)
    await session.flush()
    return reviewable


async def _guideline_for(session: AsyncSession, guideline_id: int | None) -> Guideline | None:
    if guideline_id is None:
        return None
    guideline = await session.get(Guideline, guideline_id)
    if guideline is None or not guideline.active:
        raise Invalid("Choose one of the community guidelines", field="guideline_id")
    return guideline


async def _resolve(session: AsyncSession, moderator: Account, reviewable: Reviewable, data: ActionIn,
                   content: ContentView, guideline: Guideline | None) -> None:
    status, state = RESOLVING[data.action]
    was = content.state
    await _bump(session, reviewable, data.version, status=status, resolved_by_id=moderator.id,
                resolved_at=clock.now(), guideline_id=guideline.id if guideline else None, claimed_by_id=None,
                claimed_at=None)
    if state is not None and state != was:
        await kinds.get(reviewable.content_kind).set_state(session, reviewable.content_id, state)
    _audit(session, reviewable, data.action, actor=moderator, reasons=reviewable.reasons,
           guideline_id=guideline.id if guideline else None, note=data.note,
           details={"state_before": str(was), "state_after": str(state or was)})
    await _judge_flags(session, reviewable, agreed=status == ReviewStatus.REJECTED,
                       disagreed=status == ReviewStatus.APPROVED)
    if status == ReviewStatus.REJECTED:
        await _count(session, reviewable.author_id, rejected_count=1)
        await session.execute(update(Standing).where(Standing.account_id == reviewable.author_id)
                              .values(last_rejected_at=clock.now()))
        await _tell_author(session, reviewable, f"moderation.{data.action}", content.title)
    elif status == ReviewStatus.APPROVED and was == ContentState.HELD:
        await _count(session, reviewable.author_id, published_count=1)
        await _tell_author(session, reviewable, "moderation.approved", content.title, url=content.url)


async def _judge_flags(session: AsyncSession, reviewable: Reviewable, *, agreed: bool, disagreed: bool) -> None:
    """Flaggers whose flags moderators agree with weigh more later; those often wrong, less."""
    if not (agreed or disagreed):
        return
    for flagger_id in await session.scalars(select(Flag.flagger_id).where(Flag.reviewable_id == reviewable.id)):
        await _count(session, flagger_id, **({"flags_agreed": 1} if agreed else {"flags_disagreed": 1}))


async def _edit(session: AsyncSession, moderator: Account, reviewable: Reviewable, data: ActionIn,
                content: ContentView) -> None:
    assert data.text is not None
    text = personal_data.mask(data.text, personal_data.find(data.text))
    await _bump(session, reviewable, data.version)
    await kinds.get(reviewable.content_kind).replace_text(session, reviewable.content_id, text, moderator)
    _audit(session, reviewable, "edit", actor=moderator, note=data.note,
           details={"before": content.body[:20_000], "after": text})


async def _warn(session: AsyncSession, moderator: Account, reviewable: Reviewable, data: ActionIn,
                content: ContentView, guideline: Guideline | None) -> None:
    await _bump(session, reviewable, data.version)
    await _count(session, reviewable.author_id, warning_count=1)
    entry = _audit(session, reviewable, "warn", actor=moderator, guideline_id=guideline.id if guideline else None,
                   note=data.note)
    await session.flush()
    await _tell_author(session, reviewable, "moderation.warn", content.title, key=f"warn:{entry.id}")


async def _route_to_care(session: AsyncSession, moderator: Account, reviewable: Reviewable, data: ActionIn,
                         content: ContentView) -> None:
    """Hand the content to the care queue (care makes it a `flag` item): the item here stays as it
    is, for a moderator to settle; routing it again asks care again."""
    await _bump(session, reviewable, data.version)
    entry = _audit(session, reviewable, "route_to_care", actor=moderator, note=data.note)
    await session.flush()
    events.publish(session, "moderation.routed_to_care", reviewable_id=reviewable.id, action_id=entry.id,
                   content_kind=reviewable.content_kind, content_id=reviewable.content_id,
                   excerpt=content.body[:2000], author_id=reviewable.author_id, title=content.title,
                   url=content.url, language=content.language, note=data.note,
                   routed_at=entry.created_at.isoformat())


async def _suspendable(session: AsyncSession, moderator: Account, account_id: int | None,
                       days: int | None) -> Account:
    """The member this moderator may suspend for `days` (None: lift), or why not."""
    if account_id is None:
        raise Invalid("This content has no author to suspend")
    member = await accounts.get_account(session, account_id)
    if member.id == moderator.id:
        raise Invalid("You cannot suspend yourself")
    if days is not None and trust.is_staff(member) and not moderator.has_role(Role.ADMIN):
        raise Forbidden("Only an admin can suspend a member of the team")
    return member


async def suspend_member(session: AsyncSession, moderator: Account, account_id: int, days: int | None,
                         guideline_id: int | None, note: str | None) -> Account:
    """Suspend for `days`, citing a guideline; None lifts the suspension."""
    if days is not None and guideline_id is None:
        raise Invalid("Choose the guideline this breaks", field="guideline_id")
    guideline = await _guideline_for(session, guideline_id)
    member = await _suspendable(session, moderator, account_id, days)
    await _suspend(session, moderator, member, days, guideline, note)
    return member


async def _suspend(session: AsyncSession, moderator: Account, member: Account, days: int | None,
                   guideline: Guideline | None, note: str | None, reviewable: Reviewable | None = None) -> None:
    until = clock.now() + timedelta(days=days) if days else None
    await accounts.suspend(session, member, until)
    _audit(session, reviewable, "suspend" if days else "unsuspend", actor=moderator, subject_id=member.id,
           guideline_id=guideline.id if guideline else None, note=note,
           details={"until": until.isoformat() if until else None, "days": days})


async def _tell_author(session: AsyncSession, reviewable: Reviewable, kind: str, title: str, *,
                       url: str = "/moderation/mine", key: str | None = None) -> None:
    if reviewable.author_id is None:
        return
    await notifications.notify(session, reviewable.author_id, kind=kind, title=title, url=url,
                               dedupe_key=f"{kind}:{key or f'{reviewable.id}:{reviewable.version}'}")


# --- appeals -------------------------------------------------------------------------------

async def appeal(session: AsyncSession, author: Account, reviewable_id: int, text: str) -> Reviewable:
    reviewable = await get_reviewable(session, reviewable_id)
    if reviewable.author_id != author.id:
        raise Forbidden("Only the author can appeal this decision")
    if reviewable.status != ReviewStatus.REJECTED:
        raise Conflict("There is no refusal to appeal here")
    if reviewable.appealed_at is not None:
        raise Conflict("You have already appealed this decision; appeals are heard once")
    await _bump(session, reviewable, reviewable.version, status=ReviewStatus.PENDING, appeal_text=text,
                appealed_at=clock.now(), reasons=[*reviewable.reasons, "appeal"], priority=Priority.HIGH)
    _audit(session, reviewable, "appeal", actor=author, note=text)
    await session.flush()
    return reviewable


async def my_items(session: AsyncSession, author: Account) -> list[QueueItem]:
    """What moderation holds or refused of a member's own content, with the reasons."""
    items, _total = await queue(session, status=None, author_id=author.id, limit=100)
    return [i for i in items if (i.content is not None and i.content.state != ContentState.PUBLISHED)
            or i.reviewable.status == ReviewStatus.REJECTED]


async def my_warnings(session: AsyncSession, author: Account) -> list[AuditEntry]:
    return await _entries(session, and_(ModerationAction.subject_id == author.id, ModerationAction.action == "warn"),
                          limit=50, ascending=False)


# --- watched words and guidelines ----------------------------------------------------------

async def list_watched_words(session: AsyncSession) -> list[WatchedWord]:
    return list(await session.scalars(select(WatchedWord).order_by(WatchedWord.action, WatchedWord.pattern)))


async def add_watched_word(session: AsyncSession, admin: Account, data: WatchedWordIn) -> WatchedWord:
    screening.compile_pattern(data.pattern, data.is_regex)
    if data.action == WordAction.REPLACE and not (data.replacement or "").strip():
        raise Invalid("Say what to replace it with", field="replacement")
    word = WatchedWord(pattern=data.pattern, is_regex=data.is_regex, action=data.action,
                       replacement=data.replacement, created_by_id=admin.id, created_at=clock.now())
    if not await saving.add_unique(session, word):
        raise Conflict("This word is already watched", field="pattern")
    _audit(session, None, "watched_word_added", actor=admin,
           details={"pattern": data.pattern, "action": str(data.action), "regex": data.is_regex})
    await session.flush()
    return word


async def remove_watched_word(session: AsyncSession, admin: Account, word_id: int) -> None:
    word = await session.get(WatchedWord, word_id)
    if word is None:
        raise NotFound("No such watched word")
    _audit(session, None, "watched_word_removed", actor=admin,
           details={"pattern": word.pattern, "action": str(word.action)})
    await session.delete(word)
    await session.flush()


async def list_guidelines(session: AsyncSession, *, active_only: bool = False) -> list[Guideline]:
    query = select(Guideline).order_by(Guideline.position, Guideline.id)
    if active_only:
        query = query.where(Guideline.active.is_(True))
    return list(await session.scalars(query))


async def save_guideline(session: AsyncSession, admin: Account, data: GuidelineIn,
                         guideline_id: int | None = None) -> Guideline:
    words = f"{data.title} {data.description}".lower()
    if any(word in words for word in FORBIDDEN_GUIDELINE_WORDS):
        raise Invalid("A guideline cannot refuse content for being negative or critical: customers may say "
                      "what they think of the brand", field="title")
    if guideline_id is None:
        guideline = Guideline(created_at=clock.now())
    else:
        found = await session.get(Guideline, guideline_id)
        if found is None:
            raise NotFound("No such guideline")
        guideline = found
    if not await saving.add_unique(session, guideline, **data.model_dump()):
        raise Conflict("Another guideline has this title", field="title")
    _audit(session, None, "guideline_saved", actor=admin, details={"title": data.title, "active": data.active})
    await session.flush()
    return guideline


# --- audit and members ---------------------------------------------------------------------

async def audit_log(session: AsyncSession, *, action: str | None = None, actor_id: int | None = None,
                    subject_id: int | None = None, cursor: str | None = None,
                    limit: int = 50) -> tuple[list[AuditEntry], str | None]:
    """The newest entries first; the cursor pages on to older ones."""
    conditions = []
    if action:
        conditions.append(ModerationAction.action == action)
    if actor_id is not None:
        conditions.append(ModerationAction.actor_id == actor_id)
    if subject_id is not None:
        conditions.append(ModerationAction.subject_id == subject_id)
    before = paging.decode(cursor, int)[0] if cursor else None
    entries = await _entries(session, and_(*conditions) if conditions else None, limit=limit + 1, before=before,
                             ascending=False)
    return entries[:limit], paging.encode(entries[limit - 1].action.id) if len(entries) > limit else None


@dataclass
class MemberHistory:
    member: Account
    level: int
    standing: Standing | None
    items: list[QueueItem]
    actions: list[AuditEntry]


async def member_history(session: AsyncSession, handle: str) -> MemberHistory:
    member = await session.scalar(select(Account).where(Account.handle == handle.lower()))
    if member is None:
        raise NotFound("No such member")
    standing = await session.get(Standing, member.id)
    items, _total = await queue(session, status=None, author_id=member.id, limit=100)
    actions = await _entries(session, ModerationAction.subject_id == member.id, limit=200, ascending=False)
    return MemberHistory(member, trust.level(member, standing, clock.now()), standing, items, actions)


async def trust_level_of(session: AsyncSession, account: Account) -> int:
    return trust.level(account, await session.get(Standing, account.id), clock.now())
