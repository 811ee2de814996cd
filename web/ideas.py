"""The idea exchange's pages: the list (trending, top, new; by status and area; the member's own
votes), proposing an idea with the similar ones shown while the title is typed, an idea with
its votes, comments and status history, product managers' triage and merge, the public
roadmap and the product team's board.

Thin: ideas.service does the work. The list and an idea's page are what members read all
day, so they are shared (web.shared): rendered once per audience and version, each member's
votes, follow and vote budget put in as slots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from sqlalchemy import Integer, String, bindparam, cast, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import RedirectResponse, Response

from hearth import i18n, versions
from hearth.accounts.models import Account, Role
from hearth.auth import CurrentAccount, CurrentMember, require_role
from hearth.db import DbSession
from hearth.errors import HearthError, Invalid, NotFound, Unauthorized
from hearth.ids import Id
from hearth.settings import get_settings
from ideas import service
from ideas.models import ACTIVE, Idea, IdeaComment, IdeaFollow, IdeaStatus, IdeaVote
from ideas.schemas import CommentIn, IdeaIn, StatusIn
from moderation.models import ContentState
from web import pagecache, shared
from web.forms import all_or_nothing, field_errors, number, safe_next, validate
from web.rendering import environment, is_htmx, render, render_text, respond

router = APIRouter()
_ = i18n.gettext
Text = Annotated[str, Form()]
Manager = Annotated[Account, Depends(require_role(Role.PRODUCT_MANAGER))]
Sort = Literal["trending", "top", "new"]
StatusFilter = Literal["", "open", "under_review", "planned", "in_progress", "completed", "declined", "merged"]
# What the list shows unless a status is chosen: merged ideas are duplicates, their votes moved on.
LISTED = tuple(s for s in IdeaStatus if s != IdeaStatus.MERGED)
SETTABLE = ("open", "under_review", "planned", "in_progress", "completed", "declined")
SIMILAR_SHOWN = 5
CANDIDATES_SHOWN = 8


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def status_label(status: str) -> str:
    """A status as the interface says it."""
    return {"open": _("Open"), "under_review": _("Under review"), "planned": _("Planned"),
            "in_progress": _("In progress"), "completed": _("Completed"), "declined": _("Declined"),
            "merged": _("Merged")}[str(status)]


environment.globals["idea_status"] = status_label


def _sorts() -> dict[str, str]:
    return {"trending": _("Trending"), "top": _("Top"), "new": _("Newest")}


def _may_triage(account: Account | shared.Audience | None) -> bool:
    return account is not None and account.has_role(Role.PRODUCT_MANAGER)


# --- the list ---------------------------------------------------------------------------------

# The viewer's votes among the ideas a list shows and, under a vote budget, how many of their votes
# still count against it: read with the session, in the one statement a kept list costs. The ideas
# shown are the page's params (`_shown`), so the read is the same size whatever a member voted for.
# (A Look's statement is prepared once: fixed parameters, no expanding IN lists.)
_SHOWN = tuple(f"idea_{n}" for n in range(service.PAGE_SIZE))
_VOTED = select(func.aggregate_strings(cast(IdeaVote.idea_id, String), ",")).where(
    IdeaVote.voter_id == Account.id,
    IdeaVote.idea_id.in_([bindparam(name, type_=Integer) for name in _SHOWN])).scalar_subquery()
_IN_PLAY = select(func.count()).select_from(IdeaVote).join(Idea, Idea.id == IdeaVote.idea_id).where(
    IdeaVote.voter_id == Account.id, or_(*(Idea.status == s for s in sorted(ACTIVE))),
    bindparam("budget", type_=Integer) > 0,
).scalar_subquery()
_LIST_TABLES = ("ideas", "idea_areas", "idea_tags")


@dataclass(frozen=True)
class Mine:
    """What is the viewer's own on a list: the ideas they voted for, their votes in play."""

    voted: frozenset[int]
    in_play: int


def _shown(rows: list[service.IdeaRow]) -> dict[str, Any]:
    """A list's params: the vote budget, and the ideas it shows (0: no idea)."""
    ids = [r.idea.id for r in rows] + [0] * (len(_SHOWN) - len(rows))
    return {"budget": _budget(), **dict(zip(_SHOWN, ids, strict=True))}


def _ids(text: str | None) -> frozenset[int]:
    return frozenset(int(i) for i in text.split(",")) if text else frozenset()


async def _list_look(db: AsyncSession, _viewer: Account, values: tuple[Any, ...]) -> tuple[tuple[int, ...], Mine]:
    voted, in_play = values
    return await versions.of(db, *_LIST_TABLES), Mine(_ids(voted), int(in_play or 0))


_LIST = shared.Look(_list_look, (_VOTED, _IN_PLAY))
# "My votes" is each member's own page.
_MINE = shared.tables(*_LIST_TABLES, "idea_votes")


def _list_query(sort: str, status: str, area: str, mine: str, cursor: str = "") -> str:
    """The list's query string with these choices (the defaults left out)."""
    values = {"sort": sort if sort != "trending" else "", "status": status, "area": area, "mine": mine,
              "cursor": cursor}
    query = "&".join(f"{k}={v}" for k, v in values.items() if v)
    return f"?{query}" if query else ""


def _budget() -> int:
    return get_settings().idea_vote_budget


def _budget_note(in_play: int) -> str:
    budget = _budget()
    if not budget:
        return ""
    return render_text(None, "ideas/_budget.html", {"left": max(budget - in_play, 0), "budget": budget})


async def _budget_of(db: AsyncSession, member: Account) -> str:
    """The member's budget note, read now (pages not shared, and answers to a vote)."""
    left = await service.budget_left(db, member)
    return "" if left is None else _budget_note(_budget() - left)


def _vote_widget(idea: Idea, voted: bool) -> str:
    return render_text(None, "ideas/_vote.html", {"idea": idea, "voted": voted, "account": True})


def _list_parts(rows: list[service.IdeaRow], _account: Account, mine: Mine) -> dict[str, str]:
    """The slots of a shared list that differ for this member: the rows they voted for, their budget."""
    parts = {f"vote-{r.idea.id}": _vote_widget(r.idea, True) for r in rows if r.idea.id in mine.voted}
    if note := _budget_note(mine.in_play):
        parts["budget"] = note
    return parts


@router.get("/ideas")
async def ideas_page(request: Request, account: CurrentAccount, db: DbSession, sort: Sort = "trending",
                     status: StatusFilter = "", area: str = Query("", max_length=60), mine: Literal["", "1"] = "",
                     cursor: str | None = Query(None, max_length=200)) -> Response:
    if mine and account is None:
        raise Unauthorized("Please sign in to continue")
    more = bool(cursor) and is_htmx(request)

    async def rows_for(member: Account | None) -> tuple[list[service.IdeaRow], str | None]:
        return await service.list_ideas(db, member, sort=sort, status=status or LISTED, area=area or None,
                                        voted_by=member.id if mine and member else None, cursor=cursor)

    async def text(viewer: Account | shared.Audience | None,
                   found: tuple[list[service.IdeaRow], str | None] | None = None) -> str:
        member = viewer if isinstance(viewer, Account) else None
        rows, next_cursor = found or await rows_for(member)
        choices = {"sort": sort, "status": status, "area": area, "mine": mine}
        context: dict[str, Any] = {
            "rows": rows, "next_cursor": next_cursor, **choices, "sorts": _sorts(), "account": viewer,
            "statuses": [str(s) for s in IdeaStatus], "query": lambda **changed: _list_query(**{**choices, **changed})}
        if more:
            return render_text(request, "ideas/list.html", context, block="idea_rows")
        context["areas"] = await service.list_areas(db)
        if member is not None:
            context["budget_note"] = await _budget_of(db, member)
        return render_text(request, "ideas/list.html", context)

    async def whole() -> Response:
        return respond(request, await text(account))

    if account is None:
        return await pagecache.serve(request, whole)
    if is_htmx(request):
        return await whole()
    if mine:
        return await shared.page(request, db, look=_MINE, render=whole, private=True)
    # Every member reads the same rows; which of them the viewer voted for is theirs (the Look).
    shown = await rows_for(None)

    async def shared_text(viewers: shared.Audience) -> tuple[str, list[service.IdeaRow]]:
        return await text(viewers, shown), shown[0]

    return await shared.serve(request, db, look=_LIST, params=_shown(shown[0]), render=shared_text,
                              own_parts=_list_parts)


async def _voted_among(db: AsyncSession, member: Account | None, ids: list[int]) -> set[int]:
    if member is None or not ids:
        return set()
    return set(await db.scalars(select(IdeaVote.idea_id).where(IdeaVote.voter_id == member.id,
                                                               IdeaVote.idea_id.in_(ids))))


@router.post("/ideas/{idea_id}/vote")
async def vote(idea_id: Id, request: Request, member: CurrentMember, db: DbSession, action: Text = "up") -> Response:
    voted = action != "down"
    idea = await (service.vote if voted else service.unvote)(db, member, idea_id)
    if is_htmx(request):
        return render(request, "ideas/_vote.html", {"idea": idea, "voted": voted,
                                                    "oob_budget": await _budget_of(db, member)})
    back = safe_next(_referer_path(request), service.idea_url(idea))
    return _see_other(back)


def _referer_path(request: Request) -> str | None:
    """Where a form without script came from, when that was this site."""
    referer = request.headers.get("referer", "")
    match = re.match(r"https?://([^/]+)(/[^#]*)?", referer)
    if not match or match[1] != request.url.netloc:
        return None
    return match[2] or "/"


# --- proposing --------------------------------------------------------------------------------

async def _form(request: Request, db: AsyncSession, *, values: dict[str, str] | None = None,
                errors: dict[str, str] | None = None, message: str | None = None, status_code: int = 200) -> Response:
    return render(request, "ideas/new.html", {"areas": await service.list_areas(db), "values": values or {},
                                              "errors": errors or {}, "message": message}, status_code=status_code)


@router.get("/ideas/new")
async def new_page(request: Request, member: CurrentMember, db: DbSession,
                   area: str = Query("", max_length=60)) -> Response:
    return await _form(request, db, values={"area": area})


@router.get("/ideas/new/similar")
async def similar(request: Request, member: CurrentMember, db: DbSession,
                  title: str = Query("", max_length=150)) -> Response:
    found = await service.similar(db, title, language=i18n.current.get(), limit=SIMILAR_SHOWN)
    voted = await _voted_among(db, member, [s.idea.id for s in found])
    return render(request, "ideas/_similar.html", {"found": found, "voted": voted})


def _tags(text: str) -> list[str]:
    return [t for t in text.replace(",", " ").split() if t]


@router.post("/ideas/new")
async def propose(request: Request, member: CurrentMember, db: DbSession, title: Text = "", body: Text = "",
                  area: Text = "", tags: Text = "") -> Response:
    values = {"title": title, "body": body, "area": area, "tags": tags}
    try:
        data = validate(IdeaIn, {"title": title, "body": body, "area": area or None, "tags": _tags(tags)})
        async with all_or_nothing(db):
            idea = await service.propose(db, member, data)
    except HearthError as exc:
        return await _form(request, db, values=values, errors=field_errors(exc) if isinstance(exc, Invalid) else {},
                           message=exc.translated(_), status_code=exc.status)
    return _see_other(service.idea_url(idea))


# --- the roadmap and the product team's board ---------------------------------------------------

_ROADMAP = shared.tables(*_LIST_TABLES)


@router.get("/ideas/roadmap")
async def roadmap(request: Request, account: CurrentAccount, db: DbSession) -> Response:
    async def page() -> Response:
        columns = await service.roadmap(db, None)
        return render(request, "ideas/roadmap.html", {"columns": [(s, columns.get(s, [])) for s in
                                                                  ("planned", "in_progress", "completed")]})

    return await shared.page(request, db, look=_ROADMAP, render=page)


_BOARD = shared.tables(*_LIST_TABLES, "idea_review_themes", "search_documents")
CHART_WIDTH = 600
CHART_ORDER = ("open", "under_review", "planned", "in_progress", "completed", "declined", "merged")


@dataclass
class Segment:
    status: str
    x: float
    width: float
    count: int


@dataclass
class ChartRow:
    name: str
    slug: str | None
    total: int
    counts: dict[str, int]
    segments: list[Segment]


def board_chart(areas: list[service.AreaCounts]) -> list[ChartRow]:
    """Each area's ideas as one bar, a segment per status, laid out for an inline SVG; the
    longest bar spans the chart, the others in proportion."""
    totals = [sum(a.counts.values()) for a in areas]
    longest = max(totals, default=0) or 1
    rows = []
    for found, total in zip(areas, totals, strict=True):
        counts = {str(k): v for k, v in found.counts.items()}
        x, segments = 0.0, []
        for status in CHART_ORDER:
            if counts.get(status):
                width = CHART_WIDTH * counts[status] / longest
                segments.append(Segment(status, round(x, 2), round(width, 2), counts[status]))
                x += width
        rows.append(ChartRow(found.area.name if found.area else _("No area"),
                             found.area.slug if found.area else None, total, counts, segments))
    return rows


@router.get("/ideas/board")
async def board(request: Request, manager: Manager, db: DbSession) -> Response:
    async def page() -> Response:
        found = await service.board(db, None)
        return render(request, "ideas/board.html", {"chart": board_chart(found.areas), "themes": found.themes,
                                                    "order": CHART_ORDER, "chart_width": CHART_WIDTH})

    return await shared.page(request, db, look=_BOARD, render=page)


# --- an idea ----------------------------------------------------------------------------------

# What an idea's page shows changes with its counts, its triage (version), its text and the
# ideas merged into it; the viewer's vote and follow are theirs. A member with a comment still held for a moderator
# sees it where others do not: their page is not kept.
_STAMP = select(cast(Idea.vote_count, String) + ":" + cast(Idea.comment_count, String) + ":"
                + cast(Idea.version, String) + ":" + cast(Idea.updated_at, String)).where(
    Idea.id == bindparam("idea_id"), Idea.state == ContentState.PUBLISHED).scalar_subquery()
_IDEA_COLUMNS = (
    _STAMP,
    select(func.count()).where(Idea.merged_into_id == bindparam("idea_id")).scalar_subquery(),
    exists().where(IdeaVote.idea_id == bindparam("idea_id"), IdeaVote.voter_id == Account.id),
    exists().where(IdeaFollow.idea_id == bindparam("idea_id"), IdeaFollow.account_id == Account.id),
    exists().where(IdeaComment.idea_id == bindparam("idea_id"), IdeaComment.author_id == Account.id,
                   or_(IdeaComment.state == ContentState.HELD, IdeaComment.state == ContentState.HIDDEN)),
)


async def _idea_look(_db: AsyncSession, _viewer: Account,
                     values: tuple[Any, ...]) -> tuple[tuple[str, int] | None, tuple[bool, bool]]:
    stamp, merged_here, voted, following, withheld = values
    return (None if withheld or stamp is None else (stamp, merged_here)), (bool(voted), bool(following))


_IDEA = shared.Look(_idea_look, _IDEA_COLUMNS)


def _idea_parts(view: service.IdeaView, _account: Account, mine: tuple[bool, bool]) -> dict[str, str]:
    """The slots of a shared idea page that differ for this member: their vote and their follow."""
    voted, following = mine
    parts = {}
    if voted:
        parts[f"vote-{view.idea.id}"] = _vote_widget(view.idea, True)
    if following:
        parts["follow"] = render_text(None, "ideas/_follow.html", {"idea": view.idea, "following": True})
    return parts


async def _idea_context(db: AsyncSession, view: service.IdeaView, **more: Any) -> dict[str, Any]:
    """What an idea's page shows besides its view: the ideas merged into it, whose comments stay there."""
    merged_here = (await db.execute(select(Idea.id, Idea.title).where(
        Idea.merged_into_id == view.idea.id, Idea.state == ContentState.PUBLISHED).order_by(Idea.id))).all()
    return {"view": view, "merged_here": merged_here, "settable": SETTABLE, "values": {}, "errors": {},
            "form": None, **more}


@router.get("/ideas/{idea_id}")
async def idea_page(idea_id: Id, request: Request, account: CurrentAccount, db: DbSession) -> Response:
    if account is None:
        async def page() -> Response:
            view = await service.idea_view(db, idea_id, None)
            return render(request, "ideas/idea.html", await _idea_context(db, view))

        return await pagecache.serve(request, page)

    async def render_shared(viewers: shared.Audience) -> tuple[str, service.IdeaView]:
        # The viewer's own view: all they may read. It is kept only when every member of this
        # audience may read the same (the Look says so), without their vote and follow.
        view = await service.idea_view(db, idea_id, account)
        view = replace(view, following=False, row=replace(view.row, voted=False))
        return render_text(request, "ideas/idea.html", await _idea_context(db, view, account=viewers)), view

    return await shared.serve(request, db, look=_IDEA, params={"idea_id": idea_id}, render=render_shared,
                              own_parts=_idea_parts)


@router.get("/ideas/{idea_id}/{slug}")
async def idea_slugged(idea_id: Id, slug: str, account: CurrentAccount, db: DbSession) -> Response:
    """An idea's address with its title in it (as links elsewhere write it) leads to its page."""
    return RedirectResponse(service.idea_url(await service.readable_idea(db, idea_id, account)), status_code=301)


async def _idea_again(request: Request, db: AsyncSession, account: Account, idea_id: int, exc: HearthError,
                      form: str, values: dict[str, str]) -> Response:
    """The idea's page with a refused form's values and what was wrong, for this viewer."""
    view = await service.idea_view(db, idea_id, account)
    errors = field_errors(exc) if isinstance(exc, Invalid) else {}
    if exc.field and exc.field not in errors:
        errors[exc.field] = exc.translated(_)
    return render(request, "ideas/idea.html", await _idea_context(
        db, view, values=values, errors=errors, form=form, message=exc.translated(_)), status_code=exc.status)


@router.post("/ideas/{idea_id}/comments")
async def comment(idea_id: Id, request: Request, member: CurrentMember, db: DbSession, body: Text = "") -> Response:
    try:
        async with all_or_nothing(db):
            row = await service.comment(db, member, idea_id, validate(CommentIn, {"body": body}))
    except HearthError as exc:
        if exc.status in (401, 403, 404):
            raise
        return await _idea_again(request, db, member, idea_id, exc, "comment", {"body": body})
    return _see_other(f"/ideas/{idea_id}#comment-{row.id}")


@router.post("/ideas/{idea_id}/follow")
async def follow(idea_id: Id, request: Request, member: CurrentMember, db: DbSession,
                 following: Text = "true") -> Response:
    wanted = following == "true"
    await service.set_following(db, member, idea_id, wanted)
    idea = await service.get_idea(db, idea_id)
    if is_htmx(request):
        return render(request, "ideas/_follow.html", {"idea": idea, "following": wanted})
    return _see_other(service.idea_url(idea))


@router.post("/ideas/{idea_id}/status")
async def set_status(idea_id: Id, request: Request, manager: Manager, db: DbSession, status: Text = "",
                     response: Text = "", version: Text = "") -> Response:
    values = {"status": status, "response": response}
    try:
        data = validate(StatusIn, {"status": status, "response": response, "version": number(version, "version")})
        async with all_or_nothing(db):
            await service.set_status(db, manager, idea_id, data)
    except HearthError as exc:
        if exc.status in (401, 403, 404):
            raise
        return await _idea_again(request, db, manager, idea_id, exc, "status", values)
    return _see_other(f"/ideas/{idea_id}#history")


_IDEA_NUMBER = re.compile(r"(?:^#?|/ideas/)(\d{1,11})\b")


def _into(chosen: str, typed: str) -> int:
    """The idea to merge into: a candidate's button, else the number (or link) typed."""
    text = (chosen or typed).strip()
    match = _IDEA_NUMBER.search(text)
    if not match:
        raise Invalid("Enter the number or the link of the idea to merge into", field="into")
    found = number(match[1], "into")
    assert found is not None
    return found


@router.post("/ideas/{idea_id}/merge")
async def merge(idea_id: Id, request: Request, manager: Manager, db: DbSession, into: Text = "",
                into_id: Text = "", response: Text = "", version: Text = "") -> Response:
    values = {"into_id": into or into_id, "merge_response": response}
    await service.readable_idea(db, idea_id, manager)
    try:
        target = _into(into, into_id)
        async with all_or_nothing(db):
            await service.merge(db, manager, idea_id, target, response.strip() or None,
                                version=number(version, "version"))
    except HearthError as exc:
        if exc.status in (401, 403):
            raise
        if isinstance(exc, NotFound):  # (the idea merged is there: the one it would join is not)
            exc = Invalid("No idea has this number", field="into")
        return await _idea_again(request, db, manager, idea_id, exc, "merge", values)
    return _see_other(f"/ideas/{idea_id}")


@router.get("/ideas/{idea_id}/merge/candidates")
async def merge_candidates(idea_id: Id, request: Request, manager: Manager, db: DbSession,
                           q: str = Query("", max_length=150)) -> Response:
    """Ideas a duplicate could join, found by their titles while the product manager types."""
    found = [s for s in await service.similar(db, q, limit=CANDIDATES_SHOWN + 1) if s.idea.id != idea_id]
    context = {"found": found[:CANDIDATES_SHOWN], "q": q}
    if is_htmx(request):
        return render(request, "ideas/_candidates.html", context)
    # Without script the search is a form of its own: the idea's page comes back with what it found.
    view = await service.idea_view(db, idea_id, manager)
    return render(request, "ideas/idea.html", await _idea_context(db, view, candidates=context))
