"""Service results as API schemas (the pages render the dataclasses directly)."""

from __future__ import annotations

from hearth import clock
from hearth.accounts.models import Account
from retention.schemas import (
    AttemptOut,
    CaseDetailOut,
    CaseOut,
    CustomerOut,
    DashboardOut,
    EntryOut,
    PersonOut,
    RateOut,
    ReviewFactsOut,
    RootCauseOut,
)
from retention.service import CaseDetail, CaseRow, Dashboard, Rate
from reviews.service import ReviewFacts


def person(account: Account | None) -> PersonOut | None:
    if account is None:
        return None
    return PersonOut(id=account.id, handle=account.handle, display_name=account.display_name)


def customer(account: Account | None) -> CustomerOut | None:
    if account is None:
        return None
    return CustomerOut(id=account.id, handle=account.handle, display_name=account.display_name, email=account.email,
                       language=account.language)


def review(facts: ReviewFacts | None) -> ReviewFactsOut | None:
    if facts is None:
        return None
    return ReviewFactsOut(id=facts.id, product_id=facts.product_id, product_name=facts.product_name,
                          rating=facts.rating, title=facts.title, body=facts.body, state=str(facts.state),
                          url=facts.url, created_at=facts.created_at, updated_at=facts.updated_at)


def case(row: CaseRow) -> CaseOut:
    c = row.case
    return CaseOut(
        id=c.id, review_id=c.review_id, product_id=c.product_id, status=c.status, rating_before=c.rating_before,
        rating_after=c.rating_after, version=c.version, customer=person(row.customer), assignee=person(row.assignee),
        review=review(row.review), opened_at=c.opened_at, due_at=c.due_at, overdue=c.overdue(clock.now()),
        first_contact_at=c.first_contact_at, reminded_at=c.reminded_at, escalated_at=c.escalated_at,
        review_removed_at=c.review_removed_at, outcome=c.outcome,
        root_cause=RootCauseOut.model_validate(row.root_cause) if row.root_cause else None, closed_at=c.closed_at)


def detail(d: CaseDetail) -> CaseDetailOut:
    return CaseDetailOut(
        **{**case(d).model_dump(), "customer": customer(d.customer)},
        closed_by=person(d.closed_by), closing_note=d.case.closing_note,
        attempts=[AttemptOut(id=a.id, channel=a.channel, result=a.result, note=a.note, agent=person(agent),
                             created_at=a.created_at) for a, agent in d.attempts],
        history=[EntryOut(id=e.id, action=e.action, actor=person(actor), note=e.note, details=e.details,
                          created_at=e.created_at) for e, actor in d.history],
        other_reviews=[r for r in (review(f) for f in d.other_reviews) if r is not None],
        other_cases=[case(row) for row in d.other_cases])


def rate(r: Rate) -> RateOut:
    return RateOut(key=r.key, label=r.label, retained=r.retained, churned=r.churned, rate=r.rate)


def dashboard(d: Dashboard) -> DashboardOut:
    return DashboardOut(
        since=d.since, open=d.open, overdue=d.overdue, unassigned=d.unassigned, mine=d.mine, contacted=d.contacted,
        median_hours_to_first_contact=d.median_hours_to_first_contact, contacted_in_time=d.contacted_in_time,
        outcomes={str(o): n for o, n in d.outcomes.items()}, retention_rate=d.retention_rate,
        by_product=[rate(r) for r in d.by_product], by_month=[rate(r) for r in d.by_month])
