"""The domain packages this installation runs, in dependency order.

Each one has `models.py` (its tables), `service.py`, `schemas.py` and, when it reacts
to other domains' events, `handlers.py`. Later issues add forums, moderation, reviews,
ideas, gamification, care and insights here.
"""

from types import ModuleType

DOMAINS: tuple[str, ...] = ("moderation", "forums", "reviews", "ideas", "retention", "care")


_loaded = False


def domain_modules(room: str) -> list[ModuleType]:
    """Each domain's `room` module (handlers, seed, cli) where it has one, in DOMAINS order."""
    import importlib

    found = []
    for name in DOMAINS:
        try:
            found.append(importlib.import_module(f"{name}.{room}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{name}.{room}":
                raise
    return found


def load_handlers() -> None:
    """Import each domain's `handlers` module so its event handlers and search sources register.

    The outbox worker calls this before draining: a worker without the handlers would mark
    events processed that nobody handled."""
    global _loaded
    if _loaded:
        return
    domain_modules("handlers")
    _loaded = True
