"""Canned responses: texts agents insert by a short code, one per language, with variables.

A text's variables are checked when the response is saved, so an agent never sends a reply
with a `{typo}` in it: only the names in VARIABLES, plainly (`{customer_name}`, no format
specs, attributes or indexes), and `{{` / `}}` for a literal brace. Rendering picks the
item's language, then the community's (HEARTH_COMMUNITY_LANGUAGE), then the first text there is.
"""

from __future__ import annotations

from string import Formatter
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from care.models import CannedResponse, CareAgent, CareItem
from care.schemas import CONTENT_LANGUAGES, CannedIn
from hearth import clock, paging, saving
from hearth.accounts.models import Account
from hearth.errors import Conflict, Invalid, NotFound
from hearth.settings import get_settings

VARIABLES = ("customer_name", "agent_name", "signature", "item_id", "brand")
_FORMATTER = Formatter()


def _parts(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    # (literal text, field name, format spec, conversion) per piece, as str.format reads it.
    return list(_FORMATTER.parse(text))


def variables_of(text: str) -> list[str]:
    return [name for _literal, name, _spec, _conversion in _parts(text) if name]


def check_texts(texts: dict[str, str]) -> None:
    """Every text's braces and variables, or a 422 naming the language's field and the variable."""
    for language, text in texts.items():
        where = ["body", "texts", language]
        try:
            parts = _parts(text)
        except ValueError:
            raise Invalid("texts.%(language)s: a brace is not closed (write {{ or }} for a brace itself)",
                          errors=[{"loc": where, "msg": "unbalanced brace"}], language=language) from None
        for _literal, name, spec, conversion in parts:
            if name is None:
                continue
            if name not in VARIABLES or spec or conversion:
                raise Invalid("texts.%(language)s: unknown variable {%(name)s}; use %(known)s",
                              errors=[{"loc": where, "msg": f"unknown variable {{{name}}}"}], language=language,
                              name=name[:40], known=", ".join(f"{{{v}}}" for v in VARIABLES))


def _variables(row: CannedResponse) -> list[str]:
    found: list[str] = []
    for text in row.texts.values():
        found += [name for name in variables_of(text) if name not in found]
    return found


def describe(row: CannedResponse) -> dict[str, Any]:
    """The response as the API shows it."""
    return {"id": row.id, "code": row.code, "title": row.title, "texts": row.texts, "folder": row.folder,
            "variables": _variables(row), "created_at": row.created_at, "updated_at": row.updated_at}


# --- storing --------------------------------------------------------------------------------------

async def list_canned(session: AsyncSession, *, folder: str | None = None, cursor: str | None = None,
                      limit: int = paging.DEFAULT_LIMIT) -> tuple[list[CannedResponse], str | None]:
    """By code (what agents type), optionally one folder's."""
    query = select(CannedResponse)
    if folder is not None:
        query = query.where(CannedResponse.folder == folder)
    if cursor:
        query = query.where(CannedResponse.code > paging.decode(cursor, str)[0])
    rows = list(await session.scalars(query.order_by(CannedResponse.code).limit(limit + 1)))
    more = paging.encode(rows[limit - 1].code) if len(rows) > limit else None
    return rows[:limit], more


async def get(session: AsyncSession, canned_id: int) -> CannedResponse:
    row = await session.get(CannedResponse, canned_id)
    if row is None:
        raise NotFound("No such canned response")
    return row


async def by_code(session: AsyncSession, code: str) -> CannedResponse:
    row = await session.scalar(select(CannedResponse).where(CannedResponse.code == code))
    if row is None:
        raise Invalid("No canned response has the code %(code)s", field="canned", code=code[:40])
    return row


async def save(session: AsyncSession, data: CannedIn, canned_id: int | None = None) -> CannedResponse:
    texts = {str(language): text for language, text in data.texts.items()}
    check_texts(texts)
    now = clock.now()
    row = CannedResponse(created_at=now) if canned_id is None else await get(session, canned_id)
    if not await saving.add_unique(session, row, code=data.code, title=data.title, texts=texts,
                                   folder=data.folder, updated_at=now):
        raise Conflict("Another canned response has the code %(code)s", field="code", code=data.code)
    return row


async def remove(session: AsyncSession, canned_id: int) -> None:
    row = await get(session, canned_id)
    await session.execute(delete(CannedResponse).where(CannedResponse.id == row.id))


# --- rendering ------------------------------------------------------------------------------------

def pick_language(texts: dict[str, str], language: str | None) -> str:
    """The item's language if the response has it, else the community's, else the first there is."""
    for candidate in (language, get_settings().community_language, *CONTENT_LANGUAGES):
        if candidate in texts:
            return candidate
    return next(iter(texts))


async def signature(session: AsyncSession, agent: Account) -> str:
    profile = await session.get(CareAgent, agent.id)
    return (profile.signature.strip() if profile else "") or agent.display_name


async def values_for(session: AsyncSession, item: CareItem, agent: Account) -> dict[str, str]:
    customer = item.customer_name or (f"@{item.customer_handle}" if item.customer_handle else "")
    return {"customer_name": customer, "agent_name": agent.display_name,
            "signature": await signature(session, agent), "item_id": str(item.id),
            "brand": get_settings().community_name}


def fill(text: str, values: dict[str, str]) -> str:
    # Piece by piece, not str.format: a stored text never reaches attributes or indexes.
    return "".join(literal + (values.get(name, "") if name else "") for literal, name, _s, _c in _parts(text))


async def render(session: AsyncSession, row: CannedResponse, item: CareItem, agent: Account) -> str:
    text = row.texts[pick_language(row.texts, item.language)]
    return fill(text, await values_for(session, item, agent))
