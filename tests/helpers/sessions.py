"""Decks and handouts of every bundled session, and the words a reader of a handout sees.

Used by the tests of what the session templates say (tests/templates/) and of unconfirmed facts (tests/deck/).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from toolkit.content.loader import find_sites, load_site
from toolkit.content.translated import in_language
from toolkit.deck.audience import declared_audiences
from toolkit.deck.model import Activity, Block, BulletList, Deck, Diagram, KeyFact, Paragraph, Table, plain
from toolkit.deck.session import make_deck
from toolkit.deck.template import SessionTemplates
from toolkit.handout import make_handout
from toolkit.handout.contacts import contacts_for
from toolkit.handout.model import Handout, Part
from toolkit.i18n import Words, language
from toolkit.i18n.catalogues import make_translator
from toolkit.project import ContentRoot

from . import REPO

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
    """The deck and handout of one bundled session, for one site, audience and language (None: English)."""
    ref = next(r for r in find_sites(root().content) if r.site == site_id)
    site = load_site(root().content, ref)
    translator = make_translator(root().templates, language(code)) if code else None
    deck = make_deck(root(), site, topic, audience, translator)
    words = Words(translator)
    return deck, make_handout(deck, contacts_for(in_language(site, translator), words), words)


def handout_text(handout: Handout) -> str:
    """All the words of a handout, as one text in reading order."""
    return " ".join([handout.title, *block_words(handout.intro), *(w for p in handout.parts for w in part_words(p))])


def part_words(part: Part) -> Iterator[str]:
    """A part's title and words, then its own parts'."""
    yield part.title
    yield from block_words(part.blocks)
    for child in part.parts:
        yield from part_words(child)


def block_words(blocks: tuple[Block, ...]) -> Iterator[str]:
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
            yield from block_words((*block.blocks, *block.at_home))
            yield _with_links(block.outcome)
            yield _with_links(block.answer)


def _with_links(runs) -> str:
    return " ".join([plain(runs), *(r.link for r in runs if r.link)])


SESSIONS = every_session()  # (site, topic, audience, language) of every session, as above
