"""Settings from HEARTH_* environment variables; every value has a working default."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

VAR_DIR = Path("var")


def _default_secret() -> str:
    # A fresh machine needs no configuration, but sessions must survive a restart:
    # keep a generated key next to the SQLite file instead of a new one per process.
    path = VAR_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        path.write_text(key)
        path.chmod(0o600)
        return key


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HEARTH_", env_file=".env", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///./var/hearth.db"
    secret_key: SecretStr = Field(default_factory=lambda: SecretStr(_default_secret()))
    base_url: str = "http://127.0.0.1:8000"
    # Secure cookies need https; the embedded default serves plain http on loopback.
    cookie_secure: bool | None = None
    session_days: int = 14
    session_idle_hours: int = 72
    log_level: str = "info"
    community_name: str = "Hearth"

    redis_url: str | None = None
    meili_url: str | None = None
    meili_key: SecretStr | None = None

    oidc_discovery_url: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: SecretStr | None = None
    oidc_provider_name: str = "the brand's account"
    oidc_scopes: str = "openid email profile"

    # Writers wait at most this long for a lock another transaction holds, then fail.
    database_lock_timeout_ms: int = 10_000

    # The outbox worker (hearth.events): see the README's "Background work".
    inprocess_worker: bool = True
    worker_poll_seconds: float = 2.0
    worker_batch: int = 20             # events looked at per write transaction
    worker_write_budget_ms: int = 20   # a write transaction stops taking events after this long
    worker_max_attempts: int = 10
    worker_lease_seconds: int = 60     # a slow job's claim; renewed while it runs, taken over when it lapses
    worker_cpu_processes: int = 1      # processes for CPU-heavy work (model training, labelling imports)
    worker_grace_seconds: float = 2.0  # on shutdown a running job may finish within this, else it is given back
    worker_stall_seconds: int = 300    # due events waiting longer than this: /healthz says the worker stalled
    outbox_keep_days: int = 7          # processed events are pruned after this; failures stay until handled

    # Request bodies are refused above these sizes (413) before any of them is read:
    # multipart uploads (imports) have their own, larger limit.
    body_limit_bytes: int = 1_000_000
    upload_limit_bytes: int = 50_000_000

    password_min_length: int = 10
    signin_limit: str = "10/300"  # attempts per window (seconds), per address and per e-mail
    signup_limit: str = "5/3600"
    write_limit: str = "120/60"  # writes per window, per signed-in browser or token, else per address

    # Moderation. Defaults follow Discourse's where it has one (named in the comment).
    moderation_new_member_max_links: int = 2        # newuser_max_links
    moderation_new_member_posts_per_hour: int = 10  # max_replies_in_first_day, per hour here
    moderation_posts_per_hour: int = 60
    moderation_approve_first_posts: int = 0         # approve_post_count: hold a member's first N posts
    moderation_duplicate_minutes: int = 5           # unique_posts_mins: the same text again is refused
    moderation_capitals_ratio: float = 0.7          # share of capitals that reads as shouting
    moderation_hide_score: float = 3.0              # flag weight that hides content pending review
    moderation_staff_flag_weight: float = 3.0
    # Trust levels: published posts and days since joining needed for levels 1, 2 and 3
    # (Discourse's tl1/tl2/tl3 requirements, reduced to what moderation can count).
    moderation_trust_posts: tuple[int, int, int] = (3, 20, 100)
    moderation_trust_days: tuple[int, int, int] = (1, 15, 60)

    # Reviews: the weight of the catalogue's average in each product's Bayesian average
    # (Trustpilot adds 7 such reviews).
    reviews_prior_weight: int = 7
    # Retention cases for 1-2 star reviews.
    retention_due_hours: int = 24
    retention_reminder_hours: int = 4  # before the due time, the agent is reminded
    retention_assignment: str = "round_robin"  # or "pool": agents take cases themselves
    retention_lead_emails: str = ""  # comma-separated; overdue cases escalate to them (else to admins)
    # Social listening: received messages are kept this long after they were processed.
    care_inbox_keep_days: int = 7
    # The care queue: how new items are given out (round_robin: the agent idle longest;
    # language: an agent who answers the item's language first; pool: agents claim), an agent's
    # capacity until it is set, and how long a presence beat counts (due soon: below).
    care_assignment: Literal["round_robin", "language", "pool"] = "round_robin"
    care_capacity: int = Field(default=10, ge=1)
    care_presence_seconds: int = Field(default=30, ge=5)
    # Care response-time goals count business hours in this time zone until an admin saves them,
    # and show as due soon this many minutes before they are due.
    care_timezone: str = "Europe/Brussels"
    care_due_soon_minutes: int = Field(default=30, ge=1)
    # The OIDC claim listing the products a customer holds (slugs), for verified-customer badges.
    oidc_products_claim: str = "hearth_products"
    # The language canned responses fall back to when an item's language has no text.
    community_language: str = "en"
    # Care replies: recorded but not posted to X or Facebook while this is on (the demo's
    # channels point at nobody), and the account answers on the community are posted as
    # (created on first use, with the care agent role, named after community_name).
    care_send_dry_run: bool = True
    care_brand_account_email: str = "brand@hearth.invalid"
    # A forum question still without a staff answer this many hours after it was asked becomes a
    # care item (care.sources).
    care_question_hours: float = Field(default=4, gt=0)
    # Ideas: how many votes a member may have on ideas still in play (open, under review, planned,
    # in progress); a vote comes back when its idea is completed, declined or merged. 0: no limit.
    idea_vote_budget: int = Field(default=0, ge=0)

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, url: str) -> str:
        # People paste plain URLs; the app needs the async drivers.
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            return "postgresql+asyncpg://" + url.split("://", 1)[1]
        if url.startswith("sqlite:///"):
            return "sqlite+aiosqlite:///" + url.removeprefix("sqlite:///")
        return url

    @field_validator("care_timezone")
    @classmethod
    def _known_timezone(cls, name: str) -> str:
        # A misspelt zone fails at start-up, not on the first goal counted in business hours.
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {name!r}") from exc
        return name

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def secure_cookies(self) -> bool:
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.base_url.startswith("https://")

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_discovery_url and self.oidc_client_id)


@lru_cache
def get_settings() -> Settings:
    return Settings()
