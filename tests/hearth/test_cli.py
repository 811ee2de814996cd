"""The `hearth` command, run for real: seed, create-admin, migrate, and worker processes."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

from sqlalchemy import ColumnElement, func, select
from typer.testing import CliRunner

from hearth.accounts.models import Account, Role, holds_role
from hearth.cli import app
from hearth.db import Database
from hearth.events import OutboxEvent, publish
from hearth.events import status as outbox
from tests.conftest import DATABASE_URL

runner = CliRunner()


async def invoke(*args: str):
    # The commands run their own event loop, as they do in a shell: keep them off the test's.
    return await asyncio.to_thread(runner.invoke, app, list(args))


async def _count(database: Database, model, *where: ColumnElement[bool]) -> int:
    async with database.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(model).where(*where))


def test_migrate_is_idempotent() -> None:
    result = runner.invoke(app, ["migrate"])
    assert result.exit_code == 0, result.output
    assert "Database at head" in result.output


async def test_seed_twice_adds_nothing_the_second_time(database: Database) -> None:
    first = await invoke("seed")
    assert first.exit_code == 0, first.output
    members = await _count(database, Account)
    assert members >= 50
    async with database.sessionmaker() as s:  # the content is dated in the past; its events are new work
        assert (await outbox.health(s))["state"] == "ok"
    second = await invoke("seed")
    assert second.exit_code == 0 and "0 new accounts" in second.output
    assert await _count(database, Account) == members
    assert await _count(database, Account, holds_role(Role.ADMIN)) == 1


async def test_create_admin(database: Database, member) -> None:
    made = await invoke("create-admin", "--email", "boss@bank.example", "--name", "Bea Boss",
                        "--password", "a long admin secret")
    assert made.exit_code == 0, made.output
    promoted = await invoke("create-admin", "--email", member.email)
    assert promoted.exit_code == 0 and "now an admin" in promoted.output
    weak = await invoke("create-admin", "--email", "weak@bank.example", "--password", "short")
    assert weak.exit_code == 1 and "at least" in weak.output
    async with database.sessionmaker() as s:
        admins = (await s.scalars(select(Account).order_by(Account.email))).all()
    assert {a.email: a.has_role(Role.ADMIN) for a in admins} == {"boss@bank.example": True, member.email: True}


async def test_worker_processes_drain_the_outbox_and_stop_cleanly(database: Database) -> None:
    async with database.sessionmaker() as s:
        for n in range(200):
            publish(s, "cli.test", n=n)
        await s.commit()
    env = {**os.environ, "HEARTH_DATABASE_URL": DATABASE_URL}
    workers = [subprocess.Popen([sys.executable, "-m", "hearth.cli", "worker", "--concurrency", "2"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for _ in range(2)]
    try:
        # Each has installed its signal handlers once it says it is running.
        for w in workers:
            line = ""
            while "Outbox worker running" not in line:
                line = await asyncio.wait_for(asyncio.to_thread(w.stdout.readline), timeout=60)
                assert line, "the worker exited before running"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if await _count(database, OutboxEvent, OutboxEvent.processed_at.is_(None)) == 0:
                break
            time.sleep(0.2)
    finally:
        for w in workers:
            w.send_signal(signal.SIGTERM)
        outputs = [w.communicate(timeout=30)[0] for w in workers]
    assert await _count(database, OutboxEvent, OutboxEvent.processed_at.is_(None)) == 0
    assert await _count(database, OutboxEvent, OutboxEvent.outcome == "failed") == 0
    assert all(w.returncode == 0 for w in workers), outputs
