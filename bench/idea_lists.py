"""The idea exchange at scale: 50,000 ideas and 1,000,000 votes, read by members who vote meanwhile.

About 2,000 members proposed 50,000 ideas over a year (every status, a few held by moderation,
duplicates merged into older ideas) and cast 1,000,000 votes, Zipf-skewed: the most wanted ideas
have nearly every member's vote, most have a handful. Each idea's `vote_count`, `comment_count`
and `trending` are what ideas.service leaves after those votes and comments, cast one by one at
their times (`trending` folds each one in with `logaddexp`, in time order, as `vote` does). The
rows go in with bulk inserts, in seconds; the accounts too, but the 50 members who sign in get
their browser sessions and API tokens from hearth.accounts.service.

On a server as `hearth serve --workers 2` runs it, wrk then loads (16 connections, each request
one of the 50 members in turn, a Lua script rotating their tokens or cookies): the trending list
through the API, its second page by cursor, the top list, the trending list of one status, and
the ideas page when this build has one; each as requests/s, p50/p99 and a share of `/livez`
loaded the same way in the same run. Then the trending list again while members vote (`PUT
/api/v1/ideas/{id}/vote`, for ideas they had not voted for yet) at a steady pace, each vote timed
from request to answer: a vote's time under the load of the list, and the list's while votes
move it.

Before the load, each list's statement (as ideas.service.list_ideas sends it) is explained on
the database: the index it reads the ideas by, and whether it sorts them instead.
"""

from __future__ import annotations

import asyncio
import bisect
import itertools
import math
import random
import re
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event, insert, select, text

from bench import pages
from hearth import clock
from hearth.accounts import service as accounts
from hearth.accounts.models import Account, Role
from hearth.db import Database
from hearth.security import CSRF_COOKIE, SESSION_COOKIE, new_nonce
from ideas import service
from ideas.models import (
    ACTIVE,
    Idea,
    IdeaArea,
    IdeaComment,
    IdeaFollow,
    IdeaStatus,
    IdeaStatusChange,
    IdeaTag,
    IdeaVote,
)
from moderation.models import ContentState

MEMBERS = 2_000
SIGNED_IN = 50  # members with a browser session and an API token, who load the lists and vote
CHUNK = 10_000  # rows per bulk insert
DAYS = 365  # ideas were proposed over the last year
ZIPF = 1.0  # the idea ranked r-th by popularity has 1/r of the votes of the first (up to every member's)
VOTES_PER_SECOND = 10  # votes cast while the trending list is loaded
SHOWN_STATUS = IdeaStatus.PLANNED  # the status whose trending list is loaded (5% of the ideas)
# How many ideas are in each status, as a share: most are open; a few were merged into older ones.
STATUSES = [(IdeaStatus.OPEN, 0.70), (IdeaStatus.UNDER_REVIEW, 0.08), (IdeaStatus.PLANNED, 0.05),
            (IdeaStatus.IN_PROGRESS, 0.03), (IdeaStatus.COMPLETED, 0.06), (IdeaStatus.DECLINED, 0.06),
            (IdeaStatus.MERGED, 0.02)]
STATES = [(ContentState.PUBLISHED, 0.99), (ContentState.HELD, 0.005), (ContentState.HIDDEN, 0.005)]
AREAS = [("cards", "Cards", "Belfius Bank"), ("app", "Mobile app", "Belfius Bank"),
         ("payments", "Payments", "Belfius Bank"), ("savings", "Savings and investing", "Belfius Bank"),
         ("loans", "Loans and mortgages", "Belfius Bank"), ("mobile-plans", "Mobile plans", "Proximus"),
         ("internet", "Internet at home", "Proximus"), ("tv", "TV and streaming", "Proximus"),
         ("roaming", "Roaming", "Proximus"), ("invoices", "Invoices", "Proximus")]
TAGS = ["fees", "app", "security", "accessibility", "notifications", "travel", "family", "business",
        "invoice", "speed", "support", "privacy"]
WISHES = ["Let me freeze my card from the app", "Show fees before I confirm a payment",
          "Dark mode for the app", "Split a bill with friends", "Round up payments into savings",
          "Pause my subscription while I travel", "Data rollover to next month", "Share data with my family",
          "Notify me when my invoice is higher than usual", "Choose my own PIN online",
          "Faster support chat in the evening", "Export transactions to a spreadsheet"]
LANGUAGES = ["nl", "fr", "en"]
SERVER_ENV = {"HEARTH_LOG_LEVEL": "warning", "HEARTH_WRITE_LIMIT": "1000000/60",
              "HEARTH_SECRET_KEY": "bench-secret-key-0123456789abcdef"}
PAGE_PATH = "/ideas?sort=trending"
VOTE_PATH = "/api/v1/ideas/{id}/vote"


# --- the data ----------------------------------------------------------------------------------

@dataclass
class Plan:
    """Every row to insert, and what the load needs: the signed-in members, fresh votes to cast."""

    accounts: list[dict[str, Any]]
    ideas: list[dict[str, Any]] = field(default_factory=list)
    votes: list[tuple[int, int, datetime]] = field(default_factory=list)  # (idea, member index, at)
    comments: list[dict[str, Any]] = field(default_factory=list)
    follows: list[tuple[int, int]] = field(default_factory=list)  # (idea, member index)
    tags: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    signed_in: list[int] = field(default_factory=list)  # member indexes
    fresh: list[tuple[int, int]] = field(default_factory=list)  # (member index, idea) not voted yet


def _pick(rng: random.Random, weighted: list[tuple[Any, float]]) -> Any:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def vote_counts(ideas: int, votes: int, cap: int) -> list[int]:
    """Votes of the ideas by popularity rank: Zipf (rank r gets C / r**ZIPF), none above `cap`
    (every member's vote), `votes` in all."""
    if votes > ideas * cap:
        raise SystemExit(f"{votes:,} votes do not fit on {ideas:,} ideas with {cap:,} members")

    def counts(c: float) -> list[int]:
        return [min(cap, int(c / (r + 1) ** ZIPF)) for r in range(ideas)]

    low, high = 0.0, float(cap) * ideas ** ZIPF  # high: every idea at the cap
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if sum(counts(middle)) <= votes else (low, middle)
    found = counts(low)
    rest, n = votes - sum(found), 0
    while rest:  # what rounding left over, one each from the top
        if found[n % ideas] < cap:
            found[n % ideas] += 1
            rest -= 1
        n += 1
    return found


def _spread(rng: random.Random, start: datetime, end: datetime, count: int) -> list[datetime]:
    """`count` moments between `start` and `end`, oldest first; more of them early, as attention
    goes to an idea when it is new."""
    span = (end - start).total_seconds()
    return sorted(start + timedelta(seconds=span * rng.random() ** 2) for _ in range(count))


def plan(ideas: int, votes: int, *, members: int = MEMBERS, seed: int = 2026) -> Plan:
    """The rows, reproducible from `seed`. Idea ids are 1…ideas in the order they were proposed."""
    rng = random.Random(seed)
    now = clock.now()
    found = Plan(accounts=[{
        "email": f"member{n}@ideas.bench.example", "handle": f"ideas-member-{n}", "display_name": f"Idea member {n}",
        "password_hash": None, "language": LANGUAGES[n % 3], "is_active": True, "unread_notifications": 0,
        "roles": frozenset({Role.MEMBER, Role.PRODUCT_MANAGER} if n == 0 else {Role.MEMBER}),
        "created_at": now - timedelta(days=DAYS + 30, minutes=n)} for n in range(members)])
    found.signed_in = sorted(rng.sample(range(1, members), SIGNED_IN))
    signed_in = set(found.signed_in)
    moments = sorted(now - timedelta(seconds=rng.uniform(60, DAYS * 86_400)) for _ in range(ideas))
    statuses = [_pick(rng, STATUSES) for _ in range(ideas)]
    states = [_pick(rng, STATES) for _ in range(ideas)]
    # Votes go to published ideas that were not merged away (a merged idea's votes moved on).
    votable = [i for i in range(ideas) if states[i] == ContentState.PUBLISHED and statuses[i] != IdeaStatus.MERGED]
    rng.shuffle(votable)  # popularity ranks
    counts = dict(zip(votable, vote_counts(len(votable), votes, members), strict=True))
    voted_by_signed_in: set[tuple[int, int]] = set()
    open_targets: list[int] = []  # published ideas not merged, by id: what a duplicate merges into
    for i, created in enumerate(moments):
        idea_id, status, state = i + 1, statuses[i], states[i]
        changed = created + (now - created) * rng.uniform(0.1, 0.9) if status != IdeaStatus.OPEN else None
        merged_into = None
        if status == IdeaStatus.MERGED:
            if open_targets:
                merged_into = rng.choice(open_targets[-2_000:])  # a duplicate of a recent idea
            else:
                status, changed = IdeaStatus.OPEN, None
        end = changed if changed and status in (IdeaStatus.COMPLETED, IdeaStatus.DECLINED, IdeaStatus.MERGED) else now
        voters = rng.sample(range(members), counts.get(i, 0))
        vote_times = _spread(rng, created, end, len(voters))
        found.votes += [(idea_id, voter, at) for voter, at in zip(voters, vote_times, strict=True)]
        voted_by_signed_in.update((voter, idea_id) for voter in voters if voter in signed_in)
        author = rng.randrange(members)
        said = (int(math.sqrt(len(voters)) * rng.random() * 1.5) + (rng.random() < 0.3)
                if state == ContentState.PUBLISHED else 0)
        commenters = [rng.randrange(members) for _ in range(said)]
        comment_times = _spread(rng, created, end, said)
        found.comments += [{"idea_id": idea_id, "author_id": who, "body": f"Comment {n} on idea {idea_id}",
                            "body_html": f"<p>Comment {n} on idea {idea_id}</p>", "state": ContentState.PUBLISHED,
                            "created_at": at} for n, (who, at) in enumerate(zip(commenters, comment_times,
                                                                                   strict=True))]
        found.follows += [(idea_id, who) for who in sorted({author, *commenters})]
        # What ideas.service leaves: the idea's own weight, then each vote and comment in turn.
        trending = service.moment(created)
        for at in sorted(vote_times + comment_times):
            trending = service.logaddexp(trending, service.moment(at))
        wish = WISHES[i % len(WISHES)]
        found.ideas.append({
            "id": idea_id, "area_id": i % (len(AREAS) + 1) or None, "author_id": author,
            "title": f"{wish} ({idea_id})", "slug": service.slugify(wish), "body": f"{wish}, please.",
            "body_html": f"<p>{wish}, please.</p>", "language": LANGUAGES[i % 3], "status": status, "state": state,
            "vote_count": len(voters), "comment_count": said, "trending": trending, "merged_into_id": merged_into,
            "status_changed_at": changed, "version": 1 if changed else 0, "created_at": created,
            "updated_at": changed or created,
            "last_activity_at": max([created, *vote_times[-1:], *comment_times[-1:]])})
        found.tags += [{"idea_id": idea_id, "name": name} for name in rng.sample(TAGS, rng.choice([0, 1, 1, 2, 3]))]
        if changed:
            found.changes.append({"idea_id": idea_id, "actor_id": 0, "from_status": IdeaStatus.OPEN,
                                  "to_status": status, "response": "Thank you: we looked at it.",
                                  "response_html": "<p>Thank you: we looked at it.</p>", "created_at": changed})
        if state == ContentState.PUBLISHED and status != IdeaStatus.MERGED:
            open_targets.append(idea_id)
    found.fresh = _fresh_votes(rng, found, voted_by_signed_in)
    return found


def _fresh_votes(rng: random.Random, found: Plan, voted: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Votes the signed-in members may still cast (ideas that take votes, not voted for yet),
    mostly on the ideas many vote for, as the lists show those first."""
    takes = [row for row in found.ideas if row["status"] in ACTIVE and row["state"] == ContentState.PUBLISHED]
    cumulative = list(itertools.accumulate(row["vote_count"] + 1 for row in takes))
    fresh: list[tuple[int, int]] = []
    seen = set(voted)
    for _ in range(50 * len(found.signed_in) * 10):
        row = takes[bisect.bisect(cumulative, rng.random() * cumulative[-1])]
        pair = (rng.choice(found.signed_in), row["id"])
        if pair not in seen:
            seen.add(pair)
            fresh.append(pair)
        if len(fresh) == 5_000:
            break
    return fresh


async def _insert(database: Database, model: type, rows: Iterator[dict[str, Any]] | list[dict[str, Any]]) -> None:
    """Bulk inserts of CHUNK rows, each in its own transaction."""
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, CHUNK)):
        async with database.sessionmaker() as session:
            await session.execute(insert(model), chunk)
            await session.commit()


async def prepare(url: str, *, ideas: int, votes: int) -> dict[str, Any]:
    """Migrate, write the plan's rows, sign the members in, ANALYZE; times the inserts."""
    from hearth import migrations

    await asyncio.to_thread(migrations.upgrade, url)
    started = time.monotonic()
    found = plan(ideas, votes)
    planned = time.monotonic() - started
    database = Database(url)
    try:
        started = time.monotonic()
        await _insert(database, Account, found.accounts)
        async with database.sessionmaker() as session:
            ids = dict((await session.execute(select(Account.handle, Account.id).where(
                Account.email.like("%@ideas.bench.example")))).tuples().all())
        member = [ids[row["handle"]] for row in found.accounts]
        await _insert(database, IdeaArea, [{"slug": slug, "name": name, "description": "", "brand": brand,
                                            "position": n, "created_at": clock.now()}
                                           for n, (slug, name, brand) in enumerate(AREAS)])
        async with database.sessionmaker() as session:
            areas = dict((await session.execute(select(IdeaArea.position, IdeaArea.id))).tuples().all())
        await _insert(database, Idea, ({**row, "author_id": member[row["author_id"]],
                                        "area_id": areas[row["area_id"] - 1] if row["area_id"] else None}
                                       for row in found.ideas))
        await _insert(database, IdeaVote, ({"idea_id": idea_id, "voter_id": member[voter], "created_at": at}
                                           for idea_id, voter, at in found.votes))
        await _insert(database, IdeaComment, ({**row, "author_id": member[row["author_id"]]}
                                              for row in found.comments))
        await _insert(database, IdeaFollow, ({"idea_id": idea_id, "account_id": member[who], "created_at": clock.now()}
                                             for idea_id, who in found.follows))
        await _insert(database, IdeaTag, found.tags)
        await _insert(database, IdeaStatusChange, ({**row, "actor_id": member[0]} for row in found.changes))
        inserted = time.monotonic() - started
        started = time.monotonic()
        await _settle(database)
        settled = time.monotonic() - started
        signed_in = await _sign_in(database, [member[n] for n in found.signed_in])
        tokens = {n: signed_in[member[n]]["token"] for n in found.signed_in}
        return {"members": signed_in, "ideas": ideas, "votes": votes, "accounts": len(found.accounts),
                "comments": len(found.comments), "plan_seconds": planned, "insert_seconds": inserted,
                "settle_seconds": settled,
                "most_votes": max(row["vote_count"] for row in found.ideas),
                "fresh": [(tokens[n], idea_id) for n, idea_id in found.fresh]}
    finally:
        await database.dispose()


async def _settle(database: Database) -> None:
    """What a year of use would have left: statistics (and on PostgreSQL vacuumed tables, their
    visibility known), the write-ahead log of SQLite folded back into the database."""
    async with database.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            # The ids above were given, not drawn from the sequence.
            await connection.execute(text("SELECT setval(pg_get_serial_sequence('ideas', 'id'), "
                                          "(SELECT max(id) FROM ideas))"))
            await connection.commit()
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(text("VACUUM ANALYZE"))
        else:
            await connection.execute(text("ANALYZE"))
            await connection.commit()
            await connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            await connection.commit()


async def _sign_in(database: Database, account_ids: list[int]) -> dict[int, dict[str, str]]:
    """A browser session and an API token for each of these members."""
    found = {}
    async with database.sessionmaker() as session:
        for account_id in account_ids:
            account = await session.get(Account, account_id)
            assert account is not None
            browser = await accounts.start_session(session, account, user_agent="bench")
            _record, token = await accounts.create_token(session, account, "bench")
            found[account_id] = {"session": browser.token, "token": token}
        await session.commit()
    return found


# --- how the database reads each list ------------------------------------------------------------

def lists(cursor: str) -> dict[str, dict[str, Any]]:
    """The lists loaded, as ideas.service.list_ideas arguments (the API's and the page's)."""
    return {"trending": {"sort": "trending"},
            "trending, second page": {"sort": "trending", "cursor": cursor},
            "top": {"sort": "top"},
            f"trending, {SHOWN_STATUS}": {"sort": "trending", "status": SHOWN_STATUS},
            f"top, {SHOWN_STATUS}": {"sort": "top", "status": SHOWN_STATUS},
            "trending, every status but merged": {"sort": "trending",
                                                  "status": [s for s in IdeaStatus if s != IdeaStatus.MERGED]}}


async def explain(url: str, viewer_id: int) -> dict[str, dict[str, Any]]:
    """Each list's statement as list_ideas sends it, explained on the database (on PostgreSQL
    with ANALYZE), with the median time list_ideas takes in this process."""
    database = Database(url)
    sent: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        sent.append((statement, parameters))

    found = {}
    try:
        async with database.sessionmaker() as session:
            viewer = await session.get(Account, viewer_id)
            _rows, cursor = await service.list_ideas(session, viewer, sort="trending")
            assert cursor is not None
            for name, arguments in lists(cursor).items():
                times = []
                for _ in range(21):
                    sent.clear()
                    event.listen(database.engine.sync_engine, "before_cursor_execute", keep)
                    started = time.perf_counter()
                    try:
                        await service.list_ideas(session, viewer, **arguments)
                    finally:
                        times.append(time.perf_counter() - started)
                        event.remove(database.engine.sync_engine, "before_cursor_execute", keep)
                statement, parameters = next((s, p) for s, p in sent if "ORDER BY" in s)
                postgres = session.get_bind().dialect.name == "postgresql"
                prefix = "EXPLAIN (ANALYZE, COSTS OFF) " if postgres else "EXPLAIN QUERY PLAN "
                connection = await session.connection()
                plan_rows = (await connection.exec_driver_sql(prefix + statement, parameters)).all()
                lines = [str(r[0]) if postgres else str(r[-1]) for r in plan_rows]
                found[name] = {"plan": lines, "in_process_ms": 1000 * statistics.median(times[1:]),
                               **_reading(lines, postgres)}
    finally:
        await database.dispose()
    return found


def _reading(lines: list[str], postgres: bool) -> dict[str, Any]:
    """How the ideas are read: the index, and whether they are sorted after."""
    plan_text = "\n".join(lines)
    if postgres:
        index = re.search(r"Index (?:Only )?Scan(?: Backward)? using (\w+) on ideas\b", plan_text)
        sorted_after = bool(re.search(r"^\s*(?:->\s*)?(?:Incremental )?Sort\b", plan_text, re.M))
        ms = re.search(r"Execution Time: ([\d.]+) ms", plan_text)
        return {"index": index.group(1) if index else None, "sorts": sorted_after,
                "execution_ms": float(ms.group(1)) if ms else None}
    index = re.search(r"(?:SCAN|SEARCH) ideas USING (?:COVERING )?INDEX (\w+)", plan_text)
    return {"index": index.group(1) if index else None, "sorts": "TEMP B-TREE FOR ORDER BY" in plan_text,
            "execution_ms": None}


# --- the members' votes during the load ----------------------------------------------------------

class Voting(pages.Beside):
    """Votes sent on a steady schedule (each at its time, whether or not the ones before were
    answered), each by a signed-in member for an idea they had not voted for, timed from
    request to answer; in a thread of its own beside wrk."""

    def __init__(self, base: str, fresh: Iterator[tuple[str, int]], per_second: float) -> None:
        super().__init__()
        self.base, self.fresh, self.pause = base, fresh, 1 / per_second
        self.times: list[float] = []
        self.refused = 0

    def _run(self) -> None:
        asyncio.run(self._votes())

    async def _votes(self) -> None:
        async with httpx.AsyncClient(base_url=self.base, timeout=30) as client:
            sent = []
            due = time.monotonic()
            while not self.stop.is_set() and (vote := next(self.fresh, None)) is not None:
                sent.append(asyncio.create_task(self._vote(client, *vote)))
                due += self.pause
                await asyncio.sleep(max(due - time.monotonic(), 0))
            await asyncio.gather(*sent)

    async def _vote(self, client: httpx.AsyncClient, token: str, idea_id: int) -> None:
        started = time.perf_counter()
        answer = await client.put(f"/api/v1/ideas/{idea_id}/vote", headers={"Authorization": f"Bearer {token}"})
        self.times.append(time.perf_counter() - started)
        self.refused += answer.status_code != 200


def _votes_row(times: list[float], refused: int, seconds: float) -> pages.Result:
    ordered = sorted(times) or [math.nan]
    return pages.Result(f"one vote (PUT …/vote) meanwhile, {len(times):,} votes",
                        VOTE_PATH, len(times) / seconds if seconds else 0.0,
                        1000 * statistics.median(ordered),
                        1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], refused)


# --- the run -----------------------------------------------------------------------------------

def _first_cursor(base: str, token: str) -> str:
    answer = httpx.get(f"{base}/api/v1/ideas?sort=trending", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    answer.raise_for_status()
    return answer.json()["next"]


def _has_page(base: str, cookie: str) -> bool:
    """Whether this build serves the ideas page (it may come after the API)."""
    return httpx.get(base + PAGE_PATH, headers={"Cookie": cookie}, timeout=30).status_code != 404


def measure(url: str, *, workdir: Path, workers: int, connections: int, seconds: int, ideas: int, votes: int,
            say=lambda text: None) -> dict[str, Any]:  # noqa: ANN001
    """Fill a fresh database, explain the lists, serve it, load the lists, then the trending list
    while members vote."""
    say(f"{ideas:,} ideas and {votes:,} votes")
    ctx = asyncio.run(prepare(url, ideas=ideas, votes=votes))
    members = list(ctx["members"].values())
    say("explaining the lists")
    plans = asyncio.run(explain(url, next(iter(ctx["members"]))))
    base, server = pages.serve(url, workdir=workdir, workers=workers, env=SERVER_ENV)
    rows: list[pages.Result] = []
    try:
        say("/livez")
        rows.append(pages.livez(base, connections=connections, seconds=seconds))
        cursor = _first_cursor(base, members[0]["token"])
        nonce = new_nonce()
        cookies = [f"{SESSION_COOKIE}={m['session']}; {CSRF_COOKIE}={nonce}" for m in members]
        api = [("trending", "/api/v1/ideas?sort=trending"),
               ("trending, second page", f"/api/v1/ideas?sort=trending&cursor={cursor}"),
               ("top", "/api/v1/ideas?sort=top"),
               (f"trending, {SHOWN_STATUS}", f"/api/v1/ideas?sort=trending&status={SHOWN_STATUS}")]
        database = url.split(":")[0].split("+")[0]
        targets = [(f"API {what}, {len(members)} members", path, pages.rotating_script(
            workdir, f"ideas-{database}-{n}", [(path, "Authorization", f"Bearer {m['token']}") for m in members]))
            for n, (what, path) in enumerate(api)]
        page = _has_page(base, cookies[0])
        if page:
            targets.append((f"ideas page, trending, {len(members)} members", PAGE_PATH, pages.rotating_script(
                workdir, f"ideas-{database}-page", [(PAGE_PATH, "Cookie", cookie) for cookie in cookies])))
        for name, path, script in targets:
            say(name)
            pages.run_script(base, name, script, connections=connections, seconds=2, path=path)
            rows.append(pages.run_script(base, name, script, connections=connections, seconds=seconds, path=path))
        name, path, script = targets[0]
        name = f"{name}, members voting {VOTES_PER_SECOND} times a second"
        say(name)
        started = time.monotonic()
        with Voting(base, iter(ctx["fresh"]), VOTES_PER_SECOND) as voting:
            rows.append(pages.run_script(base, name, script, connections=connections, seconds=seconds, path=path))
        rows.append(_votes_row(voting.times, voting.refused, time.monotonic() - started))
        memory = pages.resident_mb(server)
    finally:
        pages._stop(server)  # noqa: SLF001
    return {"database": url.split(":")[0], "connections": connections, "page": page, "plans": plans, "rows": rows,
            "rss_mb": memory, **{k: v for k, v in ctx.items() if k not in ("members", "fresh")},
            "signed_in": len(members)}


def report(console: Any, runs: list[dict[str, Any]]) -> None:
    for run in runs:
        console.print(pages.table(
            f"Ideas: {run['ideas']:,} ideas, {run['votes']:,} votes by {run['accounts']:,} members (the most voted "
            f"idea {run['most_votes']:,}); {run['signed_in']} members signed in over {run['connections']} "
            f"connections · {run['database']}", run["rows"], shared=lambda r: r.path != VOTE_PATH))
        if not run["page"]:
            console.print(f"The ideas page ({PAGE_PATH}) is not in this build: the API alone was loaded.")
        console.print(f"{run['ideas']:,} ideas, {run['votes']:,} votes and {run['comments']:,} comments inserted in "
                      f"{run['insert_seconds']:.1f} s (made in {run['plan_seconds']:.1f} s; then "
                      f"{'VACUUM ANALYZE' if run['database'].startswith('postgresql') else 'ANALYZE'} "
                      f"{run['settle_seconds']:.1f} s) · server memory "
                      + " · ".join(f"{mb:.0f} MB" for mb in run["rss_mb"]))
        for name, found in run["plans"].items():
            how = f"index {found['index']}" if found["index"] else "[red]no index[/red]"
            sort = "[red]then sorted[/red]" if found["sorts"] else "in the index's order"
            took = f", {found['execution_ms']:.2f} ms in the database" if found["execution_ms"] is not None else ""
            console.print(f"  {name}: {how}, {sort}{took}; list_ideas {found['in_process_ms']:.2f} ms in process")
