"""`hearth import-mentions`: a JSONL or Customer Support on Twitter file into a channel."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

if TYPE_CHECKING:  # the models load with the command, not with the CLI
    from care.models import ImportJob

console = Console()


def register(app: typer.Typer) -> None:
    @app.command("import-mentions")
    def import_mentions(
        path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="The file")],
        channel: Annotated[str, typer.Option(help="Name of the import channel (created when missing)")] = "Imports",
        format: Annotated[str, typer.Option(
            help="jsonl (Hearth's format) or twcs (Customer Support on Twitter)")] = "twcs",
        process: Annotated[bool, typer.Option(help="Also process the queued messages now")] = True,
    ) -> None:
        """Import mentions with a progress bar; broken lines are reported with their numbers.
        Run it again after an interruption: it resumes, and nothing is imported twice."""
        from hearth.errors import HearthError

        try:
            job = asyncio.run(_run(path, channel, format, process))
        except HearthError as exc:
            console.print(f"[red]{exc.detail}[/red]")
            raise typer.Exit(1) from exc
        console.print(f"[green]Queued {job.queued:,} messages[/green] from {job.lines_read:,} lines; "
                      f"stored {job.stored:,}, already there {job.duplicates:,}, matched no topic {job.dropped:,}")
        for notice in job.notices:
            console.print(f"[cyan]{notice}[/cyan]")
        for error in job.errors[:20]:
            console.print(f"[yellow]line {error.get('line')}: {error.get('error')}[/yellow]")
        if job.error_count > 20:
            console.print(f"[yellow]… and {job.error_count - 20} more skipped lines[/yellow]")


async def _run(path: Path, channel_name: str, fmt: str, process: bool) -> ImportJob:
    from sqlalchemy import select

    from care import jobs, service
    from care.models import ImportJob, ImportStatus
    from care.schemas import ChannelIn
    from hearth import events
    from hearth.db import Database
    from hearth.errors import NotFound

    database = Database()
    try:
        async with await database.writer() as session:
            try:
                channel = await service.channel_by_name(session, channel_name)
            except NotFound:
                channel = await service.save_channel(session, ChannelIn(kind="import", name=channel_name))
            # The same file again resumes its unfinished job instead of starting over.
            job = await session.scalar(select(ImportJob).where(
                ImportJob.channel_id == channel.id, ImportJob.filename == path.name,
                ImportJob.status == ImportStatus.RUNNING))
            if job is None:
                jobs.IMPORT_DIR.mkdir(parents=True, exist_ok=True)
                copy = jobs.IMPORT_DIR / f"cli-{path.name}"
                shutil.copyfile(path, copy)
                job = await jobs.start_import(session, None, channel, fmt, path.name, copy)
            await session.commit()
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=console) as progress:
            task = progress.add_task(f"Reading {path.name}", total=job.total_lines, completed=job.lines_read)
            job = await jobs.run_import(database, job.id,
                                        progress=lambda j: progress.update(task, completed=j.lines_read))
            if process:
                work = progress.add_task("Processing", total=job.queued)
                while await events.drain_once(database):
                    async with database.sessionmaker() as session:
                        fresh = await session.get_one(ImportJob, job.id)
                    progress.update(work, completed=fresh.stored + fresh.duplicates + fresh.dropped)
        async with database.sessionmaker() as session:
            return await session.get_one(ImportJob, job.id)
    finally:
        await database.dispose()
