"""The SQL backend's table, and the database-only objects the schema comparison must skip.

The full-text index lives beside the table and is kept in step by triggers (see
alembic/versions/0002_search.py): on SQLite an FTS5 external-content table
`search_fts` (and FTS5's shadow tables `search_fts_*`), on PostgreSQL the `tsv` and
`title_tsv` columns with GIN indexes. Models cannot describe them (they differ by dialect), so Alembic must
ignore them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hearth.db import Base

FTS_TABLE = "search_fts"
TSV_COLUMN = "tsv"  # title (weight A) and body (B)
TITLE_TSV_COLUMN = "title_tsv"  # the title alone, small: for similar() as you type
TSV_INDEXES = frozenset({"ix_search_documents_tsv", "ix_search_documents_title_tsv"})


class IndexedDocument(Base):
    """A SearchDocument as the SQL backend stores it."""

    __tablename__ = "search_documents"

    # Column order matters on SQLite: filters and sort keys before the long texts.
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    ref_id: Mapped[int]
    # No foreign key: the kernel knows no domain's categories.
    category_id: Mapped[int | None] = mapped_column(index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    solved: Mapped[bool | None]
    created_at: Mapped[datetime]
    tags: Mapped[str] = mapped_column(Text)  # " "-separated, lowercase
    url: Mapped[str] = mapped_column(String(500))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("kind", "ref_id"),)


def _database_only(name: str | None, type_: str, table: str | None) -> bool:
    if type_ == "table":
        return name is not None and (name == FTS_TABLE or name.startswith(f"{FTS_TABLE}_"))
    if type_ == "column":
        return name in (TSV_COLUMN, TITLE_TSV_COLUMN) and table == IndexedDocument.__tablename__
    return type_ == "index" and name in TSV_INDEXES


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic hook: leave the full-text objects that exist only in the database alone."""
    table = getattr(getattr(obj, "table", None), "name", None)
    return not _database_only(name, type_, table)


def include_name(name: str | None, type_: str, parent_names: dict[str, Any]) -> bool:
    """Alembic hook: do not even reflect them (FTS5 tables have no column types)."""
    return not _database_only(name, type_, parent_names.get("table_name"))
