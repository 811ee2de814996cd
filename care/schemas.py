from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, field_validator

from hearth.untrusted import CLEAN, CleanLine, Handle, safe_url


class AuthorIn(BaseModel):
    # Cleaned, not refused: the platform chose it, and refusing it would lose the customer's message.
    handle: CleanLine = Field(min_length=1, max_length=100, description="Screen name or page-scoped name, without @")
    name: Annotated[str, Field(max_length=200), CLEAN] | None = None
    followers: int | None = Field(default=None, ge=0)
    external_id: str | None = Field(default=None, max_length=100)

    @field_validator("handle")
    @classmethod
    def _handle(cls, value: str) -> str:
        return value.lstrip("@").strip()


class MentionIn(BaseModel):
    """A message about the brand, as every connector hands it over (and Hearth's own JSONL format)."""

    external_id: str = Field(min_length=1, max_length=200, description="The platform's id, unique per channel")
    text: str = Field(max_length=20_000)
    author: AuthorIn
    created_at: datetime
    url: str | None = Field(default=None, max_length=1000, description="Kept only when it is an http(s) address")
    language: str | None = Field(default=None, max_length=8, description="The platform's own guess, if any")
    parent_external_id: str | None = Field(default=None, max_length=200, description="The message it replies to")
    conversation_external_id: str | None = Field(default=None, max_length=200)
    is_news: bool = False
    edited: bool = False
    deleted: bool = False

    @field_validator("created_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("created_at needs a time zone")
        return value

    _url = field_validator("url")(lambda value: safe_url(value))


class TopicIn(BaseModel):
    name: CleanLine = Field(min_length=2, max_length=80)
    query: str = Field(default="", max_length=2_000)
    profiles: list[Handle] = Field(default_factory=list, max_length=50, description="Monitored brand accounts")
    active: bool = True

    @field_validator("profiles")
    @classmethod
    def _profiles(cls, values: list[str]) -> list[str]:
        cleaned = []
        for raw in values:
            handle = raw.strip().lstrip("@").lower()
            if handle and handle not in cleaned:
                if len(handle) > 100 or any(c.isspace() for c in handle):
                    raise ValueError("A monitored profile is an account name without spaces")
                cleaned.append(handle)
        return cleaned


class ChannelIn(BaseModel):
    kind: Literal["x", "facebook", "feed", "import"]
    name: CleanLine = Field(min_length=2, max_length=80)
    account: Handle = Field(default="", max_length=500, description="Brand handle, Facebook page id, or feed URL")
    news: bool = False
    poll_minutes: int = Field(default=15, ge=5, le=1440)
    secret: str | None = Field(default=None, max_length=500, description="Consumer or app secret; write-only")
    verify_token: str | None = Field(default=None, max_length=200, description="Facebook verify token; write-only")
    active: bool = True


class CorrectionIn(BaseModel):
    sentiment: Literal["positive", "neutral", "negative"]
