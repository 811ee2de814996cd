"""What comes from outside, made safe in one place: links and one-line names.

A link from a feed, a platform or a file is only ever an absolute `http`/`https` address
with a host: `javascript:`, `data:` and the rest are dropped before they are stored and
again before they are rendered (`safe_url`, a template filter too), so a bad link stored
before this check still never becomes an `href`.

Titles, names and handles are read by people, so characters nobody sees must not change
what they read: bidirectional controls (U+202E turns "gpj.exe" around), zero-width
characters (two handles that look the same) and control characters. Titles and names are
cleaned (`CleanLine`); a handle names someone, so one carrying such a character is refused
(`Handle`) rather than quietly made to match someone else's.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

__all__ = ["CLEAN", "CleanLine", "Handle", "WEB_SCHEMES", "clean_line", "has_hidden", "refuse_hidden", "safe_url"]

WEB_SCHEMES = frozenset({"http", "https"})

# Characters that change how text reads without being seen.
_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_INVISIBLE = {*range(0x200B, 0x200E), *range(0x2060, 0x2065), 0xFEFF, 0x180E, 0x00AD,
              0x115F, 0x1160, 0x3164, 0xFFA0}  # zero-width, word joiners, soft hyphen, Hangul fillers
_CONTROLS = {*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)}  # C0 and C1
_HIDDEN = frozenset(_BIDI | _INVISIBLE | _CONTROLS)
# In a line, a control that separates words (tab, line breaks) becomes a space; the rest go.
_DROP = {code: None for code in _HIDDEN if not chr(code).isspace()}


def has_hidden(value: str) -> bool:
    """Whether the text holds a bidirectional control, an invisible or a control character."""
    return any(ord(c) in _HIDDEN for c in value)


def clean_line(value: str) -> str:
    """One line as people see it: hidden characters removed, runs of whitespace one space."""
    return " ".join(value.translate(_DROP).split())


def refuse_hidden(value: str) -> str:
    if has_hidden(value):
        raise PydanticCustomError(
            "hidden_characters",
            "Remove the invisible, direction-changing or control characters (such as U+202E or U+200B)")
    return value


def _clean_input(value: Any) -> Any:
    return clean_line(value) if isinstance(value, str) else value


# Cleaned before the length limits are checked, so a title of zero-width spaces is too short.
# An optional field keeps its limits next to the str: Annotated[str, Field(...), CLEAN] | None.
CLEAN = BeforeValidator(_clean_input)
CleanLine = Annotated[str, CLEAN]
Handle = Annotated[str, AfterValidator(refuse_hidden)]


def safe_url(value: object) -> str | None:
    """An outside address fit to store and to link to (absolute http or https with a host), else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    # Browsers drop tabs and line breaks inside a URL ("java\tscript:"); real links are encoded.
    if not url or any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    return url if parts.scheme.lower() in WEB_SCHEMES and parts.hostname else None


# A tag: letters of any language, digits and dashes ("épargne", "spaarrekening"), lowercased,
# at most 30 characters, not starting with a dash.
_TAG = re.compile(r"^[^\W_](?:[^\W_]|-){0,29}$")


def clean_tags(values: list[str]) -> list[str]:
    """Tags as members type them (`#Sparen`, ` fees `), lowercased and once each; a ValueError
    (pydantic's message) for one that is not a tag."""
    tags: list[str] = []
    for raw in values:
        tag = clean_line(raw).strip().lower().lstrip("#")
        if tag and not _TAG.match(tag):
            raise ValueError("Tags are letters, digits and dashes, at most 30 characters")
        if tag and tag not in tags:
            tags.append(tag)
    return tags
