"""Fixed-window rate limits: in memory by default, in Redis when HEARTH_REDIS_URL is set
(so several app processes share one count)."""

from __future__ import annotations

import asyncio
import hashlib
import math
import time
from dataclasses import dataclass
from typing import Protocol

from fastapi import Request

from hearth.errors import TooManyRequests
from hearth.security import SESSION_COOKIE
from hearth.settings import get_settings


@dataclass(frozen=True, slots=True)
class Limit:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Limit:
        count, _, seconds = text.partition("/")
        return cls(int(count), int(seconds or 60))


class Backend(Protocol):
    async def hit(self, key: str, seconds: int) -> tuple[int, int]:
        """Count one hit; returns (hits in the current window, seconds until it ends)."""
        ...

    async def reset(self) -> None: ...


class MemoryBackend:
    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, float]] = {}
        self._lock = asyncio.Lock()

    async def hit(self, key: str, seconds: int) -> tuple[int, int]:
        now = time.monotonic()
        async with self._lock:
            count, ends = self._counts.get(key, (0, 0.0))
            if ends <= now:
                count, ends = 0, now + seconds
            self._counts[key] = (count + 1, ends)
            if len(self._counts) > 50_000:
                self._counts = {k: v for k, v in self._counts.items() if v[1] > now}
            return count + 1, math.ceil(ends - now)

    async def reset(self) -> None:
        self._counts.clear()


class RedisBackend:
    def __init__(self, url: str) -> None:
        import redis.asyncio as redis

        self.client = redis.from_url(url)

    async def hit(self, key: str, seconds: int) -> tuple[int, int]:
        window = int(time.time() // seconds)
        name = f"hearth:rl:{key}:{window}"
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, seconds + 1)
            count, _ = await pipe.execute()
        return int(count), seconds - int(time.time()) % seconds

    async def reset(self) -> None:
        async for name in self.client.scan_iter("hearth:rl:*"):
            await self.client.delete(name)


_backend: Backend | None = None


def backend() -> Backend:
    global _backend
    if _backend is None:
        url = get_settings().redis_url
        _backend = RedisBackend(url) if url else MemoryBackend()
    return _backend


def set_backend(value: Backend | None) -> None:
    global _backend
    _backend = value


async def check(scope: str, key: str, limit: Limit | str) -> None:
    """Count a hit on (scope, key) and refuse it once the window's limit is passed."""
    if isinstance(limit, str):
        limit = Limit.parse(limit)
    count, retry_after = await backend().hit(f"{scope}:{key}", limit.seconds)
    if count > limit.count:
        raise TooManyRequests("Too many attempts. Try again in %(seconds)s seconds.",
                              retry_after=max(retry_after, 1), seconds=max(retry_after, 1))


# --- per-request limits, used as dependencies by api/ and web/ -------------------------


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def limit_signin(request: Request, email: str) -> None:
    limit = get_settings().signin_limit
    await check("signin-ip", client_address(request), limit)
    await check("signin-email", email.strip().lower(), limit)


async def limit_signup(request: Request) -> None:
    await check("signup-ip", client_address(request), get_settings().signup_limit)


async def limit_writes(request: Request) -> None:
    """Every write counts against one budget per signed-in browser or token (else per address),
    so a runaway script or a stuck form cannot flood the community."""
    if request.method not in {"POST", "PUT", "PATCH", "DELETE"}:
        return
    from hearth.auth import bearer_token  # auth imports the accounts service; keep this module light

    credential = bearer_token(request) or request.cookies.get(SESSION_COOKIE)
    key = "c:" + hashlib.sha256(credential.encode()).hexdigest()[:32] if credential else "a:" + client_address(request)
    await check("write", key, get_settings().write_limit)
