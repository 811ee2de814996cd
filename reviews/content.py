"""Reviews as moderation sees them: registered as the content kind "review"."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hearth.accounts.models import Account
from moderation import kinds
from moderation.kinds import ContentView
from moderation.models import ContentState
from reviews import service
from reviews.models import Product, Review

# Shown on moderation pages (English msgids, translated there).
LABELS = {"kind": "Product review"}


class ProductReviews:
    name = service.REVIEW_KIND
    label = LABELS["kind"]

    async def views(self, session: AsyncSession, ids: list[int]) -> dict[int, ContentView]:
        if not ids:
            return {}
        rows = (await session.execute(select(Review, Product).join(Product, Product.id == Review.product_id)
                                      .where(Review.id.in_(ids)))).all()
        return {review.id: ContentView(
            kind=self.name, id=review.id, author_id=review.author_id, title=review.title, body=review.body,
            body_html=review.body_html, url=service.review_url(product, review.id), state=review.state,
            created_at=review.created_at, language=review.language, context=product.name,
            context_excerpt="★" * review.rating + "☆" * (5 - review.rating),
        ) for review, product in rows}

    async def set_state(self, session: AsyncSession, content_id: int, state: ContentState) -> None:
        await service.set_review_state(session, content_id, state)

    async def replace_text(self, session: AsyncSession, content_id: int, text: str, editor: Account) -> None:
        await service.replace_review_text(session, editor, content_id, text)


kinds.register(ProductReviews())
