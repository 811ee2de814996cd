"""The pages people use all day, loaded with wrk as a visitor and signed in in each role.

Each run also serves a bare FastAPI app (`bench/bare.py`) the same way, so the figures can
be read against what the framework itself serves on this machine, and Hearth's trivial
endpoint (`/livez`) against that. Pages are stated as a share of `/livez` in the same run.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from hearth.db import Database
from hearth.security import CSRF_COOKIE, SESSION_COOKIE, new_nonce

ROOT = Path(__file__).resolve().parent.parent
SIGNED_IN = {"member": "the asker of the bench thread", "moderator": "moderator@demo.hearth.test",
             "retention": "retention@demo.hearth.test", "care": "care@demo.hearth.test"}


@dataclass
class Result:
    name: str
    path: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    target: float | None = None  # the share of /livez this page aims at


@dataclass
class Target:
    name: str
    path: str
    cookie: str | None = None
    target: float | None = None


# (page, path key, who signs in to use it, the share of /livez aimed at signed in, open to visitors)
PAGES = [
    ("thread, 20 answers", "thread", "member", 0.40, True),
    ("product, 1,000 reviews", "product", "member", 0.30, True),
    ("home", "home", "member", 0.25, True),
    ("category, 30 threads", "category", "member", 0.25, True),
    ("search results", "search", "member", 0.25, True),
    ("member's profile", "profile", "member", 0.25, True),
    ("notifications", "notifications", "member", 0.25, False),
    ("moderation queue", "moderation", "moderator", 0.25, False),
    ("retention dashboard", "retention", "retention", 0.25, False),
    ("care queue", "care_queue", "care", 0.40, False),
    ("care item", "care_item", "care", 0.10, False),
    ("ideas, trending of 50,000 (1,000,000 votes)", "ideas", "member", 0.40, True),
    ("idea, 20 comments", "idea", "member", 0.40, True),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def sign_in(database: Database, thread_path: str) -> dict[str, str]:
    """A session for each role the pages are used in: the thread's asker, a moderator, a retention agent."""
    from forums import service as forums
    from hearth.accounts import service
    from hearth.accounts.models import Account

    async with database.sessionmaker() as session:
        thread = await forums.get_thread(session, int(thread_path.split("/")[2]))
        asker = await session.get(Account, thread.author_id)
        people = {"member": asker,
                  "moderator": await service.get_by_email(session, "moderator@demo.hearth.test"),
                  "retention": await service.get_by_email(session, "retention@demo.hearth.test"),
                  "care": await service.get_by_email(session, "care@demo.hearth.test")}
        care_item = await _care_item(session, thread, asker)
        sessions = {role: (await service.start_session(session, account, user_agent="bench")).token
                    for role, account in people.items()}
        await session.commit()
        return {"handle": asker.handle, "csrf_nonce": new_nonce(), "care_item": care_item,
                **{f"session_{role}": token for role, token in sessions.items()}}


async def _care_item(session, thread, asker) -> int:  # noqa: ANN001
    """The bench thread's question as a care item of its asker (the item page's data)."""
    from care import items
    from care.models import ItemSource
    from hearth import clock

    message = items.Message(ref=f"thread:{thread.id}", at=clock.now(), body=thread.title, author=asker.display_name)
    received = await items.receive(session, items.Conversation(
        source=ItemSource.QUESTION, source_id=thread.id, channel="community", title=thread.title, language="en",
        customer_id=asker.id, customer_name=asker.display_name, messages=(message,)))
    return received.item.id


def targets(ctx: dict) -> list[Target]:
    paths = {"thread": ctx["thread"], "product": ctx["product"], "home": "/", "category": ctx["category"],
             "search": "/search?q=card+blocked", "profile": f"/members/{ctx['handle']}",
             "notifications": "/notifications", "moderation": "/mod", "retention": "/retention",
             "care_queue": "/care/queue", "care_item": f"/care/items/{ctx['care_item']}",
             "ideas": "/ideas", "idea": ctx["idea"]}
    found = [Target("trivial endpoint (/livez)", "/livez")]
    for name, key, role, share, public in PAGES:
        if public:
            found.append(Target(f"{name}, visitor", paths[key]))
        # A signed-in browser holds the CSRF cookie its first page set, and sends it back.
        cookie = f"{SESSION_COOKIE}={ctx[f'session_{role}']}; {CSRF_COOKIE}={ctx['csrf_nonce']}"
        found.append(Target(f"{name}, signed in ({role})", paths[key], cookie, share))
    return found


def wait_until_up(base: str, server: subprocess.Popen, path: str = "/livez", seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped while starting; see its output above")
        try:
            with urllib.request.urlopen(base + path, timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer {path} in time")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def _wrk(command: list[str], name: str, path: str, target: float | None = None) -> Result:
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50, p99 = (re.search(rf"^\s+{q}%\s+(\S+)", out, re.M) for q in (50, 99))
    if not (found and p50 and p99):
        raise RuntimeError(f"wrk said something unexpected:\n{out}")
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return Result(name, path, float(found.group(1)), _ms(p50.group(1)), _ms(p99.group(1)),
                  errors + (int(non2xx.group(1)) if non2xx else 0), target)


def run_wrk(base: str, target: Target, *, connections: int, seconds: int, threads: int = 2) -> Result:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if target.cookie:
        command += ["-H", f"Cookie: {target.cookie}"]
    return _wrk([*command, base + target.path], target.name, target.path, target.target)


def rotating_script(workdir: Path, name: str, requests: list[tuple[str, str, str]]) -> Path:
    """A wrk script sending each (path, header, value) in turn; each thread starts elsewhere in
    the list, so every connection works as several people, and all of them are busy at once."""
    entries = ",\n".join(f"  {{{json.dumps(p)}, {json.dumps(h)}, {json.dumps(v)}}}" for p, h, v in requests)
    path = workdir / f"{name}.lua"
    path.write_text(f"""local entries = {{
{entries}
}}
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end
function init(args)
  requests = {{}}
  for i, e in ipairs(entries) do
    requests[i] = wrk.format("GET", e[1], {{[e[2]] = e[3]}})
  end
  counter = (id or 0) * 17
end
function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end
""")
    return path


def run_script(base: str, name: str, script: Path | None, *, connections: int, seconds: int, path: str = "/livez",
               threads: int = 2) -> Result:
    """wrk on `path`, or on what `script` (see `rotating_script`) sends."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script is not None:
        command += ["-s", str(script)]
    return _wrk([*command, base + path], name, path)


def _load(base: str, target: Target, connections: int, seconds: int) -> Result:
    run_wrk(base, target, connections=connections, seconds=2)  # warm-up
    return run_wrk(base, target, connections=connections, seconds=seconds)


def resident_mb(server: subprocess.Popen) -> list[float]:
    """Resident memory of each of the server's worker processes (its children)."""
    try:
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    except OSError:
        return []
    sizes = []
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()


def table(title: str, rows: list[Result], *, shared: Callable[[Result], bool] = lambda r: True) -> Any:
    """Rows as a rich table, each (where `shared` says so) as a share of the first: /livez, loaded alike."""
    from rich.table import Table

    found = Table(title=title)
    for column in ("what", "requests/s", "p50 ms", "p99 ms", "errors", "share of /livez"):
        found.add_column(column, justify="left" if column == "what" else "right")
    for r in rows:
        share = f"{r.requests_per_second / rows[0].requests_per_second:.0%}" if shared(r) else ""
        found.add_row(r.name, f"{r.requests_per_second:,.0f}", f"{r.p50_ms:.1f}", f"{r.p99_ms:.1f}", str(r.errors),
                      share)
    return found


class Beside:
    """Work in a thread of its own beside wrk, from the `with` until its block ends (`_run`
    stops when `stop` is set)."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def _run(self) -> None:
        raise NotImplementedError


def serve(url: str, *, workdir: Path, workers: int, env: dict[str, str]) -> tuple[str, subprocess.Popen]:
    """`hearth serve` with `workers` processes on `url` and a free port, once it answers: its
    address and its process (end it with `_stop`)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "hearth.cli", "serve", "--port", str(port),
                               "--workers", str(workers), "--no-access-log"], cwd=workdir,
                              env={**os.environ, **env, "HEARTH_DATABASE_URL": url})
    try:
        wait_until_up(base, server)
    except BaseException:
        _stop(server)
        raise
    return base, server


def livez(base: str, *, connections: int, seconds: int) -> Result:
    """The trivial endpoint loaded as the pages are, after a warm-up: what they are a share of."""
    run_script(base, "warm-up", None, connections=connections, seconds=2)
    return run_script(base, "trivial endpoint (/livez)", None, connections=connections, seconds=seconds)


def measure(url: str, ctx: dict, *, workdir: Path, workers: int, connections: int, seconds: int,
            say=lambda text: None) -> dict:  # noqa: ANN001
    """Load the bare app, then Hearth's pages; returns the rows and the servers' memory after the load."""
    rows: list[Result] = []
    port = free_port()
    bare = subprocess.Popen([sys.executable, "-m", "uvicorn", "bench.bare:app", "--port", str(port), "--workers",
                             str(workers), "--no-access-log", "--log-level", "warning"], cwd=ROOT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}", bare)
        say("a bare FastAPI app")
        rows.append(_load(f"http://127.0.0.1:{port}", Target("bare FastAPI app (one endpoint)", "/livez"),
                          connections, seconds))
    finally:
        _stop(bare)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "HEARTH_DATABASE_URL": url, "HEARTH_LOG_LEVEL": "warning",
           "HEARTH_SECRET_KEY": "bench-secret-key-0123456789abcdef"}
    server = subprocess.Popen([sys.executable, "-m", "hearth.cli", "serve", "--port", str(port),
                               "--workers", str(workers), "--no-access-log"], cwd=workdir, env=env)
    try:
        wait_until_up(base, server)
        for target in targets(ctx):
            say(target.name)
            rows.append(_load(base, target, connections, seconds))
        memory = resident_mb(server)
    finally:
        _stop(server)
    return {"rows": rows, "rss_mb": memory}
