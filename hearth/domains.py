"""The domain packages this installation runs, in dependency order.

Each one has `models.py` (its tables), `service.py`, `schemas.py` and, when it reacts
to other domains' events, `handlers.py`. Later issues add forums, moderation, reviews,
ideas, gamification, care and insights here.
"""

DOMAINS: tuple[str, ...] = ("moderation", "forums", "reviews", "retention", "care")


_loaded = False


def load_handlers() -> None:
    """Import each domain's `handlers` module so its event handlers and search sources register.

    The outbox worker calls this before draining: a worker without the handlers would mark
    events processed that nobody handled."""
    global _loaded
    if _loaded:
        return
    import importlib

    for name in DOMAINS:
        try:
            importlib.import_module(f"{name}.handlers")
        except ModuleNotFoundError as exc:
            if exc.name != f"{name}.handlers":
                raise
    _loaded = True
