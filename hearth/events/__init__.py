"""Domain events through a durable outbox, and the background work they drive.

`publish(session, "x.y", id=…)` writes an event in the caller's transaction; handlers
subscribe with `@on("x.y")` (see `registry` for lanes, coalescing and budgets); workers
(`worker.Worker`: `hearth worker`, or a thread beside the web server) do the work in
short transactions (`outbox`); `status` tells how it is going and keeps the table small.
"""

from hearth.events import status
from hearth.events.models import Lane, OutboxEvent, Outcome, WorkerBeat
from hearth.events.outbox import LeaseLost, Work, drain_once, pending_count, publish
from hearth.events.registry import Event, Handler, chore, every, kinds, on, remove_handler
from hearth.events.worker import Worker, run_chores, run_periodic, wake_worker

__all__ = [
    "Event", "Handler", "Lane", "LeaseLost", "Outcome", "OutboxEvent", "Work", "Worker", "WorkerBeat", "chore",
    "drain_once", "every", "kinds", "on", "pending_count", "publish", "remove_handler", "run_chores", "run_periodic",
    "status", "wake_worker",
]
