"""Retention cases: opening from review events, round robin and the pool, optimistic locking,
the deadline's reminder and escalation, working and closing a case, the dashboard, the seeder."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from rich.progress import Progress
from sqlalchemy import ColumnElement, event, func, select, text

from hearth import events, migrations
from hearth.accounts.models import Account, Role
from hearth.db import Database, create_engine
from hearth.errors import Conflict, Forbidden, Invalid
from hearth.notifications.models import Notification
from hearth.settings import get_settings
from moderation.models import ContentState
from retention import service
from retention.models import CaseEntry, CaseStatus, Channel, ContactAttempt, ContactResult, Outcome, RetentionCase
from retention.schemas import AttemptIn, CloseIn, RootCauseIn
from retention.seed import seed_retention
from reviews import service as reviews
from reviews.schemas import ReviewIn
from tests.conftest import create_member
from tests.retention.conftest import AGENT, case_of, drain, write

PHONE_NO_ANSWER = AttemptIn(channel=Channel.PHONE, result=ContactResult.NO_ANSWER)
PHONE_REACHED = AttemptIn(channel=Channel.PHONE, result=ContactResult.REACHED, note="Refunded the fee")


async def _count(database: Database, model, *conditions: ColumnElement[bool]) -> int:
    async with database.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(model).where(*conditions)) or 0


async def _notifications(database: Database, account: Account, kind: str) -> list[Notification]:
    async with database.sessionmaker() as s:
        return list(await s.scalars(select(Notification).where(Notification.account_id == account.id,
                                                               Notification.kind == kind)))


async def _actions(database: Database, case_id: int) -> list[str]:
    async with database.sessionmaker() as s:
        return list(await s.scalars(select(CaseEntry.action).where(CaseEntry.case_id == case_id)
                                    .order_by(CaseEntry.id)))


async def _do(database: Database, call, *args, **kwargs):  # noqa: ANN002, ANN003
    """Run a service call as `args[0]` (an account) in its own committed transaction."""
    async with await database.writer() as s:
        actor, *rest = args
        result = await call(s, await s.get(Account, actor.id), *rest, **kwargs)
        await s.commit()
        return result


# --- opening ---------------------------------------------------------------------------------------

async def test_a_low_review_is_published_and_opens_one_case(database: Database, frozen_clock, product, customer,
                                                            agent) -> None:
    review_id = await write(database, customer, product.id, rating=1)
    found = await case_of(database, review_id)
    assert found is not None and found.status == CaseStatus.OPEN
    assert (found.rating_before, found.rating_after, found.customer_id) == (1, None, customer.id)
    assert found.assignee_id == agent.id and found.due_at == frozen_clock.now() + timedelta(hours=24)
    async with database.sessionmaker() as s:
        assert (await reviews.facts(s, [review_id]))[review_id].state == ContentState.PUBLISHED  # never held back
        # A retried event changes nothing.
        events.publish(s, "review.published", review_id=review_id, product_id=product.id, author_id=customer.id,
                       rating=1)
        await s.commit()
    await drain(database)
    assert await _count(database, RetentionCase) == 1
    assert await _actions(database, found.id) == ["opened", "assigned"]
    [told] = await _notifications(database, agent, "retention.assigned")
    assert told.url == f"/retention/cases/{found.id}" and "Chris Customer" in told.title


async def test_no_case_for_good_reviews_or_the_teams_own(database: Database, product, customer, agent) -> None:
    assert await case_of(database, await write(database, customer, product.id, rating=3)) is None
    staff = await create_member(database, "care@example.com", "Cas Care", frozenset({Role.CARE_AGENT}))
    assert await case_of(database, await write(database, staff, product.id, rating=1)) is None


async def test_round_robin_gives_each_case_to_the_agent_whose_last_one_is_oldest(
        database: Database, frozen_clock, product, agent, other_agent, admin) -> None:
    await create_member(database, "gone@example.com", "Gone Agent", AGENT, active=False)
    assignees = []
    for i in range(4):
        author = await create_member(database, f"c{i}@example.com", f"Customer {i}")
        assignees.append((await case_of(database, await write(database, author, product.id))).assignee_id)
    # All in the same instant: the turn counter, not the time, keeps the order.
    assert assignees == [agent.id, other_agent.id, agent.id, other_agent.id]
    newcomer = await create_member(database, "agent3@example.com", "Nina New", AGENT)
    author = await create_member(database, "c9@example.com", "Customer 9")
    assert (await case_of(database, await write(database, author, product.id))).assignee_id == newcomer.id


async def test_without_agents_or_in_pool_mode_cases_wait_in_the_pool(database: Database, pool, product, customer,
                                                                     agent) -> None:
    found = await case_of(database, await write(database, customer, product.id, rating=2))
    assert found.assignee_id is None
    taken = await _do(database, service.take, agent, found.id, found.version)
    assert taken.assignee_id == agent.id and taken.version == found.version + 1
    assert await _actions(database, found.id) == ["opened", "taken"]


async def test_the_case_follows_the_review(database: Database, product, customer, agent, root_cause) -> None:
    review_id = await write(database, customer, product.id, rating=2)
    await write(database, customer, product.id, rating=4, title="Better after the call")  # replaces it
    found = await case_of(database, review_id)
    assert (found.rating_before, found.rating_after, found.status) == (2, 4, CaseStatus.OPEN)
    async with database.sessionmaker() as s:
        await reviews.delete_review(s, await s.get(Account, customer.id), review_id)
        await s.commit()
    await drain(database)
    found = await case_of(database, review_id)
    assert found.review_removed_at is not None and found.is_open
    assert await _actions(database, found.id) == ["opened", "assigned", "review_updated", "review_removed"]
    await _do(database, service.log_attempt, agent, found.id, PHONE_REACHED)
    closed = await _do(database, service.close, agent, found.id, CloseIn(
        version=found.version + 1, outcome=Outcome.RETAINED, root_cause_id=root_cause.id))
    assert closed.status == CaseStatus.CLOSED


async def test_a_hidden_review_that_comes_back_clears_the_mark(database: Database, product, customer,
                                                                agent) -> None:
    review_id = await write(database, customer, product.id, rating=1)
    for state in (ContentState.HIDDEN, ContentState.PUBLISHED):  # flagged, then a moderator approved it
        async with database.sessionmaker() as s:
            await reviews.set_review_state(s, review_id, state)
            await s.commit()
        await drain(database)
    found = await case_of(database, review_id)
    assert found.review_removed_at is None and (found.rating_before, found.rating_after) == (1, None)
    assert await _actions(database, found.id) == ["opened", "assigned", "review_removed", "review_restored"]


async def test_a_review_rewritten_down_to_two_stars_gets_a_case(database: Database, product, customer,
                                                                agent) -> None:
    review_id = await write(database, customer, product.id, rating=4, title="Fine so far")
    assert await case_of(database, review_id) is None
    await write(database, customer, product.id, rating=2, title="Not fine any more")
    found = await case_of(database, review_id)
    assert found is not None and found.rating_before == 2 and found.rating_after is None


# --- taking and handing over -------------------------------------------------------------------------

async def test_two_agents_taking_one_case_at_once_one_wins(database: Database, pool, product, customer, agent,
                                                           other_agent) -> None:
    found = await case_of(database, await write(database, customer, product.id))

    async def take(who: Account) -> str:
        async with await database.writer() as s:
            try:
                await service.take(s, await s.get(Account, who.id), found.id, found.version)
            except Conflict as exc:
                return exc.detail
            await s.commit()
            return "won"

    results = await asyncio.gather(take(agent), take(other_agent))
    assert results.count("won") == 1, results
    [lost] = [r for r in results if r != "won"]
    assert "already has this case" in lost or "just now" in lost
    # A stale version is refused even when the case is free again.
    winner = agent if results[0] == "won" else other_agent
    loser = other_agent if winner is agent else agent
    current = await case_of(database, found.review_id)
    await _do(database, service.assign, winner, found.id, current.version, None)
    with pytest.raises(Conflict, match="Another agent changed this case just now"):
        await _do(database, service.take, loser, found.id, found.version)


async def test_handing_a_case_over(database: Database, product, customer, agent, other_agent, admin) -> None:
    found = await case_of(database, await write(database, customer, product.id))
    assert found.assignee_id == agent.id
    with pytest.raises(Forbidden, match="team lead"):
        await _do(database, service.assign, other_agent, found.id, found.version, other_agent.id)
    with pytest.raises(Invalid, match="retention agents") as refused:
        await _do(database, service.assign, agent, found.id, found.version, customer.id)
    assert refused.value.field == "agent_id"
    handed = await _do(database, service.assign, agent, found.id, found.version, other_agent.id)
    assert handed.assignee_id == other_agent.id
    assert len(await _notifications(database, other_agent, "retention.assigned")) == 1
    # An admin leads the team: they may move anyone's case.
    back = await _do(database, service.assign, admin, found.id, handed.version, None)
    assert back.assignee_id is None
    assert await _actions(database, found.id) == ["opened", "assigned", "assigned", "returned_to_pool"]


# --- the deadline ---------------------------------------------------------------------------------------

async def test_reminder_then_escalation_when_nobody_calls(database: Database, frozen_clock, product, customer,
                                                          agent, admin) -> None:
    async with database.sessionmaker() as s:
        (await s.get(Account, agent.id)).language = "fr"  # told in their own language, by a worker
        await s.commit()
    found = await case_of(database, await write(database, customer, product.id))
    frozen_clock.advance(hours=19, minutes=59)
    await drain(database)
    assert (await case_of(database, found.review_id)).reminded_at is None
    frozen_clock.advance(minutes=1)  # 4 hours before the deadline
    await drain(database)
    assert (await case_of(database, found.review_id)).reminded_at == frozen_clock.now()
    [reminder] = await _notifications(database, agent, "retention.reminder")
    assert reminder.title == ("Rappel\u00a0: rappelez Chris Customer au sujet de Current account avant le "
                              "2026-11-23 09:00 UTC")
    assert await _notifications(database, admin, "retention.escalated") == []
    frozen_clock.advance(hours=4)
    await drain(database)
    escalated = await case_of(database, found.review_id)
    assert escalated.escalated_at == frozen_clock.now() and escalated.overdue(frozen_clock.now())
    [told] = await _notifications(database, admin, "retention.escalated")
    assert told.url == f"/retention/cases/{found.id}" and told.title.startswith("Overdue retention case")
    # The same events again, as a retry would deliver them: nothing new.
    async with database.sessionmaker() as s:
        events.publish(s, "retention.case_reminder", case_id=found.id)
        events.publish(s, "retention.case_due", case_id=found.id)
        await s.commit()
    await drain(database)
    assert len(await _notifications(database, agent, "retention.reminder")) == 1
    assert len(await _notifications(database, admin, "retention.escalated")) == 1
    assert await _actions(database, found.id) == ["opened", "assigned", "reminded", "escalated"]


async def test_escalations_go_to_the_configured_leads(database: Database, frozen_clock, monkeypatch, product,
                                                      customer, agent, admin) -> None:
    lead = await create_member(database, "lead@example.com", "Lea Lead", AGENT)
    monkeypatch.setattr(get_settings(), "retention_lead_emails", " Lead@Example.com , nobody@example.com")
    await write(database, customer, product.id)
    frozen_clock.advance(hours=24)
    await drain(database)
    assert len(await _notifications(database, lead, "retention.escalated")) == 1
    assert await _notifications(database, admin, "retention.escalated") == []


async def test_a_contacted_customer_needs_no_reminder(database: Database, frozen_clock, product, customer,
                                                      agent, admin) -> None:
    found = await case_of(database, await write(database, customer, product.id))
    frozen_clock.advance(hours=3)
    await _do(database, service.log_attempt, agent, found.id, PHONE_NO_ANSWER)
    frozen_clock.advance(hours=30)
    await drain(database)
    after = await case_of(database, found.review_id)
    assert (after.reminded_at, after.escalated_at) == (None, None) and not after.overdue(frozen_clock.now())
    assert await _notifications(database, agent, "retention.reminder") == []


# --- working a case ---------------------------------------------------------------------------------

async def test_working_a_case_from_first_attempt_to_closing(database: Database, frozen_clock, product, customer,
                                                            agent, other_agent, root_cause) -> None:
    opened_at = frozen_clock.now()
    found = await case_of(database, await write(database, customer, product.id))
    with pytest.raises(Conflict, match="Ruben Agent is working on this case"):
        await _do(database, service.log_attempt, other_agent, found.id, PHONE_NO_ANSWER)
    frozen_clock.advance(hours=1)
    await _do(database, service.log_attempt, agent, found.id, PHONE_NO_ANSWER)
    frozen_clock.advance(hours=2)
    await _do(database, service.log_attempt, agent, found.id, PHONE_REACHED)
    worked = await case_of(database, found.review_id)
    assert worked.first_contact_at == opened_at + timedelta(hours=1)

    with pytest.raises(Invalid, match="Choose the outcome") as no_outcome:
        await _do(database, service.close, agent, found.id, CloseIn(version=worked.version))
    assert (no_outcome.value.status, no_outcome.value.field) == (422, "outcome")
    with pytest.raises(Invalid, match="root cause") as no_cause:
        await _do(database, service.close, agent, found.id, CloseIn(version=worked.version, outcome="retained"))
    assert no_cause.value.field == "root_cause_id"
    closed = await _do(database, service.close, agent, found.id, CloseIn(
        version=worked.version, outcome=Outcome.RETAINED, root_cause_id=root_cause.id, note="Fee refunded"))
    assert (closed.status, closed.outcome, closed.closed_by_id) == (CaseStatus.CLOSED, Outcome.RETAINED, agent.id)
    with pytest.raises(Conflict, match="closed"):
        await _do(database, service.close, agent, found.id, CloseIn(version=closed.version, outcome="churned",
                                                                    root_cause_id=root_cause.id))
    await _do(database, service.add_note, other_agent, found.id, "Customer wrote to thank us")

    async with database.sessionmaker() as s:
        detail = await service.case_detail(s, found.id)
    assert [a.result for a, _agent in detail.attempts] == [ContactResult.NO_ANSWER, ContactResult.REACHED]
    assert [e.action for e, _actor in detail.history] == ["opened", "assigned", "attempt", "attempt", "closed",
                                                          "note"]
    assert detail.root_cause.name == "Fees and pricing" and detail.closed_by.id == agent.id
    assert detail.review.title == "Hidden fees everywhere" and detail.customer.id == customer.id


async def test_staying_or_leaving_is_known_only_from_a_contact(database: Database, pool, product, customer,
                                                               agent, root_cause) -> None:
    found = await case_of(database, await write(database, customer, product.id))
    with pytest.raises(Invalid, match="Log your contact"):
        await _do(database, service.close, agent, found.id, CloseIn(version=found.version, outcome="churned",
                                                                    root_cause_id=root_cause.id))
    async with database.sessionmaker() as s:
        await service.save_root_cause(s, RootCauseIn(name="Fees and pricing", active=False), root_cause.id)
        await s.commit()
    with pytest.raises(Invalid, match="one of the root causes"):
        await _do(database, service.close, agent, found.id, CloseIn(version=found.version, outcome="unreachable",
                                                                    root_cause_id=root_cause.id))
    # Unreachable needs neither; an unassigned case goes to whoever closes it.
    closed = await _do(database, service.close, agent, found.id, CloseIn(version=found.version,
                                                                         outcome="unreachable"))
    assert closed.assignee_id == agent.id and closed.root_cause_id is None


async def test_the_case_shows_the_customers_other_reviews_and_cases(database: Database, product, other_product,
                                                                    customer, agent) -> None:
    first = await write(database, customer, product.id, rating=1)
    second = await write(database, customer, other_product.id, rating=2, title="The app crashes")
    async with database.sessionmaker() as s:
        detail = await service.case_detail(s, (await case_of(database, first)).id)
    assert [r.id for r in detail.other_reviews] == [second]
    assert [o.case.review_id for o in detail.other_cases] == [second]
    assert detail.other_cases[0].review.title == "The app crashes"


async def test_root_causes_are_unique_by_name(database: Database, root_cause) -> None:
    async with database.sessionmaker() as s:
        with pytest.raises(Conflict, match="Another root cause"):
            await service.save_root_cause(s, RootCauseIn(name="Fees  and pricing"))
        renamed = await service.save_root_cause(s, RootCauseIn(name="Fees", position=3), root_cause.id)
        assert (renamed.name, renamed.position) == ("Fees", 3)


def test_a_new_community_starts_with_root_causes(tmp_path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/fresh.db"
    migrations.upgrade(url)

    async def names() -> list[str]:
        engine = create_engine(url)
        try:
            async with engine.connect() as conn:
                return list((await conn.execute(text("SELECT name FROM retention_root_causes ORDER BY position")))
                            .scalars())
        finally:
            await engine.dispose()

    assert asyncio.run(names()) == ["Fees and pricing", "Service quality", "App or website", "Waiting time",
                                    "Product features", "Fraud or security", "Other"]


# --- the dashboard ----------------------------------------------------------------------------------

async def _case_at(database: Database, frozen_clock, at: datetime, author_name: str, product_id: int,
                   ) -> RetentionCase:
    frozen_clock.at = at
    author = await create_member(database, f"{author_name.lower()}@example.com", author_name)
    return await case_of(database, await write(database, author, product_id))


async def _work(database: Database, frozen_clock, agent: Account, found: RetentionCase, *, contact_after: float,
                outcome: Outcome, root_cause_id: int | None) -> None:
    frozen_clock.at = found.opened_at + timedelta(hours=contact_after)
    await _do(database, service.log_attempt, agent, found.id, PHONE_REACHED)
    frozen_clock.advance(hours=1)
    await _do(database, service.close, agent, found.id, CloseIn(version=found.version + 1, outcome=outcome,
                                                                root_cause_id=root_cause_id))


async def test_dashboard_counts_times_and_rates(database: Database, frozen_clock, product, other_product, agent,
                                                root_cause) -> None:
    september, october = datetime(2026, 9, 10, 9, tzinfo=UTC), datetime(2026, 10, 5, 9, tzinfo=UTC)
    plan = [(september, "Anna", product.id, 2, Outcome.RETAINED), (september, "Bert", product.id, 6, Outcome.CHURNED),
            (october, "Cleo", other_product.id, 30, Outcome.RETAINED),
            (october, "Dirk", product.id, 1, Outcome.UNREACHABLE)]
    for at, name, product_id, hours, outcome in plan:
        found = await _case_at(database, frozen_clock, at, name, product_id)
        await _work(database, frozen_clock, agent, found, contact_after=hours, outcome=outcome,
                    root_cause_id=root_cause.id)
    await _case_at(database, frozen_clock, datetime(2026, 11, 21, 9, tzinfo=UTC), "Eva", product.id)
    await _case_at(database, frozen_clock, datetime(2026, 11, 22, 9, 30, tzinfo=UTC), "Fien", product.id)
    frozen_clock.at = datetime(2026, 11, 22, 10, tzinfo=UTC)
    async with database.sessionmaker() as s:
        board = await service.dashboard(s, await s.get(Account, agent.id))
    assert (board.open, board.overdue, board.unassigned, board.mine, board.contacted) == (2, 1, 0, 2, 4)
    assert board.median_hours_to_first_contact == 4.0 and board.contacted_in_time == 0.75
    assert board.outcomes == {Outcome.RETAINED: 2, Outcome.CHURNED: 1, Outcome.UNREACHABLE: 1,
                              Outcome.NOT_A_CUSTOMER: 0}
    assert board.retention_rate == pytest.approx(2 / 3)
    assert [(r.label, r.retained, r.churned, r.rate) for r in board.by_product] == [
        ("Current account", 1, 1, 0.5), ("Mobile app", 1, 0, 1.0)]
    assert board.since == datetime(2025, 12, 1, tzinfo=UTC) and len(board.by_month) == 12
    months = {r.key: (r.retained, r.churned) for r in board.by_month}
    assert months["2026-09"] == (1, 1) and months["2026-10"] == (1, 0) and months["2026-11"] == (0, 0)
    assert board.by_month[-1].key == "2026-11"


async def test_lists_and_the_dashboard_cost_the_same_queries_for_more_cases(database: Database, product,
                                                                            agent) -> None:
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args: object) -> None:
        statements.append(statement)

    async def queries() -> tuple[int, int, int]:
        async with database.sessionmaker() as s:
            viewer = await s.get(Account, agent.id)
            event.listen(database.engine.sync_engine, "before_cursor_execute", count)
            try:
                sizes = []
                for call in (lambda: service.list_cases(s, viewer, view="all"), lambda: service.dashboard(s, viewer),
                             lambda: service.case_detail(s, first)):
                    statements.clear()
                    await call()
                    sizes.append(len(statements))
                return tuple(sizes)  # type: ignore[return-value]
            finally:
                event.remove(database.engine.sync_engine, "before_cursor_execute", count)

    author = await create_member(database, "many@example.com", "Max Many")
    first = (await case_of(database, await write(database, author, product.id))).id
    few = await queries()
    for i in range(4):
        other = await create_member(database, f"more{i}@example.com", f"More {i}")
        await write(database, other, product.id)
    assert await queries() == few


# --- the demo -----------------------------------------------------------------------------------------

async def test_the_seeder_works_the_cases_of_the_low_reviews(database: Database, frozen_clock, product, agent,
                                                             admin, root_cause) -> None:
    for i in range(20):
        frozen_clock.at = datetime(2026, 11, 22, 9, tzinfo=UTC) - timedelta(days=150 - i * 7.5)
        author = await create_member(database, f"seeded{i}@example.com", f"Seeded {i}")
        async with database.sessionmaker() as s:
            await reviews.write_review(s, await s.get(Account, author.id), product.id, reviews_in(1 + i % 4, i))
            await s.commit()  # the outbox is not drained: the seeder opens the cases itself
    frozen_clock.at = datetime(2026, 11, 22, 9, tzinfo=UTC)
    async with database.sessionmaker() as s:
        assert await seed_retention(s, Progress(disable=True)) == 10
        await s.commit()
    async with database.sessionmaker() as s:
        cases = list(await s.scalars(select(RetentionCase).order_by(RetentionCase.opened_at)))
        assert len(cases) == 10 and all(c.opened_at < frozen_clock.now() for c in cases)
        closed = [c for c in cases if not c.is_open]
        assert len(closed) == 6 and all(c.outcome is not None for c in closed)
        assert all(c.root_cause_id for c in closed if c.outcome in (Outcome.RETAINED, Outcome.CHURNED))
        assert all(c.closed_at <= frozen_clock.now() for c in closed)
        still_open = [c for c in cases if c.is_open]
        assert any(c.overdue(frozen_clock.now()) and c.escalated_at for c in still_open)
        assert any(c.first_contact_at for c in still_open) and any(c.assignee_id is None for c in still_open)
        assert await s.scalar(select(func.count()).select_from(ContactAttempt)) >= 6
        second = await s.scalar(select(Account).where(Account.email == "retention2@demo.hearth.test"))
        assert {c.assignee_id for c in closed} == {agent.id, second.id}
    # Its outbox events, delivered late, change nothing; and seeding again does nothing.
    await drain(database)
    assert await _count(database, RetentionCase) == 10
    async with database.sessionmaker() as s:
        assert await seed_retention(s, Progress(disable=True)) == 0


def reviews_in(rating: int, i: int) -> ReviewIn:
    return ReviewIn(rating=rating, title=f"{rating} stars, honestly",
                    body=f"Customer number {i}: the fees went up again without notice.")
