"""Reactions to events, run by the outbox worker: cases open from the reviews' events, and the
reminder and deadline the case scheduled for itself. Each is idempotent: a case is unique per
review, and a reminder or escalation happens once."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from hearth import events
from hearth.events import Event
from retention import service


def _review(event: Event) -> dict[str, int]:
    payload = event.payload
    return {"review_id": int(payload["review_id"]), "product_id": int(payload["product_id"]),
            "author_id": int(payload["author_id"]), "rating": int(payload["rating"])}


@events.on("review.published")
async def open_for_low_rating(session: AsyncSession, event: Event) -> None:
    await service.review_published(session, **_review(event))


@events.on("review.updated")
async def follow_the_rating(session: AsyncSession, event: Event) -> None:
    await service.review_updated(session, **_review(event))


@events.on("review.removed")
async def note_the_removal(session: AsyncSession, event: Event) -> None:
    await service.review_removed(session, int(event.payload["review_id"]))


@events.on("retention.case_reminder", budget=60)
async def remind_the_agent(session: AsyncSession, event: Event) -> None:
    await service.remind(session, int(event.payload["case_id"]))


@events.on("retention.case_due", budget=60)
async def escalate_when_overdue(session: AsyncSession, event: Event) -> None:
    await service.escalate(session, int(event.payload["case_id"]))
