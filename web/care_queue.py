"""The care queue's pages for care agents: the list with its views, filters and saved views, live
as items arrive or change; an item with its timeline, the customer beside it, and the forms to
claim, release, take over, change its status and tags, escalate, reply (canned responses) and
note. Care agents and admins only (members 403, visitors go to sign in).

Thin: care.items, care.queue, care.replies, care.canned, care.tags, care.escalation and
care.sla do the work; web.care_context assembles the customer's side.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import RedirectResponse, Response

from care import canned, escalation, items, queue, replies, sla, tags
from care.models import ACTIVE_STATUSES, CareItem, CareReply, ItemPriority
from care.schemas import ReplyIn
from hearth import clock, i18n, versions
from hearth.accounts.models import Account, Role
from hearth.auth import require_role
from hearth.db import DbSession
from hearth.errors import HearthError, Invalid
from hearth.ids import BigId, Id
from hearth.settings import get_settings
from web import care_context, shared
from web.errors import render_error
from web.forms import all_or_nothing, number, validate
from web.rendering import is_htmx, render, render_text, respond

router = APIRouter()
_ = i18n.gettext
Text = Annotated[str, Form()]
Agent = Annotated[Account, Depends(require_role(Role.CARE_AGENT))]
PER_PAGE = 25
CHANNELS = ("community", "reviews", "x", "facebook", "feed", "import")
LANGUAGES = ("en", "nl", "fr", "de")
CANNED_SHOWN = 100
FILTERS = ("view", "status", "source", "channel", "language", "tag")


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _labels() -> dict[str, Any]:
    """Names the templates show for the queue's values, in the interface language."""
    return {
        "views": {"": _("Everything open"), "mine": _("Mine"), "unassigned": _("Unassigned"),
                  "due": _("Due soon"), "breached": _("Breached")},
        "statuses": {"new": _("New"), "open": _("Open"), "pending_customer": _("Pending customer"),
                     "escalated": _("Escalated"), "resolved": _("Resolved"), "ignored": _("Ignored")},
        "sources": {"mention": _("Mention"), "question": _("Question"), "review": _("Review"), "flag": _("Flag")},
        "priorities": {"urgent": _("Urgent"), "high": _("High"), "normal": _("Normal"), "low": _("Low")},
        "goals": {"first_response": _("First response"), "next_response": _("Next response"),
                  "resolution": _("Resolution")},
        "channel_choices": CHANNELS, "language_choices": LANGUAGES,
        "priority_name": lambda value: ItemPriority(value).name.lower(),
        "settable": [s.value for s in items.SETTABLE],
        "soon_seconds": get_settings().care_due_soon_minutes * 60,
    }


def _countdown(item: CareItem) -> dict[str, Any] | None:
    """The goal due first, for the row's live countdown (None: no goal running)."""
    goals = sla.countdown(item, clock.now())
    if not goals:
        return None
    name, goal = next(iter(goals.items()))
    return {"goal": name, **goal}


# --- the queue ----------------------------------------------------------------------------------


def _query(filters: Mapping[str, str | None], **more: Any) -> str:
    given = {k: v for k, v in {**filters, **more}.items() if v not in (None, "")}
    return urlencode(given)


async def waiting(session: AsyncSession) -> int:
    """Active items nobody holds: what the navigation's count says."""
    return await session.scalar(select(func.count()).select_from(CareItem).where(
        CareItem.status.in_(ACTIVE_STATUSES), CareItem.assignee_id.is_(None))) or 0


async def _queue_version(db: AsyncSession, _agent: Account, _values: tuple) -> tuple[tuple, None]:
    # "Due soon" and "breached" change as time passes with nothing written: the minute counts too.
    return (*await versions.of(db, *_QUEUE_TABLES), clock.now().replace(second=0, microsecond=0)), None


_QUEUE_TABLES = ("care_items", "care_item_tags", "care_tags", "care_presence", "care_saved_views", "care_crisis",
                 "accounts")
_QUEUE_LOOK = shared.Look(_queue_version)


@router.get("/care/queue")
async def queue_page(request: Request, agent: Agent, db: DbSession, view: str = Query("", max_length=12),
                     status: str = Query("", max_length=20), source: str = Query("", max_length=12),
                     channel: str = Query("", max_length=16), language: str = Query("", max_length=8),
                     tag: str = Query("", max_length=60), saved: str = Query("", max_length=11),
                     cursor: str | None = Query(None, max_length=300)) -> Response:
    raw = {"view": view, "status": status, "source": source, "channel": channel, "language": language, "tag": tag}
    filters = queue.parse_filters(raw, where="query")
    saved_id = number(saved, "saved")

    async def page() -> Response:
        rows, more = await queue.list_items(db, agent, filters, saved=saved_id, cursor=cursor, limit=PER_PAGE)
        context = {"rows": _rows_html(request, agent, rows), "next_cursor": more, "f": {**raw, "saved": saved},
                   "saved_views": await queue.list_views(db, agent), "banner": await escalation.banner(db),
                   "query": _query({**raw, "saved": saved}), "more_query": _query({**raw, "saved": saved}, cursor=more),
                   "countdown": _countdown, **_labels()}
        if is_htmx(request):
            return render(request, "care/queue.html", context, block="list")
        return render(request, "care/queue.html", context)

    # "Mine", and who else has an item open (everyone but the viewer), make it each agent's own page.
    return await shared.page(request, db, look=_QUEUE_LOOK, render=page, private=True)


@router.get("/care/queue/count")
async def count(request: Request, agent: Agent, db: DbSession) -> Response:
    """The navigation's count of waiting items, fetched by the page after it loads (a kept page
    would otherwise show a count from when it was rendered)."""
    return render(request, "care/_count.html", {"waiting": await waiting(db)})


# Rendered rows, kept by everything a row shows (`_row_shows`): a write to one item re-renders
# that item's row only, so a queue page that changed (50 agents at work change it several times
# a second) costs its query and the rows that changed, not 25 rows' templates.
ROWS_KEPT = 20_000
_rows_kept: OrderedDict[tuple[Any, ...], Markup] = OrderedDict()


def _row_shows(row: queue.QueueRow, agent: Account) -> tuple[Any, ...]:
    """What care/_queue_row.html reads: the item's columns it shows, its tags, holder and
    viewers, whether the viewer holds it, the interface language, and the minute (the
    countdown's text, as the page's own version does)."""
    i, held = row.item, row.assignee
    return (i.id, i.version, i.updated_at, i.status, i.priority, i.source, i.channel, i.language, i.title,
            i.customer_name, i.customer_handle, i.due_at, i.first_response_due_at, i.first_response_at,
            i.next_response_due_at, i.resolution_due_at, i.paused_at, held.id if held else None,
            held.display_name if held else None, held is not None and held.id == agent.id, tuple(row.tags),
            tuple((v.id, v.display_name) for v in row.viewers), row.breached, i18n.current.get(),
            clock.now().replace(second=0, microsecond=0))


def _rows_html(request: Request, agent: Account, rows: list[queue.QueueRow]) -> list[Markup]:
    """Each row's HTML (with the CSRF placeholder, filled in when the page is sent)."""
    labels: dict[str, Any] | None = None
    found = []
    for row in rows:
        shows = _row_shows(row, agent)
        html = _rows_kept.get(shows)
        if html is None:
            labels = labels or {"countdown": _countdown, **_labels()}
            html = Markup(render_text(request, "care/_queue_row.html", {"r": row, **labels}))
            _rows_kept[shows] = html
            if len(_rows_kept) > ROWS_KEPT:
                _rows_kept.popitem(last=False)
        found.append(html)
    return found


async def _row(request: Request, db: AsyncSession, agent: Account, item_id: int, *, status_code: int = 200,
               toast: dict[str, str] | None = None) -> Response:
    row = await queue.row(db, agent, await items.get(db, item_id))
    html = str(_rows_html(request, agent, [row])[0])
    if toast:  # out of band, into the page's toasts (an htmx swap carries one target)
        html += ('<div hx-swap-oob="beforeend:#toasts">'
                 + render_text(request, "_toast.html", toast) + "</div>")
    return respond(request, html, status_code=status_code)


@router.get("/care/queue/rows/{item_id}")
async def queue_row(item_id: BigId, request: Request, agent: Agent, db: DbSession) -> Response:
    """One row, fresh: the live updates swap it in when the item changes."""
    return await _row(request, db, agent, item_id)


@router.post("/care/queue/views")
async def save_view(request: Request, agent: Agent, db: DbSession, name: Text = "", view: Text = "",
                    status: Text = "", source: Text = "", channel: Text = "", language: Text = "",
                    tag: Text = "") -> Response:
    raw = {"view": view, "status": status, "source": source, "channel": channel, "language": language, "tag": tag}
    name = " ".join(name.split())
    try:
        if not 1 <= len(name) <= 60:
            raise Invalid("Give the view a name (up to 60 characters)", field="name")
        async with all_or_nothing(db):
            saved = await queue.save_view(db, agent, name, raw)
    except HearthError as exc:
        return render_error(request, exc.status, exc)
    return _see_other(f"/care/queue?saved={saved.id}")


@router.post("/care/queue/views/{view_id}/delete")
async def delete_view(view_id: Id, agent: Agent, db: DbSession) -> Response:
    await queue.delete_view(db, agent, view_id)
    return _see_other("/care/queue")


# --- claim, release, take over (from the list or the item) -------------------------------------

_HOLDING = {"claim": items.claim, "release": items.release, "takeover": items.take_over}


def _done() -> dict[str, str]:
    """What the toast says after each action."""
    return {"claim": _("You have this item now"), "release": _("The item is back in the queue"),
            "takeover": _("You took this item over"), "status": _("The status is changed"),
            "tags": _("The tags are saved"), "escalate": _("The item is escalated"),
            "reply": _("Your reply is on its way"), "note": _("Your note is added")}


async def _hold(request: Request, agent: Account, db: AsyncSession, item_id: int, what: str, version: str,
                back: str) -> Response:
    try:
        async with all_or_nothing(db):
            await _HOLDING[what](db, agent, item_id, version=number(version, "version"))
    except HearthError as exc:
        return await _refused(request, db, agent, item_id, exc, back)
    if back == "list" and is_htmx(request):
        return await _row(request, db, agent, item_id, toast={"kind": "ok", "message": _done()[what]})
    return _see_other("/care/queue" if back == "list" else f"/care/items/{item_id}?done={what}")


async def _refused(request: Request, db: AsyncSession, agent: Account, item_id: int, exc: HearthError,
                   back: str) -> Response:
    """A refusal shows with the item as it is now: another agent acted first, say, and the agent
    sees who."""
    toast = {"kind": "error", "message": exc.translated(_)}
    if back == "list" and is_htmx(request):
        return await _row(request, db, agent, item_id, status_code=exc.status, toast=toast)
    if back == "list":
        return render_error(request, exc.status, exc)
    return await _item_page(request, db, agent, item_id, toasts=[toast], status_code=exc.status)


@router.post("/care/items/{item_id}/claim")
async def claim(item_id: BigId, request: Request, agent: Agent, db: DbSession, version: Text = "",
                back: Text = "item") -> Response:
    return await _hold(request, agent, db, item_id, "claim", version, back)


@router.post("/care/items/{item_id}/release")
async def release(item_id: BigId, request: Request, agent: Agent, db: DbSession, version: Text = "",
                  back: Text = "item") -> Response:
    return await _hold(request, agent, db, item_id, "release", version, back)


@router.post("/care/items/{item_id}/takeover")
async def take_over(item_id: BigId, request: Request, agent: Agent, db: DbSession, version: Text = "",
                    back: Text = "item") -> Response:
    return await _hold(request, agent, db, item_id, "takeover", version, back)


# --- an item ------------------------------------------------------------------------------------


async def _reply_states(db: AsyncSession, item_id: int) -> dict[int, CareReply]:
    return {r.id: r for r in await db.scalars(select(CareReply).where(CareReply.item_id == item_id))}


async def _item_context(db: AsyncSession, agent: Account, item_id: int) -> dict[str, Any]:
    found = await queue.detail(db, agent, item_id)
    item = found.row.item
    names = {a.id: a.display_name for _e, a in found.timeline if a is not None}
    if found.row.assignee:
        names[found.row.assignee.id] = found.row.assignee.display_name
    codes, _more = await canned.list_canned(db, limit=CANNED_SHOWN)
    return {"d": found, "item": item, "replies": await _reply_states(db, item_id), "canned": codes,
            "procedures": await escalation.list_procedures(db), "banner": await escalation.banner(db),
            "customer": await care_context.for_item(db, item), "names": names,
            "held_by_other": item.assignee_id is not None and item.assignee_id != agent.id,
            "mine": item.assignee_id == agent.id, "running": sla.countdown(item, clock.now()),
            "countdown": _countdown, **_labels()}


async def _item_page(request: Request, db: AsyncSession, agent: Account, item_id: int, *,
                     toasts: list[dict[str, str]] | None = None, values: dict[str, str] | None = None,
                     status_code: int = 200, block: str | None = None) -> Response:
    context = await _item_context(db, agent, item_id)
    context.update(toasts=toasts or [], values=values or {})
    return render(request, "care/item.html", context, status_code=status_code, block=block)


_PARTS = {"state": "state", "timeline": "timeline"}


@router.get("/care/items/{item_id}")
async def item_page(item_id: BigId, request: Request, agent: Agent, db: DbSession,
                    canned_code: str = Query("", alias="canned", max_length=40),
                    done: str = Query("", max_length=12), part: str = Query("", max_length=10)) -> Response:
    values: dict[str, str] = {}
    toasts = [{"kind": "ok", "message": _done()[done]}] if done in _done() else []
    if canned_code:
        values = await _canned_values(db, agent, item_id, canned_code)
    block = _PARTS.get(part) if is_htmx(request) else None
    return await _item_page(request, db, agent, item_id, toasts=toasts, values=values, block=block)


async def _canned_values(db: AsyncSession, agent: Account, item_id: int, code: str) -> dict[str, str]:
    item = await items.get(db, item_id)
    try:
        row = await canned.by_code(db, code)
    except Invalid as exc:
        return {"canned_error": exc.translated(_)}
    return {"body": await canned.render(db, row, item, agent), "canned": row.code}


@router.get("/care/items/{item_id}/canned")
async def canned_fill(item_id: BigId, request: Request, agent: Agent, db: DbSession,
                      code: str = Query("", alias="canned", max_length=40)) -> Response:
    """The reply box filled with a canned response, its variables rendered for this item."""
    values = await _canned_values(db, agent, item_id, code) if code else {}
    item = await items.get(db, item_id)
    return render(request, "care/_reply_text.html", {"item": item, "values": values})


async def _act(request: Request, agent: Account, db: AsyncSession, item_id: int, what: str, action: Any,
               values: dict[str, str] | None = None) -> Response:
    """Run a change on the item all or nothing; a refusal re-renders the item as it is now, with
    what the agent typed kept."""
    try:
        async with all_or_nothing(db):
            await action()
    except HearthError as exc:
        return await _item_page(request, db, agent, item_id, values=values,
                                toasts=[{"kind": "error", "message": exc.translated(_)}], status_code=exc.status)
    return _see_other(f"/care/items/{item_id}?done={what}")


@router.post("/care/items/{item_id}/status")
async def set_status(item_id: BigId, request: Request, agent: Agent, db: DbSession, status: Text = "",
                     version: Text = "") -> Response:
    async def action() -> None:
        await items.set_status(db, agent, item_id, status, version=number(version, "version"))
    return await _act(request, agent, db, item_id, "status", action)


@router.post("/care/items/{item_id}/tags")
async def set_tags(item_id: BigId, request: Request, agent: Agent, db: DbSession, tags_text: Text = "",
                   version: Text = "") -> Response:
    names = [n.strip() for n in tags_text.replace(";", ",").split(",") if n.strip()]

    async def action() -> None:
        await tags.set_item_tags(db, agent, item_id, names, version=number(version, "version"))
    return await _act(request, agent, db, item_id, "tags", action, {"tags_text": tags_text})


@router.post("/care/items/{item_id}/escalate")
async def escalate(item_id: BigId, request: Request, agent: Agent, db: DbSession, procedure_id: Text = "",
                   reason: Text = "", version: Text = "") -> Response:
    async def action() -> None:
        await escalation.start(db, agent, item_id, procedure_id=number(procedure_id, "procedure_id"),
                               reason=" ".join(reason.split()) or None, version=number(version, "version"))
    return await _act(request, agent, db, item_id, "escalate", action, {"reason": reason})


@router.post("/care/items/{item_id}/notes")
async def add_note(item_id: BigId, request: Request, agent: Agent, db: DbSession, note: Text = "") -> Response:
    async def action() -> None:
        if not note.strip():
            raise Invalid("Write the note first", field="note")
        await replies.add_note(db, agent, item_id, note.strip())
    return await _act(request, agent, db, item_id, "note", action, {"note": note})


async def _reply_data(db: AsyncSession, agent: Account, item_id: int, body: str, code: str, insist: bool,
                      version: int | None) -> ReplyIn:
    """A canned response sent as it was filled in goes as the canned response (its code on the
    record); edited, it goes as the agent's own text."""
    if code:
        filled = await _canned_values(db, agent, item_id, code)
        if "canned_error" in filled:
            raise Invalid(filled["canned_error"], field="canned")
        if not body.strip() or body.strip() == filled["body"].strip():
            return validate(ReplyIn, {"canned": code, "insist": insist, "version": version})
    return validate(ReplyIn, {"body": body, "insist": insist, "version": version})


@router.post("/care/items/{item_id}/replies")
async def reply(item_id: BigId, request: Request, agent: Agent, db: DbSession, body: Text = "",
                canned_code: Annotated[str, Form(alias="canned")] = "", insist: Text = "", version: Text = "",
                then: Text = "") -> Response:
    async def action() -> None:
        data = await _reply_data(db, agent, item_id, body, canned_code, insist == "on", number(version, "version"))
        await replies.reply(db, agent, item_id, data)
        if then in ("resolved", "pending_customer"):
            await items.set_status(db, agent, item_id, then)
    return await _act(request, agent, db, item_id, "reply", action,
                      {"body": body, "canned": canned_code, "insist": insist})

