"""Automation recipes: care agents read them, admins write them, and anyone who reads them
can try one against the last real items before it is saved."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from care import recipes
from care.models import Recipe
from care.schemas import RecipeIn, RecipeOut, RecipePage, TriedItemOut, TryOut
from hearth import paging
from hearth.accounts.models import Account, Role
from hearth.auth import AdminAccount, require_role
from hearth.db import DbSession
from hearth.ids import Id
from hearth.paging import Cursor, Limit

router = APIRouter(prefix="/care", tags=["care recipes"])
Agent = Annotated[Account, Depends(require_role(Role.CARE_AGENT))]
Last = Annotated[int, Query(ge=1, le=recipes.TRY_MAX, description="How many of the newest items to try it on")]


def _out(recipe: Recipe) -> RecipeOut:
    return RecipeOut(id=recipe.id, name=recipe.name, trigger=str(recipe.trigger), minutes=recipe.minutes,
                     conditions=recipe.conditions, actions=recipe.actions, position=recipe.position,
                     active=recipe.active, created_at=recipe.created_at, updated_at=recipe.updated_at)


@router.get("/recipes", response_model=RecipePage)
async def list_recipes(agent: Agent, db: DbSession, cursor: Cursor = None,
                       limit: Limit = paging.DEFAULT_LIMIT) -> RecipePage:
    """In the order they run (position, then id)."""
    rows, more = await recipes.list_recipes(db, cursor=cursor, limit=limit)
    return RecipePage(items=[_out(r) for r in rows], next=more)


@router.post("/recipes", response_model=RecipeOut, status_code=status.HTTP_201_CREATED)
async def create_recipe(data: RecipeIn, admin: AdminAccount, db: DbSession) -> RecipeOut:
    """A 422 names the faulty part by its path (`conditions[1].op`, `actions[0].webhook`)."""
    return _out(await recipes.save(db, data))


@router.post("/recipes/try", response_model=TryOut)
async def try_recipe(data: RecipeIn, agent: Agent, db: DbSession, last: Last = recipes.TRY_DEFAULT) -> TryOut:
    """What the recipe would do to each of the `last` newest items, as they are now; nothing changes."""
    tried = await recipes.try_recipe(db, data, last=last)
    return TryOut(looked_at=len(tried), matched=sum(t.matched for t in tried),
                  items=[TriedItemOut(item_id=t.item_id, title=t.title, matched=t.matched, actions=t.actions)
                         for t in tried])


@router.get("/recipes/{recipe_id}", response_model=RecipeOut)
async def get_recipe(recipe_id: Id, agent: Agent, db: DbSession) -> RecipeOut:
    return _out(await recipes.get(db, recipe_id))


@router.put("/recipes/{recipe_id}", response_model=RecipeOut)
async def update_recipe(recipe_id: Id, data: RecipeIn, admin: AdminAccount, db: DbSession) -> RecipeOut:
    """Reorder by changing `position`."""
    return _out(await recipes.save(db, data, recipe_id))


@router.delete("/recipes/{recipe_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_recipe(recipe_id: Id, admin: AdminAccount, db: DbSession) -> None:
    await recipes.remove(db, recipe_id)
