"""The demo care queue: every source, status and language, worked by two agents, with its setup."""

from __future__ import annotations

import time
from collections import Counter

import httpx
from sqlalchemy import func, select

from care.models import (
    ACTIVE_STATUSES,
    BusinessHours,
    CannedResponse,
    CareEntry,
    CareItem,
    CareReply,
    CareTag,
    EntryKind,
    Escalation,
    EscalationProcedure,
    ItemSource,
    ItemStatus,
    ItemTag,
    Recipe,
    RecipeRun,
    SlaBreach,
    SlaPolicy,
    TagFolder,
)
from care.seed_queue import content
from hearth.accounts import service as accounts
from hearth.accounts.models import Role
from hearth.accounts.schemas import SignIn
from hearth.db import Database
from hearth.seed import DEMO_PASSWORD, seed
from tests.care.conftest import drain

LANGUAGES = {"en", "nl", "fr"}


async def test_the_demo_queue_has_every_source_status_and_language(database: Database, app: object) -> None:
    started = time.monotonic()
    counts = await seed(database, quiet=True)
    print(f"seeded in {time.monotonic() - started:.1f}s: {counts}")
    assert counts["care queue"] >= 100

    async with database.sessionmaker() as s:
        found = (await s.scalars(select(CareItem))).all()
        assert counts["care queue"] == len(found)
        by_source: dict[ItemSource, list[CareItem]] = {source: [] for source in ItemSource}
        for item in found:
            by_source[item.source].append(item)
        for source, listed in by_source.items():
            # Each source: in three languages, some still worked and some resolved.
            assert {i.language for i in listed} == LANGUAGES, source
            assert any(i.status in ACTIVE_STATUSES for i in listed), source
            assert any(i.status == ItemStatus.RESOLVED for i in listed), source
        statuses = Counter(i.status for i in found)
        assert statuses[ItemStatus.NEW] and statuses[ItemStatus.OPEN] and statuses[ItemStatus.IGNORED]
        assert statuses[ItemStatus.ESCALATED] == 1

        # Claimed and unassigned work for both agents; breaches recorded as the sweep would.
        care1 = await accounts.get_by_email(s, "care@demo.hearth.test")
        care2 = await accounts.get_by_email(s, "care2@demo.hearth.test")
        active = [i for i in found if i.status in ACTIVE_STATUSES]
        holders = Counter(i.assignee_id for i in active)
        assert holders[care1.id] and holders[care2.id] and holders[None]
        breaches = (await s.scalars(select(SlaBreach))).all()
        breached = {b.item_id for b in breaches}
        assert {i.id for i in found if i.breached} == breached
        assert any(i.id in breached and i.status in ACTIVE_STATUSES and i.due_at is not None for i in found)
        assert all(b.breached_at >= b.due_at for b in breaches)
        lines = Counter((e.item_id, e.kind) for e in (await s.scalars(select(CareEntry).where(
            CareEntry.kind.in_([EntryKind.SLA, EntryKind.REPLY])))).all())
        assert all(lines[(b.item_id, EntryKind.SLA)] >= 1 for b in breaches)
        messages = await s.scalar(select(func.count()).select_from(CareEntry)
                                  .where(CareEntry.kind == EntryKind.MESSAGE))

        # Resolved items with the brand's replies on their timeline: on the platform, and from Hearth.
        resolved = {i.id for i in found if i.status == ItemStatus.RESOLVED}
        assert sum(lines[(i, EntryKind.REPLY)] > 0 for i in resolved) >= 50
        sent = (await s.scalars(select(CareReply))).all()
        assert sent and {r.canned_code for r in sent} >= {"dm-please", "thanks"}
        assert all(r.item_id in resolved or r.item_id in {i.id for i in active} for r in sent)

        # Canned responses in three languages, with variables.
        canned = (await s.scalars(select(CannedResponse))).all()
        assert len(canned) == len(content["canned"]) >= 4
        assert all(set(c.texts) == LANGUAGES and "{customer_name}" in c.texts["nl"] for c in canned)

        # SLA policies (social within the hour, community in business hours) and Belgian holidays.
        policies = {p.name: p for p in (await s.scalars(select(SlaPolicy))).all()}
        assert any(p.channel == "x" and p.first_response_minutes == 60 and not p.business_hours
                   for p in policies.values())
        assert any(p.channel == "community" and p.business_hours for p in policies.values())
        hours = await s.get(BusinessHours, 1)
        assert hours.timezone == "Europe/Brussels" and "2026-07-21" in hours.holidays

        # Tags in folders, on items; two recipes, one of which acted; the procedure, started once.
        folders = {f.id: f.name for f in (await s.scalars(select(TagFolder))).all()}
        assert set(folders.values()) == {"commercial", "corporate"}
        tagged = (await s.execute(select(CareTag.folder_id, func.count()).join(ItemTag, ItemTag.tag_id == CareTag.id)
                                  .group_by(CareTag.folder_id))).all()
        assert {folders[folder] for folder, n in tagged if n} == {"commercial", "corporate"}
        assert await s.scalar(select(func.count()).select_from(Recipe)) == 2
        assert await s.scalar(select(func.count()).select_from(RecipeRun)) >= 1
        procedure = await s.scalar(select(EscalationProcedure))
        assert procedure.name == "Account hacked" and len(procedure.steps) >= 3 and procedure.contacts
        escalation = await s.scalar(select(Escalation))
        assert escalation.procedure_id == procedure.id and escalation.steps_done == [1]

        # The second agent signs in with the demo password and works the queue.
        signed_in = await accounts.authenticate(s, SignIn(email="care2@demo.hearth.test", password=DEMO_PASSWORD))
        assert signed_in.id == care2.id and care2.has_role(Role.CARE_AGENT)
        _record, token = await accounts.create_token(s, care2, "test")
        await s.commit()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        mine = await client.get("/api/v1/care/items", params={"view": "mine"},
                                headers={"Authorization": f"Bearer {token}"})
    assert mine.status_code == 200, mine.text
    assert mine.json()["items"] and all(i["assignee"]["id"] == care2.id for i in mine.json()["items"])

    # The worker then runs the events the demo left: every item and message is there already.
    await drain(database)
    async with database.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(CareItem)) == len(found)
        assert await s.scalar(select(func.count()).select_from(CareEntry).where(
            CareEntry.kind == EntryKind.MESSAGE)) == messages

    again = await seed(database, quiet=True)
    assert again["care queue"] == 0
