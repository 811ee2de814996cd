"""Demo data for a first visit: a Belgian bank's community team and members.

Idempotent: running it twice changes nothing. Later domains add their own seeders
(threads, reviews, ideas, mentions) to SEEDERS, and keep their words in TOML files that
`load_content` reads, so that people who write, not program, can edit them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Awaitable, Callable
from datetime import timedelta
from importlib import resources
from typing import Any, TypeVar

from rich.progress import Progress
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from hearth import clock
from hearth.accounts import service as accounts
from hearth.accounts.models import Account, Role
from hearth.db import Database
from hearth.domains import domain_modules
from hearth.events import OutboxEvent

DEMO_PASSWORD = "hearth-demo-2026"
# The order a domain's language files are read in: the demo's random choices follow it, so
# changing it changes the demo.
CONTENT_LANGUAGES = ("nl", "fr", "en")

TEAM = [
    ("admin@demo.hearth.test", "Ada Admin", "en", {Role.ADMIN}),
    ("moderator@demo.hearth.test", "Mo Deraert", "nl", {Role.MODERATOR}),
    ("care@demo.hearth.test", "Camille Care", "fr", {Role.CARE_AGENT}),
    ("retention@demo.hearth.test", "Ruben Retentie", "nl", {Role.RETENTION_AGENT}),
    ("product@demo.hearth.test", "Priya Product", "en", {Role.PRODUCT_MANAGER}),
]

MEMBERS = [
    ("Lotte Janssens", "nl"), ("Thomas Peeters", "nl"), ("Marie Dubois", "fr"), ("Lucas Maes", "nl"),
    ("Emma Jacobs", "nl"), ("Louis Lambert", "fr"), ("Sarah Willems", "nl"), ("Noah Claes", "nl"),
    ("Julie Martin", "fr"), ("Arthur Goossens", "nl"), ("Chloé Dupont", "fr"), ("Jonas Wouters", "nl"),
    ("Olivia Smith", "en"), ("Finn De Smet", "nl"), ("Léa Lefèvre", "fr"), ("Daan Mertens", "nl"),
    ("Camille Renard", "fr"), ("James O'Brien", "en"), ("Nora Vermeulen", "nl"), ("Hugo Leroy", "fr"),
    ("Fatima El Amrani", "fr"), ("Kevin Hermans", "nl"), ("Sofia Rossi", "en"), ("Bram Van Damme", "nl"),
    ("Inès Moreau", "fr"), ("Wout Desmet", "nl"), ("Amélie Simon", "fr"), ("Pieter De Backer", "nl"),
    ("Hannah Becker", "en"), ("Youssef Benali", "fr"), ("Elise Michiels", "nl"), ("Mathis Laurent", "fr"),
    ("Anouk Verbruggen", "nl"), ("Oscar Nguyen", "en"), ("Zoë Van den Bossche", "nl"), ("Victor Girard", "fr"),
    ("Ruth Adeyemi", "en"), ("Sander Pauwels", "nl"), ("Manon Fontaine", "fr"), ("Jef Segers", "nl"),
    ("Laura Hendrickx", "nl"), ("Antoine Mercier", "fr"), ("Grace Kim", "en"), ("Milan Aerts", "nl"),
    ("Clara Dumont", "fr"), ("Tim Coppens", "nl"), ("Eva Van Acker", "nl"), ("Nicolas Petit", "fr"),
]


def _email(name: str) -> str:
    return accounts._handle_base(name).replace("_", ".") + "@demo.hearth.test"  # noqa: SLF001


async def seed_accounts(session: AsyncSession, progress: Progress) -> int:
    created = 0
    people = [(e, n, lang, r) for e, n, lang, r in TEAM] + [(_email(n), n, lang, set()) for n, lang in MEMBERS]
    task = progress.add_task("Members", total=len(people))
    start = clock.now() - timedelta(days=400)
    for i, (email, name, language, roles) in enumerate(people):
        if await accounts.get_by_email(session, email) is None:
            account = await accounts.create_account(session, email=email, display_name=name, password=DEMO_PASSWORD,
                                                    language=language, roles=frozenset(roles))
            # Spread join dates over the past year so the community looks grown, not made.
            account.created_at = start + timedelta(days=390 * i / len(people), hours=i * 5 % 24)
            created += 1
        progress.advance(task)
    return created


async def demo_people(session: AsyncSession, staff_roles: dict[str, Role],
                      demo: str) -> tuple[dict[str, Account], dict[str, list[Account]]]:
    """The demo team by duty (`staff_roles` names the duties a domain's content uses), and the
    demo members by the language they write in; `demo` names the demo that needs them."""
    staff: dict[str, Account] = {}
    for email, _name, _language, roles in TEAM:
        account = await accounts.get_by_email(session, email)
        for key, role in staff_roles.items():
            if account is not None and role in roles:
                staff[key] = account
    by_language: dict[str, list[Account]] = {"nl": [], "fr": [], "en": []}
    for name, language in MEMBERS:
        account = await accounts.get_by_email(session, _email(name))
        if account is not None and account.is_active:
            by_language.setdefault(language, []).append(account)
    if len(staff) < len(staff_roles) or min(len(v) for v in by_language.values()) < 3:
        raise RuntimeError(f"The {demo} demo needs the demo members: run the accounts seeder first")
    return staff, by_language


class SeedContentError(ValueError):
    """A demo content file that cannot be read; the message names the file and says why."""


T = TypeVar("T")


def filled(value: T | None) -> T:
    """What a demo's plan has filled in by the time it is used (an author, a time, an id)."""
    if value is None:
        raise RuntimeError("The demo's plan left a value unset")
    return value


def load_content(domain_package: str) -> dict[str, dict[str, Any]]:
    """A domain's demo content: the TOML files in its `seed/` folder, by name. `common` (what
    every language shares) comes first, then each language's file in CONTENT_LANGUAGES order;
    a language without a file is left out."""
    folder = resources.files(domain_package) / "seed"
    names = ["common", *CONTENT_LANGUAGES]
    for file in sorted(folder.iterdir(), key=lambda f: f.name):
        if file.name.endswith(".toml") and file.name.removesuffix(".toml") not in names:
            raise SeedContentError(f"{file}: not read, a demo content file is named "
                                   f"{' or '.join(f'{n}.toml' for n in names)}")
    content: dict[str, dict[str, Any]] = {}
    for name in names:
        file = folder / f"{name}.toml"
        if file.is_file():
            try:
                content[name] = tomllib.loads(file.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                raise SeedContentError(f"{file}: {error}") from None
    return content


Seeder = Callable[[AsyncSession, Progress], Awaitable[int]]
SEEDERS: list[tuple[str, Seeder]] = [("accounts", seed_accounts)]


def all_seeders() -> list[tuple[str, Seeder]]:
    """The kernel's seeders, then each domain's `seed.SEEDERS`, in DOMAINS order."""
    found = list(SEEDERS)
    for module in domain_modules("seed"):
        found.extend(module.SEEDERS)
    return found


async def seed(database: Database, *, quiet: bool = False) -> dict[str, int]:
    counts: dict[str, int] = {}
    with Progress(disable=quiet, transient=False) as progress:
        for name, seeder in all_seeders():
            # One transaction per seeder: a big seeder's work is not lost to a later one's error.
            async with database.sessionmaker() as session:
                counts[name] = await seeder(session, progress)
                await session.commit()
    await _work_from_now(database)
    return counts


async def _work_from_now(database: Database) -> None:
    """The seeders date the community's content in the past, and with it the events that
    content published. For the worker those are new work: due from now, not late for months
    (which /healthz would report as a stalled worker)."""
    now = clock.now()
    async with database.sessionmaker() as session:
        await session.execute(update(OutboxEvent).where(OutboxEvent.processed_at.is_(None),
                                                        OutboxEvent.available_at < now)
                              .values(available_at=now, deadline=now))
        await session.commit()
