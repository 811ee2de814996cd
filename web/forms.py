"""Helpers shared by page handlers: form validation messages and safe redirects."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from hearth import i18n
from hearth.errors import Invalid

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
