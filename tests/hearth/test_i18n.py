"""Interface translations: every English msgid the interface can show has Dutch and French.

The msgids are extracted from the sources on every run, so a new `_("...")`, a new error
message or a new role fails this test until hearth/locale/nl.po and fr.po translate it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import jinja2
import pytest

from hearth import i18n
from hearth.domains import DOMAINS

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "web" / "templates"
# The composition root, the kernel, the delivery packages and every domain: domain errors
# reach pages too.
PYTHON_DIRS = ("hearth", "api", "web", *DOMAINS)
PYTHON_FILES = ("server.py",)
TRANSLATED = ("nl", "fr")

GETTEXT_CALLS = {"_", "gettext", "ngettext"}
# Errors whose first argument is an English msgid that web/ translates; subclasses of
# these defined anywhere in the sources are found as well.
ERROR_CLASSES = {"HearthError", "Invalid", "Unauthorized", "Forbidden", "Conflict", "NotFound",
                 "TooManyRequests", "CsrfFailed", "SignInFailed"}
# Module-level dicts whose values are msgids.
MSGID_DICTS = {"web/errors.py": {"TITLES", "HINTS"}, "web/forms.py": {"_MESSAGES"},
               "moderation/screening.py": {"REASONS", "LABELS", "AUTHOR_MESSAGES"},
               "moderation/trust.py": {"NAMES"}, "forums/content.py": {"LABELS"},
               "reviews/content.py": {"LABELS"}, "ideas/content.py": {"LABELS"}}
# Modules whose plain sentence literals are msgids translated later (web/forms.py puts
# them into Invalid.errors; field_errors translates them).
LITERAL_MODULES = {"web/forms.py"}
# Role names as templates show them: _(r.replace("_", " ")|capitalize).
ROLE_LABELS = {"Member", "Moderator", "Care agent", "Retention agent", "Product manager", "Admin"}

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
SENTENCE = re.compile(r"[A-Z][^\n]*\s[^\n]*")


# --- extraction ---------------------------------------------------------------------------

def template_msgids() -> set[str]:
    """_("..."), _('...') and both strings of ngettext(...) in web/templates, via Jinja's parser."""
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    found: set[str] = set()
    for path in sorted(TEMPLATES.rglob("*.html")):
        for _line, _function, message in env.extract_translations(path.read_text(encoding="utf-8")):
            strings = message if isinstance(message, tuple) else (message,)
            found.update(s for s in strings if isinstance(s, str))  # None: dynamic _(variable)
    return found


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _string(node: ast.expr | None) -> str | None:
    # Adjacent literals ("a" "b") are already one constant in the AST.
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _python_files() -> list[tuple[str, ast.Module]]:
    files = []
    for directory in PYTHON_DIRS:
        for path in sorted((ROOT / directory).rglob("*.py")):
            files.append((path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))))
    for name in PYTHON_FILES:
        files.append((name, ast.parse((ROOT / name).read_text(encoding="utf-8"))))
    return files


def _error_classes(modules: list[tuple[str, ast.Module]]) -> dict[str, ast.ClassDef]:
    """The error classes above plus every class deriving from one of them."""
    classes = {node.name: node for _, tree in modules for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    names = set(ERROR_CLASSES)
    while True:
        more = {name for name, node in classes.items() if any(_name(b) in names for b in node.bases)} - names
        if not more:
            return {name: classes[name] for name in names if name in classes}
        names |= more


def _class_titles(node: ast.ClassDef) -> set[str]:
    # `message or self.title`: an error raised without a message shows its title.
    titles = set()
    for statement in node.body:
        if not isinstance(statement, ast.Assign):
            continue
        for target in statement.targets:
            if isinstance(target, ast.Name) and target.id == "title" and _string(statement.value):
                titles.add(statement.value.value)
            elif isinstance(target, ast.Tuple) and isinstance(statement.value, ast.Tuple):
                for name, value in zip(target.elts, statement.value.elts, strict=False):
                    if isinstance(name, ast.Name) and name.id == "title" and _string(value):
                        titles.add(value.value)
    return titles


def python_msgids() -> set[str]:
    modules = _python_files()
    errors = _error_classes(modules)
    assert {"Invalid", "SignInFailed", "CsrfFailed"} <= errors.keys(), "error classes not found"
    found: set[str] = set()
    for node in errors.values():
        found |= _class_titles(node)
    for relative, tree in modules:
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                      and n.body and isinstance(n.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = _name(node.func)
                if name in GETTEXT_CALLS:
                    for arg in node.args[:2 if name == "ngettext" else 1]:
                        if text := _string(arg):
                            found.add(text)
                        # _(TITLES.get(status, "Fallback"))
                        elif isinstance(arg, ast.Call) and _name(arg.func) == "get" and len(arg.args) == 2:
                            if text := _string(arg.args[1]):
                                found.add(text)
                elif name in errors:
                    message = node.args[0] if node.args else next(
                        (k.value for k in node.keywords if k.arg == "message"), None)
                    if text := _string(message):
                        found.add(text)
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
                wanted = MSGID_DICTS.get(relative, set())
                if any(isinstance(t, ast.Name) and t.id in wanted for t in node.targets):
                    found.update(v.value for v in node.value.values if _string(v))
            elif relative in LITERAL_MODULES and id(node) not in docstrings:
                if (text := _string(node)) and SENTENCE.fullmatch(text):  # type: ignore[arg-type]
                    found.add(text)
    return found


def role_labels() -> set[str]:
    from hearth.accounts.models import Role

    shown = {role.value.replace("_", " ").capitalize() for role in Role}
    assert shown == ROLE_LABELS, "roles changed: update ROLE_LABELS and the catalogs"
    return shown


def all_msgids() -> set[str]:
    return (template_msgids() | python_msgids() | role_labels()) - {""}


MSGIDS = sorted(all_msgids())


def load(language: str) -> dict[str, str]:
    return i18n.parse_po((i18n.LOCALE_DIR / f"{language}.po").read_text(encoding="utf-8"))


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


# --- the catalogs ---------------------------------------------------------------------------

def test_extraction_finds_every_kind_of_msgid() -> None:
    expected = {
        "Sign in",                                               # template _("...")
        "Pages",                                                 # template _('...')
        "%(num)s member", "%(num)s members",                     # template ngettext
        "Page %(page)s of %(pages)s",                            # with keyword arguments
        "Your profile was saved",                                # web/ _("...")
        "Too many attempts. Try again in %(seconds)s seconds.",  # error over two lines
        "The sign-in provider sent no ID token",                 # SignInFailed, a subclass
        "Form expired",                                          # an error class title
        "Something went wrong on our side", "The page may have moved, or the link is mistyped.",
        "This is too short", "Enter a valid e-mail address",     # web/forms.py
        "Care agent",                                            # role label
    }
    assert expected <= set(MSGIDS), sorted(expected - set(MSGIDS))
    assert len(MSGIDS) > 100


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_msgid_is_translated(language: str) -> None:
    catalog = load(language)
    missing = [m for m in MSGIDS if not catalog.get(m, "").strip()]
    assert not missing, f"{language}.po lacks translations for: {missing}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_has_no_stale_or_duplicate_entries(language: str) -> None:
    text = (i18n.LOCALE_DIR / f"{language}.po").read_text(encoding="utf-8")
    catalog = load(language)
    stale = sorted(set(catalog) - set(MSGIDS))
    assert not stale, f"{language}.po translates msgids no longer in the sources: {stale}"
    count = sum(1 for line in text.splitlines() if line.startswith("msgid "))
    assert count == len(catalog), f"{language}.po has duplicate or empty entries"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_placeholders_and_format(language: str) -> None:
    catalog = load(language)
    for msgid in MSGIDS:
        translation = catalog.get(msgid)
        if translation is None:
            continue  # reported by test_every_msgid_is_translated
        assert placeholders(translation) == placeholders(msgid), (msgid, translation)
        assert translation.count("%") == msgid.count("%"), (msgid, translation)
        # Jinja's newstyle gettext always %-formats, with or without variables.
        translation % dict.fromkeys(placeholders(msgid), "x")
        # Template translations are inserted as markup, some inside attribute="...".
        assert not set(translation) & set('<>"'), (msgid, translation)


# --- the mechanics --------------------------------------------------------------------------

def test_parse_po_reads_multiline_strings_comments_and_escapes() -> None:
    sample = '''# Dutch translations for Hearth.
#, fuzzy
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: web/templates/home.html
msgid "Sign in"
msgstr "Aanmelden"

msgid ""
"Ask questions, "
"help others."
msgstr ""
"Stel vragen, "
"help anderen."

msgid "Say \\"hi\\"\\n\\tC:\\\\"
msgstr "Zeg \\"hallo\\"\\n\\tC:\\\\ – é"

msgid "Untranslated"
msgstr ""
'''
    catalog = i18n.parse_po(sample)
    assert catalog == {
        "Sign in": "Aanmelden",
        "Ask questions, help others.": "Stel vragen, help anderen.",
        'Say "hi"\n\tC:\\': 'Zeg "hallo"\n\tC:\\ – é',
    }


@pytest.mark.parametrize(("header", "expected"), [
    ("fr-BE,fr;q=0.9,en;q=0.8", "fr"),
    ("de,nl;q=0.5", "nl"),
    ("nl-BE;q=0.3,fr;q=0.7", "fr"),
    ("en-GB,en;q=0.9", "en"),
    ("de", None),
    ("", None),
    (None, None),
    (";;;,q=,garbage;q=abc,*", None),
    ("nl;q=0", None),
])
def test_negotiate_picks_by_quality(header: str | None, expected: str | None) -> None:
    assert i18n.negotiate(header) == expected


def test_choose_prefers_member_then_cookie_then_header() -> None:
    assert i18n.choose("nl", "fr", "en") == "nl"
    assert i18n.choose(None, "fr", "nl") == "fr"
    assert i18n.choose(None, None, "nl-BE,fr;q=0.5") == "nl"
    assert i18n.choose(None, None, None) == "en"
    assert i18n.choose("xx", "yy", "de") == "en"
    assert i18n.choose("xx", "fr", None) == "fr"


def test_gettext_follows_the_current_language() -> None:
    assert i18n.gettext("Sign in") == "Sign in"
    token = i18n.current.set("nl")
    try:
        assert i18n.gettext("Sign in") == load("nl")["Sign in"] == "Aanmelden"
        assert i18n.ngettext("%(num)s member", "%(num)s members", 3) == "%(num)s leden"
        assert i18n.gettext("Not a msgid") == "Not a msgid"
    finally:
        i18n.current.reset(token)
    token = i18n.current.set("fr")
    try:
        assert i18n.gettext("Sign in") == "Se connecter"
    finally:
        i18n.current.reset(token)
    assert i18n.gettext("Sign in") == "Sign in"
