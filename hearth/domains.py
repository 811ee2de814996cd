"""The domain packages this installation runs, in dependency order.

Each one has `models.py` (its tables), `service.py`, `schemas.py` and, when it reacts
to other domains' events, `handlers.py`. Later issues add forums, moderation, reviews,
ideas, gamification, care and insights here.
"""

DOMAINS: tuple[str, ...] = ()
