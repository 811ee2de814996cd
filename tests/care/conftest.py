from __future__ import annotations

import base64
import hashlib
import hmac
import json
from pathlib import Path

import pytest

from care import service, topics
from care.schemas import ChannelIn, TopicIn
from hearth import events
from hearth.accounts.models import Account, Role
from hearth.db import Database
from tests.conftest import create_member

PAYLOADS = Path(__file__).parent / "payloads"
SECRET = "x-consumer-secret-for-tests-0123"
APP_SECRET = "facebook-app-secret-for-tests"
VERIFY = "hearth-verify-token"


def payload(name: str) -> bytes:
    return (PAYLOADS / name).read_bytes()


def x_signature(body: bytes, secret: str = SECRET) -> str:
    return "sha256=" + base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def fb_signature(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


async def drain(database: Database) -> None:
    """Everything the worker would do, including jobs that wait for the rest of a burst."""
    while await events.drain_once(database, ahead=60):
        pass


@pytest.fixture
async def agent(database: Database) -> Account:
    return await create_member(database, "care@example.com", "Cas Care", frozenset({Role.CARE_AGENT}))


async def make_channel(database: Database, **data) -> object:  # noqa: ANN003
    async with database.sessionmaker() as s:
        channel = await service.save_channel(s, ChannelIn(**data))
        await s.commit()
        return channel


async def make_topic(database: Database, name: str, query: str = "", profiles: list[str] | None = None):
    async with database.sessionmaker() as s:
        topic = await topics.save_topic(s, TopicIn(name=name, query=query, profiles=profiles or []))
        await s.commit()
        return topic


@pytest.fixture
async def x_channel(database: Database):
    return await make_channel(database, kind="x", name="X care", account="HearthBank", secret=SECRET)


@pytest.fixture
async def fb_channel(database: Database):
    return await make_channel(database, kind="facebook", name="Facebook page", account="104872305234567",
                              secret=APP_SECRET, verify_token=VERIFY)


@pytest.fixture
async def import_channel(database: Database):
    return await make_channel(database, kind="import", name="Imports")


def jsonl(*mentions: dict) -> str:
    return "\n".join(json.dumps(m) for m in mentions) + "\n"
