from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from hearth.accounts.models import Role
from hearth.settings import get_settings
from hearth.untrusted import CLEAN, CleanLine

LANGUAGES = ("en", "nl", "fr")


def _password_rules(schema: dict[str, Any]) -> None:
    # The length is checked by passwords.check_strength (with a message that names the
    # setting's value); the spec shows the same minimum.
    schema["minLength"] = get_settings().password_min_length


class SignUp(BaseModel):
    email: EmailStr
    display_name: CleanLine = Field(min_length=2, max_length=80)
    password: str = Field(max_length=1024, json_schema_extra=_password_rules)
    language: str | None = None

    @field_validator("language")
    @classmethod
    def _language(cls, value: str | None) -> str | None:
        if value and value not in LANGUAGES:
            raise ValueError("Language must be one of en, nl, fr")
        return value or None


class SignIn(BaseModel):
    email: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1, max_length=1024)


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(max_length=1024, json_schema_extra=_password_rules)


class ProfileUpdate(BaseModel):
    display_name: Annotated[str, Field(min_length=2, max_length=80), CLEAN] | None = None
    language: str | None = None

    @field_validator("language")
    @classmethod
    def _language(cls, value: str | None) -> str | None:
        if value and value not in LANGUAGES:
            raise ValueError("Language must be one of en, nl, fr")
        return value


class MemberOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    handle: str
    display_name: str
    initials: str
    language: str | None
    created_at: datetime


class AccountOut(MemberOut):
    email: str
    roles: list[Role]
    is_active: bool


class RolesUpdate(BaseModel):
    roles: list[Role]


class TokenCreate(BaseModel):
    name: CleanLine = Field(min_length=1, max_length=80)


class TokenOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreated(TokenOut):
    token: str = Field(description="Shown once; only a hash is kept.")
