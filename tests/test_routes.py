"""Every route states who may use it, checked by behaviour: an anonymous visitor gets a
sign-in demand on every private route, and no write goes through without its CSRF check.
A new route that forgets its decision fails here."""

from __future__ import annotations

import re

import pytest
from fastapi import routing

from hearth.settings import get_settings
from tests.conftest import csrf_of, sign_in

# Routes anyone may call, each for a reason: reading public community pages, or the
# ways in (sign-up, sign-in, OIDC round trip, language choice) and out.
PUBLIC = {
    ("GET", "/"), ("GET", "/signin"), ("POST", "/signin"), ("GET", "/signup"), ("POST", "/signup"),
    ("POST", "/signout"), ("POST", "/language"), ("GET", "/members/{handle}"),
    ("GET", "/auth/oidc/login"), ("GET", "/auth/oidc/callback"),
    ("POST", "/api/v1/auth/signup"), ("POST", "/api/v1/auth/signin"), ("POST", "/api/v1/auth/signout"),
    ("GET", "/api/v1/members/{handle}"),
    ("GET", "/c/{slug}"), ("GET", "/t/{thread_id}"), ("GET", "/t/{thread_id}/{slug}"), ("GET", "/search"),
    ("GET", "/api/v1/categories"), ("GET", "/api/v1/threads"), ("GET", "/api/v1/threads/{thread_id}"),
    ("GET", "/api/v1/search"), ("GET", "/api/v1/search/similar"),
    ("GET", "/products"), ("GET", "/products/{slug}"), ("GET", "/api/v1/products"),
    ("GET", "/api/v1/products/{slug}"), ("GET", "/api/v1/reviews/{review_id}"), ("GET", "/api/v1/product-categories"),
    ("GET", "/api/v1/ideas"), ("GET", "/api/v1/ideas/{idea_id}"), ("GET", "/api/v1/ideas/similar"),
    ("GET", "/api/v1/ideas/roadmap"), ("GET", "/api/v1/ideas/areas"),
    ("GET", "/ideas"), ("GET", "/ideas/roadmap"), ("GET", "/ideas/{idea_id}"), ("GET", "/ideas/{idea_id}/{slug}"),
    # Called by X and Facebook: they prove themselves with the channel's secret (signatures, tokens).
    ("GET", "/api/hooks/x/{channel_id}"), ("POST", "/api/hooks/x/{channel_id}"),
    ("GET", "/api/hooks/facebook/{channel_id}"), ("POST", "/api/hooks/facebook/{channel_id}"),
    ("GET", "/healthz"), ("GET", "/livez"), ("GET", "/metrics"), ("GET", "/docs"), ("GET", "/openapi.json"),
}
WRITES = {"POST", "PUT", "PATCH", "DELETE"}
# Writes a platform makes, not a browser: no cookie rides along, and instead of a CSRF token
# each is refused without a valid signature of its body (tests/care/test_webhooks.py).
SIGNED = {("POST", "/api/hooks/x/{channel_id}"), ("POST", "/api/hooks/facebook/{channel_id}")}


def all_routes(app) -> list[tuple[str, str]]:
    contexts = routing.iter_route_contexts(app.routes) if hasattr(routing, "iter_route_contexts") else app.routes
    found = set()
    for route in contexts:
        for method in getattr(route, "methods", None) or ():
            if method != "HEAD" and route.path:
                found.add((method, route.path))
    return sorted(found)


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def test_public_list_names_real_routes(app) -> None:
    routes = set(all_routes(app))
    assert len(routes) > 30
    assert PUBLIC <= routes, f"stale PUBLIC entries: {PUBLIC - routes}"


async def test_anonymous_visitors_are_asked_to_sign_in_everywhere_else(app, client,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # One visitor tries every write route, more than one address's write budget allows.
    monkeypatch.setattr(get_settings(), "write_limit", "1000000/60")
    await client.get("/")
    token = csrf_of(client)
    leaks = []
    for method, path in all_routes(app):
        if (method, path) in PUBLIC:
            continue
        url = concrete(path)
        if path.startswith("/api/"):
            response = await client.request(method, url, json={}, headers={"x-csrf-token": token})
            ok = response.status_code == 401
        else:
            data = {"csrf_token": token} if method in WRITES else None
            response = await client.request(method, url, data=data)
            ok = response.status_code == 303 and response.headers["location"].startswith("/signin")
        if not ok:
            leaks.append((method, path, response.status_code))
    assert leaks == [], f"routes open to anonymous visitors: {leaks}"


@pytest.mark.parametrize("area", ["api", "web"])
async def test_every_write_checks_csrf(app, client, member, area: str) -> None:
    await sign_in(client, member.email)
    unchecked = []
    for method, path in all_routes(app):
        if method not in WRITES or path.startswith("/api/") != (area == "api") or (method, path) in SIGNED:
            continue
        # A cross-site form post: the session cookie rides along, no token does.
        response = await client.request(method, concrete(path), data={"x": "1"},
                                        headers={"content-type": "application/x-www-form-urlencoded"})
        if response.status_code != 403 or "csrf" not in response.text.lower() + response.headers.get(
                "content-type", "") and "expired" not in response.text:
            unchecked.append((method, path, response.status_code))
    assert unchecked == [], f"writes without a CSRF check: {unchecked}"
