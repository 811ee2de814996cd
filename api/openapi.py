"""The OpenAPI document says what the server does (server.py calls `document` once routed).

FastAPI documents a route's success and, on its own, a 422 in a shape Hearth never sends.
Here every operation under /api also lists the problems it can answer, as the
`application/problem+json` shape api/problems.py renders: worked out from what the route
depends on (who must be signed in, with which role), its method (writes pass the CSRF check
and the write budget, and may conflict) and whether it reads a body. The two ways to be
signed in are security schemes, applied to the operations that read the account.
"""

from __future__ import annotations

from typing import Any, get_args

from fastapi import FastAPI
from fastapi.routing import APIRoute

from api.problems import PROBLEM, Problem
from hearth.auth import UNSAFE, CurrentAccount, CurrentMember
from hearth.routing import dependants
from hearth.security import SESSION_COOKIE

SECURITY_SCHEMES = {
    "bearer": {"type": "http", "scheme": "bearer",
               "description": "A personal API token (Settings → API tokens): `Authorization: Bearer hearth_…`"},
    "session": {"type": "apiKey", "in": "cookie", "name": SESSION_COOKIE,
                "description": "The session cookie that signing in sets. Writes with it must send JSON or "
                               "an `X-CSRF-Token` header."},
}
SIGNED_IN: list[dict[str, list[str]]] = [{"bearer": []}, {"session": []}]
DESCRIPTIONS = {
    400: "The body could not be read",
    401: "Sign-in required, or the token or session is no longer valid",
    403: "Not allowed: a role is missing, the account is suspended, or the CSRF check failed",
    404: "Not found",
    409: "Conflict: someone changed it first, or the name is taken",
    413: "The body is too large",
    422: "Invalid input (`errors` names each field, unknown query parameters included)",
    429: "Too many requests; wait for `Retry-After` seconds",
    503: "The database cannot be reached just now; retry after `Retry-After` seconds",
}
_ACCOUNT = get_args(CurrentAccount)[1].dependency
_MEMBER = get_args(CurrentMember)[1].dependency


def _calls(route: APIRoute) -> set[Any]:
    return {each.call for each in dependants(route.dependant)}


def _role_checked(calls: set[Any]) -> bool:
    return any(getattr(call, "__qualname__", "").startswith("require_role.") for call in calls)


def problem_statuses(route: APIRoute) -> set[int]:
    """The problems a route can answer besides what its own `responses` declare."""
    calls = _calls(route)
    writes = bool(set(route.methods or ()) & UNSAFE)
    statuses = {404, 422, 503}
    if _ACCOUNT in calls:
        statuses.add(401)
    if _role_checked(calls) or writes:
        statuses.add(403)
    if writes:
        statuses |= {409, 429}
    if route.body_field is not None:
        statuses |= {400, 413}
    return statuses


def _problem(status: int, declared: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"description": (declared or {}).get("description") or DESCRIPTIONS.get(status, "Error"),
            "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


def _document_route(route: APIRoute) -> None:
    declared = {int(status): response for status, response in route.responses.items() if str(status).isdigit()}
    problems = {status for status in declared if status >= 400} | problem_statuses(route)
    route.responses = {**route.responses, **{status: _problem(status, declared.get(status))
                                             for status in sorted(problems)}}
    calls = _calls(route)
    if _ACCOUNT in calls:
        # A route that only reads the account (to show what a member may do) works signed out too.
        security = SIGNED_IN if _MEMBER in calls else [*SIGNED_IN, {}]
        route.openapi_extra = {**(route.openapi_extra or {}), "security": security}


def document(app: FastAPI, prefix: str = "/api/") -> None:
    for route in app.routes:
        if isinstance(route, APIRoute) and route.include_in_schema and route.path.startswith(prefix):
            _document_route(route)
    build = app.openapi

    def openapi() -> dict[str, Any]:
        schema = app.openapi_schema
        if schema is None:
            schema = build()  # FastAPI's own keeps it as app.openapi_schema
            components = schema.setdefault("components", {})
            components.setdefault("schemas", {}).update(_problem_schemas())
            components["securitySchemes"] = SECURITY_SCHEMES
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _problem_schemas() -> dict[str, Any]:
    schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    return {**schema.pop("$defs", {}), "Problem": schema}
