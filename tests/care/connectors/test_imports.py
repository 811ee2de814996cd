"""Imports: Hearth's JSONL and the real Customer Support on Twitter sample, broken lines included."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from care.connectors.imports import LineError, Notice, iter_jsonl, iter_twcs
from care.schemas import MentionIn

PAYLOADS = Path(__file__).parent.parent / "payloads"
TWCS_SAMPLE = Path("/work/shared/data/twcs-sample.csv")
HEADER = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\r\n"


def errors(results: list[tuple[int, MentionIn | LineError]]) -> list[tuple[int, str]]:
    return [(number, item.message) for number, item in results if isinstance(item, LineError)]


def mentions(results: list[tuple[int, MentionIn | LineError]]) -> dict[str, tuple[int, MentionIn]]:
    return {item.external_id: (number, item) for number, item in results if isinstance(item, MentionIn)}


# JSONL


def test_jsonl_lines_become_mentions() -> None:
    with (PAYLOADS / "mentions.jsonl").open(encoding="utf-8") as handle:
        results = list(iter_jsonl(handle))
    assert [number for number, _ in results] == [1, 2, 3]
    first, reply, press = (item for _, item in results)
    assert first == MentionIn(external_id="forum-8812", text="Weet iemand of de Hearth-app vandaag plat ligt?",
                              author={"handle": "lieve_d", "name": "Lieve D.", "followers": 12},
                              created_at=datetime(2025, 3, 4, 7, 50, tzinfo=UTC),
                              url="https://forum.example/t/8812", language="nl")
    assert reply.author.handle == "tom.v"
    assert (reply.parent_external_id, reply.conversation_external_id) == ("forum-8812", "forum-8812")
    assert press.is_news and press.edited


def test_broken_jsonl_lines_are_reported_and_the_rest_read() -> None:
    with (PAYLOADS / "broken.jsonl").open("rb") as handle:
        results = list(iter_jsonl(handle))
    assert [(n, m.external_id) for n, m in results if isinstance(m, MentionIn)] == [(1, "a-1"), (7, "a-5"), (10, "a-6")]
    assert errors(results) == [
        (3, "Invalid JSON: EOF while parsing a string at line 1 column 46"),
        (4, "author: Field required"),
        (5, "created_at: Value error, created_at needs a time zone"),
        (8, "Input should be an object"),
        (9, "external_id: String should have at least 1 character"),
    ]


def test_jsonl_bytes_with_a_bom_and_a_line_that_is_not_utf8() -> None:
    good = (b'{"external_id": "b-1", "text": "caf\xc3\xa9", "author": {"handle": "x"}, '
            b'"created_at": "2025-03-04T09:00:00Z"}\n')
    results = list(iter_jsonl([b"\xef\xbb\xbf" + good, b'{"text": "caf\xe9"}\n', good.replace(b"b-1", b"b-2")]))
    assert results[0][1].text == "café"
    assert results[1][0] == 2
    assert results[1][1].message.startswith("not UTF-8")
    assert results[2][1].external_id == "b-2"


def test_an_empty_jsonl_file_has_nothing() -> None:
    assert list(iter_jsonl([])) == []
    assert list(iter_jsonl(["\n", "  \r\n"])) == []


# Customer Support on Twitter: the real sample


def twcs_sample() -> list[tuple[int, MentionIn | LineError]]:
    with TWCS_SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(iter_twcs(handle))


def test_the_whole_sample_is_read() -> None:
    results = twcs_sample()
    with TWCS_SAMPLE.open(encoding="utf-8", newline="") as handle:
        records = sum(1 for row in csv.reader(handle) if row)
    assert records == 2_500  # the header, 2,497 tweets and the two halves of tweet 3399
    found = mentions(results)
    assert len(found) == 2_497 == len([item for _, item in results if isinstance(item, MentionIn)])
    # Tweet 3399 is broken in the sample itself: its text holds bare line breaks, unquoted,
    # so it spans three lines (one blank) and has lost a column.
    assert errors(results) == [(2589, "expected 7 columns, found 5"), (2591, "expected 7 columns, found 2")]


def test_exact_values_from_the_sample() -> None:
    found = mentions(twcs_sample())
    number, first = found["1"]
    assert number == 2
    assert first == MentionIn(
        external_id="1", author={"handle": "sprintcare"},
        text="@115712 I understand. I would like to assist you. We would need to get you into a private "
             "secured link to further assist.",
        created_at=datetime(2017, 10, 31, 22, 10, 47, tzinfo=UTC), parent_external_id="3")
    assert found["2"][1].author.handle == "115712"
    assert found["6"][1].text == ("@115712 Can you please send us a private message, so that I can gain further "
                                  "details about your account?")
    assert found["8"][1].parent_external_id is None  # the start of the thread
    assert all(m.url is None and m.language is None and m.conversation_external_id is None
               for _, m in found.values())


def test_parents_thread_the_sample() -> None:
    found = mentions(twcs_sample())
    chain, current = [], "2"
    while current in found:
        chain.append(current)
        current = found[current][1].parent_external_id
    assert chain == ["2", "1", "3", "4", "5", "6", "8"]
    assert found["22"][1].parent_external_id == "21"
    assert sum(1 for _, m in found.values() if m.parent_external_id is None) == 648


def test_line_numbers_are_physical_lines() -> None:
    found = mentions(twcs_sample())
    lines = TWCS_SAMPLE.read_text(encoding="utf-8").split("\n")
    number, multiline = found["34"]
    assert multiline.text.endswith("How can we help?\n^HSB")
    assert lines[number - 1].startswith("34,")
    for tweet_id in ("37", "3400", "3422"):
        assert lines[found[tweet_id][0] - 1].startswith(f"{tweet_id},")
    assert found["3400"][0] == 2592


# Customer Support on Twitter: a recorded broken file


def test_broken_rows_are_reported_with_their_line_and_the_rest_read() -> None:
    with (PAYLOADS / "twcs_broken.csv").open(encoding="utf-8", newline="") as handle:
        results = list(iter_twcs(handle))
    assert [(n, m.external_id) for n, m in results if isinstance(m, MentionIn)] == [
        (2, "101"), (3, "102"), (8, "105"), (12, "108"), (17, "112")]
    assert errors(results) == [
        (5, "expected 7 columns, found 6"),
        (6, "created_at is not like 'Tue Oct 31 22:10:47 +0000 2017': '2017-11-01 09:30:00'"),
        (7, "tweet_id is empty"),
        (10, "inbound must be True or False, not 'yes'"),
        (11, "in_response_to_tweet_id is not a tweet id: 'abc'"),
        (13, "author_id is empty"),
        (14, "expected 7 columns, found 5"),
        (16, "expected 7 columns, found 2"),
        (18, "expected 7 columns, found 5"),  # a quote never closed swallows line 19
    ]
    found = mentions(results)
    assert found["102"][1].text == "@AmazonHelp done.\nStill no refund though"
    assert found["108"][1].text == '@200004 Thanks, we\'ve passed on your "feedback" to the carrier.'
    assert found["112"][1].created_at == datetime(2017, 11, 2, 0, 10, tzinfo=timezone(timedelta(hours=1)))
    assert found["101"][1].parent_external_id == "103"


def test_a_field_over_the_csv_limit_is_reported_and_reading_goes_on() -> None:
    row = "9,200009,True,Wed Nov 01 10:00:00 +0000 2017,{text},,\r\n"
    lines = [HEADER, row.format(text="x" * (csv.field_size_limit() + 1)), row.format(text="ok").replace("9,", "10,", 1)]
    results = list(iter_twcs(lines))
    assert results[0][0] == 2
    assert results[0][1].message.startswith("unreadable CSV: field larger than field limit")
    assert (results[1][0], results[1][1].external_id) == (3, "10")


def test_a_file_with_another_header_stops_at_line_one() -> None:
    results = list(iter_twcs(["id,user,text\r\n", "1,a,hello\r\n"]))
    assert errors(results) == [(1, "not the Customer Support on Twitter CSV: the header must have the columns "
                                   "tweet_id,author_id,inbound,created_at,text,response_tweet_id,"
                                   "in_response_to_tweet_id, each once")]
    twice = HEADER.strip() + ",text\r\n"
    assert [n for n, _ in errors(list(iter_twcs([twice, "1,a,True,x,t,,,u\r\n"])))] == [1]


@pytest.mark.parametrize("index", ["", "Unnamed: 0"])
def test_a_pandas_index_column_is_ignored_and_said(index: str) -> None:
    # DataFrame.to_csv() writes the index first, under an empty name; read back and written
    # again, it is "Unnamed: 0". The sample's own rows, so every value is a real one.
    with TWCS_SAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[:40]
    lines = io.StringIO()
    csv.writer(lines).writerows([[index, *rows[0], "extra"], *([str(n), *row, "x"] for n, row in enumerate(rows[1:]))])
    results = list(iter_twcs(io.StringIO(lines.getvalue(), newline="")))
    notices = [(n, item.message) for n, item in results if isinstance(item, Notice)]
    shown = '"Unnamed: 0"' if index else "(no name)"
    assert notices == [(1, f'Ignored columns that are not in the Customer Support on Twitter CSV: {shown}, "extra"')]
    assert errors(results) == []
    assert mentions(results) == dict(list(mentions(twcs_sample()).items())[:39])


def test_a_header_with_a_bom_and_an_empty_file() -> None:
    row = "1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,hi,,\r\n"
    assert mentions(list(iter_twcs(["\ufeff" + HEADER, row])))["1"][0] == 2
    assert list(iter_twcs([])) == []


def test_impossible_dates_are_reported() -> None:
    rows = [f"{n},a,True,{date},t,,\r\n" for n, date in enumerate(
        ["Tue Feb 31 22:10:47 +0000 2017", "Tue Foo 01 22:10:47 +0000 2017", "Tue Oct 31 25:10:47 +0000 2017",
         "Tue Oct 31 22:10:47 +2400 2017", "Tue Oct 31 22:10:47 2017"], start=1)]
    results = list(iter_twcs([HEADER, *rows]))
    assert [number for number, _ in errors(results)] == [2, 3, 4, 5, 6]
