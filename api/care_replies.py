"""Answering care items (notes, replies, canned responses) and tags in folders; care agents and admins."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from care import canned, replies, tags
from care.models import CareReply, CareTag, TagFolder
from care.schemas import (
    CannedIn,
    CannedOut,
    CannedPage,
    ItemTagsIn,
    ItemTagsOut,
    NoteIn,
    NoteOut,
    ReplyIn,
    ReplyOut,
    TagFolderIn,
    TagFolderOut,
    TagIn,
    TagOut,
    TagPage,
)
from hearth import paging
from hearth.accounts.models import Account, Role
from hearth.auth import require_role
from hearth.db import DbSession
from hearth.ids import BigId, Id
from hearth.paging import Cursor, Limit

router = APIRouter(prefix="/care", tags=["care answering"])
Agent = Annotated[Account, Depends(require_role(Role.CARE_AGENT))]


def _reply(row: CareReply) -> ReplyOut:
    return ReplyOut(id=row.id, item_id=row.item_id, state=row.state.value, target=row.target, body=row.body,
                    canned_code=row.canned_code, in_reply_to=row.in_reply_to, external_id=row.external_id,
                    error=row.error, attempts=row.attempts, agent_id=row.agent_id, created_at=row.created_at,
                    sent_at=row.sent_at)


def _tag(tag: CareTag, folder: TagFolder | None) -> TagOut:
    return TagOut(id=tag.id, name=tag.name, folder_id=tag.folder_id, folder=folder.name if folder else None)


# --- notes and replies ----------------------------------------------------------------------------

@router.post("/items/{item_id}/notes", response_model=NoteOut, status_code=status.HTTP_201_CREATED)
async def add_note(item_id: BigId, data: NoteIn, agent: Agent, db: DbSession) -> NoteOut:
    """A private note on the timeline, between agents; never sent."""
    note = await replies.add_note(db, agent, item_id, data.body)
    return NoteOut(id=note.id, item_id=note.item_id, body=note.body or "", actor_id=note.actor_id, at=note.at)


@router.post("/items/{item_id}/replies", response_model=ReplyOut, status_code=status.HTTP_201_CREATED)
async def add_reply(item_id: BigId, data: ReplyIn, agent: Agent, db: DbSession) -> ReplyOut:
    """Recorded now (state `queued`) and sent by the worker: `sent`, `dry_run` or `failed`.
    409 when another agent holds the item, for a pure insult without `insist`, and when what
    it answers is gone (a deleted mention, question or review); nothing is recorded then."""
    return _reply(await replies.reply(db, agent, item_id, data))


# --- canned responses -----------------------------------------------------------------------------

@router.get("/canned-responses", response_model=CannedPage)
async def list_canned(agent: Agent, db: DbSession, folder: str | None = None, cursor: Cursor = None,
                      limit: Limit = paging.DEFAULT_LIMIT) -> CannedPage:
    """By code, optionally one folder's."""
    rows, more = await canned.list_canned(db, folder=folder, cursor=cursor, limit=limit)
    return CannedPage(items=[CannedOut(**canned.describe(r)) for r in rows], next=more)


@router.post("/canned-responses", response_model=CannedOut, status_code=status.HTTP_201_CREATED)
async def create_canned(data: CannedIn, agent: Agent, db: DbSession) -> CannedOut:
    """422 names an unknown variable and the text it is in; 409 when the code is taken."""
    return CannedOut(**canned.describe(await canned.save(db, data)))


@router.get("/canned-responses/{canned_id}", response_model=CannedOut)
async def get_canned(canned_id: Id, agent: Agent, db: DbSession) -> CannedOut:
    return CannedOut(**canned.describe(await canned.get(db, canned_id)))


@router.put("/canned-responses/{canned_id}", response_model=CannedOut)
async def update_canned(canned_id: Id, data: CannedIn, agent: Agent, db: DbSession) -> CannedOut:
    return CannedOut(**canned.describe(await canned.save(db, data, canned_id)))


@router.delete("/canned-responses/{canned_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_canned(canned_id: Id, agent: Agent, db: DbSession) -> Response:
    await canned.remove(db, canned_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- tags in folders ------------------------------------------------------------------------------

@router.get("/tag-folders", response_model=list[TagFolderOut])
async def list_folders(agent: Agent, db: DbSession) -> list[TagFolderOut]:
    """Every folder with its tags (a short list, whole)."""
    return [TagFolderOut(id=f.id, name=f.name, position=f.position, tags=names)
            for f, names in await tags.list_folders(db)]


@router.post("/tag-folders", response_model=TagFolderOut, status_code=status.HTTP_201_CREATED)
async def create_folder(data: TagFolderIn, agent: Agent, db: DbSession) -> TagFolderOut:
    folder = await tags.create_folder(db, data)
    return TagFolderOut(id=folder.id, name=folder.name, position=folder.position, tags=[])


@router.get("/tags", response_model=TagPage)
async def list_tags(agent: Agent, db: DbSession, folder: Id | None = None, cursor: Cursor = None,
                    limit: Limit = paging.DEFAULT_LIMIT) -> TagPage:
    """By name, optionally one folder's (`folder`: its id)."""
    rows, more = await tags.list_tags(db, folder_id=folder, cursor=cursor, limit=limit)
    return TagPage(items=[_tag(t, f) for t, f in rows], next=more)


@router.post("/tags", response_model=TagOut, status_code=status.HTTP_201_CREATED,
             responses={200: {"description": "The tag existed: it was moved to the folder", "model": TagOut}})
async def save_tag(data: TagIn, agent: Agent, db: DbSession, response: Response) -> TagOut:
    """Create a tag in a folder (201), or put an existing tag in it (200); `folder_id` null: no folder."""
    tag, folder, created = await tags.save_tag(db, data)
    if not created:
        response.status_code = status.HTTP_200_OK
    return _tag(tag, folder)


@router.put("/items/{item_id}/tags", response_model=ItemTagsOut)
async def set_item_tags(item_id: BigId, data: ItemTagsIn, agent: Agent, db: DbSession) -> ItemTagsOut:
    """Replace the item's tags (new names are created outside any folder); 409 when another agent holds it."""
    rows = await tags.set_item_tags(db, agent, item_id, data.tags, version=data.version)
    return ItemTagsOut(item_id=item_id, tags=[_tag(t, f) for t, f in rows])
