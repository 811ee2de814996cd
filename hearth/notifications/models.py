from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hearth.db import Base


class Notification(Base):
    """What happened, for whom, and where to look. Domains pass a title and URL so the
    kernel never needs to read their tables."""

    __tablename__ = "notifications"
    __table_args__ = (
        # Handlers are retried; the key makes a second delivery of the same news a no-op.
        UniqueConstraint("account_id", "dedupe_key"),
        Index("ix_notifications_account_id_id", "account_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(300))
    dedupe_key: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime]
    read_at: Mapped[datetime | None]
