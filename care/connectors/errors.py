"""Errors the connectors share, so an endpoint or an import can answer a bad delivery
(400, a reported line) with a readable message without catching every ValueError a bug
might raise."""

from __future__ import annotations

from pydantic import ValidationError


class PayloadError(ValueError):
    """A well-formed JSON delivery whose content is not what the platform documents."""


def describe(error: ValidationError) -> str:
    """Pydantic's complaints as one line: `author.handle: String should have at least 1 character`."""
    problems = []
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"])
        problems.append(f"{field}: {problem['msg']}" if field else problem["msg"])
    return "; ".join(problems)


class SendError(Exception):
    """A reply the platform did not take. `retryable`: worth trying again later (the platform
    failed or was unreachable, or asked us to slow down); otherwise it refused this reply (a
    bad token, a deleted post) and trying again would only fail again."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


def send_error(platform: str, status: int, detail: str) -> SendError:
    """What an HTTP answer other than success means for a reply sent to `platform`."""
    retryable = status >= 500 or status in (408, 429)
    return SendError(f"{platform} answered HTTP {status}: {detail}"[:500], retryable=retryable)
