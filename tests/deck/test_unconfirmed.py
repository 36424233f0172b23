"""Outputs never state an unconfirmed fact as plain fact, say when content is only an example, and give
the oldest checked date of the facts they show."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pptx import Presentation

from tests.helpers import manifest, toolkit
from tests.helpers.sessions import SESSIONS, handout_text, part_words, root, session
from toolkit.content.loader import find_sites, load_site
from toolkit.deck.model import deck_text
from toolkit.deck.session import make_deck
from toolkit.deck.unconfirmed import TIMES, UNMARKED, is_keyword
from toolkit.handout import make_handout
from toolkit.i18n import Words, language
from toolkit.i18n.catalogues import make_translator
from toolkit.project import ContentRoot
from toolkit.render import RenderOptions
from toolkit.render.pptx import EXAMPLE_COVER, write_pptx


def unconfirmed_texts(site_id: str) -> list[str]:
    """Each unconfirmed piece of text of a site, in English, that outputs must mark."""
    ref = next(r for r in find_sites(root().content) if r.site == site_id)
    found = []
    for _, fact in load_site(root().content, ref).facts():
        for field in (f for f in fact.unconfirmed_fields if not is_keyword(fact, f)):
            name, _, inner = field.partition(".")
            value = getattr(fact, name)
            values = [getattr(item, inner) for item in value] if inner else [value]
            shown_whole = (inner or name) not in (*UNMARKED, *TIMES)  # names and times are in the notice instead
            found += [v for v in values if isinstance(v, str) and v and shown_whole]
    return found


@pytest.mark.parametrize(("site", "topic", "audience", "code"), [s for s in SESSIONS if s[3] is None])
def test_an_unconfirmed_fact_always_says_so(site: str, topic: str, audience: str, code: None) -> None:
    deck, handout = session(site, topic, audience, code)
    parts = " ".join(w for part in handout.parts for w in part_words(part))  # after the notices that list them
    for text in (" ".join(deck_text(deck).split()), " ".join(parts.split())):
        for value in unconfirmed_texts(site):
            for found in re.finditer(re.escape(" ".join(value.split())), text):
                assert text[found.end() :].startswith(" (not confirmed)"), (
                    value,
                    text[found.start() - 40 : found.end() + 40],
                )


def test_decks_and_handouts_say_what_is_not_confirmed_and_that_the_content_is_an_example() -> None:
    deck, handout = session("cardiff-north", "transport", "general", None)
    assert deck.meta.example and deck.meta.unconfirmed == (
        "Cardiff North Jobcentre",
        "North Cardiff (check the street address)",
    )
    assert any("example content" in n for n in deck.meta.notices)
    assert any("Nobody has confirmed them yet: Cardiff North Jobcentre; North Cardiff" in n for n in deck.meta.notices)
    intro = " ".join(handout_text(handout).split("This handout has everything")[:1])
    assert "made from example content" in intro and "not confirmed yet: Cardiff North Jobcentre;" in intro


@pytest.mark.parametrize("code", [None, "cy", "pl", "ar"])
def test_the_example_notice_is_on_the_cover_in_the_notes_and_atop_the_handout(code: str | None) -> None:
    deck, handout = session("cardiff-north", "cv", "general", code)
    translator = make_translator(root().templates, language(code)) if code else None
    cover = Presentation(
        io.BytesIO(write_pptx(deck, RenderOptions(root().master, root().templates, translator=translator)))
    ).slides[0]
    cover_text = " ".join(s.text_frame.text for s in cover.shapes if s.has_text_frame)
    assert Words(translator)(EXAMPLE_COVER) in cover_text
    notes = cover.notes_slide.notes_text_frame.text
    assert deck.meta.notices[-2 if deck.meta.unconfirmed else -1] in notes
    assert handout.intro[0].runs[0].bold and len(handout.intro) > 3  # notices come first, in bold


def test_a_handout_gives_the_oldest_checked_date_of_the_facts_it_shows(mini: ContentRoot) -> None:
    site_file = mini.content / "north" / "testford-central.yaml"
    text = site_file.read_text()
    older = text.replace("checked: 2026-02-01", "checked: 2025-09-15", 1)
    assert older != text
    site_file.write_text(older)
    site = load_site(mini.content, find_sites(mini.content)[0])
    deck = make_deck(mini, site, "demo")
    assert deck.meta.date == "2025-09-15" and site.latest_check > dt.date(2025, 9, 15)
    about = handout_text(make_handout(deck))
    assert "last checked on 15 September 2025" in about


def test_the_build_says_which_sites_are_example_content(tmp_path) -> None:
    result = toolkit("build", "--site", "cardiff-north", "--topic", "cv", "--out", tmp_path)
    assert result.exit_code == 0
    assert "Note: cardiff-north: built from example content." in result.stderr
    assert manifest(tmp_path)[0]["example"] is True
