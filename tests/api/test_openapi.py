"""The OpenAPI document and the server are one: schemathesis generates requests from
/openapi.json for every operation and checks each answer against it (no server errors,
status codes and content types documented, bodies in the documented shape)."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import hypothesis
import pytest
import requests

from hearth.accounts import service as accounts
from hearth.accounts.models import Role
from hearth.db import Database
from hearth.settings import get_settings
from tests.conftest import create_member
from tests.live import serving

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 6  # per operation: some 550 requests, well under a minute on either database
# Taking away the run's own access would leave the rest of the run at 401.
SPARED = {("DELETE", "/api/v1/me/tokens/{token_id}"), ("PUT", "/api/v1/admin/accounts/{account_id}/active"),
          ("PUT", "/api/v1/admin/accounts/{account_id}/roles"), ("POST", "/api/v1/me/password"),
          # A live stream never ends by itself (tests/care/test_queue.py reads it as a client does).
          ("GET", "/api/v1/care/items/events")}


async def _admin_token(database: Database) -> str:
    admin = await create_member(database, "schema@example.com", "Sam Schema", frozenset(Role))
    async with database.sessionmaker() as s:
        _record, token = await accounts.create_token(s, admin, "schemathesis")
        await s.commit()
    return token


def _run(spec: dict[str, Any], base: str, token: str, seen: Counter[int]) -> list[str]:
    schema = schemathesis.openapi.from_dict(spec)
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {token}"
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SPARED:
            continue

        @hypothesis.settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                             suppress_health_check=list(hypothesis.HealthCheck),
                             phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate])
        @hypothesis.given(case=operation.as_strategy())
        def check(case: Any) -> None:
            response = case.call(base_url=base, session=http, timeout=10)
            seen[response.status_code] += 1
            try:
                case.validate_response(response, checks=CHECKS)
            except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - every failure is reported, the run goes on
                failures.append(f"{case.method} {case.formatted_path} -> {response.status_code}: {exc}"[:600])

        check()
    return failures


async def test_the_api_answers_as_its_openapi_document_says(app, database: Database,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    settings = get_settings()
    for name in ("write_limit", "signin_limit", "signup_limit"):
        monkeypatch.setattr(settings, name, "1000000/60")
    token = await _admin_token(database)
    spec = app.openapi()
    seen: Counter[int] = Counter()
    async with serving(app, database) as base:
        failures = await asyncio.to_thread(_run, spec, base, token, seen)
    assert not failures, f"{len(failures)} answers differ from the spec:\n" + "\n".join(failures[:15])
    assert sum(n for status, n in seen.items() if status < 300) > 50, seen  # signed in: not all refusals
    assert 500 not in seen, seen
