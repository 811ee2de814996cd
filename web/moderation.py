"""Moderation pages: the review queue, an item in context, the audit log, a member's history,
watched words and guidelines for admins, flags and appeals for members."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from starlette.responses import RedirectResponse, Response

from hearth import i18n
from hearth.accounts.models import Account, Role
from hearth.auth import AdminAccount, CurrentMember, require_role
from hearth.db import DbSession
from hearth.errors import HearthError, Invalid
from hearth.ids import Id
from moderation import kinds, screening, service, trust
from moderation.models import FlagReason, ReviewStatus, WordAction
from moderation.schemas import ACTIONS, ActionIn, AppealIn, ClaimIn, FlagIn, GuidelineIn, WatchedWordIn
from web import shared
from web.forms import all_or_nothing, field_errors, number, safe_next, validate
from web.rendering import environment, is_htmx, render

router = APIRouter()
_ = i18n.gettext
Text = Annotated[str, Form()]
Moderator = Annotated[Account, Depends(require_role(Role.MODERATOR))]
StatusFilter = Literal["pending", "approved", "rejected", "ignored", "all"]
# Post cards say why a post is not public, in the author's words.
environment.globals["moderation_message"] = screening.author_message


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _common() -> dict:
    return {"reason_label": screening.label, "author_message": screening.author_message,
            "kind_label": lambda name: kinds.get(name).label, "trust_name": lambda level: trust.NAMES[level],
            "flag_reasons": list(FlagReason), "actions": ACTIONS}


# --- flags and appeals (members) ---------------------------------------------------------------

@router.post("/flag")
async def flag(request: Request, member: CurrentMember, db: DbSession, kind: Text = "", content_id: Text = "",
               reason: Text = "", note: Text = "", next: Text = "/") -> Response:
    try:
        data = validate(FlagIn, {"kind": kind, "content_id": number(content_id, "content_id"), "reason": reason,
                                 "note": note or None})
        async with all_or_nothing(db):
            await service.flag(db, member, data)
        message, kind_of = _("Thank you. A moderator will look at it."), "ok"
    except HearthError as exc:
        if not is_htmx(request):
            raise
        errors = field_errors(exc) if isinstance(exc, Invalid) else {}
        message, kind_of = (next_error(errors) or exc.translated(_)), "error"
    if is_htmx(request):
        return render(request, "moderation/_flag_result.html", {"kind": kind_of, "message": message})
    return _see_other(safe_next(next))


def next_error(errors: dict[str, str]) -> str | None:
    return next(iter(errors.values()), None)


@router.get("/moderation/mine")
async def mine(request: Request, member: CurrentMember, db: DbSession) -> Response:
    return render(request, "moderation/mine.html", {"items": await service.my_items(db, member),
                                                    "warnings": await service.my_warnings(db, member), **_common()})


@router.post("/moderation/mine/{item_id}/appeal")
async def appeal(item_id: Id, request: Request, member: CurrentMember, db: DbSession, text: Text = "") -> Response:
    try:
        async with all_or_nothing(db):
            await service.appeal(db, member, item_id, validate(AppealIn, {"text": text}).text)
    except HearthError as exc:
        return render(request, "moderation/mine.html", {
            "items": await service.my_items(db, member), "warnings": await service.my_warnings(db, member),
            "appeal_errors": {item_id: exc.translated(_)},
            "values": {item_id: text}, **_common()}, status_code=exc.status)
    return _see_other("/moderation/mine?appealed=1")


# --- the queue --------------------------------------------------------------------------------

@router.get("/mod")
async def queue(request: Request, moderator: Moderator, db: DbSession, status: StatusFilter = "pending",
                kind: str = Query("", max_length=40), reason: str = Query("", max_length=40),
                page: int = Query(1, ge=1, le=1000)) -> Response:
    async def page_() -> Response:
        items, total = await service.queue(db, status=None if status == "all" else ReviewStatus(status),
                                           kind=kind or None, reason=reason or None,
                                           offset=(page - 1) * service.PER_PAGE)
        return render(request, "moderation/queue.html", {
            "items": items, "total": total, "page": page, "pages": max(1, -(-total // service.PER_PAGE)),
            "status": status, "kind": kind, "reason": reason, "kinds": kinds.names(),
            "reason_codes": list(screening.LABELS), **_common()})

    return await shared.page(request, db, look=_QUEUE, render=page_)


# What a queue row shows: the item, its flags, the content's excerpt and its people's names.
_QUEUE = shared.tables("moderation_reviewables", "moderation_flags", "forum_threads", "forum_posts", "reviews",
                       "accounts")


async def _item_page(request: Request, db: DbSession, item_id: int, *, message: str | None = None,
                     errors: dict | None = None, values: dict | None = None, status_code: int = 200) -> Response:
    return render(request, "moderation/item.html", {
        "d": await service.item(db, item_id), "guidelines": await service.list_guidelines(db, active_only=True),
        "message": message, "errors": errors or {}, "values": values or {}, **_common()}, status_code=status_code)


@router.get("/mod/items/{item_id}")
async def item(item_id: Id, request: Request, moderator: Moderator, db: DbSession) -> Response:
    return await _item_page(request, db, item_id)


@router.post("/mod/items/{item_id}/claim")
async def claim(item_id: Id, request: Request, moderator: Moderator, db: DbSession, version: Text = "",
                claiming: Text = "true") -> Response:
    try:
        data = validate(ClaimIn, {"version": number(version, "version")})
        async with all_or_nothing(db):
            await service.claim(db, moderator, item_id, data.version, claiming=claiming == "true")
    except HearthError as exc:
        return await _item_page(request, db, item_id, message=exc.translated(_), status_code=exc.status)
    return _see_other(f"/mod/items/{item_id}")


@router.post("/mod/items/{item_id}/act")
async def act(item_id: Id, request: Request, moderator: Moderator, db: DbSession, action: Text = "",
              version: Text = "", guideline_id: Text = "", note: Text = "", text: Text = "",
              days: Text = "") -> Response:
    values = {"action": action, "guideline_id": guideline_id, "note": note, "text": text, "days": days}
    try:
        data = validate(ActionIn, {"action": action, "version": number(version, "version"),
                                   "guideline_id": number(guideline_id, "guideline_id"), "note": note or None,
                                   "text": text or None, "days": number(days, "days")})
        async with all_or_nothing(db):
            await service.act(db, moderator, item_id, data)
    except HearthError as exc:
        errors = field_errors(exc) if isinstance(exc, Invalid) else {}
        return await _item_page(request, db, item_id, message=exc.translated(_), errors=errors, values=values,
                                status_code=exc.status)
    return _see_other(f"/mod/items/{item_id}?done={action}")


# --- audit log and members --------------------------------------------------------------------

@router.get("/mod/audit")
async def audit(request: Request, moderator: Moderator, db: DbSession, action: str = Query("", max_length=30),
                cursor: str | None = Query(None, max_length=300)) -> Response:
    entries, next_cursor = await service.audit_log(db, action=action or None, cursor=cursor)
    return render(request, "moderation/audit.html", {"entries": entries, "next_cursor": next_cursor,
                                                     "action": action, **_common()})


@router.get("/mod/members/{handle}")
async def member_history(handle: str, request: Request, moderator: Moderator, db: DbSession) -> Response:
    return render(request, "moderation/member.html", {
        "h": await service.member_history(db, handle), "guidelines": await service.list_guidelines(
            db, active_only=True), "errors": {}, **_common()})


@router.post("/mod/members/{handle}/suspension")
async def suspension(handle: str, request: Request, moderator: Moderator, db: DbSession, days: Text = "",
                     guideline_id: Text = "", note: Text = "", lift: Text = "") -> Response:
    history = await service.member_history(db, handle)
    try:
        chosen = None if lift else number(days, "days")
        if (not lift and chosen is None) or (chosen is not None and not 1 <= chosen <= 365):
            raise Invalid("Say for how many days (1 to 365)", field="days")
        async with all_or_nothing(db):
            await service.suspend_member(db, moderator, history.member.id, chosen, number(guideline_id, "guideline_id"),
                                         note or None)
    except HearthError as exc:
        return render(request, "moderation/member.html", {
            "h": history, "guidelines": await service.list_guidelines(db, active_only=True),
            "errors": field_errors(exc) if isinstance(exc, Invalid) else {}, "message": exc.translated(_),
            **_common()}, status_code=exc.status)
    return _see_other(f"/mod/members/{history.member.handle}")


# --- administration: watched words and guidelines ---------------------------------------------

async def _words_page(request: Request, db: DbSession, **extra: object) -> Response:
    status_code = int(extra.pop("status_code", 200))  # type: ignore[call-overload]
    return render(request, "admin/watched_words.html", {
        "words": await service.list_watched_words(db), "word_actions": list(WordAction), "errors": {},
        "values": {}, **extra}, status_code=status_code)


@router.get("/admin/watched-words")
async def watched_words(request: Request, admin: AdminAccount, db: DbSession) -> Response:
    return await _words_page(request, db)


@router.post("/admin/watched-words")
async def add_watched_word(request: Request, admin: AdminAccount, db: DbSession, pattern: Text = "",
                           is_regex: Text = "", action: Text = "", replacement: Text = "") -> Response:
    values = {"pattern": pattern, "is_regex": is_regex, "action": action, "replacement": replacement}
    try:
        data = validate(WatchedWordIn, {"pattern": pattern, "is_regex": is_regex == "on", "action": action,
                                        "replacement": replacement or None})
        async with all_or_nothing(db):
            await service.add_watched_word(db, admin, data)
    except HearthError as exc:
        return await _words_page(request, db, values=values, message=exc.translated(_), status_code=exc.status,
                                 errors=field_errors(exc) if isinstance(exc, Invalid) else {})
    return _see_other("/admin/watched-words")


@router.post("/admin/watched-words/{word_id}/delete")
async def remove_watched_word(word_id: Id, admin: AdminAccount, db: DbSession) -> Response:
    await service.remove_watched_word(db, admin, word_id)
    return _see_other("/admin/watched-words")


@router.get("/admin/guidelines")
async def guidelines(request: Request, admin: AdminAccount, db: DbSession) -> Response:
    return render(request, "admin/guidelines.html", {"guidelines": await service.list_guidelines(db),
                                                     "errors": {}, "values": {}})


@router.post("/admin/guidelines")
async def save_guideline(request: Request, admin: AdminAccount, db: DbSession, title: Text = "",
                         description: Text = "", position: Text = "0", active: Text = "",
                         guideline_id: Text = "") -> Response:
    values = {"title": title, "description": description, "position": position, "active": active}
    editing = number(guideline_id)  # a hidden field
    try:
        data = validate(GuidelineIn, {"title": title, "description": description,
                                      "position": number(position, "position"), "active": active == "on"})
        async with all_or_nothing(db):
            await service.save_guideline(db, admin, data, editing)
    except HearthError as exc:
        return render(request, "admin/guidelines.html", {
            "guidelines": await service.list_guidelines(db), "values": values, "edit_id": editing,
            "errors": field_errors(exc) if isinstance(exc, Invalid) else {}, "message": exc.translated(_)},
            status_code=exc.status)
    return _see_other("/admin/guidelines")
