"""The composition root: builds the FastAPI application from the kernel and the
delivery packages (api/, web/). It sits above all of them, outside the kernel, so that
`hearth/` imports nothing above it; nothing imports this module but the server and tests.

Adding a domain: create its package (models, schemas, service), add its name to
hearth.domains.DOMAINS so its event handlers register, import its models in alembic/env.py, and add
its routers to api/router.py and web/router.py.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hearth import __version__, cpu, db, events, metrics, routing
from hearth.db import Database, get_database, set_database
from hearth.domains import load_handlers
from hearth.errors import HearthError, Unavailable
from hearth.logs import configure_logging
from hearth.middleware import RequestContext
from hearth.settings import get_settings

STATIC_DIR = Path(__file__).resolve().parent / "web" / "static"
log = logging.getLogger("hearth")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    database = get_database()
    # What start-up loaded (modules, templates, metadata: some 200,000 objects) lives as long as
    # the process. Left to the collector, each full collection would walk all of it — about
    # 80 ms during which no request is served; frozen, collections see only newer objects.
    gc.freeze()
    worker = None
    if get_settings().inprocess_worker:
        worker = events.Worker(database)
        worker.start()
    try:
        yield
    finally:
        if worker:
            await worker.stop()
        cpu.shutdown()
        await database.dispose()
        set_database(None)


class Hearth(FastAPI):
    """FastAPI behind a front of plain ASGI: the request context (language, CSRF cookie, security
    headers, metrics), then the lane that answers kept pages (web.lane), then FastAPI's own
    stack. A kept page is served without FastAPI's routing, which costs more than the page."""

    def __init__(self, **kwargs: Any) -> None:
        from web.lane import KeptLane

        super().__init__(**kwargs)
        self.front = RequestContext(KeptLane(partial(FastAPI.__call__, self)))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.front(scope, receive, send)


def create_app(database: Database | None = None) -> FastAPI:
    from api import router as api
    from api.hooks import router as hooks_router
    from web import router as web

    settings = get_settings()
    configure_logging(settings.log_level)
    if database is not None:
        set_database(database)
    load_handlers()
    app = Hearth(
        title="Hearth", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="Brand community with customer care built in. Errors are RFC 9457 problem+json.",
    )
    _install_error_handlers(app)
    routing.use_indexed_router(app)
    _add_operations(app)
    routing.include(app, [hooks_router])  # the platforms' webhooks: signed, outside /api/v1's CSRF and budgets
    routing.include(app, api.ROUTERS, prefix=api.PREFIX, dependencies=api.DEPENDENCIES)
    api.document(app)  # problems and security schemes in the OpenAPI document, for /api/v1 and the webhooks
    routing.include(app, web.ROUTERS, dependencies=web.DEPENDENCIES, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def _install_error_handlers(app: FastAPI) -> None:
    """One error hierarchy, two renderers: problem+json under /api, pages elsewhere."""
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    from api import problems
    from web import errors

    async def handle(request: Request, exc: Exception) -> Response:
        renderer = problems.respond if request.url.path.startswith("/api/") else errors.respond
        if not isinstance(exc, HearthError) and db.unreachable(exc):
            log.warning("database unavailable on %s %s: %s", request.method, request.url.path, exc)
            exc = Unavailable("The service cannot reach its database just now. Try again in a moment.")
        return renderer(request, exc)

    for kind in (HearthError, RequestValidationError, HTTPException, *db.UNREACHABLE_ERRORS):
        app.add_exception_handler(kind, handle)
    app.add_middleware(AnswerUnexpected, handle=handle)


class AnswerUnexpected:
    """Answers an error no handler took with its own 500, inside Starlette's ServerErrorMiddleware.
    That middleware would send the same answer and then re-raise, so the server logged the error a
    second time and closed the keep-alive connection, failing the client's next request."""

    def __init__(self, app: ASGIApp, handle: Callable[[Request, Exception], Awaitable[Response]]) -> None:
        self.app = app
        self.handle = handle

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:
            if started:  # half an answer is out: only closing the connection tells the client
                raise
            response = await self.handle(Request(scope, receive), exc)
            await response(scope, receive, send)


def _add_operations(app: FastAPI) -> None:
    @app.get("/livez", include_in_schema=False)
    async def livez() -> PlainTextResponse:
        # The process answers; touches nothing else (the benchmark's trivial endpoint too).
        return PlainTextResponse("ok")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> JSONResponse:
        # 503 only when this instance cannot serve (no database). A stalled outbox worker is
        # reported ("degraded") but does not take the instance out of a load balancer.
        try:
            async with get_database().sessionmaker() as session:
                await session.execute(text("SELECT 1"))
                worker = await events.status.health(session)
        except Exception:
            log.exception("health check: database unreachable")
            return JSONResponse({"status": "unavailable", "database": "down"}, status_code=503)
        state = "ok" if worker["state"] == "ok" else "degraded"
        return JSONResponse({"status": state, "database": "ok", "worker": worker, "version": __version__})

    @app.get("/metrics", include_in_schema=False)
    async def prometheus() -> PlainTextResponse:
        async with get_database().sessionmaker() as session:
            outbox = metrics.outbox_gauges(await events.status.status(session))
        return PlainTextResponse(metrics.render(outbox), media_type="text/plain; version=0.0.4")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        # Served from our own static folder: no CDN, and it works offline.
        page = get_swagger_ui_html(
            openapi_url="/openapi.json", title="Hearth API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )
        page.headers["content-security-policy"] = (
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; frame-ancestors 'none'"
        )
        return page
