"""Reactions to review events, run by the outbox worker: telling reviewers the brand answered,
and linking customers to the products the brand's sign-in says they hold."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from hearth import events
from hearth.events import Event
from hearth.notifications import service as notifications
from reviews import (
    content,  # noqa: F401 - registers reviews with moderation
    service,
)
from reviews.models import BrandResponse, Review


@events.on("review.responded", budget=10)
async def tell_the_reviewer(session: AsyncSession, event: Event) -> None:
    review = await session.get(Review, event.payload["review_id"])
    response = await session.get(BrandResponse, event.payload["response_id"])
    if review is None or response is None:
        return
    product = await service.get_product(session, product_id=review.product_id)
    await notifications.notify(session, review.author_id, kind="review.responded", title=product.name,
                               url=service.review_url(product, review.id),
                               dedupe_key=f"review.responded:{response.id}:{response.updated_at.isoformat()}",
                               actor_id=response.author_id)


@events.on("account.oidc_claims")
async def link_verified_products(session: AsyncSession, event: Event) -> None:
    slugs = [str(s) for s in event.payload.get("products") or [] if isinstance(s, str | int)][:100]
    if slugs:
        await service.link_from_claim(session, event.payload["account_id"], slugs)
