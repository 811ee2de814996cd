"""The `hearth` command: serve, migrate, worker, seed, demo, reindex, create-admin."""

from __future__ import annotations

import asyncio
import gc
import getpass
import os
import signal
from typing import Annotated

import typer
from rich.console import Console

from hearth.settings import get_settings

app = typer.Typer(help="Hearth: a brand community with customer care built in.", no_args_is_help=True,
                  add_completion=False)
console = Console()


@app.command()
def migrate(revision: Annotated[str, typer.Argument(help="Target revision")] = "head") -> None:
    """Bring the database schema up to date (Alembic)."""
    from hearth import migrations

    with console.status("Migrating the database…"):
        migrations.upgrade(revision=revision)
    console.print(f"[green]Database at {revision}[/green] ({_safe_url()})")


@app.command()
def serve(host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
          workers: Annotated[int, typer.Option(min=1, help="Worker processes")] = 1,
          reload: Annotated[bool, typer.Option(help="Reload on code changes")] = False,
          access_log: Annotated[bool, typer.Option(help="Log every request")] = True) -> None:
    """Serve the web pages and the API."""
    import uvicorn

    console.print(f"Hearth on [bold]http://{host}:{port}[/bold] with {workers} worker(s), database {_safe_url()}")
    uvicorn.run("server:create_app", factory=True, host=host, port=port, workers=workers, reload=reload,
                access_log=access_log, proxy_headers=True, log_level=get_settings().log_level, lifespan="on",
                # Requests still running after this are cut, so the process (and its in-process
                # worker, stopped by the lifespan) exits within seconds of a SIGTERM.
                timeout_graceful_shutdown=3)


@app.command()
def worker(concurrency: Annotated[int, typer.Option(min=1, help="Parallel workers (each a fast and a slow lane)")] = 1,
           status: Annotated[bool, typer.Option("--status", help="Show the backlog per event kind and exit")] = False,
           retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Run parked failures again and exit")]
           = False) -> None:
    """Process the event outbox. Run several on PostgreSQL; they never take the same event.
    SIGTERM or Ctrl-C stops it within seconds: the job in hand is finished or given back."""
    from hearth import cpu, events
    from hearth.db import get_database
    from hearth.domains import load_handlers
    from hearth.logs import configure_logging

    configure_logging(get_settings().log_level)
    load_handlers()
    if status or retry_failed:
        raise typer.Exit(asyncio.run(_worker_admin(retry_failed)))
    if get_settings().is_sqlite and concurrency > 1:
        console.print("[yellow]SQLite writes one at a time; extra workers will mostly wait.[/yellow]")

    async def main() -> None:
        database = get_database()
        workers = [events.Worker(database) for _ in range(concurrency)]
        gc.freeze()  # as the web server does (server.lifespan): collections skip what start-up loaded
        loop = asyncio.get_running_loop()

        def stop() -> None:
            for w in workers:
                w.request_stop()
            for sig in (signal.SIGINT, signal.SIGTERM):  # a second signal ends the process at once
                loop.add_signal_handler(sig, lambda: os._exit(1))

        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop)
        console.print(f"Outbox worker running ({concurrency} worker(s), fast and slow lanes); Ctrl-C stops it.")
        try:
            await asyncio.gather(*(w.run() for w in workers))
        finally:
            cpu.shutdown()
            await database.dispose()

    asyncio.run(main())


async def _worker_admin(retry_failed: bool) -> int:
    """`hearth worker --status` (exit code 1 when the worker is stalled) or `--retry-failed`."""
    from rich.table import Table

    from hearth.db import Database
    from hearth.events import status as outbox

    database = Database()
    try:
        async with database.sessionmaker() as session:
            if retry_failed:
                count = await outbox.retry_all(session)
                await session.commit()
                console.print(f"{count} failed event(s) queued again")
                return 0
            state = await outbox.status(session)
    finally:
        await database.dispose()
    table = Table(title=f"Outbox: {state.pending:,} pending, {state.failed:,} failed, state {state.state}")
    widest = max((len(k.name) for k in state.kinds), default=10)
    table.add_column("kind", no_wrap=True, min_width=min(widest, 48))
    for column in ("lane", "pending", "due", "oldest wait", "budget", "failed", "handled 1 h", "mean ms", "max ms"):
        table.add_column(column, justify="left" if column == "lane" else "right")
    for k in state.kinds:
        wait = "" if k.oldest_wait is None else f"{k.oldest_wait:,.1f} s"
        table.add_row(k.name, k.lane, f"{k.pending:,}", f"{k.due:,}", f"[red]{wait}[/red]" if k.behind else wait,
                      f"{k.budget:,.0f} s", f"{k.failed:,}", f"{k.last_hour.get('processed', 0):,}",
                      "" if k.mean_ms is None else f"{k.mean_ms:.1f}", "" if k.max_ms is None else f"{k.max_ms:.1f}")
    console.print(table)
    if not state.workers:
        console.print("[yellow]No worker has reported in the last 45 seconds.[/yellow]")
    for w in state.workers:
        console.print(f"worker {w.name} (pid {w.pid}, lanes {w.lanes}): {w.handled:,} handled since "
                      f"{w.started_at:%Y-%m-%d %H:%M:%S}, seen {w.seen_at:%H:%M:%S}"
                      + (f", now {w.current}" if w.current else ""))
    return 1 if state.state == "stalled" else 0


@app.command()
def seed() -> None:
    """Add the demo community (idempotent)."""
    from hearth.db import Database
    from hearth.seed import DEMO_PASSWORD
    from hearth.seed import seed as run_seed

    async def main() -> dict[str, int]:
        database = Database()
        try:
            return await run_seed(database)
        finally:
            await database.dispose()

    counts = asyncio.run(main())
    console.print("Seeded: " + ", ".join(f"{n} new {k}" for k, n in counts.items()))
    console.print(f"Demo sign-in: [bold]admin@demo.hearth.test[/bold] / [bold]{DEMO_PASSWORD}[/bold]")


@app.command()
def demo(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Migrate, seed the demo community and serve it."""
    migrate()
    seed()
    serve(host=host, port=port, workers=1, reload=False, access_log=True)


@app.command()
def reindex(kind: Annotated[list[str] | None, typer.Option(help="Only this kind (repeatable)")] = None,
            batch_size: Annotated[int, typer.Option(min=1, help="Documents per committed batch")] = 500) -> None:
    """Rebuild the search index from scratch, for every kind the domains register."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

    from hearth import search
    from hearth.db import Database
    from hearth.domains import load_handlers

    load_handlers()  # domains register their search sources with their handlers

    async def main(progress: Progress) -> dict[str, int]:
        bars: dict[str, TaskID] = {}

        def report(source: str, done: int, total: int) -> None:
            if source not in bars:
                bars[source] = progress.add_task(source, total=total)
            progress.update(bars[source], completed=done, total=total)

        database = Database()
        try:
            return await search.reindex(database, report, kinds=kind, batch_size=batch_size)
        finally:
            await database.dispose()

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console) as progress:
        counts = asyncio.run(main(progress))
    if not counts:
        console.print("[yellow]Nothing to reindex: no domain registers that kind.[/yellow]")
        return
    console.print("Reindexed: " + ", ".join(f"{n} {name}" for name, n in counts.items()))


@app.command("create-admin")
def create_admin(email: Annotated[str, typer.Option(prompt=True, help="E-mail address")],
                 name: Annotated[str, typer.Option(help="Display name")] = "Administrator",
                 password: Annotated[str | None, typer.Option(help="Password (asked when left out)",
                                                             envvar="HEARTH_ADMIN_PASSWORD")] = None) -> None:
    """Create an administrator, or make an existing account one."""
    from hearth.accounts import service
    from hearth.accounts.models import Role
    from hearth.db import Database
    from hearth.errors import HearthError

    async def main(secret: str | None) -> str:
        database = Database()
        try:
            async with database.sessionmaker() as session:
                account = await service.get_by_email(session, email)
                if account is not None:
                    await service.set_roles(session, account, set(account.roles) | {Role.ADMIN})
                    outcome = f"{account.email} is now an admin"
                else:
                    if secret is None:
                        secret = getpass.getpass("Password: ")
                    account = await service.create_account(session, email=email, display_name=name,
                                                           password=secret, roles=frozenset({Role.ADMIN}))
                    outcome = f"Created admin {account.email} (@{account.handle})"
                await session.commit()
                return outcome
        finally:
            await database.dispose()

    try:
        console.print(f"[green]{asyncio.run(main(password))}[/green]")
    except HearthError as exc:
        console.print(f"[red]{exc.detail}[/red]")
        raise typer.Exit(1) from exc


def _safe_url() -> str:
    # Never print a password that sits in the database URL.
    from sqlalchemy.engine import make_url

    return make_url(get_settings().database_url).render_as_string(hide_password=True)


def _domain_commands() -> None:
    """Each domain's own commands (a `cli.py` with `register(app)`), like its seeders."""
    from hearth.domains import domain_modules

    for module in domain_modules("cli"):
        module.register(app)


_domain_commands()

if __name__ == "__main__":
    app()
