from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hearth.ids import Id
from hearth.paging import Page
from hearth.untrusted import CleanLine

SLUG = r"^[a-z0-9][a-z0-9-]{1,79}$"
Sort = Literal["helpful", "newest", "highest", "lowest"]


def _clean(value: str) -> str:
    return value.replace("\r\n", "\n").strip()


class DimensionIn(BaseModel):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]{1,39}$")
    label: CleanLine = Field(min_length=2, max_length=40)


class CategoryIn(BaseModel):
    slug: str = Field(pattern=SLUG)
    name: CleanLine = Field(min_length=2, max_length=80)
    dimensions: list[DimensionIn] = Field(default_factory=list, max_length=6)
    position: int = Field(default=0, ge=0, le=10_000)

    @field_validator("dimensions")
    @classmethod
    def _unique(cls, values: list[DimensionIn]) -> list[DimensionIn]:
        keys = [d.key for d in values]
        if len(keys) != len(set(keys)):
            raise ValueError("Each dimension needs its own key")
        return values


class ProductIn(BaseModel):
    slug: str = Field(pattern=SLUG)
    name: CleanLine = Field(min_length=2, max_length=120)
    category_id: Id
    description: str = Field(default="", max_length=5_000)
    retired: bool = False


class ReviewIn(BaseModel):
    rating: int = Field(ge=1, le=5, description="Stars, 1 to 5")
    title: CleanLine = Field(min_length=3, max_length=150)
    body: str = Field(min_length=10, max_length=10_000)
    ratings: dict[str, int] = Field(default_factory=dict, description="Secondary ratings by dimension key, 1 to 5")
    recommend: bool | None = None
    language: Literal["en", "nl", "fr", "de"] | None = None

    _body = field_validator("body")(lambda value: _clean(value))

    @field_validator("ratings")
    @classmethod
    def _ratings(cls, values: dict[str, int]) -> dict[str, int]:
        for key, stars in values.items():
            if not re.fullmatch(r"[a-z][a-z0-9_]{1,39}", key) or not 1 <= stars <= 5:
                raise ValueError("Secondary ratings are 1 to 5 stars on the product's dimensions")
        return values


class VoteIn(BaseModel):
    helpful: bool


class ResponseIn(BaseModel):
    body: str = Field(min_length=2, max_length=5_000)

    _body = field_validator("body")(lambda value: _clean(value))


class InvitationIn(BaseModel):
    emails: list[str] = Field(min_length=1, max_length=500)
    reward: str | None = Field(default=None, max_length=200)


class DimensionOut(BaseModel):
    key: str
    label: str


class CategoryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    slug: str
    name: str
    dimensions: list[DimensionOut]
    position: int


class StatsOut(BaseModel):
    review_count: int
    average: float | None
    bayesian_average: float | None
    distribution: list[int] = Field(description="Reviews with 1, 2, 3, 4 and 5 stars")
    recommend_share: float | None
    dimensions: dict[str, float]


class ProductOut(BaseModel):
    id: int
    slug: str
    name: str
    category: CategoryOut
    description: str
    retired: bool
    url: str
    stats: StatsOut


class PersonOut(BaseModel):
    id: int
    handle: str
    display_name: str


class ResponseOut(BaseModel):
    body: str
    body_html: str
    author: PersonOut
    created_at: datetime
    updated_at: datetime


class ReviewOut(BaseModel):
    id: int
    product_id: int
    author: PersonOut
    rating: int
    title: str
    body: str
    body_html: str
    ratings: dict[str, int]
    recommend: bool | None
    language: str | None
    state: str
    verified: bool
    staff: bool
    incentivized: bool
    helpful_count: int
    unhelpful_count: int
    created_at: datetime
    updated_at: datetime
    response: ResponseOut | None
    my_vote: bool | None = None
    moderation: list[str] = []


class ReviewPage(Page[ReviewOut]):
    total: int


class ProductPage(BaseModel):
    product: ProductOut
    reviews: ReviewPage


class RevisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    rating: int
    title: str
    body: str
    ratings: dict[str, int]
    recommend: bool | None
    created_at: datetime
    replaced_at: datetime


class ImportResult(BaseModel):
    linked: int
    already: int
    errors: list[str]
