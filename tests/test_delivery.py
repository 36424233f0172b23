"""Sessions on a video call: the same content as in the room, with nothing that only makes sense in a room,
and an online way to run every activity."""

from __future__ import annotations

import json
from functools import cache

import pytest
from pptx import Presentation

from toolkit.content.loader import find_sites, load_site
from toolkit.deck.audience import declared_audiences
from toolkit.deck.delivery import ONLINE, declared_deliveries
from toolkit.deck.markdown import parse_session
from toolkit.deck.model import Activity, Deck, deck_text, plain
from toolkit.deck.session import make_deck
from toolkit.deck.template import SessionTemplates
from toolkit.errors import ToolkitError
from toolkit.handout import make_handout
from toolkit.handout.contacts import contacts_for
from toolkit.i18n import Words, language
from toolkit.i18n.catalogues import make_translator
from toolkit.i18n.content import in_language

from .conftest import toolkit
from .test_whole_session import ROOM_PHRASES, handout_text, root

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
ACTIVITY = """\
# Practise

::: activity pairs 5

1. Tell the person next to you a story

Online:

1. In your breakout room, tell your partner a story

At home:

1. Tell someone you trust a story

Answer: A story with a result.
:::
"""


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


def test_an_activity_shows_the_steps_for_its_delivery() -> None:
    room = parse_session(ACTIVITY, "practise.md").slides[0].blocks[0]
    online = parse_session(ACTIVITY, "practise.md", ONLINE).slides[0].blocks[0]
    assert isinstance(room, Activity) and isinstance(online, Activity)
    assert plain(room.blocks[0].items[0].runs) == "Tell the person next to you a story"  # type: ignore[union-attr]
    assert plain(online.blocks[0].items[0].runs) == "In your breakout room, tell your partner a story"  # type: ignore[union-attr]
    assert online.online and not room.online
    assert room.at_home == online.at_home and plain(online.answer) == "A story with a result."


def test_an_activity_with_no_online_steps_stops_an_online_deck() -> None:
    text = ACTIVITY.replace("Online:\n\n1. In your breakout room, tell your partner a story\n\n", "")
    parse_session(text, "practise.md")  # fine in a room
    with pytest.raises(ToolkitError, match="no 'Online:' steps") as caught:
        parse_session(text, "practise.md", ONLINE)
    assert caught.value.line == 3


def test_online_pairs_work_in_breakout_rooms_on_the_slide(tmp_path) -> None:
    result = toolkit(
        "build", "--site", "cardiff-north", "--topic", "star", "--delivery", "online,room", "--out", tmp_path
    )
    assert result.exit_code == 0, result.output

    def texts(name: str) -> str:
        deck = Presentation(str(tmp_path / "south-east-wales" / "cardiff-north" / "en" / name))
        return " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)

    assert "In pairs, in breakout rooms" in texts("star.online.pptx")
    assert "In pairs, in breakout rooms" not in texts("star.pptx") and "In pairs" in texts("star.pptx")


def test_a_topic_asked_for_a_delivery_it_does_not_support_is_an_error(tmp_path) -> None:
    content = tmp_path / "root"
    toolkit("init", str(content))
    template = content / "templates" / "sessions" / "star.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("deliveries: [room, online]\n", ""), "utf-8")
    result = toolkit("--root", content, "build", "--topic", "star", "--delivery", "online")
    assert result.exit_code != 0
    assert "'star' is not written for online: it is written for room" in result.output
    out = tmp_path / "out"
    result = toolkit("--root", content, "build", "--delivery", "online", "--site", "newport", "--out", out)
    assert result.exit_code == 0, result.output
    assert "Left out 'star' is not written for online" in result.output
    assert (out / "south-east-wales" / "newport" / "en" / "cv.online.pptx").is_file()
    assert not (out / "south-east-wales" / "newport" / "en" / "star.online.pptx").exists()


def test_handouts_for_an_online_session_are_named_for_it(tmp_path) -> None:
    args = ("handout", "--site", "leeds-eastgate", "--topic", "star", "--format", "txt", "--out", tmp_path)
    result = toolkit(*args, "--delivery", "online")
    assert result.exit_code == 0, result.output
    made = tmp_path / "west-yorkshire" / "leeds-eastgate" / "en" / "star.online.txt"
    assert made.is_file() and "breakout" not in made.read_text(encoding="utf-8")
    entry = json.loads((tmp_path / "manifest.json").read_text())["files"][0]
    assert (entry["delivery"], entry["path"]) == ("online", "west-yorkshire/leeds-eastgate/en/star.online.txt")
