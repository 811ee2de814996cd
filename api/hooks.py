"""Webhooks the platforms call: X's Account Activity (CRC challenge, signed events) and
Facebook pages (verify handshake, signed feed changes).

Outside /api/v1: the platforms send neither a session nor a CSRF token, and a busy brand
gets more deliveries a minute than any member's write budget. What protects these routes
is the signature over the raw body, checked before anything else is read, and the size cap every
request body has (hearth.middleware: 1 MB by default).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from care import ingest, service
from care.connectors import facebook, x
from care.connectors.errors import PayloadError
from care.models import Channel, ChannelKind
from hearth import events
from hearth.db import ReadSession, get_database
from hearth.errors import Forbidden, Invalid, NotFound
from hearth.ids import Id

router = APIRouter(prefix="/api/hooks", tags=["webhooks"])

async def _queue(channel: Channel, mentions: list) -> JSONResponse:
    """Label and match with a reading session, then write the inbox in a short transaction:
    the write lock (one at a time on SQLite) is held for the insert only, not for the labels."""
    database = get_database()
    async with database.sessionmaker() as reading:
        prepared = await ingest.prepare(reading, channel, mentions)
    async with await database.writer() as writing:
        queued = await ingest.enqueue(writing, channel, prepared)
        await writing.commit()
    events.wake_worker()
    return JSONResponse({"received": len(mentions), "queued": queued})


async def _channel(db: ReadSession, channel_id: int, kind: ChannelKind) -> Channel:
    channel = await service.get_channel(db, channel_id)
    if channel.kind != kind or not channel.active:
        raise NotFound("No such channel")
    return channel


def _json(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Invalid("The body is not valid JSON") from exc
    if not isinstance(payload, dict):
        raise Invalid("The body must be a JSON object")
    return payload


@router.get("/x/{channel_id}")
async def x_challenge(channel_id: Id, db: ReadSession, crc_token: str = Query(min_length=1, max_length=500)) -> dict:
    channel = await _channel(db, channel_id, ChannelKind.X)
    return x.crc_response(crc_token, service.channel_secret(channel) or "")


@router.post("/x/{channel_id}")
async def x_events(channel_id: Id, request: Request, db: ReadSession) -> JSONResponse:
    channel = await _channel(db, channel_id, ChannelKind.X)
    body = await request.body()
    if not x.verify_signature(body, request.headers.get("x-twitter-webhooks-signature"),
                              service.channel_secret(channel) or ""):
        raise Forbidden("The signature does not match this channel's secret")
    try:
        mentions = x.parse(_json(body))
    except PayloadError as exc:
        raise Invalid("The delivery is not in the X API v2 shape: %(problem)s", problem=str(exc)[:300]) from exc
    return await _queue(channel, mentions)


@router.get("/facebook/{channel_id}", response_class=PlainTextResponse)
async def facebook_handshake(channel_id: Id, request: Request, db: ReadSession) -> PlainTextResponse:
    channel = await _channel(db, channel_id, ChannelKind.FACEBOOK)
    challenge = facebook.handshake(request.query_params, service.channel_verify_token(channel) or "")
    if challenge is None:
        raise Forbidden("The verify token does not match this channel's")
    return PlainTextResponse(challenge)


@router.post("/facebook/{channel_id}")
async def facebook_events(channel_id: Id, request: Request, db: ReadSession) -> JSONResponse:
    channel = await _channel(db, channel_id, ChannelKind.FACEBOOK)
    body = await request.body()
    if not facebook.verify_signature(body, request.headers.get("x-hub-signature-256"),
                                     service.channel_secret(channel) or ""):
        raise Forbidden("The signature does not match this channel's secret")
    try:
        mentions = facebook.parse(_json(body))
    except PayloadError as exc:
        raise Invalid("The delivery is not a Facebook page feed change: %(problem)s", problem=str(exc)[:300]) from exc
    return await _queue(channel, mentions)
