"""Templates with translations, the CSRF token and the signed-in account in every page.

jinja2-fragments renders one block of a page for htmx requests, so a page and its
partial updates come from the same template.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import Request
from jinja2_fragments import render_block
from markupsafe import Markup, escape
from starlette.responses import HTMLResponse, Response

from hearth import __version__, i18n
from hearth.security import csrf_token_for
from hearth.settings import get_settings
from hearth.untrusted import safe_url

TEMPLATES_DIR = Path(__file__).parent / "templates"
environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True, extensions=["jinja2.ext.i18n"],
    auto_reload=False, trim_blocks=True, lstrip_blocks=True)
environment.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
environment.globals.update(
    version=__version__,
    languages=i18n.LANGUAGES,
    settings=get_settings,
)


def _date(value: Any) -> str:
    # Dates shown as 22 Nov 2026 with month names in the interface language.
    months = {
        "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec",
        "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
    }[i18n.current.get()].split()
    return f"{value.day} {months[value.month - 1]} {value.year}"


environment.filters["date"] = _date


def _duration(seconds: float | None) -> str:
    """A span of time as people say it: 0.4 s, 12 s, 3 min, 5 h, 12 d."""
    if seconds is None:
        return ""
    for limit, unit, size in ((60, "s", 1), (3600, "min", 60), (86400 * 2, "h", 3600)):
        if seconds < limit:
            amount = seconds / size
            if unit == "s" and amount < 10 and amount != int(amount):
                return f"{amount:.1f} s"
            return f"{amount:.0f} {unit}"
    return f"{seconds / 86400:,.0f} d"


environment.filters["duration"] = _duration


def _breakable(name: str) -> Markup:
    """A dotted name (`care.sentiment_corrected>retrain_sentiment`) that may wrap after its
    dots on a narrow screen, and nowhere else."""
    return Markup("<wbr>").join(escape(part) for part in re.split(r"(?<=[.>])", name))


environment.filters["breakable"] = _breakable
# Every href that can carry an address from outside goes through this: {% set link = url|safe_url %}.
environment.filters["safe_url"] = safe_url


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


# Pages are rendered with this in place of the CSRF token, which is put in at the end:
# that way fragments (and whole pages, for visitors) can be kept and shared between viewers.
TOKEN_PLACEHOLDER = "__hearth_csrf_token__"


def render_text(request: Request | None, name: str, context: dict[str, Any] | None = None, *,
                block: str | None = None) -> str:
    """A template (or one block of it) as text, with the CSRF placeholder still in it."""
    ctx: dict[str, Any] = {"csrf_token": TOKEN_PLACEHOLDER, "lang": i18n.current.get(), "toasts": []}
    if request is not None:
        ctx.update({
            "account": getattr(request.state, "account", None),
            "path": request.url.path,
            "next_param": quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""), safe=""),
        })
    ctx.update(context or {})
    if block:  # the one block an htmx request needs, from the same template as the page
        return render_block(environment, name, block, ctx)
    return environment.get_template(name).render(ctx)


def render(request: Request, name: str, context: dict[str, Any] | None = None, *,
           status_code: int = 200, block: str | None = None, headers: dict[str, str] | None = None) -> Response:
    return respond(request, render_text(request, name, context, block=block), status_code=status_code,
                   headers=headers)


TOKEN = TOKEN_PLACEHOLDER.encode()


def token_bytes(nonce: str | None) -> bytes:
    return _token(nonce) if nonce else b""


@lru_cache(maxsize=4096)
def _token(nonce: str) -> bytes:
    return csrf_token_for(nonce).encode()


def split_token(page: bytes) -> list[bytes]:
    """A kept page cut where the CSRF token goes, so each response only joins it in (`join_token`)."""
    return page.split(TOKEN)


def join_token(pieces: list[bytes], nonce: str | None) -> bytes:
    return token_bytes(nonce).join(pieces)


def respond(request: Request, html: str, *, status_code: int = 200,
            headers: dict[str, str] | None = None) -> HTMLResponse:
    """Rendered text as a response, with this request's CSRF token put in."""
    if not getattr(request.state, "csrf_placeholder", False):  # the page caches fill it in themselves
        nonce = getattr(request.state, "csrf_nonce", None)
        html = html.replace(TOKEN_PLACEHOLDER, csrf_token_for(nonce) if nonce else "")
    return HTMLResponse(html, status_code=status_code, headers=headers)
