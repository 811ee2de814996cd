"""Business hours: counting time only while the brand is at work, in the community's time zone.

A week is a set of opening intervals per weekday in local wall time ({"mon": [["09:00",
"17:00"]], …}; "24:00" closes at midnight); holidays are local dates on which nothing opens.
Both functions walk whole intervals, day by day, never minute by minute: a goal weeks of
business time away costs a few hundred steps. Each interval is turned into UTC on its own
day, so a day on which the clocks change has its real length (an "00:00"–"24:00" day lasts
23 or 25 hours) and an interval in the morning after the change starts at the right hour.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_INTERVALS_PER_DAY = 6
# How far a walk goes before it gives up: a goal that far away means a week with (almost) no
# business hours, and no answer is better than a loop that never ends.
MAX_DAYS = 366 * 10
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$|^24:00$")
_DAY = 24 * 60

Week = tuple[tuple[tuple[int, int], ...], ...]  # per weekday (Monday first): (start, end) in local minutes
RawWeek = Mapping[str, Sequence[Sequence[str]]]


def _minutes(value: str) -> int:
    if not isinstance(value, str) or not _CLOCK.match(value):
        raise ValueError(f"{value!r} is not a time of day (HH:MM, 00:00 to 24:00)")
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def _day(name: str, raw: Sequence[Sequence[str]]) -> tuple[tuple[int, int], ...]:
    if len(raw) > MAX_INTERVALS_PER_DAY:
        raise ValueError(f"{name}: at most {MAX_INTERVALS_PER_DAY} intervals a day")
    intervals = []
    for pair in raw:
        if len(pair) != 2:
            raise ValueError(f"{name}: each interval is [start, end]")
        start, end = _minutes(pair[0]), _minutes(pair[1])
        if start >= end:
            raise ValueError(f"{name}: an interval ends after it starts")
        intervals.append((start, end))
    intervals.sort()
    for (_, end), (start, _) in zip(intervals, intervals[1:], strict=False):
        if start < end:
            raise ValueError(f"{name}: intervals overlap")
    return tuple(intervals)


def parse_week(raw: RawWeek | Week) -> Week:
    """The week as minutes per weekday; raises ValueError naming what is wrong. An unknown day
    is refused (a typo would otherwise close that day silently); a missing day is closed."""
    if isinstance(raw, tuple):
        return raw
    unknown = set(raw) - set(DAYS)
    if unknown:
        raise ValueError(f"unknown day {sorted(unknown)[0]!r}: use {', '.join(DAYS)}")
    week = tuple(_day(name, raw.get(name) or ()) for name in DAYS)
    if not any(week):
        raise ValueError("the week has no business hours at all")
    return week


def parse_holidays(raw: Iterable[str | date]) -> frozenset[date]:
    return frozenset(d if isinstance(d, date) else date.fromisoformat(d) for d in raw)


def zone(name: str | ZoneInfo) -> ZoneInfo:
    if isinstance(name, ZoneInfo):
        return name
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


@dataclass(frozen=True)
class Calendar:
    week: Week
    holidays: frozenset[date]
    tz: ZoneInfo

    @classmethod
    def of(cls, week: RawWeek | Week, holidays: Iterable[str | date], tz: str | ZoneInfo) -> Calendar:
        return cls(parse_week(week), parse_holidays(holidays), zone(tz))


def _at(day: date, minutes: int, tz: ZoneInfo) -> datetime:
    """The UTC instant of a local wall time (24:00 is the next day's midnight)."""
    if minutes == _DAY:
        day, minutes = day + timedelta(days=1), 0
    local = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=tz)
    return local.astimezone(UTC)


def _spans(after: datetime, calendar: Calendar) -> Iterator[tuple[datetime, datetime]]:
    """The business spans (UTC, in order) from `after` on; the first is cut to start at `after`."""
    first = after.astimezone(calendar.tz).date()
    for offset in range(MAX_DAYS):
        day = first + timedelta(days=offset)
        if day in calendar.holidays:
            continue
        for start_minute, end_minute in calendar.week[day.weekday()]:
            start, end = _at(day, start_minute, calendar.tz), _at(day, end_minute, calendar.tz)
            if end > after and end > start:
                yield max(start, after), end
    raise ValueError("no business hours within ten years")


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("business time needs aware datetimes")
    return moment.astimezone(UTC)


def add_business_minutes(start: datetime, minutes: float, week: RawWeek | Week, holidays: Iterable[str | date],
                         tz: str | ZoneInfo) -> datetime:
    """The moment `minutes` of business time after `start` (UTC). Zero minutes: `start` itself
    when it falls within business hours, else the next opening."""
    calendar = Calendar.of(week, holidays, tz)
    return add_business_time(_aware(start), timedelta(minutes=minutes), calendar)


def add_business_time(start: datetime, amount: timedelta, calendar: Calendar) -> datetime:
    if amount < timedelta(0):
        raise ValueError("business time is added forwards only")
    left = amount
    for span_start, span_end in _spans(start, calendar):
        length = span_end - span_start
        if left <= length:
            return span_start + left
        left -= length
    raise AssertionError("unreachable: _spans ends by raising")  # pragma: no cover


def business_minutes_between(a: datetime, b: datetime, week: RawWeek | Week, holidays: Iterable[str | date],
                             tz: str | ZoneInfo) -> float:
    """Minutes of business time from `a` to `b` (negative when `b` comes first)."""
    calendar = Calendar.of(week, holidays, tz)
    return business_time_between(_aware(a), _aware(b), calendar) / timedelta(minutes=1)


def business_time_between(a: datetime, b: datetime, calendar: Calendar) -> timedelta:
    if b < a:
        return -business_time_between(b, a, calendar)
    total = timedelta(0)
    for span_start, span_end in _spans(a, calendar):
        if span_start >= b:
            break
        total += min(span_end, b) - span_start
    return total
