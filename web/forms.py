"""Helpers shared by page handlers: form numbers and validation messages, actions that change
nothing when refused, and safe redirects."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, AsyncSessionTransaction

from hearth import i18n
from hearth.errors import Invalid
from hearth.ids import MAX_ID

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "string_too_short": "This is too short",
    "string_too_long": "This is too long",
    "missing": "This field is required",
    "value_error": "This value is not valid",
    "enum": "Choose one of the options",
    "hidden_characters": "Remove the invisible or direction-changing characters",
}


def validate(model: type[M], data: dict[str, Any]) -> M:
    """Validate form data, turning Pydantic's errors into one Invalid with per-field messages."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        fields: dict[str, str] = {}
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else "form"
            if name == "email" and error["type"] == "value_error":
                fields.setdefault(name, "Enter a valid e-mail address")
            else:
                fields.setdefault(name, _MESSAGES.get(error["type"], "This value is not valid"))
        raise Invalid("Please check what you entered",
                      errors=[{"loc": [k], "msg": v} for k, v in fields.items()]) from exc


_WHOLE_NUMBER = re.compile(r"[-+]?[0-9]+")  # ASCII digits only: "²".isdigit() is True, int("²") fails


def number(value: str | None, field: str | None = None) -> int | None:
    """A whole number from a form or query field (an id, a version, days, a position), None when left
    blank. What is not a number the database can hold ("²", "1e3", 99999999999999999999) is that
    field's error; which numbers make sense (1 to 365 days, versions from 1) the form's schema says."""
    text = (value or "").strip()
    if not text:
        return None
    if not _WHOLE_NUMBER.fullmatch(text) or len(text) > 11 or abs(int(text)) > MAX_ID:
        raise Invalid("Enter a whole number", field=field)
    return int(text)


def all_or_nothing(db: AsyncSession) -> AsyncSessionTransaction:
    """`async with all_or_nothing(db):` around what a page does: if it is refused, everything it wrote is
    undone. A page that shows the refusal in its form answers normally, so the request commits; without
    this the refused action's first writes (a version raised, say) would be saved with no audit entry."""
    return db.begin_nested()


def field_errors(exc: Invalid) -> dict[str, str]:
    """Per-field messages in the interface language, for re-rendering a form."""
    fields = {str(e["loc"][-1]): i18n.gettext(e["msg"]) for e in exc.errors if e.get("loc")}
    if exc.field:
        fields[exc.field] = exc.translated(i18n.gettext)
    return fields


def safe_next(target: str | None, default: str = "/") -> str:
    # Only same-site paths: "//evil.example" and "https://..." would leave the site.
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target
