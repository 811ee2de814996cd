"""Service results as API schemas, and the product page's schema.org JSON-LD."""

from __future__ import annotations

import json
from typing import Any

from hearth import paging
from hearth.accounts.models import Account
from hearth.settings import get_settings
from moderation import screening
from reviews.models import Product, ProductStats
from reviews.schemas import (
    CategoryOut,
    DimensionOut,
    PersonOut,
    ProductOut,
    ResponseOut,
    ReviewOut,
    ReviewPage,
    StatsOut,
)
from reviews.service import ProductView, ReviewCard, bayesian_average, product_url


def person(account: Account) -> PersonOut:
    return PersonOut(id=account.id, handle=account.handle, display_name=account.display_name)


def stats(product_stats: ProductStats, prior: float | None) -> StatsOut:
    answered = product_stats.recommend_yes + product_stats.recommend_no
    return StatsOut(
        review_count=product_stats.review_count, average=product_stats.average,
        bayesian_average=bayesian_average(product_stats, prior), distribution=product_stats.distribution,
        recommend_share=product_stats.recommend_yes / answered if answered else None,
        dimensions={key: total / count for key, (total, count) in product_stats.dimensions.items() if count})


def product(p: Product, product_stats: ProductStats, prior: float | None) -> ProductOut:
    category = p.category
    return ProductOut(
        id=p.id, slug=p.slug, name=p.name, description=p.description, retired=p.retired, url=product_url(p),
        category=CategoryOut(id=category.id, slug=category.slug, name=category.name, position=category.position,
                             dimensions=[DimensionOut(**d) for d in category.dimensions]),
        stats=stats(product_stats, prior))


def review(card: ReviewCard) -> ReviewOut:
    r = card.review
    response = None
    if card.response is not None and card.responder is not None:
        response = ResponseOut(body=card.response.body, body_html=card.response.body_html,
                               author=person(card.responder), created_at=card.response.created_at,
                               updated_at=card.response.updated_at)
    return ReviewOut(
        id=r.id, product_id=r.product_id, author=person(card.author), rating=r.rating, title=r.title, body=r.body,
        body_html=r.body_html, ratings=card.ratings, recommend=r.recommend, language=r.language, state=str(r.state),
        verified=r.verified, staff=r.staff, incentivized=r.incentivized, helpful_count=r.helpful_count,
        unhelpful_count=r.unhelpful_count, created_at=r.created_at, updated_at=r.updated_at, response=response,
        my_vote=card.my_vote, moderation=[screening.author_message(c) for c in card.moderation])


def reviews_page(view: ProductView) -> ReviewPage:
    return ReviewPage(items=[review(c) for c in view.cards], total=view.total,
                      next=paging.next_offset(view.offset, view.limit, view.total))


def json_ld(view: ProductView) -> str:
    """schema.org Product with AggregateRating and the reviews on this page, as Google's
    review-snippet rules want them: a named item, a numeric ratingValue with its scale, a
    person as author, and only reviews written by customers (the brand's own are left out)."""
    base = get_settings().base_url.rstrip("/")
    p = view.product
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Product", "name": p.name,
                            "url": base + product_url(p), "category": p.category.name}
    if p.description:
        data["description"] = p.description[:500]
    if view.stats.review_count:
        data["aggregateRating"] = {"@type": "AggregateRating", "ratingValue": round(view.stats.average or 0, 2),
                                   "bestRating": 5, "worstRating": 1, "ratingCount": view.stats.review_count,
                                   "reviewCount": view.stats.review_count}
    customer_reviews = [c for c in view.cards if not c.review.staff]
    if customer_reviews:
        data["review"] = [{
            "@type": "Review", "name": c.review.title, "reviewBody": c.review.body[:5000],
            "datePublished": c.review.created_at.date().isoformat(),
            "author": {"@type": "Person", "name": c.author.display_name},
            "reviewRating": {"@type": "Rating", "ratingValue": c.review.rating, "bestRating": 5, "worstRating": 1},
        } for c in customer_reviews]
    # Escape "<" so a review's text can never close the script element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
