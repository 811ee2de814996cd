"""Tags in folders: what a conversation is about (commercial, corporate, …), for the queue's
filters and for reporting.

Agents tag items freely (`care.items.set_tags` creates a tag it does not know, outside any
folder); here folders are made and tags put into them, so reports can count by folder.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from care import items
from care.models import CareTag, ItemTag, TagFolder
from care.schemas import TagFolderIn, TagIn
from hearth import paging, saving
from hearth.accounts.models import Account
from hearth.errors import Conflict, NotFound


async def list_folders(session: AsyncSession) -> list[tuple[TagFolder, list[str]]]:
    """Every folder with its tags' names, in the folders' order."""
    folders = list(await session.scalars(select(TagFolder).order_by(TagFolder.position, TagFolder.name)))
    rows = await session.execute(select(CareTag.folder_id, CareTag.name).where(CareTag.folder_id.is_not(None))
                                 .order_by(CareTag.name))
    names: dict[int, list[str]] = {}
    for folder_id, name in rows:
        if folder_id is not None:
            names.setdefault(folder_id, []).append(name)
    return [(folder, names.get(folder.id, [])) for folder in folders]


async def create_folder(session: AsyncSession, data: TagFolderIn) -> TagFolder:
    folder = TagFolder(name=data.name, position=data.position)
    if not await saving.add_unique(session, folder):
        raise Conflict("A tag folder with this name already exists", field="name")
    return folder


async def get_folder(session: AsyncSession, folder_id: int) -> TagFolder:
    folder = await session.get(TagFolder, folder_id)
    if folder is None:
        raise NotFound("No such tag folder")
    return folder


async def list_tags(session: AsyncSession, *, folder_id: int | None = None, cursor: str | None = None,
                    limit: int = paging.DEFAULT_LIMIT) -> tuple[list[tuple[CareTag, TagFolder | None]], str | None]:
    """By name, optionally one folder's."""
    query = select(CareTag, TagFolder).outerjoin(TagFolder, TagFolder.id == CareTag.folder_id)
    if folder_id is not None:
        query = query.where(CareTag.folder_id == folder_id)
    if cursor:
        query = query.where(CareTag.name > paging.decode(cursor, str)[0])
    rows: list[tuple[CareTag, TagFolder | None]] = [
        (tag, folder) for tag, folder in await session.execute(query.order_by(CareTag.name).limit(limit + 1))]
    more = paging.encode(rows[limit - 1][0].name) if len(rows) > limit else None
    return rows[:limit], more


async def save_tag(session: AsyncSession, data: TagIn) -> tuple[CareTag, TagFolder | None, bool]:
    """Create the tag in its folder, or move the existing tag there; True when it is new."""
    folder = await get_folder(session, data.folder_id) if data.folder_id is not None else None
    folder_id = folder.id if folder else None
    tag = await session.scalar(select(CareTag).where(CareTag.name == data.name))
    if tag is not None:
        tag.folder_id = folder_id
        await session.flush()
        return tag, folder, False
    tag = CareTag(name=data.name, folder_id=folder_id)
    if await saving.add_unique(session, tag):
        return tag, folder, True
    # Made by another request (or an agent's tagging) a moment ago: move that one.
    tag = (await session.scalars(select(CareTag).where(CareTag.name == data.name))).one()
    tag.folder_id = folder_id
    await session.flush()
    return tag, folder, False


async def item_tags(session: AsyncSession, item_id: int) -> list[tuple[CareTag, TagFolder | None]]:
    rows = await session.execute(select(CareTag, TagFolder).join(ItemTag, ItemTag.tag_id == CareTag.id)
                                 .outerjoin(TagFolder, TagFolder.id == CareTag.folder_id)
                                 .where(ItemTag.item_id == item_id).order_by(CareTag.name))
    return [(tag, folder) for tag, folder in rows]


async def set_item_tags(session: AsyncSession, agent: Account, item_id: int, names: Sequence[str], *,
                        version: int | None = None) -> list[tuple[CareTag, TagFolder | None]]:
    """Replace the item's tags (the holder, or anyone while nobody holds it: a 409 otherwise)."""
    await items.set_tags(session, agent, item_id, names, version=version)
    await session.flush()  # the new links, for the read below
    return await item_tags(session, item_id)
