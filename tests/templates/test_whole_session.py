"""The handout carries the whole session to someone who could not come: every answer, every web
address and phone number, nothing meant only for the work coach, and no words spoken to a room."""

from __future__ import annotations

import re

import pytest

from tests.helpers.sessions import ROOM_PHRASES, SESSIONS, block_words, handout_text, root, session
from toolkit.deck.model import Activity, plain

PHONE = re.compile(r"(?<![\d.])(?:0\d{2,4}|116)[ \d]{5,11}\d(?!\d)")
WEB = re.compile(r"https?://[^\s)\]]+|www\.[^\s)\]]+")


def _squash(text: str) -> str:
    """Text compared without the spaces and marks that writers may add or change."""
    return re.sub(r"[\s\u200e\u200f\u2066-\u2069]+", " ", text).strip()


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
        shown = " ".join([*block_words(slide.blocks), *claimant_notes])
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
