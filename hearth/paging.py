"""One way to page through every list: an opaque `cursor` and a bounded `limit`.

A list answers `{"items": [...], "next": "<cursor>" | null}` (`next_cursor` repeats `next`
for older clients); pass `next` back as `cursor` for the following page. A cursor is a
position, never a page number: the ordering values of the last item shown (keyset lists:
threads, mentions, the audit log, notifications) or how far the list was read (sorted and
ranked lists: search, the moderation queue, retention cases, accounts, a product's reviews).
Clients never look inside it; a cursor that was tampered with is a 422 naming `cursor`.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field, computed_field

from hearth.errors import Invalid
from hearth.ids import MAX_BIG_ID, MAX_ID

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT,
                             description=f"How many items to return: {DEFAULT_LIMIT} unless said, at most {MAX_LIMIT}")]
Cursor = Annotated[str | None, Query(max_length=300, description="The `next` of the previous page; leave out for "
                                                                  "the first page")]


class BigInt(int):
    """A cursor value compared with a BIGINT column (plain `int` values fit an INTEGER one)."""


def encode(*values: int | str | datetime) -> str:
    raw = json.dumps([v.isoformat() if isinstance(v, datetime) else v for v in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str, *kinds: type) -> tuple[Any, ...]:
    """The values `encode` was given, each checked against its kind (int, BigInt, str or datetime)."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list) or len(values) != len(kinds):
            raise ValueError("wrong shape")
        return tuple(_checked(kind, value) for kind, value in zip(kinds, values, strict=True))
    except (ValueError, TypeError, UnicodeDecodeError, binascii.Error) as exc:
        raise Invalid("This cursor is broken; start again from the first page", field="cursor") from exc


def _checked(kind: type, value: Any) -> Any:
    if kind is datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    if kind in (int, BigInt) and type(value) is int and 0 <= value <= (MAX_BIG_ID if kind is BigInt else MAX_ID):
        return value
    if kind is str and isinstance(value, str):
        return value
    raise ValueError(f"not a {kind.__name__}")


def offset(cursor: str | None) -> int:
    """Where an offset-paged list resumes (0 without a cursor)."""
    return decode(cursor, int)[0] if cursor else 0


def next_offset(start: int, limit: int, total: int) -> str | None:
    """The cursor after `limit` items read from `start`, or None when `total` is reached."""
    return encode(start + limit) if start + limit < total else None


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """What every paged list answers (subclasses add figures such as `total`)."""

    items: list[T]
    next: str | None = Field(description="Send as `cursor` for the next page; null on the last one")

    @computed_field(description="The same as `next` (deprecated: read `next`)",  # type: ignore[prop-decorator]
                    json_schema_extra={"deprecated": True})
    @property
    def next_cursor(self) -> str | None:
        return self.next
