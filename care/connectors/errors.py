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
