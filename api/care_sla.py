"""Response-time goals: SLA policies, the community's business hours, and an item's countdown.
Care agents read; admins change policies and hours."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from care import items, sla
from care.schemas import (
    BreachOut,
    BusinessHoursIn,
    BusinessHoursOut,
    GoalOut,
    ItemSlaOut,
    SlaPolicyIn,
    SlaPolicyOut,
    SlaPolicyPage,
)
from hearth import clock, paging
from hearth.accounts.models import Account, Role
from hearth.auth import AdminAccount, require_role
from hearth.db import DbSession
from hearth.ids import BigId, Id
from hearth.paging import Cursor, Limit

router = APIRouter(prefix="/care", tags=["care queue"])
Agent = Annotated[Account, Depends(require_role(Role.CARE_AGENT))]


@router.get("/sla-policies", response_model=SlaPolicyPage)
async def list_policies(agent: Agent, db: DbSession, cursor: Cursor = None,
                        limit: Limit = paging.DEFAULT_LIMIT) -> SlaPolicyPage:
    """In the order they are tried: the first active one whose channel and priority match an item applies."""
    policies, more = await sla.list_policies(db, cursor=cursor, limit=limit)
    return SlaPolicyPage(items=[SlaPolicyOut.of(p) for p in policies], next=more)


@router.post("/sla-policies", response_model=SlaPolicyOut, status_code=status.HTTP_201_CREATED)
async def create_policy(data: SlaPolicyIn, admin: AdminAccount, db: DbSession) -> SlaPolicyOut:
    """Times are minutes above 0 (business minutes when `business_hours`); a taken name is a 409.
    A new policy applies to items created from now on."""
    return SlaPolicyOut.of(await sla.save_policy(db, data))


@router.put("/sla-policies/{policy_id}", response_model=SlaPolicyOut)
async def update_policy(policy_id: Id, data: SlaPolicyIn, admin: AdminAccount, db: DbSession) -> SlaPolicyOut:
    """Goals already running keep their due times; the change applies to goals started afterwards."""
    return SlaPolicyOut.of(await sla.save_policy(db, data, policy_id))


@router.get("/business-hours", response_model=BusinessHoursOut)
async def business_hours(agent: Agent, db: DbSession) -> BusinessHoursOut:
    return BusinessHoursOut.of(await sla.business_hours(db))


@router.put("/business-hours", response_model=BusinessHoursOut)
async def save_business_hours(data: BusinessHoursIn, admin: AdminAccount, db: DbSession) -> BusinessHoursOut:
    return BusinessHoursOut.of(await sla.save_business_hours(db, data))


@router.get("/items/{item_id}/sla", response_model=ItemSlaOut)
async def item_sla(item_id: BigId, agent: Agent, db: DbSession) -> ItemSlaOut:
    """The item's running goals as a countdown (seconds left, negative once late) and its breaches."""
    item = await items.get(db, item_id)
    policy = await sla.get_policy(db, item.sla_policy_id) if item.sla_policy_id else None
    goals = [GoalOut(goal=goal, **shown) for goal, shown in sla.countdown(item, clock.now()).items()]
    found = [BreachOut(goal=b.goal, due_at=b.due_at, breached_at=b.breached_at)
             for b in await sla.breaches(db, item.id)]
    return ItemSlaOut(item_id=item.id, policy=SlaPolicyOut.of(policy) if policy else None,
                      paused=item.paused_at is not None, breached=item.breached, goals=goals, breaches=found)
