"""Saving rows that other requests may save at the same moment. Two ways the database settles it:
a unique field (the second insert is refused) and a version column (the second change finds the
row moved on). Services use these instead of catching IntegrityError or comparing versions themselves."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hearth import clock
from hearth.db import rowcount
from hearth.errors import HearthError


async def add_unique(session: AsyncSession, row: Any, **values: Any) -> bool:
    """Add `row`, or change it by `values`, under a savepoint. False when a unique constraint refuses
    it (a duplicate, or the same row saved by another request a moment ago): then only this is undone
    and the rest of the transaction goes on.

    The changes are made inside the savepoint: made before, they would be flushed when it begins,
    outside it, and a refusal would break the whole transaction (PostgreSQL aborts it)."""
    try:
        async with session.begin_nested():
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
    except IntegrityError:
        return False
    return True


async def bump_version(session: AsyncSession, row: Any, version: int, conflict: HearthError, **values: Any) -> None:
    """Change `row` by `values` only if nobody changed it since `version` was read (optimistic lock):
    of two concurrent changes one wins, the other gets `conflict`. The version goes up by one."""
    model = type(row)
    result = await session.execute(update(model).where(model.id == row.id, model.version == version).values(
        version=model.version + 1, updated_at=clock.now(), **values))
    if rowcount(result) != 1:
        raise conflict
    await session.refresh(row)
