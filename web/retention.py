"""Retention pages: the dashboard, the case list, a case with its forms, and root causes for admins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, get_args

from fastapi import APIRouter, Depends, Form, Query, Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import RedirectResponse, Response

from hearth import clock, i18n, versions
from hearth.accounts.models import Account, Role
from hearth.auth import AdminAccount, require_role
from hearth.db import DbSession
from hearth.errors import HearthError, Invalid
from hearth.ids import Id
from retention import service
from retention.models import Channel, ContactResult, Outcome
from retention.schemas import AssignIn, AttemptIn, CloseIn, NoteIn, RootCauseIn, TakeIn, View
from web import shared
from web.forms import all_or_nothing, field_errors, number, validate
from web.rendering import environment, render

router = APIRouter()
_ = i18n.gettext
Text = Annotated[str, Form()]
Agent = Annotated[Account, Depends(require_role(Role.RETENTION_AGENT))]
VIEWS = get_args(View)


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _month_label(key: str) -> str:
    # "Nov 2026", with the month as the interface language writes it.
    return environment.filters["date"](datetime(int(key[:4]), int(key[5:7]), 1, tzinfo=UTC)).split(" ", 1)[1]


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    month: str
    year: str
    value: str
    title: str


CHART_HEIGHT, CHART_TOP, CHART_BOTTOM, BAR_SLOT = 180, 22, 40, 56


def month_chart(rates: list[service.Rate]) -> list[Bar]:
    """Bars of the monthly retention rate, laid out for an inline SVG (no script on the page)."""
    plot = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    bars = []
    for i, r in enumerate(rates):
        height = plot * (r.rate or 0.0)
        label = _month_label(r.key)
        month, year = label.rsplit(" ", 1)
        value = f"{round(r.rate * 100)}%" if r.rate is not None else "–"
        # The year under the first month and under each January; the other months need none.
        bars.append(Bar(x=i * BAR_SLOT + 8, y=CHART_TOP + plot - height, width=BAR_SLOT - 16, height=height,
                        month=month, year=year if i == 0 or r.key.endswith("-01") else "", value=value,
                        title=_("%(month)s: %(retained)s retained, %(churned)s churned") % {
                            "month": label, "retained": r.retained, "churned": r.churned}))
    return bars


def _common() -> dict:
    return {"outcomes": list(Outcome), "channels": list(Channel), "results": list(ContactResult),
            "now": clock.now(), "is_lead": service.is_lead}


# --- dashboard and list ------------------------------------------------------------------------

@router.get("/retention")
async def dashboard(request: Request, agent: Agent, db: DbSession) -> Response:
    async def page() -> Response:
        board = await service.dashboard(db, agent)
        return render(request, "retention/dashboard.html", {
            "d": board, "bars": month_chart(board.by_month), "chart_width": BAR_SLOT * len(board.by_month),
            "chart_height": CHART_HEIGHT, "chart_baseline": CHART_HEIGHT - CHART_BOTTOM, "month_label": _month_label,
            **_common()})

    # "Assigned to you" makes it each agent's own page.
    return await shared.page(request, db, look=_BOARD_LOOK, render=page, private=True)


_BOARD = ("retention_cases", "retention_contact_attempts", "review_products")


async def _board_version(db: AsyncSession, _agent: Account, _values: tuple) -> tuple[tuple, None]:
    # Cases fall overdue as time passes, with nothing written: the minute is part of the version.
    return (*await versions.of(db, *_BOARD), clock.now().replace(second=0, microsecond=0)), None


_BOARD_LOOK = shared.Look(_board_version)


@router.get("/retention/cases")
async def cases(request: Request, agent: Agent, db: DbSession, view: str = Query("open", max_length=10),
                product_id: str = Query("", max_length=12), page: int = Query(1, ge=1, le=1000)) -> Response:
    chosen: View = view if view in VIEWS else "open"  # type: ignore[assignment]
    product = number(product_id)
    rows, total = await service.list_cases(db, agent, view=chosen, product_id=product,
                                         offset=(page - 1) * service.PER_PAGE)
    return render(request, "retention/cases.html", {
        "rows": rows, "total": total, "page": page, "pages": max(1, -(-total // service.PER_PAGE)), "view": chosen,
        "product_id": product, "products": await service.products(db), **_common()})


# --- a case ------------------------------------------------------------------------------------

async def _case_page(request: Request, db: DbSession, case_id: int, *, message: str | None = None,
                     errors: dict | None = None, values: dict | None = None, status_code: int = 200) -> Response:
    return render(request, "retention/case.html", {
        "d": await service.case_detail(db, case_id), "agents": await service.agents(db),
        "root_causes": await service.list_root_causes(db, active_only=True), "message": message,
        "errors": errors or {}, "values": values or {}, **_common()}, status_code=status_code)


async def _failed(request: Request, db: DbSession, case_id: int, exc: HearthError, values: dict) -> Response:
    errors = field_errors(exc) if isinstance(exc, Invalid) else {}
    return await _case_page(request, db, case_id, message=exc.translated(_), errors=errors, values=values,
                            status_code=exc.status)


@router.get("/retention/cases/{case_id}")
async def case(case_id: Id, request: Request, agent: Agent, db: DbSession) -> Response:
    return await _case_page(request, db, case_id)


@router.post("/retention/cases/{case_id}/take")
async def take(case_id: Id, request: Request, agent: Agent, db: DbSession, version: Text = "") -> Response:
    try:
        data = validate(TakeIn, {"version": number(version, "version")})
        async with all_or_nothing(db):
            await service.take(db, agent, case_id, data.version)
    except HearthError as exc:
        return await _failed(request, db, case_id, exc, {})
    return _see_other(f"/retention/cases/{case_id}?done=take")


@router.post("/retention/cases/{case_id}/assign")
async def assign(case_id: Id, request: Request, agent: Agent, db: DbSession, version: Text = "",
                 agent_id: Text = "") -> Response:
    try:
        data = validate(AssignIn, {"version": number(version, "version"), "agent_id": number(agent_id, "agent_id")})
        async with all_or_nothing(db):
            await service.assign(db, agent, case_id, data.version, data.agent_id)
    except HearthError as exc:
        return await _failed(request, db, case_id, exc, {"agent_id": agent_id})
    return _see_other(f"/retention/cases/{case_id}?done=assign")


@router.post("/retention/cases/{case_id}/attempts")
async def log_attempt(case_id: Id, request: Request, agent: Agent, db: DbSession, channel: Text = "",
                      result: Text = "", note: Text = "") -> Response:
    values = {"channel": channel, "result": result, "attempt_note": note}
    try:
        data = validate(AttemptIn, {"channel": channel, "result": result, "note": note or None})
        async with all_or_nothing(db):
            await service.log_attempt(db, agent, case_id, data)
    except HearthError as exc:
        return await _failed(request, db, case_id, exc, values)
    return _see_other(f"/retention/cases/{case_id}?done=attempt")


@router.post("/retention/cases/{case_id}/notes")
async def add_note(case_id: Id, request: Request, agent: Agent, db: DbSession, text: Text = "") -> Response:
    try:
        async with all_or_nothing(db):
            await service.add_note(db, agent, case_id, validate(NoteIn, {"text": text}).text)
    except HearthError as exc:
        return await _failed(request, db, case_id, exc, {"text": text})
    return _see_other(f"/retention/cases/{case_id}?done=note")


@router.post("/retention/cases/{case_id}/close")
async def close(case_id: Id, request: Request, agent: Agent, db: DbSession, version: Text = "",
                outcome: Text = "", root_cause_id: Text = "", note: Text = "") -> Response:
    values = {"outcome": outcome, "root_cause_id": root_cause_id, "close_note": note}
    try:
        data = validate(CloseIn, {"version": number(version, "version"), "outcome": outcome or None,
                                  "root_cause_id": number(root_cause_id, "root_cause_id"), "note": note or None})
        async with all_or_nothing(db):
            await service.close(db, agent, case_id, data)
    except HearthError as exc:
        return await _failed(request, db, case_id, exc, values)
    return _see_other(f"/retention/cases/{case_id}?done=close")


# --- administration: root causes ---------------------------------------------------------------

async def _root_causes_page(request: Request, db: DbSession, **extra: object) -> Response:
    status_code = int(extra.pop("status_code", 200))  # type: ignore[call-overload]
    return render(request, "retention/root_causes.html", {
        "root_causes": await service.list_root_causes(db), "errors": {}, "values": {}, **extra},
        status_code=status_code)


@router.get("/admin/root-causes")
async def root_causes(request: Request, admin: AdminAccount, db: DbSession) -> Response:
    return await _root_causes_page(request, db)


@router.post("/admin/root-causes")
async def save_root_cause(request: Request, admin: AdminAccount, db: DbSession, name: Text = "",
                          position: Text = "0", active: Text = "", root_cause_id: Text = "") -> Response:
    values = {"name": name, "position": position, "active": active}
    editing = number(root_cause_id)  # a hidden field
    try:
        data = validate(RootCauseIn, {"name": name, "position": number(position, "position"),
                                      "active": active == "on"})
        async with all_or_nothing(db):
            await service.save_root_cause(db, data, editing)
    except HearthError as exc:
        return await _root_causes_page(request, db, values=values, edit_id=editing,
                                       message=exc.translated(_), status_code=exc.status,
                                       errors=field_errors(exc) if isinstance(exc, Invalid) else {})
    return _see_other("/admin/root-causes")

