"""A small Prometheus text-format registry; per process, like the default client's."""

from __future__ import annotations

import bisect
import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    inner = ",".join(f'{k}="{_escape(v)}"' for k, v in sorted(labels.items()))
    return "{" + inner + "}"


def _escape(value: str) -> str:
    return str(value).replace("\\", r"\\").replace("\n", r"\n").replace('"', r"\"")


class Counter:
    def __init__(self, name: str, help_text: str) -> None:
        self.name, self.help = name, help_text
        self.values: dict[tuple[tuple[str, str], ...], float] = defaultdict(float)
        self._lock = threading.Lock()

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        key = tuple(sorted(labels.items()))
        with self._lock:
            self.values[key] += amount

    def render(self) -> list[str]:
        lines = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} counter"]
        for key, value in sorted(self.values.items()):
            lines.append(f"{self.name}{_labels(dict(key))} {value}")
        return lines


class Histogram:
    BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)

    def __init__(self, name: str, help_text: str) -> None:
        self.name, self.help = name, help_text
        self.series: dict[tuple[tuple[str, str], ...], list[float]] = {}
        self._lock = threading.Lock()

    def observe(self, value: float, **labels: str) -> None:
        key = tuple(sorted(labels.items()))
        with self._lock:
            # per series: one count per bucket, then +Inf count, then sum
            row = self.series.setdefault(key, [0.0] * (len(self.BUCKETS) + 2))
            row[bisect.bisect_left(self.BUCKETS, value)] += 1
            row[-1] += value

    def render(self) -> list[str]:
        lines = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} histogram"]
        for key, row in sorted(self.series.items()):
            labels = dict(key)
            running = 0.0
            for bound, count in zip((*self.BUCKETS, "+Inf"), row[:-1], strict=True):
                running += count
                lines.append(f"{self.name}_bucket{_labels({**labels, 'le': str(bound)})} {running}")
            lines.append(f"{self.name}_count{_labels(labels)} {running}")
            lines.append(f"{self.name}_sum{_labels(labels)} {row[-1]}")
        return lines


REQUESTS = Counter("hearth_http_requests_total", "HTTP requests by route and status")
LATENCY = Histogram("hearth_http_request_duration_seconds", "HTTP request duration by route")
EVENTS = Counter("hearth_events_total", "Outbox events by name and outcome")
SIGNINS = Counter("hearth_signins_total", "Sign-in attempts by method and outcome")
MENTIONS = Counter("hearth_mentions_total", "Received social media messages by outcome (stored, duplicates, …)")
HANDLER_TIME = Histogram("hearth_event_handler_seconds", "Time spent handling outbox events, by name (this process)")
DB_WRITE_WAIT = Histogram("hearth_db_write_wait_seconds", "Time writers waited for SQLite's write lock (this process)")
REGISTRY: list[Counter | Histogram] = [REQUESTS, LATENCY, EVENTS, SIGNINS, MENTIONS, HANDLER_TIME, DB_WRITE_WAIT]


def _gauge(name: str, help_text: str, samples: list[tuple[dict[str, str], float]]) -> list[str]:
    lines = [f"# HELP {name} {help_text}", f"# TYPE {name} gauge"]
    lines.extend(f"{name}{_labels(labels)} {value}" for labels, value in samples)
    return lines


def outbox_gauges(status: Any) -> list[str]:
    """The outbox as the database holds it (the same from every process): `status` is a
    hearth.events.status.Status."""
    def per_kind(value: Callable[[Any], float | None]) -> list[tuple[dict[str, str], float]]:
        return [({"name": k.name, "lane": k.lane}, v) for k in status.kinds if (v := value(k)) is not None]

    return [
        *_gauge("hearth_outbox_pending", "Events not yet handled, by kind", per_kind(lambda k: k.pending)),
        *_gauge("hearth_outbox_due", "Events due now and not yet handled, by kind", per_kind(lambda k: k.due)),
        *_gauge("hearth_outbox_oldest_wait_seconds", "How long the longest-waiting due event has waited, by kind",
                per_kind(lambda k: k.oldest_wait)),
        *_gauge("hearth_outbox_budget_seconds", "Documented latency budget, by kind", per_kind(lambda k: k.budget)),
        *_gauge("hearth_outbox_failed", "Events parked after their last attempt, by kind",
                per_kind(lambda k: k.failed)),
        *_gauge("hearth_outbox_handled_last_hour", "Events handled in the last hour, by kind",
                per_kind(lambda k: k.last_hour.get("processed", 0))),
        *_gauge("hearth_outbox_unhandled_last_hour", "Events no handler listened for in the last hour, by kind",
                per_kind(lambda k: k.last_hour.get("unhandled", 0))),
        *_gauge("hearth_outbox_handler_mean_ms", "Mean handler time in the last hour, by kind",
                per_kind(lambda k: k.mean_ms)),
        *_gauge("hearth_outbox_workers", "Workers with a recent heartbeat", [({}, len(status.workers))]),
        *_gauge("hearth_outbox_stalled", "1 when due events wait longer than the stall limit",
                [({}, 1 if status.state == "stalled" else 0)]),
    ]


def render(extra: list[str] | None = None) -> str:
    lines: list[str] = []
    for metric in REGISTRY:
        lines.extend(metric.render())
    lines.extend(extra or [])
    return "\n".join(lines) + "\n"
