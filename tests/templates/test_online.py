"""Our sessions on a video call: every topic can be run online, with nothing that only makes sense in a room,
and an online way to run every activity. How a delivery is chosen and named is in tests/deck/test_delivery.py."""

from __future__ import annotations

from functools import cache

import pytest

from tests.helpers.sessions import ROOM_PHRASES, handout_text, root
from toolkit.content.loader import find_sites, load_site
from toolkit.content.translated import in_language
from toolkit.deck.audience import declared_audiences
from toolkit.deck.delivery import ONLINE, declared_deliveries
from toolkit.deck.model import Activity, Deck, deck_text
from toolkit.deck.session import make_deck
from toolkit.deck.template import SessionTemplates
from toolkit.handout import make_handout
from toolkit.handout.contacts import contacts_for
from toolkit.i18n import Words, language
from toolkit.i18n.catalogues import make_translator

SITES = ("leeds-eastgate", "cardiff-north")  # cardiff-north is also made in Welsh, Polish and Arabic
# Words that only make sense in a room, never said on a video call.
NOT_ON_A_CALL = (
    "next to you",
    "your table",
    "on the table",
    "the board",
    "flip chart",
    "flipchart",
    "whiteboard",
    "around the room",
    "walk around",
    "in the room",
    "this room",
    "the room",
    "toilets",
    "fire exit",
    "sticky note",
    "post-it",
    "hand out",
    "handing out",
    "put your hand up",
    "raise your hand",
    "pass round",
    "pass around",
    "printed copy",
    "print the slides",
    "stand up",
    "move your chair",
    "swap seats",
    "in front of you",
    "while people arrive",
)


def online_sessions() -> list[tuple[str, str, str, str | None]]:
    """(site, topic, audience, language) for every topic that can be run online."""
    templates = SessionTemplates(root().sessions)
    found = []
    for ref in find_sites(root().content):
        if ref.site not in SITES:
            continue
        site = load_site(root().content, ref)
        codes = [None, *site.translations]
        for topic in templates.topics():
            if ONLINE in declared_deliveries(templates.path(topic)):
                audiences = declared_audiences(templates.path(topic))
                found += [(ref.site, topic, audience, code) for audience in audiences for code in codes]
    return found


@cache
def online_deck(site_id: str, topic: str, audience: str, code: str | None) -> Deck:
    ref = next(r for r in find_sites(root().content) if r.site == site_id)
    translator = make_translator(root().templates, language(code)) if code else None
    return make_deck(root(), load_site(root().content, ref), topic, audience, translator, ONLINE)


def test_every_topic_can_be_run_online() -> None:
    templates = SessionTemplates(root().sessions)
    assert all(ONLINE in declared_deliveries(templates.path(t)) for t in templates.topics())


ONLINE_SESSIONS = online_sessions()


@pytest.mark.parametrize(("site", "topic", "audience", "code"), [s for s in ONLINE_SESSIONS if s[3] is None])
def test_an_online_deck_says_nothing_that_needs_a_room(site: str, topic: str, audience: str, code: None) -> None:
    deck = online_deck(site, topic, audience, code)
    text = deck_text(deck).casefold()
    found = [phrase for phrase in NOT_ON_A_CALL if phrase in text]
    assert not found, found


@pytest.mark.parametrize(("site", "topic", "audience", "code"), ONLINE_SESSIONS)
def test_every_activity_has_a_way_to_run_it_online(site: str, topic: str, audience: str, code: str | None) -> None:
    deck = online_deck(site, topic, audience, code)
    assert deck.meta.delivery == ONLINE
    activities = [b for s in deck.slides for b in s.blocks if isinstance(b, Activity)]
    assert activities, "a session with no activity"
    for activity in activities:
        assert activity.online and activity.blocks
        assert activity.at_home or activity.who == "alone"


@pytest.mark.parametrize(("site", "topic", "audience", "code"), ONLINE_SESSIONS)
def test_an_online_handout_is_read_alone_too(site: str, topic: str, audience: str, code: str | None) -> None:
    deck = online_deck(site, topic, audience, code)
    translator = make_translator(root().templates, language(code)) if code else None
    ref = next(r for r in find_sites(root().content) if r.site == site)
    words = Words(translator)
    contacts = contacts_for(in_language(load_site(root().content, ref), translator), words)
    text = handout_text(make_handout(deck, contacts, words)).casefold()
    found = [p for p in (*ROOM_PHRASES[code or "en"], "breakout", "in the chat") if p.casefold() in text]
    assert not found, found
