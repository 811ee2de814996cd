"""The demo's words are data files people edit: read in a fixed order, refused with the file's name."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from hearth.seed import CONTENT_LANGUAGES, SeedContentError, load_content

ROOT = Path(__file__).resolve().parents[2]


def _domain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> Path:
    """A package `demo_domain` on the path whose seed/ folder holds `files`."""
    package = tmp_path / "demo_domain"
    (package / "seed").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    for name, text in files.items():
        (package / "seed" / name).write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "demo_domain", raising=False)  # another test's, elsewhere
    return package / "seed"


def test_common_then_each_language_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _domain(tmp_path, monkeypatch, {"en.toml": 'hello = "Hi"', "nl.toml": 'hello = "Dag"',
                                    "common.toml": "[[things]]\nname = 'one'\n"})
    content = load_content("demo_domain")
    assert list(content) == ["common", "nl", "en"]  # no fr.toml: French is left out
    assert content["common"] == {"things": [{"name": "one"}]} and content["nl"] == {"hello": "Dag"}
    assert CONTENT_LANGUAGES == ("nl", "fr", "en")


def test_a_malformed_file_is_refused_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _domain(tmp_path, monkeypatch, {"common.toml": "ok = true\n",
                                             "fr.toml": '[[threads]]\ntitle = "Carte bloquée\nbody = "x"\n'})
    with pytest.raises(SeedContentError) as refused:
        load_content("demo_domain")
    message = str(refused.value)
    assert message.startswith(f"{folder / 'fr.toml'}: ") and "line 2" in message, message


def test_a_file_that_is_not_utf8_is_refused_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _domain(tmp_path, monkeypatch, {})
    (folder / "nl.toml").write_bytes('titel = "Café"'.encode("latin-1"))
    with pytest.raises(SeedContentError, match=rf"^{folder / 'nl.toml'}: "):
        load_content("demo_domain")


def test_a_file_the_demo_would_not_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _domain(tmp_path, monkeypatch, {"common.toml": "", "de.toml": 'hallo = "Hallo"'})
    with pytest.raises(SeedContentError, match=rf"^{folder / 'de.toml'}: not read, .*common.toml or nl.toml"):
        load_content("demo_domain")


@pytest.mark.parametrize("domain", ["forums", "reviews", "care"])
def test_each_domain_ships_its_files(domain: str) -> None:
    # In the package (pyproject's package-data), and in the image (COPY . . with nothing ignored).
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "seed/*.toml" in package_data[domain]
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert not any(pattern in ignored for pattern in ("*.toml", "**/*.toml", "seed", f"{domain}/seed"))
    assert list(load_content(domain)) == ["common", *CONTENT_LANGUAGES]
    assert not (ROOT / domain / "seed_content.py").exists()
