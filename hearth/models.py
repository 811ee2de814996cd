"""Every table's model, imported in one place for Alembic and the drift test."""

from __future__ import annotations

import importlib

from hearth.domains import DOMAINS


def import_all_models() -> None:
    import hearth.accounts.models
    import hearth.events
    import hearth.notifications.models
    import hearth.search.models
    import hearth.versions  # noqa: F401

    for name in DOMAINS:
        importlib.import_module(f"{name}.models")
