"""Social listening pages for care agents and admins: the mention stream, a conversation,
listening topics with a live query check and preview, channels and their credentials,
imports with their progress, and smart delete."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from care import jobs, service, topics, views
from care.models import Sentiment
from care.schemas import ChannelIn, TopicIn
from hearth import i18n
from hearth.accounts.models import Account, Role
from hearth.auth import require_role
from hearth.db import DbSession
from hearth.errors import HearthError, Invalid
from hearth.ids import BigId, Id
from web.forms import field_errors, number, validate
from web.rendering import is_htmx, render

router = APIRouter()
_ = i18n.gettext
Text = Annotated[str, Form()]
Agent = Annotated[Account, Depends(require_role(Role.CARE_AGENT))]
MAX_UPLOAD = 50_000_000


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _day(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC) if value else None
    except ValueError as exc:
        raise Invalid("Dates are written as YYYY-MM-DD") from exc


@router.get("/care")
async def stream_page(request: Request, agent: Agent, db: DbSession, topic: str = Query("", max_length=10),
                      channel: str = Query("", max_length=10), language: Literal["", "en", "nl", "fr", "de"] = "",
                      sentiment: Literal["", "positive", "neutral", "negative"] = "",
                      since: str = Query("", max_length=10), until: str = Query("", max_length=10),
                      cursor: str | None = Query(None, max_length=200)) -> Response:
    until_day = _day(until)
    filters = service.StreamFilter(number(topic), number(channel), language or None,
                                   Sentiment(sentiment) if sentiment else None, _day(since),
                                   until_day + timedelta(days=1) if until_day else None)
    rows, more = await service.stream(db, filters, cursor=cursor)
    context = {"rows": rows, "next_cursor": more, "topics": await topics.list_topics(db),
               "channels": await service.list_channels(db), "counts": await service.counts(db),
               "f": {"topic": topic, "channel": channel, "language": language, "sentiment": sentiment,
                     "since": since, "until": until}}
    if is_htmx(request) and cursor:
        return render(request, "care/stream.html", context, block="rows")
    return render(request, "care/stream.html", context)


@router.get("/care/conversations/{conversation_id}")
async def conversation_page(conversation_id: BigId, request: Request, agent: Agent, db: DbSession) -> Response:
    return render(request, "care/conversation.html", {"view": await service.conversation(db, conversation_id)})


@router.post("/care/mentions/{mention_id}/sentiment")
async def correct(mention_id: BigId, request: Request, agent: Agent, db: DbSession, sentiment: Text = "") -> Response:
    if sentiment not in ("positive", "neutral", "negative"):
        raise Invalid("Choose positive, neutral or negative")
    mention = await service.correct_sentiment(db, agent, mention_id, sentiment)
    if is_htmx(request):
        return render(request, "care/_sentiment.html", {"m": mention})
    return _see_other(f"/care/conversations/{mention.conversation_id}#mention-{mention.id}")


# --- topics -------------------------------------------------------------------------------------

def _topic_values(name: str, query: str, profiles: str, active: str) -> dict:
    return {"name": name, "query": query, "profiles": profiles, "active": active}


def _topic_data(values: dict) -> TopicIn:
    return validate(TopicIn, {"name": values["name"], "query": values["query"],
                              "profiles": values["profiles"].replace(",", " ").split(),
                              "active": values["active"] == "on"})


@router.get("/care/topics")
async def topics_page(request: Request, agent: Agent, db: DbSession, edit: str = Query("", max_length=10)) -> Response:
    listed = await topics.list_topics(db)
    chosen = next((t for t in listed if t.id == number(edit)), None)
    values = (_topic_values(chosen.name, chosen.query, " ".join(chosen.profiles), "on" if chosen.active else "")
              if chosen else {"active": "on"})
    return render(request, "care/topics.html", {"topics": listed, "edit": chosen, "values": values, "errors": {},
                                                "deletes": await service.smart_deletes(db)})


@router.post("/care/topics/check")
async def check_topic(request: Request, agent: Agent, db: DbSession, name: Text = "", query: Text = "",
                      profiles: Text = "") -> Response:
    """As the agent types: is the query well formed, and how many stored mentions would it match?"""
    values = _topic_values(name or "preview", query, profiles, "on")
    try:
        matched, seen = await topics.preview(db, _topic_data(values))
        result: dict[str, Any] = {"ok": True, "matched": matched, "seen": seen}
    except HearthError as exc:
        result = {"ok": False, "message": exc.translated(_)}
    return render(request, "care/_preview.html", {"result": result})


@router.post("/care/topics")
async def save_topic(request: Request, agent: Agent, db: DbSession, name: Text = "", query: Text = "",
                     profiles: Text = "", active: Text = "", topic_id: Text = "") -> Response:
    values = _topic_values(name, query, profiles, active)
    try:
        await topics.save_topic(db, _topic_data(values), number(topic_id))
    except HearthError as exc:
        listed = await topics.list_topics(db)
        return render(request, "care/topics.html", {
            "topics": listed, "edit": next((t for t in listed if t.id == number(topic_id)), None), "values": values,
            "errors": field_errors(exc) if isinstance(exc, Invalid) else {}, "message": exc.translated(_),
            "deletes": await service.smart_deletes(db)}, status_code=exc.status)
    return _see_other("/care/topics")


@router.get("/care/smart-delete")
async def smart_delete_page(request: Request, agent: Agent, db: DbSession) -> Response:
    plan = await service.plan_smart_delete(db)
    return render(request, "care/smart_delete.html", {"plan": plan, "topics": await topics.list_topics(db)})


@router.post("/care/smart-delete")
async def smart_delete(request: Request, agent: Agent, db: DbSession, expected: Text = "") -> Response:
    try:
        count = number(expected)
        if count is None:  # the preview's count is what makes the delete safe: never without it
            raise Invalid("Start from the preview: a smart delete needs the number of mentions it showed",
                          field="expected")
        await service.smart_delete(db, agent, expected=count)
    except HearthError as exc:
        plan = await service.plan_smart_delete(db)
        return render(request, "care/smart_delete.html", {"plan": plan, "topics": await topics.list_topics(db),
                                                          "message": exc.translated(_)}, status_code=exc.status)
    return _see_other("/care/topics?deleted=1")


# --- channels -----------------------------------------------------------------------------------

@router.get("/care/channels")
async def channels_page(request: Request, agent: Agent, db: DbSession) -> Response:
    listed = await service.list_channels(db)
    return render(request, "care/channels.html", {"channels": [(c, views.webhook_url(c)) for c in listed],
                                                  "values": {"kind": "x", "poll_minutes": "15"}, "errors": {}})


@router.post("/care/channels")
async def save_channel(request: Request, agent: Agent, db: DbSession, kind: Text = "x", name: Text = "",
                       account: Text = "", news: Text = "", poll_minutes: Text = "15", secret: Text = "",
                       verify_token: Text = "", active: Text = "on", channel_id: Text = "") -> Response:
    values = {"kind": kind, "name": name, "account": account, "news": news, "poll_minutes": poll_minutes,
              "active": active}
    try:
        data = validate(ChannelIn, {"kind": kind, "name": name, "account": account, "news": news == "on",
                                    "poll_minutes": number(poll_minutes) or 0, "secret": secret or None,
                                    "verify_token": verify_token or None, "active": active == "on"})
        await service.save_channel(db, data, number(channel_id))
    except HearthError as exc:
        listed = await service.list_channels(db)
        return render(request, "care/channels.html", {
            "channels": [(c, views.webhook_url(c)) for c in listed], "values": values, "edit_id": number(channel_id),
            "errors": field_errors(exc) if isinstance(exc, Invalid) else {}, "message": exc.translated(_)},
            status_code=exc.status)
    return _see_other("/care/channels")


# --- imports ------------------------------------------------------------------------------------

@router.get("/care/imports")
async def imports_page(request: Request, agent: Agent, db: DbSession) -> Response:
    channels = [c for c in await service.list_channels(db) if c.kind == "import"]
    return render(request, "care/imports.html", {"jobs": await jobs.list_imports(db), "channels": channels})


@router.get("/care/imports/{import_id}")
async def import_progress(import_id: Id, request: Request, agent: Agent, db: DbSession) -> Response:
    """The progress row, polled by htmx while the import runs."""
    return render(request, "care/_import_row.html", {"job": await jobs.get_import(db, import_id)})


@router.post("/care/imports")
async def upload(request: Request, agent: Agent, db: DbSession,
                 file: Annotated[UploadFile | None, File()] = None, channel_id: Text = "",
                 format: Text = "twcs") -> Response:
    try:
        if file is None or not file.filename:
            raise Invalid("Choose a file to import", field="file")
        content = await file.read(MAX_UPLOAD + 1)
        if len(content) > MAX_UPLOAD:
            raise Invalid("The file is larger than 50 MB; import it with `hearth import-mentions`", field="file")
        await jobs.upload(db, agent, await service.get_channel(db, number(channel_id) or 0), format,
                          file.filename, content)
    except HearthError as exc:
        channels = [c for c in await service.list_channels(db) if c.kind == "import"]
        return render(request, "care/imports.html", {"jobs": await jobs.list_imports(db), "channels": channels,
                                                     "message": exc.translated(_)}, status_code=exc.status)
    return _see_other("/care/imports")
