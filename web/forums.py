from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import RedirectResponse, Response

from forums import service
from forums.schemas import CategoryIn, PostEdit, PostIn, ThreadIn
from hearth import i18n, search
from hearth.accounts import service as accounts
from hearth.accounts.models import Account, Role
from hearth.auth import AdminAccount, CurrentAccount, CurrentMember, require_role
from hearth.db import DbSession
from hearth.errors import HearthError, Invalid
from hearth.ids import Id
from moderation.models import ContentState
from web import cards, pagecache, shared
from web.forms import all_or_nothing, field_errors, number, validate
from web.rendering import is_htmx, render, render_text

router = APIRouter()
_ = i18n.gettext
Text = Annotated[str, Form()]
Moderator = Annotated[Account, Depends(require_role(Role.MODERATOR))]
Show = Literal["latest", "unanswered", "solved"]


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/")
async def home(request: Request, account: CurrentAccount, db: DbSession) -> Response:
    async def page() -> Response:
        latest, _next = await service.list_threads(db, limit=10)
        unanswered, _next = await service.list_threads(db, show="unanswered", limit=5)
        return render(request, "forums/home.html", {
            "categories": await service.list_categories(db), "latest": latest, "unanswered": unanswered,
            "newest": await accounts.newest_members(db, limit=6), "member_count": await accounts.count_members(db)})

    return await shared.page(request, db, look=_HOME, render=page)


_HOME = shared.tables("forum_categories", "forum_threads", "forum_posts", "accounts")
_LISTS = shared.tables("forum_categories", "forum_threads", "forum_posts", "forum_thread_tags")
_SEARCH = shared.tables("search_documents", "forum_categories")


@router.get("/c/{slug}")
async def category(slug: str, request: Request, account: CurrentAccount, db: DbSession, show: Show = "latest",
                   cursor: str | None = Query(None, max_length=200)) -> Response:
    async def page() -> Response:
        found = await service.get_category(db, slug=slug)
        rows, next_cursor = await service.list_threads(db, category_id=found.id, show=show, cursor=cursor)
        context = {"category": found, "rows": rows, "next_cursor": next_cursor, "show": show}
        if is_htmx(request) and cursor:
            return render(request, "forums/category.html", context, block="thread_rows")
        return render(request, "forums/category.html", context)

    return await shared.page(request, db, look=_LISTS, render=page)


@router.get("/t/{thread_id}")
async def thread_short(thread_id: Id, account: CurrentAccount, db: DbSession) -> Response:
    return _see_other(service.thread_url(await service.readable_thread(db, thread_id, account)))


@router.get("/t/{thread_id}/{slug}")
async def thread(thread_id: Id, slug: str, request: Request, account: CurrentAccount, db: DbSession) -> Response:
    if account is None:
        async def page() -> Response:
            view = await service.thread_view(db, thread_id, None)
            if slug != view.thread.slug:
                return RedirectResponse(service.thread_url(view.thread), status_code=301)
            return render(request, "forums/thread.html", {"view": view, "values": {}, "errors": {}})

        return await pagecache.serve(request, page)
    head = await service.thread_head(db, thread_id)
    if slug != head.thread.slug:
        return RedirectResponse(service.thread_url(head.thread), status_code=301)
    if head.thread.state != ContentState.PUBLISHED:  # a held question: its author's and moderators' alone
        view = await service.thread_view(db, thread_id, account)
        return render(request, "forums/thread.html", {"view": view, "values": {}, "errors": {}})

    async def render_shared(viewers: shared.Audience) -> tuple[str, service.ThreadView]:
        view = await service.shared_thread_view(db, head, may_moderate=viewers.has_role(Role.MODERATOR))
        html = render_text(request, "forums/thread.html", {"view": view, "values": {}, "errors": {},
                                                           "account": viewers})
        return html, view

    return await shared.serve(request, db, look=_THREAD, params={"thread_id": thread_id, "slug": slug},
                              render=render_shared, own_parts=_own_parts)


async def _thread_look(_db: AsyncSession, _viewer: Account, values: tuple) -> tuple[int | None, tuple]:
    return service.read_look(values)


_THREAD = shared.Look(_thread_look, service.LOOK)


def _own_parts(view: service.ThreadView, account: Account, mine: tuple[frozenset[int], bool]) -> dict[str, str]:
    """The slots of a shared thread page that differ for this member: the cards they see
    differently (their own posts, their votes, every answer when they asked) and the follow button."""
    voted, following = mine
    own = replace(view, voted=set(voted), following=following)
    parts: dict[str, str] = {}
    if following:
        parts["follow"] = render_text(None, "forums/_follow.html", {"thread": view.thread, "following": True})
    asked = account.id == view.thread.author_id
    for post in [view.question, *view.answers]:
        theirs = post.author_id == account.id
        if post.id in view.withheld and not theirs:
            continue
        if theirs or asked or post.id in voted:
            parts[f"post-{post.id}"] = cards.post_card(post, own, account)
    return parts


@router.post("/t/{thread_id}/answers")
async def answer(thread_id: Id, request: Request, member: CurrentMember, db: DbSession, body: Text = "") -> Response:
    try:
        async with all_or_nothing(db):
            post = await service.create_answer(db, member, thread_id, validate(PostIn, {"body": body}))
    except Invalid as exc:
        view = await service.thread_view(db, thread_id, member)
        return render(request, "forums/thread.html", {"view": view, "values": {"body": body},
                      "errors": field_errors(exc)}, status_code=422)
    thread = await service.get_thread(db, thread_id)
    return _see_other(f"{service.thread_url(thread)}#post-{post.id}")


async def _post_fragment(request: Request, db: DbSession, member, post_id: int) -> Response:  # noqa: ANN001
    post, _thread = await service.readable_post(db, post_id, member)
    view = await service.thread_view(db, post.thread_id, member)
    current = next(p for p in [view.question, *view.answers] if p.id == post_id)
    return render(request, "forums/_vote.html", {"post": current, "view": view})


@router.post("/posts/{post_id}/vote")
async def vote(post_id: Id, request: Request, member: CurrentMember, db: DbSession, action: Text = "up") -> Response:
    if action == "up":
        post = await service.vote(db, member, post_id)
    else:
        post = await service.unvote(db, member, post_id)
    if is_htmx(request):
        return await _post_fragment(request, db, member, post.id)
    thread = await service.get_thread(db, post.thread_id)
    return _see_other(f"{service.thread_url(thread)}#post-{post.id}")


@router.post("/t/{thread_id}/accept")
async def accept(thread_id: Id, member: CurrentMember, db: DbSession, post_id: Text = "") -> Response:
    chosen = number(post_id, "post_id")
    thread = await service.accept(db, member, thread_id, chosen)
    return _see_other(service.thread_url(thread) + (f"#post-{chosen}" if chosen else ""))


@router.post("/t/{thread_id}/follow")
async def follow(thread_id: Id, request: Request, member: CurrentMember, db: DbSession,
                 following: Text = "true") -> Response:
    await service.set_following(db, member, thread_id, following == "true")
    thread = await service.get_thread(db, thread_id)
    if is_htmx(request):
        return render(request, "forums/_follow.html", {"thread": thread, "following": following == "true"})
    return _see_other(service.thread_url(thread))


@router.post("/t/{thread_id}/lock")
async def lock(thread_id: Id, moderator: Moderator, db: DbSession, locked: Text = "true") -> Response:
    thread = await service.set_locked(db, moderator, thread_id, locked == "true")
    return _see_other(service.thread_url(thread))


@router.get("/ask")
async def ask_page(request: Request, member: CurrentMember, db: DbSession, category: str | None = None) -> Response:
    return render(request, "forums/ask.html", {"categories": await service.list_categories(db), "errors": {},
                                               "values": {"category": category or "", "kind": "question"}})


@router.get("/ask/similar")
async def ask_similar(request: Request, member: CurrentMember, db: DbSession,
                      title: str = Query("", max_length=150)) -> Response:
    hits = await search.backend().similar(db, "thread", title, limit=5)
    return render(request, "forums/_similar.html", {"hits": hits})


@router.post("/ask")
async def ask(request: Request, member: CurrentMember, db: DbSession, category_id: Text = "", kind: Text = "question",
              title: Text = "", body: Text = "", tags: Text = "") -> Response:
    values = {"category_id": category_id, "kind": kind, "title": title, "body": body, "tags": tags}
    try:
        data = validate(ThreadIn, {"category_id": number(category_id, "category_id"), "kind": kind, "title": title,
                                   "body": body, "tags": [t for t in tags.replace(",", " ").split() if t]})
        async with all_or_nothing(db):
            thread = await service.create_thread(db, member, data)
    except HearthError as exc:
        return render(request, "forums/ask.html", {
            "categories": await service.list_categories(db), "values": values,
            "errors": field_errors(exc) if isinstance(exc, Invalid) else {}, "message": exc.translated(_)},
            status_code=exc.status)
    return _see_other(service.thread_url(thread))


@router.get("/posts/{post_id}/edit")
async def edit_page(post_id: Id, request: Request, member: CurrentMember, db: DbSession) -> Response:
    post, thread = await service.editable_post(db, post_id, member)
    return render(request, "forums/edit.html", {"post": post, "thread": thread, "errors": {},
                                                "values": {"body": post.body, "title": thread.title}})


@router.post("/posts/{post_id}/edit")
async def edit(post_id: Id, request: Request, member: CurrentMember, db: DbSession, body: Text = "",
               title: Annotated[str | None, Form()] = None) -> Response:
    try:
        async with all_or_nothing(db):
            post = await service.edit_post(db, member, post_id, validate(PostEdit, {"body": body, "title": title}))
    except Invalid as exc:
        post, thread = await service.editable_post(db, post_id, member)
        return render(request, "forums/edit.html", {"post": post, "thread": thread, "errors": field_errors(exc),
                      "values": {"body": body, "title": title}}, status_code=422)
    thread = await service.get_thread(db, post.thread_id)
    return _see_other(f"{service.thread_url(thread)}#post-{post.id}")


@router.get("/posts/{post_id}/history")
async def history(post_id: Id, request: Request, moderator: Moderator, db: DbSession) -> Response:
    post, thread = await service.readable_post(db, post_id, moderator)
    revisions = await service.post_history(db, moderator, post_id)
    return render(request, "forums/history.html", {"post": post, "thread": thread, "revisions": revisions})


@router.get("/search")
async def search_page(request: Request, account: CurrentAccount, db: DbSession, q: str = Query("", max_length=200),
                      category: str | None = Query(None, max_length=60), tag: str | None = Query(None, max_length=30),
                      solved: Literal["", "yes", "no"] = "", language: Literal["", "en", "nl", "fr", "de"] = "",
                      sort: Literal["relevance", "newest"] = "relevance",
                      page: int = Query(1, ge=1, le=500)) -> Response:
    async def results_page() -> Response:
        categories = await service.list_categories(db)
        category_id = next((c.id for c in categories if c.slug == category), None)
        results = None
        if q.strip() or tag or category_id:
            results = await search.backend().search(db, search.SearchQuery(
                text=q, kind="thread", category_id=category_id, tag=tag or None,
                solved={"yes": True, "no": False}.get(solved), language=language or None, sort=sort, page=page))
        return render(request, "forums/search.html", {
            "q": q, "results": results, "categories": categories, "category": category or "", "tag": tag or "",
            "solved": solved, "language": language, "sort": sort, "page": page})

    return await shared.page(request, db, look=_SEARCH, render=results_page)


# --- administration: categories ---------------------------------------------------------------

@router.get("/admin/categories")
async def admin_categories(request: Request, admin: AdminAccount, db: DbSession) -> Response:
    return render(request, "admin/categories.html", {"categories": await service.list_categories(db),
                                                     "errors": {}, "values": {}})


@router.post("/admin/categories")
async def admin_category_save(request: Request, admin: AdminAccount, db: DbSession, name: Text = "", slug: Text = "",
                              description: Text = "", language: Text = "", position: Text = "0",
                              category_id: Text = "") -> Response:
    values = {"name": name, "slug": slug, "description": description, "language": language, "position": position}
    try:
        data = validate(CategoryIn, {**values, "language": language or None, "position": number(position, "position")})
        async with all_or_nothing(db):
            await service.save_category(db, data, number(category_id))
    except HearthError as exc:
        return render(request, "admin/categories.html", {
            "categories": await service.list_categories(db), "values": values,
            "errors": field_errors(exc) if isinstance(exc, Invalid) else {}, "message": exc.translated(_)},
            status_code=exc.status)
    return _see_other("/admin/categories")


