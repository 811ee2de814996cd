"""Routing that costs what a bare FastAPI app's does, however many routes Hearth has.

Two things made every request pay for the size of the app. `include_router` keeps each
included router as a branch that is matched (twice) on every request, and the router
tries its routes one by one until one matches: with some two hundred routes, finding the
route cost more than everything else a trivial request does. So the composition root adds
every route to the app directly (`include`: a router's routes, with the prefix,
dependencies and tags an inclusion would give them), and `IndexedRouter` tries only the
routes whose method, first path segment and number of segments fit the request — in their
original order, so the first match is the one the full scan would find. Anything else (a 405, a trailing-slash
redirect, a 404) is left to FastAPI's own scan.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from fastapi import APIRouter, FastAPI, Request
from fastapi import routing as fastapi_routing
from fastapi.dependencies.models import Dependant
from fastapi.params import Depends
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import Receive, Scope, Send

from hearth.errors import Invalid

# What APIRouter.include_router passes on for each route, besides path and dependencies.
_COPIED = ("response_model", "status_code", "summary", "description", "response_description", "responses",
           "deprecated", "methods", "operation_id", "response_model_include", "response_model_exclude",
           "response_model_by_alias", "response_model_exclude_unset", "response_model_exclude_defaults",
           "response_model_exclude_none", "response_class", "name", "callbacks", "openapi_extra",
           "generate_unique_id_function")


def include(app: FastAPI, routers: Iterable[APIRouter], *, prefix: str = "", dependencies: Sequence[Depends] = (),
            include_in_schema: bool = True) -> None:
    """Add each router's routes to the app itself, as `app.include_router` would expose them."""
    for router in routers:
        for route in router.routes:
            if not isinstance(route, APIRoute):
                raise TypeError(f"{route!r}: only plain API routes can be included flat")
            app.router.add_api_route(
                prefix + route.path, route.endpoint, tags=list(route.tags or []),
                dependencies=[*dependencies, *route.dependencies],
                include_in_schema=include_in_schema and route.include_in_schema,
                **{name: getattr(route, name) for name in _COPIED})


def _shape(route: BaseRoute) -> tuple[frozenset[str] | None, str | None, int | None]:
    """What a route can match: its methods (None: any), its first path segment (None: it
    holds a parameter) and its number of segments (None: a `:path` parameter spans several)."""
    path = getattr(route, "path", "") or ""
    segments = path.strip("/").split("/")
    first = None if "{" in segments[0] else segments[0]
    count = None if ":path}" in path or isinstance(route, Mount) else len(segments)
    methods = getattr(route, "methods", None)
    return (frozenset(methods) if methods else None), first, count


class IndexedRouter(fastapi_routing.APIRouter):
    """An APIRouter that tries only the routes a request's method, first path segment and
    number of segments can reach (a handful), in their original order."""

    _shapes: list[tuple[BaseRoute, tuple[frozenset[str] | None, str | None, int | None]]]
    _firsts: frozenset[str]
    _candidates_by_key: dict[tuple[str, str | None, int], list[BaseRoute]]
    _indexed: tuple[int, int] = (-1, -1)

    def _candidates(self, method: str, path: str) -> list[BaseRoute]:
        stamp = (id(self.routes), len(self.routes))
        if stamp != self._indexed:
            self._shapes = [(route, _shape(route)) for route in self.routes]
            self._firsts = frozenset(shape[1] for _r, shape in self._shapes if shape[1] is not None)
            self._candidates_by_key = {}
            self._indexed = stamp
        segments = path.strip("/").split("/")
        first = segments[0] if segments[0] in self._firsts else None  # unknown: only parameter routes can match
        key = (method, first, len(segments))
        found = self._candidates_by_key.get(key)
        if found is None:
            found = self._candidates_by_key[key] = [
                route for route, (methods, route_first, count) in self._shapes
                if (methods is None or method in methods or (method == "HEAD" and "GET" in methods))
                and route_first in (None, first) and count in (None, key[2])]
        return found

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for route in self._candidates(scope["method"], scope["path"]):
                match, child_scope = route.matches(scope)
                if match == Match.FULL:
                    if "router" not in scope:
                        scope["router"] = self
                    fastapi_routing._update_scope(scope, child_scope)  # noqa: SLF001
                    fastapi_routing._route_selected(scope=scope, path=getattr(route, "path_format", None),  # noqa: SLF001
                                                    mount=isinstance(route, Mount))
                    await route.handle(scope, receive, send)
                    return
            allowed = self._allowed(scope)
            if allowed:
                raise StarletteHTTPException(405, headers={"Allow": ", ".join(sorted(allowed))})
        await super().app(scope, receive, send)  # a redirect, a 404: FastAPI's own full scan

    def _allowed(self, scope: Scope) -> set[str]:
        """Every method the path takes when none of its routes takes this one. Starlette's own 405
        names the first route's methods only (GET of a path whose POST is another route)."""
        allowed: set[str] = set()
        for route in self.routes:
            match, _child = route.matches(scope)
            if match == Match.FULL:
                return set()
            if match == Match.PARTIAL:
                allowed |= set(getattr(route, "methods", None) or ())
        return allowed | {"HEAD"} if "GET" in allowed else allowed  # HEAD is served as GET


def use_indexed_router(app: FastAPI) -> None:
    """Make the app's router an IndexedRouter, keeping everything it was configured with
    (FastAPI builds its router itself; the subclass only adds the lookup)."""
    router = app.router
    if getattr(router.middleware_stack, "__self__", None) is not router:
        raise RuntimeError("the app's router has middleware of its own; it cannot be indexed")
    router.__class__ = IndexedRouter
    router.middleware_stack = router.app  # Starlette bound the old class's method at start-up


def dependants(dependant: Dependant) -> Iterator[Dependant]:
    """A route's dependant and all it depends on, depth first."""
    yield dependant
    for sub in dependant.dependencies:
        yield from dependants(sub)


def query_names(route: APIRoute) -> frozenset[str]:
    """The query parameters a route declares, its dependencies' included (worked out once)."""
    # Kept on the route itself, so it lives as long as the app (routes are unhashable: no weak mapping).
    attributes = vars(route)
    known = attributes.get("_hearth_query_names")
    if known is None:
        known = frozenset(param.alias for each in dependants(route.dependant) for param in each.query_params)
        attributes["_hearth_query_names"] = known
    return known


async def refuse_unknown_query(request: Request) -> None:
    """A query parameter the route does not know is refused, as Stripe's API does: `page=2`
    or a misspelt filter silently ignored would answer the first page, or everything."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.query_params:
        return
    known = query_names(route)
    unknown = sorted({name for name in request.query_params if name not in known})
    if unknown:
        raise Invalid("Unknown query parameter: %(names)s", names=", ".join(unknown)[:200], errors=[
            {"loc": ["query", name], "msg": "This endpoint has no such parameter", "type": "unknown_parameter"}
            for name in unknown[:20]])
