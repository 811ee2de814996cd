"""What the idea exchange takes in and gives out (the API's shapes; pages read the same)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hearth.ids import MAX_ID, Id
from hearth.paging import Page
from hearth.untrusted import CleanLine
from ideas.models import IdeaStatus

SLUG = r"^[a-z0-9][a-z0-9-]{1,59}$"
_TAG = re.compile(r"^[a-z0-9][a-z0-9-]{0,29}$")
Language = Literal["en", "nl", "fr", "de"]
Sort = Literal["trending", "top", "new"]
# What a product manager may set by hand; `merged` comes only with a merge.
SettableStatus = Literal["open", "under_review", "planned", "in_progress", "completed", "declined"]
Version = Annotated[int, Field(ge=0, le=MAX_ID, description="The idea's `version` as read; a newer one is a 409")]


def _trimmed(minimum: int, message: str) -> Callable[[str], str]:
    """A text's validator: one kind of line end, no blanks around it, then at least `minimum` long."""
    def check(value: str) -> str:
        value = value.replace("\r\n", "\n").strip()
        if len(value) < minimum:
            raise ValueError(message)
        return value
    return check


class AreaIn(BaseModel):
    name: CleanLine = Field(min_length=2, max_length=80)
    slug: str = Field(pattern=SLUG)
    description: str = Field(default="", max_length=300)
    brand: CleanLine = Field(default="", max_length=80)
    position: int = Field(default=0, ge=0, le=10_000)


class AreaOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    slug: str
    name: str
    description: str
    brand: str
    position: int


class IdeaIn(BaseModel):
    title: CleanLine = Field(min_length=5, max_length=150)
    body: str = Field(min_length=10, max_length=20_000, description="Markdown")
    area: Annotated[str, Field(pattern=SLUG)] | Id | None = Field(
        default=None, description="The product area, by slug (or id)")
    tags: list[str] = Field(default_factory=list, max_length=5)
    language: Language | None = None

    _body = field_validator("body")(_trimmed(10, "Please describe the idea in at least 10 characters"))

    @field_validator("tags")
    @classmethod
    def _tags(cls, values: list[str]) -> list[str]:
        tags: list[str] = []
        for raw in values:
            tag = raw.strip().lower().lstrip("#")
            if tag and not _TAG.match(tag):
                raise ValueError("Tags are lowercase letters, digits and dashes, at most 30 characters")
            if tag and tag not in tags:
                tags.append(tag)
        return tags


class CommentIn(BaseModel):
    body: str = Field(min_length=2, max_length=10_000, description="Markdown")

    _body = field_validator("body")(_trimmed(2, "The comment is empty"))


class StatusIn(BaseModel):
    status: SettableStatus
    response: str = Field(min_length=2, max_length=5_000, description="Told to every voter and follower (markdown)")
    version: Version | None = None

    _response = field_validator("response")(_trimmed(2, "Tell voters what happens: write a response"))


class MergeIn(BaseModel):
    into: Id = Field(description="The idea this one duplicates: it takes the votes and followers")
    response: Annotated[str, Field(max_length=5_000)] | None = None
    version: Version | None = None


class AuthorOut(BaseModel):
    id: int
    handle: str
    display_name: str
    initials: str


class IdeaSummary(BaseModel):
    id: int
    title: str
    status: IdeaStatus
    vote_count: int
    voted: bool = Field(description="Whether the signed-in viewer voted for it")
    merged_into: int | None = Field(description="The idea this one was merged into")
    area: str | None = Field(description="The product area's slug")
    area_name: str | None
    author: AuthorOut
    comment_count: int
    tags: list[str]
    language: str | None
    created_at: datetime
    url: str


class IdeaPage(Page[IdeaSummary]):
    pass


class CommentOut(BaseModel):
    id: int
    body: str
    body_html: str
    author: AuthorOut
    state: str
    created_at: datetime
    # Why the comment is not public, in plain words, for its author and moderators.
    moderation: list[str] = []


class StatusChangeOut(BaseModel):
    id: int
    from_status: IdeaStatus
    to_status: IdeaStatus
    response: str
    response_html: str
    actor: AuthorOut | None
    created_at: datetime


class IdeaOut(IdeaSummary):
    body: str
    body_html: str
    state: str
    following: bool
    version: int
    status_changed_at: datetime | None
    merged_into_title: str | None
    comments: list[CommentOut]
    status_changes: list[StatusChangeOut]
    # Why the idea is not public, in plain words, for its author and moderators.
    moderation: list[str] = []


class VoteOut(BaseModel):
    idea_id: int
    vote_count: int
    voted: bool
    votes_left: int | None = Field(description="The viewer's votes still free under the vote budget; null: no budget")


class SimilarOut(BaseModel):
    id: int
    title: str
    title_html: str
    status: IdeaStatus
    vote_count: int
    language: str | None
    url: str


class RoadmapOut(BaseModel):
    planned: list[IdeaSummary]
    in_progress: list[IdeaSummary]
    completed: list[IdeaSummary]


class AreaCountOut(BaseModel):
    area: str | None
    area_name: str | None
    counts: dict[str, int] = Field(description="Ideas by status")


class ThemeOut(BaseModel):
    theme: str
    label: str
    low_reviews: int
    ideas: list[IdeaSummary]


class BoardOut(BaseModel):
    areas: list[AreaCountOut]
    themes: list[ThemeOut]

