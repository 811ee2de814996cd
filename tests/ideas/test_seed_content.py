"""The demo idea exchange's words: ideas/seed/*.toml hold together before anything is seeded."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from forums.seed_moderation import WATCHED
from hearth.seed import load_content
from hearth.text import analyse
from moderation.models import WatchedWord
from moderation.screening import watched_hits

LANGUAGES = ("nl", "fr", "en")
STATUSES = {"open", "under_review", "planned", "in_progress", "completed", "declined", "merged"}
CLOSED = {"completed", "declined", "merged"}
COMMENTERS = {"author", "peer", "product", "care", "moderator"}

FILES = load_content("ideas")
AREAS = {area["slug"]: area for area in FILES["common"]["areas"]}
IDEAS: list[dict[str, Any]] = [{**idea, "language": language} for language in LANGUAGES
                               for idea in FILES.get(language, {}).get("ideas", [])]
BY_KEY = {idea["key"]: idea for idea in IDEAS}


def test_every_language_has_its_file_and_about_eighty_ideas_in_all() -> None:
    assert set(FILES) == {"common", *LANGUAGES}
    per_language = Counter(idea["language"] for idea in IDEAS)
    assert 75 <= len(IDEAS) <= 85
    assert all(20 <= per_language[language] <= 32 for language in LANGUAGES), per_language


def test_areas_cover_both_brands() -> None:
    brands = FILES["common"]["brands"]
    assert len(AREAS) == len(FILES["common"]["areas"])
    assert Counter(area["brand"] for area in AREAS.values()) == {"bank": 4, "mobile": 4}
    assert set(brands) == {"bank", "mobile"}
    assert sorted(area["position"] for area in AREAS.values()) == list(range(1, len(AREAS) + 1))
    for area in AREAS.values():
        assert area["slug"] == area["slug"].lower() and " " not in area["slug"]
        assert 3 <= len(area["name"]) <= 60 and 20 <= len(area["description"]) <= 300


def test_ideas_are_well_formed() -> None:
    assert len(BY_KEY) == len(IDEAS), "idea keys are unique across the language files"
    titles = [idea["title"] for idea in IDEAS]
    assert len(set(titles)) == len(titles)
    for idea in IDEAS:
        key = idea["key"]
        assert idea["area"] in AREAS, key
        assert 10 <= len(idea["title"]) <= 150 and len(idea["body"].strip()) >= 40, key
        assert 1 <= len(idea["tags"]) <= 3 and all(t == t.lower() and " " not in t for t in idea["tags"]), key
        assert isinstance(idea["votes"], int) and 0 <= idea["votes"] <= 40, key
        assert len(idea.get("comments", [])) <= 4, key
        for comment in idea.get("comments", []):
            assert comment["who"] in COMMENTERS and len(comment["text"].strip()) >= 10, key
            if comment.get("after_response"):
                assert idea["status"] not in CLOSED | {"open"}, f"{key}: nobody comments on a closed idea"


def test_every_status_is_there_and_each_change_has_a_response() -> None:
    statuses = Counter(idea["status"] for idea in IDEAS)
    assert set(statuses) == STATUSES, statuses
    for language in LANGUAGES:
        assert {i["status"] for i in IDEAS if i["language"] == language} == STATUSES, language
    for idea in IDEAS:
        key = idea["key"]
        if idea["status"] == "open":
            assert "response" not in idea and not idea.get("history"), key
        else:
            assert len(idea.get("response", "").strip()) >= 40, f"{key}: a status change needs its response"
        changes = [h["status"] for h in idea.get("history", [])] + [idea["status"]]
        for history in idea.get("history", []):
            assert history["status"] in STATUSES - CLOSED - {"open"}, key
            assert len(history["response"].strip()) >= 40, key
        assert all(a != b for a, b in zip(changes, changes[1:], strict=False)), key


def test_duplicates_merge_into_ideas_that_stay_open() -> None:
    merged = [idea for idea in IDEAS if idea["status"] == "merged"]
    assert len(merged) >= 3
    assert all(("into" in idea) == (idea["status"] == "merged") for idea in IDEAS)
    for idea in merged:
        target = BY_KEY.get(idea["into"])
        assert target is not None and target is not idea, idea["key"]
        assert target["status"] not in CLOSED, f"{idea['key']}: merged into a closed idea"
        assert target["area"] == idea["area"], idea["key"]
    assert any(BY_KEY[i["into"]]["language"] != i["language"] for i in merged), "one merge crosses languages"


def test_votes_are_skewed_as_in_a_real_exchange() -> None:
    votes = sorted(idea["votes"] for idea in IDEAS)
    popular = [v for v in votes if v >= 20]
    assert 4 <= len(popular) <= 12 and max(votes) <= 40
    assert sum(1 for v in votes if v <= 10) >= len(votes) * 0.6
    assert votes.count(0) >= 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_texts_pass_screening_in_their_language(language: str) -> None:
    """Moderation would hold a demo text with personal data, profanity, links or a word the demo's
    moderators watch (the moderation demo adds them before ideas are seeded); the similar ideas
    hint and the language filter trust the idea's language."""
    watched = [WatchedWord(pattern=pattern, is_regex=False, action=action) for pattern, action, _r in WATCHED]
    for idea in (i for i in IDEAS if i["language"] == language):
        texts = [f"{idea['title']}\n\n{idea['body']}", idea.get("response", "")]
        texts += [h["response"] for h in idea.get("history", [])] + [c["text"] for c in idea.get("comments", [])]
        for text in filter(None, texts):
            report = analyse(text)
            assert not (report.personal_data or report.profanity or report.insults or report.links), text
            assert not watched_hits(watched, text), text
            assert report.language in (language, None), (report.language, text)
