"""Product reviews: the catalogue, reviews with their history and votes, brand responses,
verified customers, review invitations, and per-product aggregates.

Aggregates (ProductStats) are recomputed from the reviews in the same
transaction as every change, with the product's stats row locked, so the averages always
match the reviews, also under concurrent writes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Enum, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hearth.accounts.models import Account
from hearth.db import Base
from moderation.models import ContentState

_STATE = Enum(ContentState, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class ProductCategory(Base):
    """A kind of product (accounts, cards, mobile plans…) and the extra things its reviews rate."""

    __tablename__ = "review_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    # Secondary rating dimensions, e.g. [{"key": "fees", "label": "Fees"}]; keys never change once used.
    dimensions: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]


class Product(Base):
    __tablename__ = "review_products"
    __table_args__ = (Index("ix_review_products_category_id", "category_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    category_id: Mapped[int] = mapped_column(ForeignKey("review_categories.id"))
    description: Mapped[str] = mapped_column(Text, default="")
    # A retired product keeps its reviews on show but takes no new ones.
    retired: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]

    category: Mapped[ProductCategory] = relationship(lazy="raise")


class Review(Base):
    __tablename__ = "reviews"
    # One review per member per product: a later one replaces it (the old text goes to history).
    __table_args__ = (
        UniqueConstraint("product_id", "author_id"),
        Index("ix_reviews_product_newest", "product_id", "state", "created_at", "id"),
        Index("ix_reviews_product_helpful", "product_id", "state", "helpful_score", "id"),
        Index("ix_reviews_product_rating", "product_id", "state", "rating", "id"),
        Index("ix_reviews_author_id", "author_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("review_products.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    rating: Mapped[int]
    title: Mapped[str] = mapped_column(String(150))
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    recommend: Mapped[bool | None]
    language: Mapped[str | None] = mapped_column(String(8))
    state: Mapped[ContentState] = mapped_column(_STATE, default=ContentState.PUBLISHED)
    # Badges, fixed when the review is written: what was true then stays the disclosure.
    verified: Mapped[bool] = mapped_column(default=False)
    staff: Mapped[bool] = mapped_column(default=False)
    incentivized: Mapped[bool] = mapped_column(default=False)
    helpful_count: Mapped[int] = mapped_column(default=0)
    unhelpful_count: Mapped[int] = mapped_column(default=0)
    # Wilson lower bound of the helpful share, kept with the counts so "most helpful" is an index scan.
    helpful_score: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    author: Mapped[Account] = relationship(lazy="raise")
    product: Mapped[Product] = relationship(lazy="raise")

    @property
    def public(self) -> bool:
        return self.state == ContentState.PUBLISHED


class ReviewRating(Base):
    """A review's rating on one secondary dimension (fees, app, service…)."""

    __tablename__ = "review_ratings"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(40), primary_key=True)
    rating: Mapped[int]


class ReviewRevision(Base):
    """What a review said before its author replaced it."""

    __tablename__ = "review_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int]
    title: Mapped[str] = mapped_column(String(150))
    body: Mapped[str] = mapped_column(Text)
    ratings: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    recommend: Mapped[bool | None]
    created_at: Mapped[datetime]  # when that version was written
    replaced_at: Mapped[datetime]


class ReviewVote(Base):
    __tablename__ = "review_votes"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    voter_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True,
                                          index=True)
    helpful: Mapped[bool]
    created_at: Mapped[datetime]


class BrandResponse(Base):
    """The brand's public answer to a review; one per review, editable."""

    __tablename__ = "review_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), unique=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class VerifiedCustomer(Base):
    """A member known to hold a product: from an admin's import or the brand's sign-in claim."""

    __tablename__ = "review_verified_customers"

    product_id: Mapped[int] = mapped_column(ForeignKey("review_products.id", ondelete="CASCADE"), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True,
                                            index=True)
    source: Mapped[str] = mapped_column(String(20))  # "import" or "oidc"
    created_at: Mapped[datetime]


class Invitation(Base):
    """An invitation to review a product, with the reward offered (which the review then discloses)."""

    __tablename__ = "review_invitations"
    __table_args__ = (UniqueConstraint("product_id", "account_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("review_products.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    reward: Mapped[str | None] = mapped_column(String(200))
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class ProductStats(Base):
    """A product's published reviews summed up; recomputed with every change to them."""

    __tablename__ = "review_product_stats"

    product_id: Mapped[int] = mapped_column(ForeignKey("review_products.id", ondelete="CASCADE"), primary_key=True)
    review_count: Mapped[int] = mapped_column(default=0)
    rating_sum: Mapped[int] = mapped_column(default=0)
    # Reviews with 1, 2, 3, 4 and 5 stars.
    distribution: Mapped[list[int]] = mapped_column(JSON, default=lambda: [0, 0, 0, 0, 0])
    recommend_yes: Mapped[int] = mapped_column(default=0)
    recommend_no: Mapped[int] = mapped_column(default=0)
    # Per secondary dimension: {"fees": [sum, count]}.
    dimensions: Mapped[dict[str, list[int]]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime]

    @property
    def average(self) -> float | None:
        return self.rating_sum / self.review_count if self.review_count else None
