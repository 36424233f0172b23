"""The handout carries the whole session to someone who could not come: every answer, every web
address and phone number, nothing meant only for the work coach, and no words spoken to a room."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import pytest

from toolkit.content.loader import find_sites, load_site
from toolkit.deck.audience import declared_audiences
from toolkit.deck.model import Activity, Block, BulletList, Deck, Diagram, KeyFact, Paragraph, Table, plain
from toolkit.deck.session import make_deck
from toolkit.deck.template import SessionTemplates
from toolkit.handout import make_handout
from toolkit.handout.contacts import contacts_for
from toolkit.handout.model import Handout, Part
from toolkit.i18n import Words, language
from toolkit.i18n.catalogues import make_translator
from toolkit.i18n.content import in_language
from toolkit.project import ContentRoot

from .conftest import REPO

TRANSLATED_SITE = "cardiff-north"  # its handouts are made in Welsh, Polish and Arabic too

# Words that only make sense to people in the room, in every language we ship. A handout is read alone.
ROOM_PHRASES = {
    "en": (
        "everyone",
        "in the room",
        "next to you",
        "your partner",
        "your group",
        "in pairs",
        "in small groups",
        "thank you for coming",
        "joining in",
        "hands up",
        "raise your hand",
        "step out",
        "the break",
        "on the board",
        "flip chart",
        "my name is",
        "[your",
    ),
    "cy": (
        "pawb",
        "yn yr ystafell",
        "nesaf atoch",
        "eich partner",
        "eich grŵp",
        "mewn parau",
        "mewn grwpiau bach",
        "diolch am ddod",
        "codwch eich llaw",
        "yr egwyl",
        "ar y bwrdd",
        "siart troi",
        "fy enw i yw",
        "[eich",
    ),
    "pl": (
        "witam wszystkich",
        "wszyscy tutaj",
        "w tej sali",
        "obok ciebie",
        "swoim partnerem",
        "twoją grupą",
        "w parach",
        "w małych grupach",
        "dziękuję za przybycie",
        "podnieś rękę",
        "po przerwie",
        "na tablicy",
        "flipchart",
        "nazywam się",
        "[twoje",
    ),
    "ar": (
        "الجميع",
        "في الغرفة",
        "بجانبك",
        "شريكك",
        "مجموعتك",
        "في أزواج",
        "في مجموعات صغيرة",
        "شكرا لحضوركم",
        "شكرًا لحضوركم",
        "ارفع يدك",
        "الاستراحة",
        "على اللوح",
        "اسمي",
        "[اسمك",
    ),
}
PHONE = re.compile(r"(?<![\d.])(?:0\d{2,4}|116)[ \d]{5,11}\d(?!\d)")
WEB = re.compile(r"https?://[^\s)\]]+|www\.[^\s)\]]+")


@cache
def root() -> ContentRoot:
    return ContentRoot.at(REPO)


def every_session() -> list[tuple[str, str, str, str | None]]:
    """(site, topic, audience, language): English for every site, and each language the translated site has."""
    templates = SessionTemplates(root().sessions)
    found = []
    for ref in find_sites(root().content):
        site = load_site(root().content, ref)
        languages = [None, *site.translations] if ref.site == TRANSLATED_SITE else [None]
        for topic in templates.topics():
            for audience in sorted(declared_audiences(templates.path(topic))):
                found += [(ref.site, topic, audience, code) for code in languages]
    return found


@cache
def session(site_id: str, topic: str, audience: str, code: str | None) -> tuple[Deck, Handout]:
    ref = next(r for r in find_sites(root().content) if r.site == site_id)
    site = load_site(root().content, ref)
    translator = make_translator(root().templates, language(code)) if code else None
    deck = make_deck(root(), site, topic, audience, translator)
    words = Words(translator)
    return deck, make_handout(deck, contacts_for(in_language(site, translator), words), words)


def handout_text(handout: Handout) -> str:
    return " ".join([handout.title, *_words(handout.intro), *(w for p in handout.parts for w in _part_words(p))])


def _part_words(part: Part) -> Iterator[str]:
    yield part.title
    yield from _words(part.blocks)
    for child in part.parts:
        yield from _part_words(child)


def _words(blocks: tuple[Block, ...]) -> Iterator[str]:
    """Every stretch of text in blocks, links written out, as a reader sees them in a handout."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield _with_links(block.runs)
        elif isinstance(block, (BulletList, Diagram)):
            yield from (_with_links(i.runs) for i in block.items)
        elif isinstance(block, Table):
            yield from (_with_links(c) for row in (block.header, *block.rows) for c in row)
        elif isinstance(block, KeyFact):
            yield block.value + " " + _with_links(block.detail)
        elif isinstance(block, Activity):
            yield from _words((*block.blocks, *block.at_home))
            yield _with_links(block.outcome)
            yield _with_links(block.answer)


def _with_links(runs) -> str:
    return " ".join([plain(runs), *(r.link for r in runs if r.link)])


def _squash(text: str) -> str:
    """Text compared without the spaces and marks that writers may add or change."""
    return re.sub(r"[\s\u200e\u200f\u2066-\u2069]+", " ", text).strip()


SESSIONS = every_session()


@pytest.mark.parametrize(("site", "topic", "audience", "code"), SESSIONS)
def test_the_handout_carries_the_whole_session(site: str, topic: str, audience: str, code: str | None) -> None:
    deck, handout = session(site, topic, audience, code)
    text = _squash(handout_text(handout))
    for slide in (s for s in deck.slides if not s.room_only):
        activities = [b for b in slide.blocks if isinstance(b, Activity)]
        for activity in activities:
            assert activity.answer, f"'{slide.title}' has an activity with no answer or model answer"
            assert _squash(plain(activity.answer)) in text, slide.title
            if activity.who != "alone":
                assert activity.at_home, f"'{slide.title}' has {activity.who} work and no 'At home:' steps"
        claimant_notes = [n.text for n in slide.notes if n.for_claimants]
        shown = " ".join([*_words(slide.blocks), *claimant_notes])
        for found in [*PHONE.findall(shown), *WEB.findall(shown)]:
            assert _squash(found).rstrip(".,;:") in text, f"'{slide.title}': {found} is not in the handout"
        for note in slide.notes:
            if not note.for_claimants and len(note.text) > 30:
                assert _squash(note.text) not in text, f"'{slide.title}': a {note.kind} line reached the handout"


@pytest.mark.parametrize(("site", "topic", "audience", "code"), SESSIONS)
def test_no_handout_speaks_to_a_room(site: str, topic: str, audience: str, code: str | None) -> None:
    text = handout_text(session(site, topic, audience, code)[1]).casefold()
    found = [p for p in ROOM_PHRASES[code or "en"] if p.casefold() in text]
    assert not found, found


def test_templates_carry_no_translation_markers_around_prose() -> None:
    whole_line_call = re.compile(r"^\s*(?:#+|[-*+]|\d+[.)]|\|)\s*(?:!\[\]\([^)]*\)\s*)?\{\{\s*_\(")
    for path in sorted(root().sessions.rglob("*.md.j2")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            assert "{% trans" not in line and "{%- trans" not in line, f"{path.name}:{number}"
            assert not whole_line_call.match(line), f"{path.name}:{number}: write the words, not _(...)"
