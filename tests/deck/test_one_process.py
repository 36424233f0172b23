"""One process makes many decks, sharing compiled templates and what it made from the slide master: no deck
may leave its language, or anything else, behind in the next."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from tests.helpers import REPO
from toolkit.content.loader import find_sites, load_site
from toolkit.content.theme import load_theme
from toolkit.deck.session import make_deck, render_session
from toolkit.i18n import language
from toolkit.i18n.catalogues import make_translator
from toolkit.project import ContentRoot
from toolkit.render import RenderOptions, all_formats

SITE = "cardiff-north"  # has the bundled Welsh translation of its content
TOPIC = "welcome"


def made(code: str) -> tuple[str, str]:
    """The example site's session Markdown and .pptx deck in one language ("en": no translator), as digests."""
    root = ContentRoot.at(REPO)
    site = load_site(root.content, next(ref for ref in find_sites(root.content) if ref.site == SITE))
    translator = None if code == "en" else make_translator(root.templates, language(code))
    markdown = render_session(root, site, TOPIC, translator=translator).markdown
    options = RenderOptions(
        root.master, root.templates, translator=translator, theme=load_theme(root.content, site.district_id)
    )
    deck = all_formats()["pptx"].write(make_deck(root, site, TOPIC, translator=translator), options)
    return hashlib.sha256(markdown.encode()).hexdigest(), hashlib.sha256(deck).hexdigest()


def made_alone(code: str) -> tuple[str, str]:
    """The same, in a new process that makes nothing else."""
    done = subprocess.run(
        [sys.executable, "-c", f"from tests.deck.test_one_process import made; print(*made({code!r}))"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    markdown, deck = done.stdout.split()
    return markdown, deck


def test_decks_made_in_turn_match_decks_made_alone() -> None:
    alone = {code: made_alone(code) for code in ("en", "cy")}
    assert alone["en"][0] != alone["cy"][0]  # the Welsh deck is in Welsh
    for code in ("cy", "en", "cy", "en"):  # Welsh first, so the English decks follow a Welsh one
        assert made(code) == alone[code], f"the {code} deck changed when made after another"


def test_an_english_deck_after_a_welsh_one_has_no_welsh() -> None:
    root = ContentRoot.at(REPO)
    site = load_site(root.content, next(ref for ref in find_sites(root.content) if ref.site == SITE))
    welsh = make_deck(root, site, TOPIC, translator=make_translator(root.templates, language("cy")))
    english = make_deck(root, site, TOPIC)
    welsh_titles = {slide.title for slide in welsh.slides} - {slide.title for slide in english.slides}
    assert welsh_titles, "the Welsh deck should have Welsh titles"
    assert english.meta.language == "en-GB"
    markdown = render_session(root, site, TOPIC).markdown
    assert not [title for title in welsh_titles if title in markdown]
