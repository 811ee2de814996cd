"""Review pages: the catalogue, a product with its reviews, writing a review, helpful votes,
brand responses, and the catalogue's administration."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from markupsafe import escape
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import RedirectResponse, Response

from hearth import i18n, versions
from hearth.accounts.models import Account
from hearth.auth import AdminAccount, CurrentAccount, CurrentMember
from hearth.db import DbSession
from hearth.errors import HearthError, Invalid
from hearth.ids import Id
from moderation import service as moderation
from reviews import service, views
from reviews.schemas import CategoryIn, DimensionIn, ProductIn, ResponseIn, ReviewIn
from web import cards, pagecache, shared
from web.forms import all_or_nothing, field_errors, number, validate
from web.rendering import is_htmx, render, render_text
from web.rendering import respond as respond_with

router = APIRouter()
_ = i18n.gettext
Text = Annotated[str, Form()]
SortChoice = Literal["helpful", "newest", "highest", "lowest"]
MAX_IMPORT_BYTES = 2_000_000


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/products")
async def catalogue(request: Request, account: CurrentAccount, db: DbSession) -> Response:
    rows = await service.list_products(db)
    prior = await service.catalogue_mean(db)
    by_category: dict[int, list] = {}
    for product, stats in rows:
        by_category.setdefault(product.category_id, []).append((product, stats, service.bayesian_average(stats, prior)))
    return render(request, "reviews/catalogue.html", {
        "categories": [c for c in await service.list_categories(db) if c.id in by_category],
        "by_category": by_category, "invitations": await service.open_invitations(db, account) if account else []})


@router.get("/products/{slug}")
async def product(slug: str, request: Request, account: CurrentAccount, db: DbSession,
                  stars: Literal["", "1", "2", "3", "4", "5"] = "", language: Literal["", "en", "nl", "fr", "de"] = "",
                  verified: Literal["", "yes"] = "", sort: SortChoice = "helpful",
                  page: int = Query(1, ge=1, le=1000)) -> Response:
    chosen = int(stars) if stars else None

    async def page_(viewer: Account | shared.Audience | None = account) -> tuple[str, service.ProductView]:
        view = await service.product_view(db, slug, viewer if isinstance(viewer, Account) else None,
                                          stars=chosen, language=language or None,
                                          verified=True if verified else None, sort=sort,
                                          offset=(page - 1) * service.PER_PAGE)
        context = {"view": view, "stars": chosen, "language": language, "verified": verified, "sort": sort,
                   "json_ld": views.json_ld(view), "may_respond": service.may_respond(viewer),
                   "pages": max(1, -(-view.total // service.PER_PAGE)), "account": viewer}
        if is_htmx(request) and request.headers.get("hx-target") == "reviews":
            return render_text(request, "reviews/product.html", context, block="reviews"), view
        return render_text(request, "reviews/product.html", context), view

    async def whole() -> Response:
        return respond_with(request, (await page_())[0])

    # Product pages are where search engines send visitors: like threads, they get the short cache.
    if account is None:
        return await pagecache.serve(request, whole)
    if is_htmx(request):
        return await whole()

    return await shared.serve(request, db, look=_LOOK, params={"slug": slug}, render=page_, own_parts=_own_parts)


_PRODUCT = ("review_products", "review_product_stats", "reviews", "review_votes", "review_responses",
            "review_ratings", "moderation_reviewables", "accounts")


async def _look(db: AsyncSession, _viewer: Account, values: tuple) -> tuple[tuple[int, ...], tuple[Any, ...]]:
    return await versions.of(db, *_PRODUCT), service.read_look(values)


_LOOK = shared.Look(_look, service.LOOK)



def _own_parts(view: service.ProductView, account: Account, state: tuple[Any, ...]) -> dict[str, str]:
    """The slots of a shared product page that differ for this member: their review's button and
    the cards they see differently (their own review, the ones they voted on)."""
    votes, mine = dict(state[0]), state[1]
    parts = {"write": str(escape(_("Edit your review")))} if mine else {}
    respond = service.may_respond(account)
    for card in view.cards:
        if card.review.author_id == account.id or card.review.id in votes:
            own = replace(card, my_vote=votes.get(card.review.id))
            parts[f"review-{card.review.id}"] = cards.review_card(own, view.product, account, respond)
    return parts


_RECOMMEND: dict[bool | None, str] = {True: "yes", False: "no"}


async def _form(request: Request, db: DbSession, member, slug: str, *, values: dict | None = None,  # noqa: ANN001
                errors: dict | None = None, message: str | None = None, status_code: int = 200) -> Response:
    found = await service.get_product(db, slug=slug)
    view = await service.product_view(db, slug, member, limit=1)
    if values is None:
        mine = view.mine
        values = {"rating": str(mine.rating), "title": mine.title, "body": mine.body,
                  "recommend": _RECOMMEND.get(mine.recommend, "")} if mine else {}
        if mine:
            values.update({f"dim_{k}": str(v) for k, v in (await service.card(db, mine.id, member)).ratings.items()})
    return render(request, "reviews/write.html", {"product": found, "mine": view.mine, "values": values,
                                                  "errors": errors or {}, "message": message},
                  status_code=status_code)


@router.get("/products/{slug}/review")
async def write_page(slug: str, request: Request, member: CurrentMember, db: DbSession) -> Response:
    return await _form(request, db, member, slug)


@router.post("/products/{slug}/review")
async def write(slug: str, request: Request, member: CurrentMember, db: DbSession) -> Response:
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    try:
        found = await service.get_product(db, slug=slug)
        # A dimension left at "—" is not rated.
        ratings = {k[4:]: number(v, "ratings") for k, v in values.items() if k.startswith("dim_") and v.strip()}
        data = validate(ReviewIn, {"rating": number(values.get("rating"), "rating"), "title": values.get("title", ""),
                                   "body": values.get("body", ""), "ratings": ratings,
                                   "recommend": {"yes": True, "no": False}.get(values.get("recommend", ""))})
        async with all_or_nothing(db):
            review = await service.write_review(db, member, found.id, data)
    except HearthError as exc:
        errors = field_errors(exc) if isinstance(exc, Invalid) else {}
        return await _form(request, db, member, slug, values=values, errors=errors, message=exc.translated(_),
                           status_code=exc.status)
    return _see_other(f"/products/{slug}?sort=newest#review-{review.id}")


async def _card_fragment(request: Request, db: DbSession, account, review_id: int) -> Response:  # noqa: ANN001
    card = await service.card(db, review_id, account)
    return render(request, "reviews/_card.html", {"card": card, "product": await service.get_product(
        db, product_id=card.review.product_id), "may_respond": service.may_respond(account)})


@router.post("/reviews/{review_id}/vote")
async def vote(review_id: Id, request: Request, member: CurrentMember, db: DbSession,
               helpful: Text = "") -> Response:
    if helpful in ("yes", "no"):
        await service.vote(db, member, review_id, helpful == "yes")
    else:
        await service.unvote(db, member, review_id)
    if is_htmx(request):
        return await _card_fragment(request, db, member, review_id)
    review = await service.get_review(db, review_id)
    found = await service.get_product(db, product_id=review.product_id)
    return _see_other(service.review_url(found, review_id))


@router.post("/reviews/{review_id}/response")
async def respond(review_id: Id, request: Request, member: CurrentMember, db: DbSession, body: Text = "") -> Response:
    await service.respond(db, member, review_id, validate(ResponseIn, {"body": body}).body)
    review = await service.get_review(db, review_id)
    return _see_other(service.review_url(await service.get_product(db, product_id=review.product_id), review_id))


@router.post("/reviews/{review_id}/withdraw")
async def withdraw(review_id: Id, member: CurrentMember, db: DbSession) -> Response:
    review = await service.delete_review(db, member, review_id)
    return _see_other(service.product_url(await service.get_product(db, product_id=review.product_id)))


@router.get("/my/reviews")
async def my_reviews(request: Request, member: CurrentMember, db: DbSession) -> Response:
    rows = await service.own_reviews(db, member)
    reasons = await moderation.reasons_for(db, service.REVIEW_KIND, [r.id for r, _p in rows if not r.public])
    return render(request, "reviews/mine.html", {"rows": rows, "reasons": reasons,
                                                 "invitations": await service.open_invitations(db, member)})


# --- administration ---------------------------------------------------------------------------

async def _admin_page(request: Request, db: DbSession, **extra: object) -> Response:
    status_code = int(extra.pop("status_code", 200))  # type: ignore[call-overload]
    return render(request, "admin/products.html", {
        "categories": await service.list_categories(db), "products": await service.list_products(
            db, include_retired=True), "errors": {}, "values": {}, **extra}, status_code=status_code)


@router.get("/admin/products")
async def admin_products(request: Request, admin: AdminAccount, db: DbSession) -> Response:
    return await _admin_page(request, db)


def _dimensions(text: str) -> list[dict[str, str]]:
    """`key: Label` per line, e.g. `fees: Fees`."""
    found = []
    for line in text.splitlines():
        key, _sep, label = line.partition(":")
        if key.strip():
            found.append({"key": key.strip().lower(), "label": label.strip() or key.strip().capitalize()})
    return found


@router.post("/admin/product-categories")
async def admin_category(request: Request, admin: AdminAccount, db: DbSession, slug: Text = "", name: Text = "",
                         dimensions: Text = "", position: Text = "0", category_id: Text = "") -> Response:
    values = {"c_slug": slug, "c_name": name, "c_dimensions": dimensions, "c_position": position}
    try:
        data = validate(CategoryIn, {"slug": slug, "name": name, "position": number(position, "position") or 0,
                                     "dimensions": [DimensionIn.model_validate(d) for d in _dimensions(dimensions)]})
        async with all_or_nothing(db):
            await service.save_category(db, data, number(category_id))
    except (HearthError, ValueError) as exc:
        message = exc.translated(_) if isinstance(exc, HearthError) else _("Dimensions are lines of key: Label, "
                                                                           "with keys in lowercase letters")
        errors = {f"c_{k}": v for k, v in field_errors(exc).items()} if isinstance(exc, Invalid) else {}
        return await _admin_page(request, db, values=values, errors=errors, message=message,
                                 status_code=getattr(exc, "status", 422))
    return _see_other("/admin/products")


@router.post("/admin/products")
async def admin_product(request: Request, admin: AdminAccount, db: DbSession, slug: Text = "", name: Text = "",
                        category_id: Text = "", description: Text = "", retired: Text = "",
                        product_id: Text = "") -> Response:
    values = {"slug": slug, "name": name, "category_id": category_id, "description": description}
    try:
        data = validate(ProductIn, {"slug": slug, "name": name, "category_id": number(category_id, "category_id"),
                                    "description": description, "retired": retired == "on"})
        async with all_or_nothing(db):
            await service.save_product(db, data, number(product_id))
    except HearthError as exc:
        return await _admin_page(request, db, values=values, message=exc.translated(_), status_code=exc.status,
                                 errors=field_errors(exc) if isinstance(exc, Invalid) else {})
    return _see_other("/admin/products")


@router.post("/admin/products/customers")
async def admin_import(request: Request, admin: AdminAccount, db: DbSession,
                       file: Annotated[UploadFile | None, File()] = None, csv_text: Text = "") -> Response:
    text = csv_text
    if file is not None and file.filename:
        raw = await file.read(MAX_IMPORT_BYTES + 1)
        if len(raw) > MAX_IMPORT_BYTES:
            return await _admin_page(request, db, message=_("The file is larger than 2 MB"), status_code=413)
        text = raw.decode("utf-8-sig", errors="replace")
    linked, already, errors = await service.import_customers(db, text)
    return await _admin_page(request, db, imported={"linked": linked, "already": already, "errors": errors})
