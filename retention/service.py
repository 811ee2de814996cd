"""The only code that writes retention's tables. Services flush; the request commits.

A 1-2 star review opens a case (retention.handlers reacts to the reviews' events); the
case is given to an agent in turn, or left in the pool for agents to take, and must see a
first contact with the customer before `due_at`. Every change names the version of the
case it was made on, so two agents acting at once never overwrite each other silently.

Events published (ids, never objects):
- retention.case_reminder {case_id}: scheduled `retention_reminder_hours` before the deadline;
- retention.case_due {case_id}: scheduled at the deadline;
- retention.case_opened {case_id, review_id, customer_id};
- retention.case_closed {case_id, outcome}.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from hearth import clock, events, i18n, saving
from hearth.accounts.models import Account, Role, holds_role
from hearth.db import rowcount
from hearth.errors import Conflict, Forbidden, Invalid, NotFound
from hearth.notifications import service as notifications
from hearth.settings import get_settings
from moderation.trust import is_staff
from retention.models import AgentTurn, CaseEntry, CaseStatus, ContactAttempt, Outcome, RetentionCase, RootCause
from retention.schemas import AttemptIn, CloseIn, RootCauseIn, View
from reviews import service as reviews
from reviews.service import ReviewFacts

_ = i18n.gettext
PER_PAGE = 25
LOW_RATING = 2  # reviews with this many stars or fewer open a case
# Why a customer stayed or left is the point of the call: those outcomes need a root cause.
NEEDS_ROOT_CAUSE = frozenset({Outcome.RETAINED, Outcome.CHURNED})
# Staying or leaving is only known from talking to the customer.
NEEDS_CONTACT = NEEDS_ROOT_CAUSE
DASHBOARD_MONTHS = 12


def case_url(case_id: int) -> str:
    return f"/retention/cases/{case_id}"


@contextmanager
def _speaking(language: str | None) -> Iterator[None]:
    """Notifications are written in their recipient's language, whoever triggers them."""
    token = i18n.current.set(language if language in i18n.LANGUAGES else i18n.DEFAULT)
    try:
        yield
    finally:
        i18n.current.reset(token)


def _lead_emails() -> set[str]:
    return {e.strip().lower() for e in get_settings().retention_lead_emails.split(",") if e.strip()}


def is_lead(account: Account) -> bool:
    """Team leads hand cases over and hear about overdue ones: the configured leads, and admins."""
    return account.has_role(Role.ADMIN) or account.email.lower() in _lead_emails()


async def leads(session: AsyncSession) -> list[Account]:
    """Who hears of an overdue case: the configured leads, else (or when none of them exists) the admins."""
    if emails := _lead_emails():
        found = list(await session.scalars(select(Account).where(Account.email.in_(emails),
                                                                 Account.is_active.is_(True))))
        if found:
            return found
    return list(await session.scalars(select(Account).where(holds_role(Role.ADMIN), Account.is_active.is_(True))
                                      .order_by(Account.id)))


async def agents(session: AsyncSession) -> list[Account]:
    """The active accounts holding the retention agent role (admins only when they hold it too)."""
    return list(await session.scalars(select(Account).where(holds_role(Role.RETENTION_AGENT),
                                                            Account.is_active.is_(True))
                                      .order_by(Account.display_name, Account.id)))


def _log(session: AsyncSession, case: RetentionCase, action: str, *, actor: Account | None = None,
         note: str | None = None, **details: Any) -> CaseEntry:
    entry = CaseEntry(case_id=case.id, actor_id=actor.id if actor else None, action=action, note=note,
                      details=details, created_at=clock.now())
    session.add(entry)
    return entry


async def _bump(session: AsyncSession, case: RetentionCase, version: int, **values: Any) -> None:
    """Change the case only if nobody changed it since `version` was read: one wins, the other is told."""
    await saving.bump_version(session, case, version,
                              Conflict("Another agent changed this case just now. Reload it to see what changed."),
                              **values)


# --- opening cases from review events ----------------------------------------------------------

async def case_for_review(session: AsyncSession, review_id: int) -> RetentionCase | None:
    return await session.scalar(select(RetentionCase).where(RetentionCase.review_id == review_id))


async def review_published(session: AsyncSession, *, review_id: int, product_id: int, author_id: int,
                           rating: int) -> RetentionCase | None:
    """A review became public: open its case when it is low, or note that a removed review is back.

    Only a comeback carries news about the stars (the author may have rewritten it); otherwise this is
    the event that opened the case delivered again, and its rating may be older than the case's."""
    existing = await case_for_review(session, review_id)
    if existing is None:
        return await open_case(session, review_id=review_id, product_id=product_id, author_id=author_id,
                               rating=rating)
    if existing.review_removed_at is not None:
        await _bump(session, existing, existing.version, review_removed_at=None)
        _log(session, existing, "review_restored")
        await _record_rating(session, existing, rating)
    await session.flush()
    return existing


async def review_updated(session: AsyncSession, *, review_id: int, product_id: int, author_id: int,
                         rating: int) -> RetentionCase | None:
    """Its author changed the review: the case keeps the new stars; a review dropping low gets a case."""
    existing = await case_for_review(session, review_id)
    if existing is None:
        return await open_case(session, review_id=review_id, product_id=product_id, author_id=author_id,
                               rating=rating)
    await _record_rating(session, existing, rating)
    await session.flush()
    return existing


async def _record_rating(session: AsyncSession, case: RetentionCase, rating: int) -> None:
    if case.rating == rating:  # nothing new, or the same event again
        return
    before = case.rating
    await _bump(session, case, case.version, rating_after=rating)
    _log(session, case, "review_updated", before=before, after=rating)


async def review_removed(session: AsyncSession, review_id: int) -> RetentionCase | None:
    """The review left public view; the customer may still be unhappy, so the case stays open."""
    existing = await case_for_review(session, review_id)
    if existing is None or existing.review_removed_at is not None:
        return existing
    await _bump(session, existing, existing.version, review_removed_at=clock.now())
    _log(session, existing, "review_removed")
    await session.flush()
    return existing


async def open_case(session: AsyncSession, *, review_id: int, product_id: int, author_id: int,
                    rating: int) -> RetentionCase | None:
    """Open the review's case (once: the unique review_id settles retries and races).

    None when the review needs no case: its rating is above LOW_RATING, or the team wrote it."""
    if rating > LOW_RATING:
        return None
    existing = await case_for_review(session, review_id)
    if existing is not None:
        return existing
    customer = await session.get(Account, author_id)
    if customer is None or is_staff(customer):
        return None
    settings = get_settings()
    now = clock.now()
    due = now + timedelta(hours=settings.retention_due_hours)
    case = RetentionCase(review_id=review_id, product_id=product_id, customer_id=author_id, rating_before=rating,
                          status=CaseStatus.OPEN, version=1, opened_at=now, due_at=due, updated_at=now)
    if not await saving.add_unique(session, case):  # another worker opened it a moment ago
        return await case_for_review(session, review_id)
    _log(session, case, "opened", rating=rating)
    if settings.retention_assignment != "pool" and (agent := await _next_agent(session)) is not None:
        case.assignee_id, case.assigned_at = agent.id, now
        _log(session, case, "assigned", agent=agent.display_name, agent_id=agent.id, automatic=True)
        await _tell_assignee(session, case, agent, actor=None)
    events.publish(session, "retention.case_reminder", case_id=case.id,
                   not_before=due - timedelta(hours=settings.retention_reminder_hours))
    events.publish(session, "retention.case_due", case_id=case.id, not_before=due)
    events.publish(session, "retention.case_opened", case_id=case.id, review_id=review_id, customer_id=author_id)
    await session.flush()
    return case


# --- round robin -------------------------------------------------------------------------------

async def _next_agent(session: AsyncSession) -> Account | None:
    """The active agent whose last case is the oldest (agents who never had one come first)."""
    agent = None
    for _attempt in range(5):
        row = (await session.execute(
            select(Account, AgentTurn.turn).outerjoin(AgentTurn, AgentTurn.agent_id == Account.id)
            .where(holds_role(Role.RETENTION_AGENT), Account.is_active.is_(True))
            .order_by(AgentTurn.turn.is_not(None), AgentTurn.turn, Account.id).limit(1))).first()
        if row is None:
            return None
        agent, seen = row
        if await _record_turn(session, agent.id, seen):
            return agent
    return agent  # lost the race five times over: give it to the last one seen rather than nobody


async def _record_turn(session: AsyncSession, agent_id: int, seen: int | None) -> bool:
    """Send the agent to the back of the line if their place is still `seen` (None: they had none).

    False when another transaction moved them first; the caller then looks again."""
    now = clock.now()
    turn = (await session.scalar(select(func.max(AgentTurn.turn))) or 0) + 1
    if seen is None:
        return await saving.add_unique(session, AgentTurn(agent_id=agent_id, turn=turn, last_assigned_at=now))
    result = await session.execute(update(AgentTurn).where(AgentTurn.agent_id == agent_id, AgentTurn.turn == seen)
                                   .values(turn=turn, last_assigned_at=now)
                                   .execution_options(synchronize_session=False))
    return rowcount(result) == 1


async def _to_back_of_line(session: AsyncSession, agent_id: int) -> None:
    # A case taken or handed over by hand counts as that agent's turn too, so work stays even.
    for _attempt in range(5):
        seen = await session.scalar(select(AgentTurn.turn).where(AgentTurn.agent_id == agent_id))
        if await _record_turn(session, agent_id, seen):
            return


# --- working a case ----------------------------------------------------------------------------

async def get_case(session: AsyncSession, case_id: int) -> RetentionCase:
    found = await session.get(RetentionCase, case_id)
    if found is None:
        raise NotFound("No such retention case")
    return found


def _check_open(case: RetentionCase) -> None:
    if not case.is_open:
        raise Conflict("This case is closed")


async def _check_working(session: AsyncSession, case: RetentionCase, agent: Account) -> None:
    """Only the agent on a case (or a lead) works it; an unassigned case goes to whoever works it."""
    if case.assignee_id in (None, agent.id) or is_lead(agent):
        return
    assignee = await session.get(Account, case.assignee_id)
    raise Conflict("%(name)s is working on this case; ask them or a team lead to hand it over",
                   name=assignee.display_name if assignee else "?")


async def take(session: AsyncSession, agent: Account, case_id: int, version: int) -> RetentionCase:
    case = await get_case(session, case_id)
    _check_open(case)
    if case.assignee_id == agent.id:
        return case
    if case.assignee_id is not None:
        assignee = await session.get(Account, case.assignee_id)
        raise Conflict("%(name)s already has this case", name=assignee.display_name if assignee else "?")
    await _bump(session, case, version, assignee_id=agent.id, assigned_at=clock.now())
    await _to_back_of_line(session, agent.id)
    _log(session, case, "taken", actor=agent)
    await session.flush()
    return case


async def assign(session: AsyncSession, actor: Account, case_id: int, version: int,
                 agent_id: int | None) -> RetentionCase:
    """Give the case to an agent, or put it back in the pool (agent_id None)."""
    case = await get_case(session, case_id)
    _check_open(case)
    if case.assignee_id not in (None, actor.id) and not is_lead(actor):
        raise Forbidden("Only the agent on this case or a team lead can hand it over")
    target = await session.get(Account, agent_id) if agent_id is not None else None
    if agent_id is not None and (target is None or not target.is_active or Role.RETENTION_AGENT not in target.roles):
        raise Invalid("Choose one of the retention agents", field="agent_id")
    if (target.id if target else None) == case.assignee_id:
        return case
    await _bump(session, case, version, assignee_id=target.id if target else None,
                assigned_at=clock.now() if target else None)
    if target is None:
        _log(session, case, "returned_to_pool", actor=actor)
    else:
        await _to_back_of_line(session, target.id)
        _log(session, case, "assigned", actor=actor, agent=target.display_name, agent_id=target.id)
        await _tell_assignee(session, case, target, actor=actor)
    await session.flush()
    return case


async def log_attempt(session: AsyncSession, agent: Account, case_id: int, data: AttemptIn) -> ContactAttempt:
    """Record a call, e-mail or message to the customer; the first one is the case's first contact."""
    case = await get_case(session, case_id)
    _check_open(case)
    await _check_working(session, case, agent)
    now = clock.now()
    values: dict[str, Any] = {}
    if case.assignee_id is None:
        values.update(assignee_id=agent.id, assigned_at=now)
    if case.first_contact_at is None:
        values["first_contact_at"] = now
    await _bump(session, case, case.version, **values)
    if "assignee_id" in values:
        await _to_back_of_line(session, agent.id)
        _log(session, case, "taken", actor=agent)
    attempt = ContactAttempt(case_id=case.id, agent_id=agent.id, channel=data.channel, result=data.result,
                             note=data.note, created_at=now)
    session.add(attempt)
    _log(session, case, "attempt", actor=agent, note=data.note, channel=str(data.channel), result=str(data.result))
    await session.flush()
    return attempt


async def add_note(session: AsyncSession, agent: Account, case_id: int, text: str) -> CaseEntry:
    """Any agent may leave a note, also on a closed case: it changes nothing else."""
    case = await get_case(session, case_id)
    entry = _log(session, case, "note", actor=agent, note=text)
    await session.flush()
    return entry


async def close(session: AsyncSession, agent: Account, case_id: int, data: CloseIn) -> RetentionCase:
    case = await get_case(session, case_id)
    if data.outcome is None:
        raise Invalid("Choose the outcome: retained, churned, unreachable or not a customer", field="outcome")
    _check_open(case)
    await _check_working(session, case, agent)
    root_cause = await session.get(RootCause, data.root_cause_id) if data.root_cause_id is not None else None
    if data.root_cause_id is not None and (root_cause is None or not root_cause.active):
        raise Invalid("Choose one of the root causes", field="root_cause_id")
    if root_cause is None and data.outcome in NEEDS_ROOT_CAUSE:
        raise Invalid("Choose the root cause: why was the customer unhappy?", field="root_cause_id")
    if case.first_contact_at is None and data.outcome in NEEDS_CONTACT:
        raise Invalid("Log your contact with the customer before closing the case as retained or churned",
                      field="outcome")
    now = clock.now()
    values: dict[str, Any] = {"assignee_id": agent.id, "assigned_at": now} if case.assignee_id is None else {}
    await _bump(session, case, data.version, status=CaseStatus.CLOSED, outcome=data.outcome,
                root_cause_id=root_cause.id if root_cause else None, closing_note=data.note, closed_by_id=agent.id,
                closed_at=now, **values)
    _log(session, case, "closed", actor=agent, note=data.note, outcome=str(data.outcome),
         root_cause=root_cause.name if root_cause else None)
    events.publish(session, "retention.case_closed", case_id=case.id, outcome=str(data.outcome))
    await session.flush()
    return case


# --- the deadline ------------------------------------------------------------------------------

async def _title_facts(session: AsyncSession, case: RetentionCase) -> dict[str, Any]:
    customer = await session.get(Account, case.customer_id)
    review = (await reviews.facts(session, [case.review_id])).get(case.review_id)
    return {"customer": customer.display_name if customer else "?",
            "product": review.product_name if review else "?", "stars": case.rating,
            "due": case.due_at.strftime("%Y-%m-%d %H:%M UTC")}


async def _tell_assignee(session: AsyncSession, case: RetentionCase, agent: Account, *,
                         actor: Account | None) -> None:
    facts = await _title_facts(session, case)
    with _speaking(agent.language):
        title = _("New retention case: call %(customer)s back about %(product)s (%(stars)s stars) before "
                  "%(due)s") % facts
    await notifications.notify(session, agent.id, kind="retention.assigned", title=title, url=case_url(case.id),
                               dedupe_key=f"retention.assigned:{case.id}:{case.version}",
                               actor_id=actor.id if actor else None)


async def remind(session: AsyncSession, case_id: int) -> bool:
    """Before the deadline, remind the agent (or every agent, for a pool case) if nobody made contact yet."""
    case = await session.get(RetentionCase, case_id)
    if case is None or not case.is_open or case.first_contact_at is not None or case.reminded_at is not None:
        return False
    recipients = [await session.get(Account, case.assignee_id)] if case.assignee_id else await agents(session)
    facts = await _title_facts(session, case)
    for recipient in recipients:
        if recipient is None:
            continue
        with _speaking(recipient.language):
            title = _("Reminder: call %(customer)s back about %(product)s before %(due)s") % facts
        await notifications.notify(session, recipient.id, kind="retention.reminder", title=title,
                                   url=case_url(case.id), dedupe_key=f"retention.reminder:{case.id}")
    await _bump(session, case, case.version, reminded_at=clock.now())
    _log(session, case, "reminded", to=[r.display_name for r in recipients if r is not None])
    await session.flush()
    return True


async def escalate(session: AsyncSession, case_id: int) -> bool:
    """At the deadline, an open case without a first contact goes to the leads."""
    case = await session.get(RetentionCase, case_id)
    if case is None or not case.overdue(clock.now()) or case.escalated_at is not None:
        return False
    recipients = await leads(session)
    facts = await _title_facts(session, case)
    for lead in recipients:
        with _speaking(lead.language):
            title = _("Overdue retention case: nobody has contacted %(customer)s about %(product)s yet") % facts
        await notifications.notify(session, lead.id, kind="retention.escalated", title=title,
                                   url=case_url(case.id), dedupe_key=f"retention.escalated:{case.id}")
    await _bump(session, case, case.version, escalated_at=clock.now())
    _log(session, case, "escalated", to=[lead.display_name for lead in recipients])
    await session.flush()
    return True


# --- reading -----------------------------------------------------------------------------------

@dataclass
class CaseRow:
    case: RetentionCase
    customer: Account | None
    assignee: Account | None
    root_cause: RootCause | None
    review: ReviewFacts | None


@dataclass
class CaseDetail(CaseRow):
    closed_by: Account | None = None
    attempts: list[tuple[ContactAttempt, Account | None]] = field(default_factory=list)
    history: list[tuple[CaseEntry, Account | None]] = field(default_factory=list)
    other_reviews: list[ReviewFacts] = field(default_factory=list)
    other_cases: list[CaseRow] = field(default_factory=list)


def _case_select() -> Select[RetentionCase, Account, Account, RootCause]:
    customer, assignee = aliased(Account), aliased(Account)
    return (select(RetentionCase, customer, assignee, RootCause)
            .outerjoin(customer, customer.id == RetentionCase.customer_id)
            .outerjoin(assignee, assignee.id == RetentionCase.assignee_id)
            .outerjoin(RootCause, RootCause.id == RetentionCase.root_cause_id))


def _view_condition(view: View, viewer: Account, now: datetime) -> ColumnElement[bool] | None:
    is_open = RetentionCase.status == CaseStatus.OPEN
    return {
        "open": is_open,
        "mine": and_(is_open, RetentionCase.assignee_id == viewer.id),
        "pool": and_(is_open, RetentionCase.assignee_id.is_(None)),
        "overdue": and_(is_open, RetentionCase.first_contact_at.is_(None), RetentionCase.due_at <= now),
        "closed": RetentionCase.status == CaseStatus.CLOSED,
        "all": None,
    }[view]


async def _rows(session: AsyncSession, query: Select[RetentionCase, Account, Account, RootCause]) -> list[CaseRow]:
    rows = (await session.execute(query)).all()
    facts = await reviews.facts(session, [c.review_id for c, *_ in rows])
    return [CaseRow(c, customer, assignee, cause, facts.get(c.review_id)) for c, customer, assignee, cause in rows]


async def list_cases(session: AsyncSession, viewer: Account, *, view: View = "open", product_id: int | None = None,
                     offset: int = 0, limit: int = PER_PAGE) -> tuple[list[CaseRow], int]:
    """Cases most urgent first (the nearest deadline); closed ones newest first."""
    conditions = [c for c in (_view_condition(view, viewer, clock.now()),) if c is not None]
    if product_id is not None:
        conditions.append(RetentionCase.product_id == product_id)
    total = await session.scalar(select(func.count()).select_from(RetentionCase).where(*conditions)) or 0
    order = ((RetentionCase.closed_at.desc(), RetentionCase.id.desc()) if view == "closed"
             else (RetentionCase.status.desc(), RetentionCase.due_at, RetentionCase.id))
    query = _case_select().where(*conditions).order_by(*order).offset(offset).limit(limit)
    return await _rows(session, query), total


async def case_detail(session: AsyncSession, case_id: int) -> CaseDetail:
    row = (await session.execute(_case_select().where(RetentionCase.id == case_id))).first()
    if row is None:
        raise NotFound("No such retention case")
    case, customer, assignee, cause = row
    attempts = (await session.execute(
        select(ContactAttempt, Account).outerjoin(Account, Account.id == ContactAttempt.agent_id)
        .where(ContactAttempt.case_id == case.id).order_by(ContactAttempt.id))).all()
    history = (await session.execute(
        select(CaseEntry, Account).outerjoin(Account, Account.id == CaseEntry.actor_id)
        .where(CaseEntry.case_id == case.id).order_by(CaseEntry.id))).all()
    others = await _rows(session, _case_select().where(RetentionCase.customer_id == case.customer_id,
                                                       RetentionCase.id != case.id)
                         .order_by(RetentionCase.id.desc()).limit(20))
    their_reviews = [r.id for r, _p in await reviews.own_reviews(session, customer)] if customer else []
    facts = await reviews.facts(session, [case.review_id, *their_reviews])
    return CaseDetail(
        case, customer, assignee, cause, facts.get(case.review_id),
        closed_by=await session.get(Account, case.closed_by_id) if case.closed_by_id else None,
        attempts=[(a, agent) for a, agent in attempts], history=[(e, actor) for e, actor in history],
        other_reviews=[facts[i] for i in their_reviews if i != case.review_id and i in facts],
        other_cases=others)


# --- the dashboard -----------------------------------------------------------------------------

@dataclass
class Rate:
    key: str
    label: str
    retained: int
    churned: int

    @property
    def rate(self) -> float | None:
        decided = self.retained + self.churned
        return self.retained / decided if decided else None


@dataclass
class Dashboard:
    since: datetime
    open: int
    overdue: int
    unassigned: int
    mine: int
    contacted: int
    median_hours_to_first_contact: float | None
    contacted_in_time: float | None
    outcomes: dict[Outcome, int]
    by_product: list[Rate]
    by_month: list[Rate]

    @property
    def retention_rate(self) -> float | None:
        return Rate("all", "", self.outcomes[Outcome.RETAINED], self.outcomes[Outcome.CHURNED]).rate


def _months(now: datetime, count: int) -> list[str]:
    year, month = now.year, now.month
    keys = []
    for _i in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]


def _month_of(session: AsyncSession, column: Any) -> ColumnElement[str]:
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM")
    return func.strftime("%Y-%m", column)  # SQLite keeps UTC times as text


async def dashboard(session: AsyncSession, viewer: Account) -> Dashboard:
    """Where retention stands: today's open work, and the last twelve months' results."""
    now = clock.now()
    months = _months(now, DASHBOARD_MONTHS)
    since = datetime(int(months[0][:4]), int(months[0][5:]), 1, tzinfo=UTC)
    is_open = RetentionCase.status == CaseStatus.OPEN
    open_count, overdue, unassigned, mine = (await session.execute(select(
        func.count(),
        func.count().filter(RetentionCase.first_contact_at.is_(None), RetentionCase.due_at <= now),
        func.count().filter(RetentionCase.assignee_id.is_(None)),
        func.count().filter(RetentionCase.assignee_id == viewer.id),
    ).where(is_open))).one()

    closed = and_(RetentionCase.status == CaseStatus.CLOSED, RetentionCase.closed_at >= since)
    outcomes = dict.fromkeys(Outcome, 0)
    for outcome, count in (await session.execute(select(RetentionCase.outcome, func.count()).where(closed)
                                                 .group_by(RetentionCase.outcome))).all():
        if outcome is None:  # as Outcome(None) did: a closed case always has one
            raise ValueError("a closed retention case without an outcome")
        outcomes[outcome] = count

    retained = func.count().filter(RetentionCase.outcome == Outcome.RETAINED)
    churned = func.count().filter(RetentionCase.outcome == Outcome.CHURNED)
    decided = and_(closed, RetentionCase.outcome.in_([Outcome.RETAINED, Outcome.CHURNED]))
    names = {product.id: product.name for product, _stats in await reviews.list_products(session,
                                                                                        include_retired=True)}
    by_product = [Rate(str(product_id), names.get(product_id, "?"), kept, lost) for product_id, kept, lost in (
        await session.execute(select(RetentionCase.product_id, retained, churned).where(decided)
                              .group_by(RetentionCase.product_id))).all()]
    by_product.sort(key=lambda r: (r.label.lower(), r.key))
    # Grouped by the label: PostgreSQL would not match the expression's bound parameters twice.
    month = _month_of(session, RetentionCase.closed_at).label("month")
    per_month = {key: (kept, lost) for key, kept, lost in (await session.execute(
        select(month, retained, churned).where(decided).group_by("month"))).all()}
    by_month = [Rate(key, key, *per_month.get(key, (0, 0))) for key in months]

    contacts = (await session.execute(select(RetentionCase.opened_at, RetentionCase.first_contact_at,
                                             RetentionCase.due_at)
                                      .where(RetentionCase.first_contact_at >= since))).all()
    # The query's `>=` leaves out cases not contacted yet; the type does not know it.
    hours = [(first - opened).total_seconds() / 3600 for opened, first, _due in contacts if first is not None]
    in_time = sum(1 for _opened, first, due in contacts if first is not None and first <= due)
    return Dashboard(
        since=since, open=open_count, overdue=overdue, unassigned=unassigned, mine=mine, contacted=len(contacts),
        median_hours_to_first_contact=statistics.median(hours) if hours else None,
        contacted_in_time=in_time / len(contacts) if contacts else None,
        outcomes=outcomes, by_product=by_product, by_month=by_month)


async def products(session: AsyncSession) -> list[tuple[int, str]]:
    """The products that have cases, for the list's filter."""
    ids = set(await session.scalars(select(RetentionCase.product_id).distinct()))
    return [(p.id, p.name) for p, _stats in await reviews.list_products(session, include_retired=True)
            if p.id in ids]


# --- root causes -------------------------------------------------------------------------------

async def list_root_causes(session: AsyncSession, *, active_only: bool = False) -> list[RootCause]:
    query = select(RootCause).order_by(RootCause.position, RootCause.id)
    if active_only:
        query = query.where(RootCause.active.is_(True))
    return list(await session.scalars(query))


async def save_root_cause(session: AsyncSession, data: RootCauseIn, root_cause_id: int | None = None) -> RootCause:
    """Add a root cause, or rename, reorder or retire one (closed cases keep citing it)."""
    if root_cause_id is None:
        root_cause = RootCause(created_at=clock.now())
    else:
        found = await session.get(RootCause, root_cause_id)
        if found is None:
            raise NotFound("No such root cause")
        root_cause = found
    if not await saving.add_unique(session, root_cause, name=data.name, position=data.position, active=data.active):
        raise Conflict("Another root cause has this name", field="name")
    await session.flush()
    return root_cause
