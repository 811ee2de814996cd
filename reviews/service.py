"""The only code that writes the reviews' tables. Services flush; the request commits.

Events (ids and facts, never objects), for retention, care, search and notifications:
- review.published {review_id, product_id, author_id, rating, low_dimensions}: a review became
  public (written, or approved by a moderator); `low_dimensions` are the secondary dimensions it
  rated 1 or 2, as [{"key", "label"}] (the idea exchange counts them as themes);
- review.updated {review_id, product_id, author_id, rating, rating_before}: its author replaced it;
- review.removed {review_id, product_id, author_id}: it left public view (refused, hidden, deleted);
- review.responded {review_id, response_id}: the brand answered it in public.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Integer, String, UnaryExpression, and_, bindparam, cast, delete, func, select, update
from sqlalchemy import true as literal_true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from hearth import clock, events, markdown, saving
from hearth.accounts import service as accounts
from hearth.accounts.models import Account, Role
from hearth.db import rowcount
from hearth.errors import Conflict, Forbidden, Invalid, NotFound
from hearth.settings import get_settings
from moderation import service as moderation
from moderation.models import ContentState
from moderation.trust import is_staff
from reviews.models import (
    BrandResponse,
    Invitation,
    Product,
    ProductCategory,
    ProductStats,
    Review,
    ReviewRating,
    ReviewRevision,
    ReviewVote,
    VerifiedCustomer,
)
from reviews.schemas import CategoryIn, ProductIn, ReviewIn, Sort

REVIEW_KIND = "review"  # the kind moderation knows reviews by
PER_PAGE = 10
# Who answers reviews in the brand's name.
RESPONDERS = (Role.CARE_AGENT, Role.RETENTION_AGENT, Role.PRODUCT_MANAGER)
LOW_DIMENSION_RATING = 2  # a secondary rating this low names what the review complains about


def product_url(product: Product) -> str:
    return f"/products/{product.slug}"


def review_url(product: Product, review_id: int) -> str:
    return f"{product_url(product)}#review-{review_id}"


# --- catalogue -------------------------------------------------------------------------------

async def list_categories(session: AsyncSession) -> list[ProductCategory]:
    return list(await session.scalars(select(ProductCategory).order_by(ProductCategory.position,
                                                                       ProductCategory.name)))


async def get_category(session: AsyncSession, category_id: int) -> ProductCategory:
    category = await session.get(ProductCategory, category_id)
    if category is None:
        raise NotFound("No such product category")
    return category


async def save_category(session: AsyncSession, data: CategoryIn, category_id: int | None = None) -> ProductCategory:
    category = ProductCategory(created_at=clock.now()) if category_id is None else await get_category(
        session, category_id)
    used = await _used_dimensions(session, category.id) if category_id is not None else set()
    if removed := used - {d.key for d in data.dimensions}:
        raise Conflict("Reviews already rate %(keys)s; keep those dimensions (you may rename them)",
                       field="dimensions", keys=", ".join(sorted(removed)))
    if not await saving.add_unique(session, category, slug=data.slug, name=data.name, position=data.position,
                                   dimensions=[d.model_dump() for d in data.dimensions]):
        raise Conflict("Another category already uses this address", field="slug")
    return category


async def _used_dimensions(session: AsyncSession, category_id: int) -> set[str]:
    return set(await session.scalars(
        select(ReviewRating.dimension).distinct().join(Review, Review.id == ReviewRating.review_id)
        .join(Product, Product.id == Review.product_id).where(Product.category_id == category_id)))


async def list_products(session: AsyncSession, *, include_retired: bool = False) -> list[tuple[Product, ProductStats]]:
    query = (select(Product, ProductStats, ProductCategory).join(ProductStats, ProductStats.product_id == Product.id)
             .join(ProductCategory, ProductCategory.id == Product.category_id)
             .order_by(ProductCategory.position, Product.name))
    if not include_retired:
        query = query.where(Product.retired.is_(False))
    rows = (await session.execute(query)).all()
    for product, _stats, category in rows:
        set_committed_value(product, "category", category)
    return [(p, s) for p, s, _c in rows]


async def get_product(session: AsyncSession, *, slug: str | None = None, product_id: int | None = None) -> Product:
    condition = Product.slug == slug if slug is not None else Product.id == product_id
    row = (await session.execute(select(Product, ProductCategory).join(
        ProductCategory, ProductCategory.id == Product.category_id).where(condition))).first()
    if row is None:
        raise NotFound("No such product")
    product, category = row
    set_committed_value(product, "category", category)
    return product


async def get_stats(session: AsyncSession, product_id: int) -> ProductStats:
    stats = await session.get(ProductStats, product_id)
    if stats is None:
        raise NotFound("No such product")
    return stats


async def save_product(session: AsyncSession, data: ProductIn, product_id: int | None = None) -> Product:
    await get_category(session, data.category_id)
    product = Product(created_at=clock.now()) if product_id is None else await get_product(
        session, product_id=product_id)
    if not await saving.add_unique(session, product, **data.model_dump()):
        raise Conflict("Another product already uses this address", field="slug")
    if product_id is None:
        session.add(ProductStats(product_id=product.id, review_count=0, rating_sum=0, distribution=[0] * 5,
                                 recommend_yes=0, recommend_no=0, dimensions={}, updated_at=clock.now()))
    await session.flush()
    return await get_product(session, product_id=product.id)


# --- writing reviews -------------------------------------------------------------------------

def _check_ratings(product: Product, ratings: dict[str, int]) -> None:
    known = {d["key"] for d in product.category.dimensions}
    if unknown := set(ratings) - known:
        raise Invalid("This product is not rated on %(keys)s", field="ratings", keys=", ".join(sorted(unknown)))


async def write_review(session: AsyncSession, author: Account, product_id: int, data: ReviewIn) -> Review:
    """Write a member's review of a product, or replace their earlier one (kept as history)."""
    product = await get_product(session, product_id=product_id)
    if product.retired:
        raise Conflict("This product is no longer offered; it takes no new reviews")
    _check_ratings(product, data.ratings)
    screened = await moderation.screen(session, author, REVIEW_KIND, data.body, title=data.title)
    await _lock_stats(session, product.id)
    existing = await session.scalar(select(Review).where(Review.product_id == product.id,
                                                         Review.author_id == author.id))
    now = clock.now()
    was_public, rating_before = (existing.public, existing.rating) if existing else (False, None)
    if existing is not None:
        await _keep_revision(session, existing, now)
    review = existing or Review(product_id=product.id, author_id=author.id, created_at=now, helpful_count=0,
                                unhelpful_count=0, helpful_score=0.0)
    review.rating, review.title, review.body = data.rating, screened.title or data.title, screened.text
    review.body_html, review.recommend = markdown.render(screened.text), data.recommend
    review.language = data.language or screened.report.language or author.language
    review.state, review.updated_at = screened.state, now
    review.verified = await _is_customer(session, product.id, author.id)
    review.staff = is_staff(author)
    review.incentivized = review.incentivized or await _use_invitation(session, product.id, author.id, now)
    if existing is None:
        session.add(review)
    await session.flush()
    await _replace_ratings(session, review.id, data.ratings)
    await moderation.record(session, screened, review.id, edit=existing is not None)
    await recompute(session, product.id)
    await _announce(session, review, was_public=was_public, rating_before=rating_before)
    return review


async def _keep_revision(session: AsyncSession, review: Review, now: datetime) -> None:
    ratings = dict((await session.execute(select(ReviewRating.dimension, ReviewRating.rating)
                                          .where(ReviewRating.review_id == review.id))).all())
    session.add(ReviewRevision(review_id=review.id, rating=review.rating, title=review.title, body=review.body,
                               ratings=ratings, recommend=review.recommend, created_at=review.updated_at,
                               replaced_at=now))


async def _replace_ratings(session: AsyncSession, review_id: int, ratings: dict[str, int]) -> None:
    await session.execute(delete(ReviewRating).where(ReviewRating.review_id == review_id))
    session.add_all(ReviewRating(review_id=review_id, dimension=k, rating=v) for k, v in ratings.items())
    await session.flush()


def _facts(review: Review) -> dict[str, Any]:
    return {"review_id": review.id, "product_id": review.product_id, "author_id": review.author_id,
            "rating": review.rating}


async def _low_dimensions(session: AsyncSession, review: Review) -> list[dict[str, str]]:
    """The secondary dimensions the review rated 1 or 2, with their labels."""
    keys = sorted(await session.scalars(select(ReviewRating.dimension).where(
        ReviewRating.review_id == review.id, ReviewRating.rating <= LOW_DIMENSION_RATING)))
    if not keys:
        return []
    dimensions = await session.scalar(select(ProductCategory.dimensions).join(
        Product, Product.category_id == ProductCategory.id).where(Product.id == review.product_id))
    labels = {d["key"]: d["label"] for d in dimensions or ()}
    return [{"key": key, "label": labels.get(key, key)} for key in keys]


async def _announce(session: AsyncSession, review: Review, *, was_public: bool, rating_before: int | None) -> None:
    if review.public and not was_public:
        events.publish(session, "review.published", **_facts(review),
                       low_dimensions=await _low_dimensions(session, review))
    elif review.public and rating_before is not None:
        events.publish(session, "review.updated", **_facts(review), rating_before=rating_before)
    elif was_public and not review.public:
        events.publish(session, "review.removed", **_facts(review))


async def _is_customer(session: AsyncSession, product_id: int, account_id: int) -> bool:
    return await session.scalar(select(VerifiedCustomer.product_id).where(
        VerifiedCustomer.product_id == product_id, VerifiedCustomer.account_id == account_id)) is not None


async def _use_invitation(session: AsyncSession, product_id: int, account_id: int, now: datetime) -> bool:
    """A review written on an invitation that offered a reward must say so (incentivized)."""
    invitation = await session.scalar(select(Invitation).where(
        Invitation.product_id == product_id, Invitation.account_id == account_id, Invitation.used_at.is_(None)))
    if invitation is None:
        return False
    invitation.used_at = now
    return bool(invitation.reward)


async def get_review(session: AsyncSession, review_id: int) -> Review:
    review = await session.get(Review, review_id)
    if review is None or review.state == ContentState.DELETED:
        raise NotFound("No such review")
    return review


async def set_review_state(session: AsyncSession, review_id: int, state: ContentState) -> Review:
    """Moderation's decision applied to a review; the product's figures follow."""
    review = await session.get(Review, review_id)
    if review is None:
        raise NotFound("No such review")
    await _lock_stats(session, review.product_id)
    was_public, review.state = review.public, state
    review.updated_at = clock.now()
    await session.flush()
    await recompute(session, review.product_id)
    await _announce(session, review, was_public=was_public, rating_before=None)
    return review


async def replace_review_text(session: AsyncSession, editor: Account, review_id: int, text: str) -> Review:
    """A moderator's edit from the review queue; the old text is kept as a revision."""
    review = await session.get(Review, review_id)
    if review is None:
        raise NotFound("No such review")
    now = clock.now()
    await _keep_revision(session, review, now)
    review.body, review.body_html, review.updated_at = text, markdown.render(text), now
    await session.flush()
    return review


async def delete_review(session: AsyncSession, actor: Account, review_id: int) -> Review:
    """Authors may withdraw their review; moderators delete through the review queue."""
    review = await get_review(session, review_id)
    if review.author_id != actor.id:
        raise Forbidden("Only the author can withdraw this review")
    return await set_review_state(session, review.id, ContentState.DELETED)


async def history(session: AsyncSession, review_id: int, viewer: Account) -> list[ReviewRevision]:
    """Earlier versions of a review: for its author and for the team."""
    review = await get_review(session, review_id)
    if review.author_id != viewer.id and not is_staff(viewer):
        raise Forbidden("Only the author and the team can read a review's history")
    return list(await session.scalars(select(ReviewRevision).where(ReviewRevision.review_id == review_id)
                                      .order_by(ReviewRevision.id.desc())))


# --- aggregates ------------------------------------------------------------------------------

async def _lock_stats(session: AsyncSession, product_id: int) -> None:
    # Writers of one product's reviews queue here (PostgreSQL row lock; SQLite has one writer),
    # so each recompute sees every review committed before it.
    await session.execute(select(ProductStats.product_id).where(ProductStats.product_id == product_id)
                          .with_for_update())


async def recompute(session: AsyncSession, product_id: int) -> ProductStats:
    """The product's figures, counted again from its published reviews."""
    public = and_(Review.product_id == product_id, Review.state == ContentState.PUBLISHED)
    by_stars = dict((await session.execute(select(Review.rating, func.count()).where(public)
                                           .group_by(Review.rating))).all())
    yes, no = (await session.execute(select(
        func.count().filter(Review.recommend.is_(True)), func.count().filter(Review.recommend.is_(False)))
        .where(public))).one()
    dimensions = {key: [int(total), int(count)] for key, total, count in (await session.execute(
        select(ReviewRating.dimension, func.sum(ReviewRating.rating), func.count())
        .join(Review, Review.id == ReviewRating.review_id).where(public).group_by(ReviewRating.dimension))).all()}
    stats = await session.get_one(ProductStats, product_id)
    distribution = [int(by_stars.get(stars, 0)) for stars in range(1, 6)]
    stats.distribution, stats.review_count = distribution, sum(distribution)
    stats.rating_sum = sum(stars * n for stars, n in zip(range(1, 6), distribution, strict=True))
    stats.recommend_yes, stats.recommend_no, stats.dimensions = int(yes), int(no), dimensions
    stats.updated_at = clock.now()
    await session.flush()
    return stats


async def recompute_all(session: AsyncSession) -> int:
    products = list(await session.scalars(select(Product.id)))
    for product_id in products:
        await _lock_stats(session, product_id)
        await recompute(session, product_id)
    return len(products)


async def catalogue_mean(session: AsyncSession) -> float | None:
    """The average rating over every published review: the prior of each product's Bayesian average."""
    count, total = (await session.execute(select(func.sum(ProductStats.review_count),
                                                 func.sum(ProductStats.rating_sum)))).one()
    return total / count if count else None


def bayesian_average(stats: ProductStats, prior: float | None) -> float | None:
    """Trustpilot's way: as if every product had a few more reviews at the catalogue's average,
    so two 5-star reviews do not outrank two hundred 4.6-star ones."""
    if prior is None:
        return None
    weight = get_settings().reviews_prior_weight
    return (weight * prior + stats.rating_sum) / (weight + stats.review_count)


def wilson_lower_bound(positive: int, total: int, z: float = 1.96) -> float:
    """The lower end of the 95% interval of the helpful share (Evan Miller's ranking)."""
    if total == 0:
        return 0.0
    share = positive / total
    centre = share + z * z / (2 * total)
    spread = z * math.sqrt((share * (1 - share) + z * z / (4 * total)) / total)
    return (centre - spread) / (1 + z * z / total)


# --- votes and responses ---------------------------------------------------------------------

async def vote(session: AsyncSession, voter: Account, review_id: int, helpful: bool) -> Review:
    review = await get_review(session, review_id)
    if not review.public:
        raise NotFound("No such review")
    if review.author_id == voter.id:
        raise Invalid("You cannot vote on your own review")
    ballot = ReviewVote(review_id=review.id, voter_id=voter.id, helpful=helpful, created_at=clock.now())
    if not await saving.add_unique(session, ballot):
        raise Conflict("You already voted on this review")
    await _recount_votes(session, review)
    return review


async def unvote(session: AsyncSession, voter: Account, review_id: int) -> Review:
    review = await get_review(session, review_id)
    result = await session.execute(delete(ReviewVote).where(ReviewVote.review_id == review.id,
                                                            ReviewVote.voter_id == voter.id))
    if rowcount(result):
        await _recount_votes(session, review)
    return review


async def _recount_votes(session: AsyncSession, review: Review) -> None:
    # Counted from the votes in one statement: concurrent votes never lose or double a count.
    helpful, total = (await session.execute(select(func.count().filter(ReviewVote.helpful.is_(True)), func.count())
                                            .where(ReviewVote.review_id == review.id))).one()
    await session.execute(update(Review).where(Review.id == review.id).values(
        helpful_count=helpful, unhelpful_count=total - helpful, helpful_score=wilson_lower_bound(helpful, total))
        .execution_options(synchronize_session=False))
    await session.refresh(review, ["helpful_count", "unhelpful_count", "helpful_score"])


class _WithRoles(Protocol):  # an Account, or the audience of a shared render (web.shared.Audience)
    def has_role(self, role: Role) -> bool: ...


def may_respond(account: _WithRoles | None) -> bool:
    return account is not None and any(account.has_role(role) for role in RESPONDERS)


async def respond(session: AsyncSession, staff: Account, review_id: int, body: str) -> BrandResponse:
    if not may_respond(staff):
        raise Forbidden("Only the brand's team can answer reviews")
    review = await get_review(session, review_id)
    if not review.public:
        raise Conflict("Only a published review can be answered in public")
    now = clock.now()
    response = await session.scalar(select(BrandResponse).where(BrandResponse.review_id == review.id))
    if response is None:
        response = BrandResponse(review_id=review.id, author_id=staff.id, created_at=now)
        session.add(response)
    response.body, response.body_html, response.author_id, response.updated_at = (
        body, markdown.render(body), staff.id, now)
    await session.flush()
    events.publish(session, "review.responded", review_id=review.id, response_id=response.id)
    return response


# --- reading ---------------------------------------------------------------------------------

@dataclass
class ReviewCard:
    review: Review
    author: Account
    ratings: dict[str, int]
    response: BrandResponse | None
    responder: Account | None
    my_vote: bool | None = None
    moderation: list[str] = field(default_factory=list)


@dataclass
class ProductView:
    product: Product
    stats: ProductStats
    prior: float | None
    cards: list[ReviewCard]
    total: int
    offset: int
    limit: int
    mine: Review | None = None

    @property
    def page(self) -> int:
        """The page number, for pages that show one (`offset` is a multiple of `limit` there)."""
        return self.offset // self.limit + 1

    @property
    def bayesian(self) -> float | None:
        return bayesian_average(self.stats, self.prior)

    @property
    def recommend_share(self) -> float | None:
        answered = self.stats.recommend_yes + self.stats.recommend_no
        return self.stats.recommend_yes / answered if answered else None

    def dimension_average(self, key: str) -> float | None:
        total, count = self.stats.dimensions.get(key, (0, 0))
        return total / count if count else None


# Each order follows an index (product, state, column, id), so a page reads only its rows;
# ties go to the newer review (a higher id).
ORDER: dict[str, tuple[UnaryExpression[Any], ...]] = {
    "helpful": (Review.helpful_score.desc(), Review.id.desc()),
    "newest": (Review.created_at.desc(), Review.id.desc()),
    "highest": (Review.rating.desc(), Review.id.desc()),
    "lowest": (Review.rating.asc(), Review.id.desc()),
}


async def product_view(session: AsyncSession, slug: str, viewer: Account | None, *, stars: int | None = None,
                       language: str | None = None, verified: bool | None = None, sort: Sort = "helpful",
                       offset: int = 0, limit: int = PER_PAGE) -> ProductView:
    # One query for the product, its category, its figures and the catalogue's mean (the prior).
    totals = select(func.sum(ProductStats.review_count), func.sum(ProductStats.rating_sum)).subquery()
    row = (await session.execute(
        select(Product, ProductCategory, ProductStats, totals.c[0], totals.c[1])
        .join(ProductCategory, ProductCategory.id == Product.category_id)
        .join(ProductStats, ProductStats.product_id == Product.id).join(totals, literal_true())
        .where(Product.slug == slug))).first()
    if row is None:
        raise NotFound("No such product")
    product, category, stats, all_count, all_sum = row
    set_committed_value(product, "category", category)
    conditions = [Review.product_id == product.id, Review.state == ContentState.PUBLISHED]
    if stars is not None:
        conditions.append(Review.rating == stars)
    if language:
        conditions.append(Review.language == language)
    if verified is not None:
        conditions.append(Review.verified.is_(verified))
    total = await session.scalar(select(func.count()).select_from(Review).where(*conditions)) or 0
    rows = (await session.execute(select(Review, Account).join(Account, Account.id == Review.author_id)
                                  .where(*conditions).order_by(*ORDER[sort])
                                  .offset(offset).limit(limit))).all()
    cards = await _cards(session, rows, viewer)
    view = ProductView(product, stats, all_sum / all_count if all_count else None, cards, total, offset, limit)
    if viewer is not None:
        view.mine = await session.scalar(select(Review).where(Review.product_id == product.id,
                                                              Review.author_id == viewer.id,
                                                              Review.state != ContentState.DELETED))
    return view


# What a kept product page reads on every request (web.shared.Look), with the viewer's session:
# the viewer's (`Account.id`) votes on its reviews, joined from their votes (a few) rather than
# `IN (the product's reviews)`, which would probe every review; and their own review of it.
_PRODUCT_ID = select(Product.id).where(Product.slug == bindparam("slug")).scalar_subquery()
LOOK = (
    select(func.aggregate_strings(
        cast(ReviewVote.review_id, String) + ":" + cast(cast(ReviewVote.helpful, Integer), String), ","))
    .join(Review, Review.id == ReviewVote.review_id)
    .where(ReviewVote.voter_id == Account.id, Review.product_id == _PRODUCT_ID).scalar_subquery(),
    select(Review.id).where(Review.product_id == _PRODUCT_ID, Review.author_id == Account.id,
                            Review.state != ContentState.DELETED).limit(1).scalar_subquery(),
)


def read_look(values: tuple[Any, ...]) -> tuple[tuple[tuple[int, bool], ...], int | None]:
    """The viewer's votes (review id, helpful) in order, and their own review's id."""
    votes, mine = values
    pairs = (vote.partition(":") for vote in votes.split(",")) if votes else ()
    return tuple(sorted((int(review_id), helpful == "1") for review_id, _, helpful in pairs)), mine


async def _cards(session: AsyncSession, rows: Sequence[Any], viewer: Account | None) -> list[ReviewCard]:
    ids = [r.id for r, _a in rows]
    if not ids:
        return []
    ratings: dict[int, dict[str, int]] = {i: {} for i in ids}
    for review_id, dimension, stars in (await session.execute(
            select(ReviewRating.review_id, ReviewRating.dimension, ReviewRating.rating)
            .where(ReviewRating.review_id.in_(ids)))).all():
        ratings[review_id][dimension] = stars
    responses = {r.review_id: (r, a) for r, a in (await session.execute(
        select(BrandResponse, Account).join(Account, Account.id == BrandResponse.author_id)
        .where(BrandResponse.review_id.in_(ids)))).all()}
    votes: dict[int, bool] = {}
    if viewer is not None:
        votes = dict((await session.execute(select(ReviewVote.review_id, ReviewVote.helpful).where(
            ReviewVote.voter_id == viewer.id, ReviewVote.review_id.in_(ids)))).all())
    cards = []
    for review, author in rows:
        set_committed_value(review, "author", author)
        response, responder = responses.get(review.id, (None, None))
        cards.append(ReviewCard(review, author, ratings[review.id], response, responder, votes.get(review.id)))
    return cards


async def card(session: AsyncSession, review_id: int, viewer: Account | None) -> ReviewCard:
    """One review as the product page shows it; a review not public only to its author and the team."""
    row = (await session.execute(select(Review, Account).join(Account, Account.id == Review.author_id)
                                 .where(Review.id == review_id, Review.state != ContentState.DELETED))).first()
    if row is None or not (row[0].public or (viewer is not None and (row[0].author_id == viewer.id
                                                                     or is_staff(viewer)))):
        raise NotFound("No such review")
    return (await _cards(session, [row], viewer))[0]


async def own_reviews(session: AsyncSession, author: Account) -> list[tuple[Review, Product]]:
    rows = await session.execute(select(Review, Product).join(Product, Product.id == Review.product_id)
                                 .where(Review.author_id == author.id, Review.state != ContentState.DELETED)
                                 .order_by(Review.updated_at.desc()))
    return [(r, p) for r, p in rows.all()]


@dataclass(frozen=True)
class ReviewFacts:
    """What other domains (retention, care) show of a review."""

    id: int
    product_id: int
    product_name: str
    product_slug: str
    author_id: int
    rating: int
    title: str
    body: str
    state: ContentState
    created_at: datetime
    updated_at: datetime
    url: str


async def published_ids(session: AsyncSession, *, max_rating: int = 5) -> list[int]:
    """Ids of published reviews of at most `max_rating` stars, oldest first."""
    return list(await session.scalars(select(Review.id).where(
        Review.rating <= max_rating, Review.state == ContentState.PUBLISHED).order_by(Review.id)))


async def facts(session: AsyncSession, review_ids: list[int]) -> dict[int, ReviewFacts]:
    if not review_ids:
        return {}
    rows = await session.execute(select(Review, Product).join(Product, Product.id == Review.product_id)
                                 .where(Review.id.in_(review_ids)))
    return {r.id: ReviewFacts(r.id, p.id, p.name, p.slug, r.author_id, r.rating, r.title, r.body, r.state,
                              r.created_at, r.updated_at, review_url(p, r.id)) for r, p in rows.all()}


# --- verified customers and invitations --------------------------------------------------------

async def link_customer(session: AsyncSession, product_id: int, account_id: int, source: str) -> bool:
    """Mark a member as holding a product; False when they already were."""
    return await saving.add_unique(session, VerifiedCustomer(product_id=product_id, account_id=account_id,
                                                             source=source, created_at=clock.now()))


async def import_customers(session: AsyncSession, text: str) -> tuple[int, int, list[str]]:
    """Link members to products from CSV lines `email,product` (a header line is allowed).
    Returns (linked, already linked, errors by line); good lines are kept when others fail."""
    products = {p.slug: p.id for p in await session.scalars(select(Product))}
    linked = already = 0
    errors: list[str] = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or (number == 1 and row[0].strip().lower() in ("email", "e-mail")):
            continue
        if len(row) < 2:
            errors.append(f"line {number}: expected e-mail,product")
            continue
        email, slug = row[0].strip(), row[1].strip().lower()
        account = await accounts.get_by_email(session, email)
        if account is None:
            errors.append(f"line {number}: no member with e-mail {email[:80]}")
        elif slug not in products:
            errors.append(f"line {number}: no product {slug[:80]}")
        elif await link_customer(session, products[slug], account.id, "import"):
            linked += 1
        else:
            already += 1
    return linked, already, errors[:200]


async def link_from_claim(session: AsyncSession, account_id: int, slugs: list[str]) -> int:
    products = list(await session.scalars(select(Product.id).where(Product.slug.in_(slugs))))
    return sum([await link_customer(session, product_id, account_id, "oidc") for product_id in products])


async def invite(session: AsyncSession, admin: Account, product_id: int, emails: list[str],
                 reward: str | None) -> tuple[int, list[str]]:
    await get_product(session, product_id=product_id)
    invited, errors = 0, []
    for email in emails:
        account = await accounts.get_by_email(session, email)
        if account is None:
            errors.append(f"no member with e-mail {email[:80]}")
            continue
        invitation = Invitation(product_id=product_id, account_id=account.id, reward=reward, invited_by_id=admin.id,
                                created_at=clock.now())
        if await saving.add_unique(session, invitation):
            invited += 1
        else:
            errors.append(f"{email[:80]} was already invited")
    await session.flush()
    return invited, errors


async def open_invitations(session: AsyncSession, account: Account) -> list[tuple[Invitation, Product]]:
    rows = await session.execute(select(Invitation, Product).join(Product, Product.id == Invitation.product_id)
                                 .where(Invitation.account_id == account.id, Invitation.used_at.is_(None),
                                        Product.retired.is_(False)))
    return [(i, p) for i, p in rows.all()]


async def brand_response(session: AsyncSession, review_id: int) -> BrandResponse | None:
    """The brand's public answer to a review, if it has one (care.sources: a review the brand
    answered needs no care item)."""
    return await session.scalar(select(BrandResponse).where(BrandResponse.review_id == review_id))
