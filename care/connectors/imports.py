"""Files of mentions: Hearth's own JSONL and the public "Customer Support on Twitter" CSV.

Imports are large and made by people, so one broken line must not stop the rest: both
readers stream, and yield a `LineError` with the line number an editor would show (for
the CSV, the line where the record starts — quoted fields can span lines) next to every
mention they could read. Columns the CSV needs are found by name; others (the index column
pandas writes, a column someone added) are left out, and a `Notice` on line 1 says which.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from pydantic import ValidationError

from care.connectors.errors import describe
from care.schemas import AuthorIn, MentionIn

if TYPE_CHECKING:
    from _csv import Reader  # what csv.reader returns; only typeshed names it

__all__ = ["TWCS_COLUMNS", "LineError", "Notice", "iter_jsonl", "iter_twcs"]

TWCS_COLUMNS = ("tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id",
                "in_response_to_tweet_id")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Twitter's v1.1 time format, read by hand: strptime's %a and %b follow the process locale.
_TWCS_TIME = re.compile(r"[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})")
# The data set went through pandas, which wrote ids of a column with gaps as floats ("3.0").
_TWEET_ID = re.compile(r"(\d+)(?:\.0*)?")


@dataclass(frozen=True)
class LineError:
    """Why one line could not be imported."""

    message: str


@dataclass(frozen=True)
class Notice:
    """Something about the file the importer should be told of; nothing was lost."""

    message: str


def iter_jsonl(lines: Iterable[str | bytes]) -> Iterator[tuple[int, MentionIn | LineError]]:
    """One `MentionIn` as JSON per line; blank lines are skipped, broken ones reported."""
    for number, line in enumerate(lines, start=1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as error:
                yield number, LineError(f"not UTF-8: {error}")
                continue
        if number == 1:
            line = line.removeprefix("\ufeff")  # files saved by Windows tools start with a BOM
        if not line.strip():
            continue
        try:
            # Without its line ending, a cut-off line is reported as cut off, not as a control character.
            yield number, MentionIn.model_validate_json(line.strip())
        except ValidationError as error:
            yield number, LineError(describe(error))


def iter_twcs(lines: Iterable[str]) -> Iterator[tuple[int, MentionIn | LineError | Notice]]:
    """The Customer Support on Twitter CSV, from a file opened with `newline=""`.

    A header without the data set's columns is reported on line 1 and ends the import: no
    column can be trusted. Other columns are ignored, and a `Notice` names them.
    """
    records = _records(csv.reader(lines))
    first = next(records, None)
    if first is None:
        return
    number, header = first
    columns = _header(header) if not isinstance(header, LineError) else ()
    if isinstance(header, LineError) or not set(TWCS_COLUMNS) <= set(columns) or _repeated(columns):
        yield number, LineError(f"not the Customer Support on Twitter CSV: the header must have the columns "
                                f"{','.join(TWCS_COLUMNS)}, each once")
        return
    ignored = [column for column in columns if column not in TWCS_COLUMNS]
    if ignored:
        names = ", ".join(f'"{column}"' if column else "(no name)" for column in ignored)
        yield number, Notice(f"Ignored columns that are not in the Customer Support on Twitter CSV: {names}")
    positions = [columns.index(column) for column in TWCS_COLUMNS]
    for number, row in records:
        if isinstance(row, LineError):
            yield number, row
        elif not row:  # csv reads a blank line as an empty row
            continue
        elif len(row) != len(columns):
            yield number, LineError(f"expected {len(columns)} columns, found {len(row)}")
        else:
            yield number, _twcs_mention([row[i] for i in positions])


def _records(reader: Reader) -> Iterator[tuple[int, list[str] | LineError]]:
    # `line_num` counts physical lines read so far, so a record starts one after the last one.
    start = 1
    while True:
        try:
            row: list[str] | LineError = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # e.g. a quote opened and never closed swallows the file
            row = LineError(f"unreadable CSV: {error}")
        yield start, row
        start = reader.line_num + 1


def _header(row: list[str]) -> tuple[str, ...]:
    return tuple(column.strip().removeprefix("\ufeff") for column in row)


def _repeated(columns: tuple[str, ...]) -> bool:
    return any(columns.count(column) > 1 for column in TWCS_COLUMNS)


def _twcs_mention(row: list[str]) -> MentionIn | LineError:
    """A record's values in TWCS_COLUMNS order."""
    tweet_id, author_id, inbound, created_at, text, _, parent_id = row
    external_id = _tweet_id(tweet_id, "tweet_id")
    if external_id is None:
        return LineError("tweet_id is empty")
    if isinstance(external_id, LineError):
        return external_id
    if not author_id.strip():
        return LineError("author_id is empty")
    if inbound not in ("True", "False"):
        # The column is not imported, but anything else here means the columns have shifted.
        return LineError(f"inbound must be True or False, not {inbound!r}")
    moment = _twcs_time(created_at)
    if moment is None:
        return LineError(f"created_at is not like 'Tue Oct 31 22:10:47 +0000 2017': {created_at!r}")
    parent = _tweet_id(parent_id, "in_response_to_tweet_id")
    if isinstance(parent, LineError):
        return parent
    try:
        return MentionIn(external_id=external_id, text=text, author=AuthorIn(handle=author_id),
                         created_at=moment, parent_external_id=parent)
    except ValidationError as error:
        return LineError(describe(error))


def _tweet_id(value: str, column: str) -> str | LineError | None:
    """The id without pandas' ".0"; None for an empty cell."""
    if not value.strip():
        return None
    match = _TWEET_ID.fullmatch(value.strip())
    return match.group(1) if match else LineError(f"{column} is not a tweet id: {value!r}")


def _twcs_time(value: str) -> datetime | None:
    match = _TWCS_TIME.fullmatch(value.strip())
    if match is None or match.group(1) not in _MONTHS:
        return None
    month, day, hour, minute, second, sign, offset_hours, offset_minutes, year = match.groups()
    offset = timedelta(hours=int(offset_hours), minutes=int(offset_minutes))
    try:
        return datetime(int(year), _MONTHS.index(month) + 1, int(day), int(hour), int(minute), int(second),
                        tzinfo=timezone(-offset if sign == "-" else offset))
    except ValueError:  # 31 February, hour 25, an offset of a day or more
        return None
