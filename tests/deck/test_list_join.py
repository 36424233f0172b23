"""Lists in templates are joined the way the deck's language writes them: "، " in Arabic, ", " elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation

from tests.helpers import REPO
from toolkit.deck.template import SessionTemplates
from toolkit.i18n.catalogues import SESSIONS, make_translator
from toolkit.i18n.languages import language, list_separator
from toolkit.text import UNTRANSLATED_END, UNTRANSLATED_START, Untranslated

SITE = "west-yorkshire/bradford-eastbrook"
MARKS = re.compile("[\u200e\u200f]")  # the direction marks right-to-left decks put round Latin words
ARABIC = "\u0600-\u06ff"


def render(tmp_path: Path, source: str, **context: object) -> str:
    (tmp_path / "t.md.j2").write_text(source, encoding="utf-8")
    return SessionTemplates(tmp_path).render("t", **context)


@pytest.mark.parametrize(
    ("code", "comma", "semicolon"), [("en", ", ", "; "), ("cy", ", ", "; "), ("pl", ", ", "; "), ("ar", "، ", "؛ ")]
)
def test_each_language_has_its_own_list_comma_and_semicolon(code: str, comma: str, semicolon: str) -> None:
    assert list_separator(code) == comma
    assert list_separator(code, semicolon=True) == semicolon


@pytest.mark.parametrize(
    ("code", "joined"), [("en", "a, b, c"), ("cy", "a, b, c"), ("pl", "a, b, c"), ("ar", "a، b، c")]
)
def test_list_join_uses_the_decks_language(tmp_path: Path, code: str, joined: str) -> None:
    assert render(tmp_path, "{{ items | list_join }}", items=["a", "b", "c"], language=code) == joined


def test_list_join_with_a_semicolon(tmp_path: Path) -> None:
    source = '{{ items | list_join(";") }}'
    assert render(tmp_path, source, items=["a", "b"], language="en") == "a; b"
    assert render(tmp_path, source, items=["أ", "ب"], language="ar") == "أ؛ ب"


def test_list_join_escapes_each_item_and_keeps_english_items_marked(tmp_path: Path) -> None:
    items = ["متجر", Untranslated("Home *shopping*"), "a_b"]
    result = render(tmp_path, "{{ items | list_join }}", items=items, language="ar")
    assert result == f"متجر، {UNTRANSLATED_START}Home \\*shopping\\*{UNTRANSLATED_END}، a\\_b"


def test_list_join_inside_a_line_to_translate_and_in_front_matter(tmp_path: Path) -> None:
    source = 'Jobs like {{ items | list_join }}.\n{{ _("Jobs: %(jobs)s", jobs=items | list_join) | yaml }}'
    result = render(tmp_path, source, items=["Cook", "Porter_1"], language="en")
    assert result.splitlines() == ["Jobs like Cook, Porter\\_1.", '"Jobs: Cook, Porter_1"']


def test_list_join_refuses_other_marks(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="list_join takes"):
        render(tmp_path, '{{ items | list_join(" / ") }}', items=["a"], language="en")


@pytest.fixture(scope="module")
def built(bradford_build: Path) -> Path:
    return bradford_build


def job_lists(folder: Path, code: str) -> list[str]:
    """Each employer's jobs ("Jobs to start in: a, b, c"), with the label in the deck's language taken off."""
    text = "**Jobs to start in:** %(e_entry_roles)s"
    if code != "en":
        text = make_translator(REPO / "templates", language(code)).gettext(SESSIONS, text)
    label = text.split("%(e_entry_roles)s")[0].replace("**", "")
    prs = Presentation(folder / code / "employers.pptx")
    lines = [
        MARKS.sub("", p.text)
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
    ]
    found = [line.removeprefix(label) for line in lines if line.startswith(label)]
    assert found, f"no '{label}' in the {code} deck"
    return found


def test_arabic_job_titles_are_joined_with_the_arabic_comma(built: Path) -> None:
    english, arabic = job_lists(built, "en"), job_lists(built, "ar")
    assert [jobs.count("، ") for jobs in arabic] == [jobs.count(", ") for jobs in english]
    assert all(", " not in jobs for jobs in arabic), arabic
    assert any(re.search(f"[{ARABIC}]، [{ARABIC}]", jobs) for jobs in arabic)  # Arabic job titles, Arabic comma


@pytest.mark.parametrize("code", ["cy", "pl"])
def test_other_languages_keep_the_comma(built: Path, code: str) -> None:
    english, other = job_lists(built, "en"), job_lists(built, code)
    assert [jobs.count(", ") for jobs in other] == [jobs.count(", ") for jobs in english]
    assert any(", " in jobs for jobs in other) and not any("،" in jobs for jobs in other)
