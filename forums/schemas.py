from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from forums.models import ThreadKind
from hearth.ids import Id
from hearth.paging import Page
from hearth.untrusted import CLEAN, CleanLine, clean_tags

LANGUAGES = ("en", "nl", "fr", "de")


def _content_language(value: str | None) -> str | None:
    if value and value not in LANGUAGES:
        raise ValueError("Language must be one of en, nl, fr, de")
    return value or None


def _clean_text(value: str) -> str:
    return value.replace("\r\n", "\n").strip()


class CategoryIn(BaseModel):
    name: CleanLine = Field(min_length=2, max_length=80)
    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,59}$")
    description: str = Field(default="", max_length=300)
    language: str | None = None
    position: int = Field(default=0, ge=0, le=10_000)

    _language = field_validator("language")(lambda value: _content_language(value))


class CategoryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    slug: str
    name: str
    description: str
    language: str | None
    position: int
    thread_count: int
    post_count: int


class ThreadIn(BaseModel):
    category_id: Id
    kind: ThreadKind = ThreadKind.QUESTION
    title: CleanLine = Field(min_length=10, max_length=150)
    body: str = Field(min_length=10, max_length=20_000)
    tags: list[str] = Field(default_factory=list, max_length=5)
    language: str | None = None

    @field_validator("body")
    @classmethod
    def _body(cls, value: str) -> str:
        value = _clean_text(value)
        if len(value) < 10:
            raise ValueError("Please describe it in at least 10 characters")
        return value

    _tags = field_validator("tags")(clean_tags)

    _language = field_validator("language")(lambda value: _content_language(value))


class PostIn(BaseModel):
    body: str = Field(min_length=2, max_length=20_000)

    @field_validator("body")
    @classmethod
    def _body(cls, value: str) -> str:
        value = _clean_text(value)
        if len(value) < 2:
            raise ValueError("The answer is empty")
        return value


class PostEdit(PostIn):
    title: Annotated[str, Field(min_length=10, max_length=150), CLEAN] | None = None


class AuthorOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    handle: str
    display_name: str
    initials: str


class PostOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    thread_id: int
    is_opening: bool
    body: str
    body_html: str
    score: int
    author: AuthorOut
    created_at: datetime
    edited_at: datetime | None
    accepted: bool = False
    voted: bool = False
    state: str = "published"
    # Why the post is not public, in plain words, for its author and moderators.
    moderation: list[str] = []


class ThreadSummary(BaseModel):
    id: int
    category_id: int
    kind: ThreadKind
    title: str
    url: str
    language: str | None
    locked: bool
    solved: bool
    answer_count: int
    author: AuthorOut
    created_at: datetime
    last_activity_at: datetime
    tags: list[str]


class ThreadOut(ThreadSummary):
    category: CategoryOut
    question: PostOut
    answers: list[PostOut]
    following: bool


class ThreadPage(Page[ThreadSummary]):
    pass


class RevisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    editor: AuthorOut
    title: str | None
    body: str
    created_at: datetime
