from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, status
from pydantic import BaseModel

from hearth import paging
from hearth.auth import AdminAccount, CurrentAccount, CurrentMember
from hearth.db import DbSession
from hearth.ids import Id
from hearth.paging import Cursor, Limit
from moderation import service as moderation
from reviews import service, views
from reviews.models import Product, ProductCategory
from reviews.schemas import (
    CategoryIn,
    CategoryOut,
    ImportResult,
    InvitationIn,
    ProductIn,
    ProductOut,
    ProductPage,
    ResponseIn,
    ReviewIn,
    ReviewOut,
    RevisionOut,
    Sort,
    VoteIn,
)

router = APIRouter(tags=["reviews"])


@router.get("/products", response_model=list[ProductOut])
async def products(db: DbSession, include_retired: bool = False) -> list[ProductOut]:
    prior = await service.catalogue_mean(db)
    return [views.product(p, s, prior) for p, s in await service.list_products(db, include_retired=include_retired)]


@router.get("/products/{slug}", response_model=ProductPage)
async def product(slug: str, db: DbSession, viewer: CurrentAccount, stars: int | None = Query(None, ge=1, le=5),
                  language: Literal["en", "nl", "fr", "de"] | None = None, verified: bool | None = None,
                  sort: Sort = "helpful", cursor: Cursor = None, limit: Limit = paging.DEFAULT_LIMIT) -> ProductPage:
    """The product with a page of its reviews (`reviews`: items, total, next)."""
    view = await service.product_view(db, slug, viewer, stars=stars, language=language, verified=verified,
                                      sort=sort, offset=paging.offset(cursor), limit=limit)
    return ProductPage(product=views.product(view.product, view.stats, view.prior), reviews=views.reviews_page(view))


async def _card(db: DbSession, review_id: Id, viewer) -> ReviewOut:  # noqa: ANN001
    card = await service.card(db, review_id, viewer)
    card.moderation = (await moderation.reasons_for(db, service.REVIEW_KIND, [review_id])).get(review_id, []) \
        if not card.review.public else []
    return views.review(card)


@router.put("/products/{slug}/review", response_model=ReviewOut)
async def write_review(slug: str, data: ReviewIn, member: CurrentMember, db: DbSession) -> ReviewOut:
    """Write your review of the product, or replace the one you wrote (it is kept as history)."""
    found = await service.get_product(db, slug=slug)
    review = await service.write_review(db, member, found.id, data)
    return await _card(db, review.id, member)


@router.get("/reviews/{review_id}", response_model=ReviewOut)
async def review(review_id: Id, db: DbSession, viewer: CurrentAccount) -> ReviewOut:
    return await _card(db, review_id, viewer)


@router.delete("/reviews/{review_id}", status_code=status.HTTP_204_NO_CONTENT)
async def withdraw(review_id: Id, member: CurrentMember, db: DbSession) -> None:
    await service.delete_review(db, member, review_id)


@router.get("/reviews/{review_id}/history", response_model=list[RevisionOut])
async def history(review_id: Id, member: CurrentMember, db: DbSession) -> list:
    return await service.history(db, review_id, member)


@router.put("/reviews/{review_id}/vote", response_model=ReviewOut)
async def vote(review_id: Id, data: VoteIn, member: CurrentMember, db: DbSession) -> ReviewOut:
    await service.vote(db, member, review_id, data.helpful)
    return await _card(db, review_id, member)


@router.delete("/reviews/{review_id}/vote", response_model=ReviewOut)
async def unvote(review_id: Id, member: CurrentMember, db: DbSession) -> ReviewOut:
    await service.unvote(db, member, review_id)
    return await _card(db, review_id, member)


@router.put("/reviews/{review_id}/response", response_model=ReviewOut)
async def respond(review_id: Id, data: ResponseIn, member: CurrentMember, db: DbSession) -> ReviewOut:
    """The brand's public answer (care, retention and product staff, admins)."""
    await service.respond(db, member, review_id, data.body)
    return await _card(db, review_id, member)


# --- administration ----------------------------------------------------------------------------

@router.get("/product-categories", response_model=list[CategoryOut])
async def categories(db: DbSession) -> list:
    return await service.list_categories(db)


@router.post("/product-categories", response_model=CategoryOut, status_code=status.HTTP_201_CREATED)
async def create_category(data: CategoryIn, admin: AdminAccount, db: DbSession) -> ProductCategory:
    return await service.save_category(db, data)


@router.put("/product-categories/{category_id}", response_model=CategoryOut)
async def update_category(category_id: Id, data: CategoryIn, admin: AdminAccount,
                          db: DbSession) -> ProductCategory:
    return await service.save_category(db, data, category_id)


@router.post("/products", response_model=ProductOut, status_code=status.HTTP_201_CREATED)
async def create_product(data: ProductIn, admin: AdminAccount, db: DbSession) -> ProductOut:
    return await _product_out(db, await service.save_product(db, data))


@router.put("/products/{slug}", response_model=ProductOut)
async def update_product(slug: str, data: ProductIn, admin: AdminAccount, db: DbSession) -> ProductOut:
    found = await service.get_product(db, slug=slug)
    return await _product_out(db, await service.save_product(db, data, found.id))


async def _product_out(db: DbSession, saved: Product) -> ProductOut:
    return views.product(saved, await service.get_stats(db, saved.id), await service.catalogue_mean(db))


class CustomersIn(BaseModel):
    csv: str


@router.post("/products/customers", response_model=ImportResult)
async def import_customers(data: CustomersIn, admin: AdminAccount, db: DbSession) -> ImportResult:
    """Link members to the products they hold, from `email,product` lines: their reviews get the
    verified-customer badge. Bad lines are reported with their number; the others are kept."""
    linked, already, errors = await service.import_customers(db, data.csv)
    return ImportResult(linked=linked, already=already, errors=errors)


class InvitedOut(BaseModel):
    invited: int
    errors: list[str]


@router.post("/products/{slug}/invitations", response_model=InvitedOut, status_code=status.HTTP_201_CREATED)
async def invite(slug: str, data: InvitationIn, admin: AdminAccount, db: DbSession) -> InvitedOut:
    """Invite members to review a product; a reward offered is disclosed on their review."""
    found = await service.get_product(db, slug=slug)
    invited, errors = await service.invite(db, admin, found.id, data.emails, data.reward)
    return InvitedOut(invited=invited, errors=errors)
