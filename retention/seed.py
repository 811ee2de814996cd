"""Demo retention work: the cases the demo's 1-2 star reviews opened, worked as agents would.

Runs after the reviews seeder. Cases are opened through retention.service at the moment each
review was written (the outbox may not have been drained yet), then worked on a frozen clock
that moves through the past months: contact attempts by phone, e-mail and message, reminders
and escalations for the late ones, and closings with outcomes and root causes. The newest
cases stay open, some contacted, some overdue, one back in the pool. One seeded random
generator makes every run the same. Idempotent: once a contact attempt exists it does nothing.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from rich.progress import Progress
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hearth import clock
from hearth.accounts import service as accounts
from hearth.accounts.models import Account, Role
from hearth.notifications import service as notifications
from hearth.notifications.models import Notification
from hearth.seed import DEMO_PASSWORD
from hearth.settings import get_settings
from retention import service
from retention.models import Channel, ContactAttempt, ContactResult, Outcome, RetentionCase, RootCause
from retention.schemas import AttemptIn, CloseIn, RootCauseIn
from reviews import service as reviews

RANDOM_SEED = 2026
# A second agent, so the demo shows cases handed out in turn.
SECOND_AGENT = ("retention2@demo.hearth.test", "Inès Lambrecht", "fr")
OUTCOMES = [(Outcome.RETAINED, 45), (Outcome.CHURNED, 25), (Outcome.UNREACHABLE, 20), (Outcome.NOT_A_CUSTOMER, 10)]
# How often each root cause comes up, by its default name; causes admins added weigh 1.
CAUSE_WEIGHTS = {"Fees and pricing": 9, "Service quality": 6, "App or website": 5, "Waiting time": 4,
                 "Product features": 3, "Fraud or security": 2, "Other": 1}
LATE_SHARE = 0.15  # first contacts after the deadline
CLOSING_NOTES: dict[Outcome, list[str | None]] = {
    Outcome.RETAINED: ["Refunded the fee as a gesture; the customer stays.", "Explained the new fee schedule and "
                       "moved them to the package that suits them.", "Fixed the app login with them on the phone.",
                       "Apologised for the wait; booked an appointment at the branch."],
    Outcome.CHURNED: ["Already moved to another bank; thanked them for the feedback.",
                      "Wants to close the account; sent the closing form.", None],
    Outcome.UNREACHABLE: [None, "Three tries, no reply."],
    Outcome.NOT_A_CUSTOMER: ["Never held the product; reviewed it after reading about it.", None],
}
ATTEMPT_NOTES: dict[ContactResult, list[str | None]] = {
    ContactResult.REACHED: ["Talked it through.", "Customer was glad we called.", None],
    ContactResult.LEFT_MESSAGE: ["Voicemail: asked to call back.", None],
    ContactResult.NO_ANSWER: [None], ContactResult.WRONG_NUMBER: ["Number not in service."]}


async def _low_reviews(session: AsyncSession) -> list[reviews.ReviewFacts]:
    facts = await reviews.facts(session, await reviews.published_ids(session, max_rating=service.LOW_RATING))
    return sorted(facts.values(), key=lambda f: (f.created_at, f.id))


async def _second_agent(session: AsyncSession) -> None:
    email, name, language = SECOND_AGENT
    if await accounts.get_by_email(session, email) is None:
        await accounts.create_account(session, email=email, display_name=name, password=DEMO_PASSWORD,
                                      language=language, roles=frozenset({Role.RETENTION_AGENT}))


async def _default_causes(session: AsyncSession) -> list[RootCause]:
    # The migration seeds these; a database emptied since (as the tests' is) gets them back.
    return [await service.save_root_cause(session, RootCauseIn(name=name, position=i))
            for i, name in enumerate(CAUSE_WEIGHTS)]


class Plan:
    """A case's work as steps after it opened, squeezed to end before `limit` when it would not."""

    def __init__(self, frozen: clock.FrozenClock, opened: datetime, limit: datetime) -> None:
        self.frozen, self.opened, self.limit = frozen, opened, limit

    def at(self, hours: float, total: float) -> None:
        room = (self.limit - self.opened).total_seconds() / 3600
        scale = min(1.0, room / total) if total > 0 else 1.0
        self.frozen.at = self.opened + timedelta(hours=hours * scale)


async def seed_retention(session: AsyncSession, progress: Progress) -> int:
    if await session.scalar(select(ContactAttempt.id).limit(1)) is not None:
        return 0
    low = await _low_reviews(session)
    if not low:
        return 0
    await _second_agent(session)
    rng = random.Random(RANDOM_SEED)
    causes = await service.list_root_causes(session, active_only=True)
    if not causes and await session.scalar(select(RootCause.id).limit(1)) is None:
        causes = await _default_causes(session)
    leads = await service.leads(session)
    now = clock.now()
    task = progress.add_task("Retention cases", total=len(low))
    frozen = clock.FrozenClock(now)
    previous = clock.use(frozen)
    try:
        cases: list[RetentionCase] = []
        for facts in low:
            frozen.at = min(facts.created_at, now)
            found = await service.open_case(session, review_id=facts.id, product_id=facts.product_id,
                                            author_id=facts.author_id, rating=facts.rating)
            if found is not None:
                cases.append(found)
            progress.advance(task)
        cases.sort(key=lambda c: (c.opened_at, c.id))
        keep_open = max(4, len(cases) // 8)
        progress.update(task, total=len(low) + len(cases))
        for i, found in enumerate(cases):
            progress.advance(task)
            if not found.is_open:
                continue
            position = i - (len(cases) - keep_open)
            if position >= 0:
                await _leave_open(session, rng, frozen, found, position, now, leads)
            else:
                await _work_and_close(session, rng, frozen, found, now, causes)
        await session.flush()
        await _read_old_notifications(session)
    finally:
        clock.use(previous)
    return len(cases)


async def _agent_for(session: AsyncSession, found: RetentionCase) -> Account:
    if found.assignee_id is not None:
        assignee = await session.get(Account, found.assignee_id)
        if assignee is not None:
            return assignee
    return (await service.agents(session))[0]


async def _deadline_passes(session: AsyncSession, frozen: clock.FrozenClock, found: RetentionCase,
                           until: datetime) -> None:
    """What the scheduled events would have done by `until`: remind, then escalate."""
    reminder = found.due_at - timedelta(hours=get_settings().retention_reminder_hours)
    if reminder <= until:
        frozen.at = reminder
        await service.remind(session, found.id)
    if found.due_at <= until:
        frozen.at = found.due_at
        await service.escalate(session, found.id)


async def _attempts(session: AsyncSession, rng: random.Random, plan: Plan, agent: Account, found: RetentionCase,
                    results: list[ContactResult], start: float, total: float) -> float:
    hours = start
    for result in results:
        plan.at(hours, total)
        channel = Channel.PHONE if result in (ContactResult.NO_ANSWER, ContactResult.WRONG_NUMBER) else rng.choice(
            [Channel.PHONE, Channel.PHONE, Channel.EMAIL, Channel.MESSAGE])
        await service.log_attempt(session, agent, found.id, AttemptIn(
            channel=channel, result=result, note=rng.choice(ATTEMPT_NOTES[result])))
        hours += rng.uniform(2, 6)
    return hours


async def _work_and_close(session: AsyncSession, rng: random.Random, frozen: clock.FrozenClock,
                          found: RetentionCase, now: datetime, causes: list[RootCause]) -> None:
    outcome = rng.choices([o for o, _w in OUTCOMES], weights=[w for _o, w in OUTCOMES])[0]
    if outcome in service.NEEDS_ROOT_CAUSE and not causes:  # the admins retired every root cause
        outcome = Outcome.UNREACHABLE
    late = rng.random() < LATE_SHARE
    first = rng.uniform(26, 40) if late else rng.uniform(0.3, 18)
    if outcome == Outcome.UNREACHABLE:
        results = [rng.choice([ContactResult.NO_ANSWER, ContactResult.LEFT_MESSAGE]) for _i in range(rng.randint(2, 3))]
        if rng.random() < 0.25:
            results[-1] = ContactResult.WRONG_NUMBER
    else:
        results = [rng.choice([ContactResult.NO_ANSWER, ContactResult.LEFT_MESSAGE])
                   for _i in range(rng.choice([0, 0, 1, 2]))] + [ContactResult.REACHED]
    total = first + 6 * len(results) + 3
    plan = Plan(frozen, found.opened_at, now - timedelta(minutes=5))
    agent = await _agent_for(session, found)
    plan.at(first, total)
    await _deadline_passes(session, frozen, found, frozen.at)
    hours = await _attempts(session, rng, plan, agent, found, results, first, total)
    plan.at(hours + rng.uniform(0.1, 2), total)
    cause = None
    if outcome in service.NEEDS_ROOT_CAUSE or rng.random() < 0.3:
        cause = rng.choices(causes, weights=[CAUSE_WEIGHTS.get(c.name, 1) for c in causes])[0] if causes else None
    await session.refresh(found)
    await service.close(session, agent, found.id, CloseIn(version=found.version, outcome=outcome,
                                                          root_cause_id=cause.id if cause else None,
                                                          note=rng.choice(CLOSING_NOTES[outcome])))


async def _leave_open(session: AsyncSession, rng: random.Random, frozen: clock.FrozenClock, found: RetentionCase,
                      position: int, now: datetime, leads: list[Account]) -> None:
    """The newest cases, still being worked: waiting, contacted, back in the pool, overdue."""
    agent = await _agent_for(session, found)
    plan = Plan(frozen, found.opened_at, now - timedelta(minutes=2))
    kind = position % 4
    if kind == 1:  # contacted: a message left, waiting for the customer to call back
        await _attempts(session, rng, plan, agent, found, [ContactResult.LEFT_MESSAGE], rng.uniform(0.5, 3), 4)
    elif kind == 2 and leads:  # a lead put it back in the pool for whoever is free
        plan.at(0.5, 1)
        await session.refresh(found)
        await service.assign(session, leads[0], found.id, found.version, None)
        await service.add_note(session, leads[0], found.id, "Back to the pool while the agent is on leave.")
    elif kind == 3:  # reached, the agent is sorting it out before closing
        await _attempts(session, rng, plan, agent, found, [ContactResult.REACHED], rng.uniform(0.5, 3), 4)
        await service.add_note(session, agent, found.id, "Asked the fees team whether a refund is possible.")
    frozen.at = now
    await _deadline_passes(session, frozen, found, now)


async def _read_old_notifications(session: AsyncSession) -> None:
    """The agents dealt with the closed cases long ago: their notifications about them are read."""
    closed = {service.case_url(i) for i in await session.scalars(
        select(RetentionCase.id).where(RetentionCase.closed_at.is_not(None)))}
    rows = (await session.execute(select(Notification.account_id, Notification.id, Notification.url).where(
        Notification.kind.like("retention.%"), Notification.read_at.is_(None)))).all()
    by_account: dict[int, list[int]] = {}
    for account_id, notification_id, url in rows:
        if url in closed:
            by_account.setdefault(account_id, []).append(notification_id)
    for account_id, ids in by_account.items():
        account = await session.get(Account, account_id)
        if account is not None:
            await notifications.mark_read(session, account, ids)


SEEDERS = [("retention cases", seed_retention)]
