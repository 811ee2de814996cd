"""Interface translations: English msgids, Dutch and French catalogs in hearth/locale/*.po.

The language of a request is the member's choice, else the `hearth_lang` cookie, else the
browser's Accept-Language, else the default. It lives in a context variable so templates,
errors and services all translate alike without passing it around.
"""

from __future__ import annotations

import ast
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LANGUAGES = {"en": "English", "nl": "Nederlands", "fr": "Français"}
DEFAULT = "en"
LOCALE_DIR = Path(__file__).parent / "locale"

current: ContextVar[str] = ContextVar("hearth_language", default=DEFAULT)


def parse_po(text: str) -> dict[str, str]:
    """Read msgid/msgstr pairs of a .po file (no plurals or contexts: we use neither)."""
    catalog: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    target: list[str] | None = None

    def flush() -> None:
        if msgid is not None and msgstr is not None:
            key, value = "".join(msgid), "".join(msgstr)
            if key and value:
                catalog[key] = value

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("msgid "):
            flush()
            msgid, msgstr = [ast.literal_eval(line[6:])], None
            target = msgid
        elif line.startswith("msgstr "):
            msgstr = [ast.literal_eval(line[7:])]
            target = msgstr
        elif line.startswith('"') and target is not None:
            target.append(ast.literal_eval(line))
        elif not line or line.startswith("#"):
            continue
    flush()
    return catalog


@cache
def catalog(language: str) -> dict[str, str]:
    path = LOCALE_DIR / f"{language}.po"
    return parse_po(path.read_text(encoding="utf-8")) if path.exists() else {}


def gettext(message: str) -> str:
    language = current.get()
    if language == DEFAULT:
        return message
    return catalog(language).get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


_ = gettext


def negotiate(accept_language: str | None) -> str | None:
    """Best supported language from an Accept-Language header, by q-value."""
    if not accept_language:
        return None
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-", 1)[0]
        if primary in LANGUAGES and quality > 0:
            choices.append((-quality, position, primary))
    return min(choices)[2] if choices else None


def choose(member_language: str | None, cookie: str | None, accept_language: str | None) -> str:
    for candidate in (member_language, cookie):
        if candidate in LANGUAGES:
            return candidate
    return negotiate(accept_language) or DEFAULT
