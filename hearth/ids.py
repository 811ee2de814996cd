"""Ids as the database holds them, for every id a request carries (path, query or body).

Most tables key on INTEGER, 32 bits on PostgreSQL; the care stream's mentions and
conversations and the outbox's events on BIGINT. A number past the column's range never
reaches the driver (SQLite's "Python int too large", asyncpg's "out of int32 range": a 500);
it is refused as a 422 problem where the request is read, like any other bad input.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

MAX_ID = 2**31 - 1
MAX_BIG_ID = 2**63 - 1

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
"""An id of an INTEGER-keyed table (almost all of them); also a version counter."""

BigId = Annotated[int, Field(ge=1, le=MAX_BIG_ID)]
"""An id of a BIGINT-keyed table: care mentions and conversations, outbox events."""
