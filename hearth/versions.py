"""Content versions: one counter per table, raised by every transaction that writes the table.

The session raises them itself (`hearth.db`, "content versions"), so no service has to say
what it changed. A page reads the versions of the tables it shows, in one small statement
for all of them, and keeps its render under them (web/shared.py).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import BigInteger, String, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from hearth.db import KNOWN_VERSIONS, Base, Prepared


class ContentVersion(Base):
    __tablename__ = "content_versions"

    name: Mapped[str] = mapped_column(String(63), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)


_ALL = Prepared(select(ContentVersion.name, ContentVersion.version))


def column() -> Any:
    """Every version as one text column, for a read every request makes anyway (the session
    lookup) to carry along: a page then checks its versions without a statement of its own."""
    pair = ContentVersion.name + "=" + cast(ContentVersion.version, String)
    return select(func.aggregate_strings(pair, ",")).scalar_subquery()


def carry(session: AsyncSession, text: str | None) -> None:
    """Keep what `column()` read for this session's `of` until it commits (hearth.db)."""
    session.info[KNOWN_VERSIONS] = _parse(text or "")


@lru_cache(maxsize=8)  # the same text for every request until something is written
def _parse(text: str) -> dict[str, int]:
    return {name: int(number) for name, _, number in (pair.partition("=") for pair in text.split(",") if pair)}


async def of(session: AsyncSession, *tables: str) -> tuple[int, ...]:
    """The versions of these tables now (0 for a table never written since versions began)."""
    current = session.info.get(KNOWN_VERSIONS)
    if current is None:
        current = dict(await _ALL.rows(session))
    return tuple(current.get(name, 0) for name in tables)
