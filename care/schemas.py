from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, field_validator


class AuthorIn(BaseModel):
    handle: str = Field(min_length=1, max_length=100, description="Screen name or page-scoped name, without @")
    name: str | None = Field(default=None, max_length=200)
    followers: int | None = Field(default=None, ge=0)
    external_id: str | None = Field(default=None, max_length=100)

    @field_validator("handle")
    @classmethod
    def _handle(cls, value: str) -> str:
        return value.strip().lstrip("@")


class MentionIn(BaseModel):
    """A message about the brand, as every connector hands it over (and Hearth's own JSONL format)."""

    external_id: str = Field(min_length=1, max_length=200, description="The platform's id, unique per channel")
    text: str = Field(max_length=20_000)
    author: AuthorIn
    created_at: datetime
    url: str | None = Field(default=None, max_length=1000)
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


class TopicIn(BaseModel):
    name: str = Field(min_length=2, max_length=80)
    query: str = Field(default="", max_length=2_000)
    profiles: list[str] = Field(default_factory=list, max_length=50, description="Monitored brand accounts")
    active: bool = True

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return " ".join(value.split())

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
    name: str = Field(min_length=2, max_length=80)
    account: str = Field(default="", max_length=500, description="Brand handle, Facebook page id, or feed URL")
    news: bool = False
    poll_minutes: int = Field(default=15, ge=5, le=1440)
    secret: str | None = Field(default=None, max_length=500, description="Consumer or app secret; write-only")
    verify_token: str | None = Field(default=None, max_length=200, description="Facebook verify token; write-only")
    active: bool = True


class CorrectionIn(BaseModel):
    sentiment: Literal["positive", "neutral", "negative"]
