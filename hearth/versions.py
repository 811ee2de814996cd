"""Content versions: one counter per table, raised by every transaction that writes the table.

The session raises them itself (`hearth.db`, "content versions"), so no service has to say
what it changed. A page reads the versions of the tables it shows, in one small statement
for all of them, and keeps its render under them (web/shared.py).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from hearth.db import Base, Prepared


class ContentVersion(Base):
    __tablename__ = "content_versions"

    name: Mapped[str] = mapped_column(String(63), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)


_ALL = Prepared(select(ContentVersion.name, ContentVersion.version))


async def of(session: AsyncSession, *tables: str) -> tuple[int, ...]:
    """The versions of these tables now (0 for a table never written since versions began)."""
    current = dict(await _ALL.rows(session))
    return tuple(current.get(name, 0) for name in tables)
