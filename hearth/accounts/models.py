from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, ForeignKey, Integer, String, UniqueConstraint, type_coerce
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from hearth.db import Base


class Role(enum.StrEnum):
    MEMBER = "member"
    MODERATOR = "moderator"
    CARE_AGENT = "care_agent"
    RETENTION_AGENT = "retention_agent"
    PRODUCT_MANAGER = "product_manager"
    ADMIN = "admin"


# Bit positions are stored: never reorder, only append.
_ROLE_BITS = {role: 1 << i for i, role in enumerate(Role)}


class RoleSet(TypeDecorator[frozenset[Role]]):
    """A set of roles in one integer column: one read with the account, no join."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int:
        return sum(_ROLE_BITS[Role(r)] for r in set(value or ()))

    def process_result_value(self, value: int | None, dialect: Any) -> frozenset[Role]:
        return frozenset(role for role, bit in _ROLE_BITS.items() if (value or 0) & bit)


def holds_role(role: Role) -> ColumnElement[bool]:
    """A WHERE clause for accounts holding `role` (e.g. to list the retention agents)."""
    return type_coerce(Account.roles, Integer).op("&")(_ROLE_BITS[role]) != 0


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    handle: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    language: Mapped[str | None] = mapped_column(String(8))
    roles: Mapped[frozenset[Role]] = mapped_column(RoleSet, default=frozenset({Role.MEMBER}))
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    password_changed_at: Mapped[datetime | None]
    # Kept by hearth.notifications so every page shows the badge without another query.
    unread_notifications: Mapped[int] = mapped_column(default=0, server_default="0")
    # Set by moderation: until then the member can read and sign in, but not write.
    suspended_until: Mapped[datetime | None]

    identities: Mapped[list[OidcIdentity]] = relationship(back_populates="account", lazy="raise")

    def has_role(self, role: Role) -> bool:
        # Admins can do everything any other role can.
        return role in self.roles or Role.ADMIN in self.roles

    def is_suspended(self, now: datetime) -> bool:
        return self.suspended_until is not None and self.suspended_until > now

    @property
    def initials(self) -> str:
        parts = [p for p in self.display_name.replace("-", " ").split() if p[:1].isalnum()]
        letters = "".join(p[0] for p in parts[:2]) or self.handle[:2]
        return letters.upper()


class OidcIdentity(Base):
    """An account's link to the brand's identity provider, by issuer and subject."""

    __tablename__ = "oidc_identities"
    __table_args__ = (UniqueConstraint("issuer", "subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    issuer: Mapped[str] = mapped_column(String(255))
    subject: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime]

    account: Mapped[Account] = relationship(back_populates="identities", lazy="raise")


class AuthSession(Base):
    """A signed-in browser. Only a hash of the cookie's token is stored."""

    __tablename__ = "auth_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    user_agent: Mapped[str | None] = mapped_column(String(255))

    account: Mapped[Account] = relationship(lazy="raise")


class ApiToken(Base):
    """A personal token for integrations; shown once, stored hashed."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    account: Mapped[Account] = relationship(lazy="raise")
