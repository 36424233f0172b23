"""The health and work and earning sessions: built for every example site, audience and delivery they name,
with slide text at reading age 9 or below by our own checker."""

from __future__ import annotations

import re

import pytest

from tests.helpers import REPO
from toolkit.checks.readability import score
from toolkit.content.loader import find_sites, load_site
from toolkit.deck.audience import declared_audiences
from toolkit.deck.delivery import declared_deliveries
from toolkit.deck.model import Activity, BulletList, Diagram, KeyFact, Paragraph, Table, deck_text, plain
from toolkit.deck.session import make_deck
from toolkit.project import ContentRoot

ROOT = ContentRoot.at(REPO)
NEW_TOPICS = ("health-and-work", "earning")  # on purpose: the two topics this file is about, not every topic
DECKS = [
    (ref.site, topic, audience, delivery)
    for ref in find_sites(ROOT.content)
    for topic in NEW_TOPICS
    for audience in declared_audiences(ROOT.sessions / f"{topic}.md.j2")
    for delivery in declared_deliveries(ROOT.sessions / f"{topic}.md.j2")
]


def slide_text(blocks) -> list[str]:
    """What a claimant reads on the screen: not the speaker notes."""
    found = []
    for block in blocks:
        if isinstance(block, Paragraph):
            found.append(plain(block.runs))
        elif isinstance(block, (BulletList, Diagram)):
            found += [plain(item.runs) for item in block.items]
        elif isinstance(block, Table):
            found += [plain(cell) for row in (block.header, *block.rows) for cell in row]
        elif isinstance(block, KeyFact):
            found.append(plain(block.detail))
        elif isinstance(block, Activity):
            found += [*slide_text(block.blocks), plain(block.outcome)]
    return found


@pytest.mark.parametrize(("site", "topic", "audience", "delivery"), DECKS)
def test_a_new_topic_builds_and_reads_at_age_9(site: str, topic: str, audience: str, delivery: str) -> None:
    ref = next(r for r in find_sites(ROOT.content) if r.site == site)
    deck = make_deck(ROOT, load_site(ROOT.content, ref), topic, audience, delivery=delivery)
    assert 45 <= (deck.meta.duration or 0) <= 60
    units = [text for slide in deck.slides for text in (slide.title, *slide_text(slide.blocks))]
    reading_age = score(units, "en-GB", min_words=30).reading_age
    assert reading_age is not None and reading_age <= 9, reading_age
    assert sum(isinstance(b, Activity) for s in deck.slides for b in s.blocks) >= 2


def test_disability_confident_employers_are_named_with_their_level_marked_if_not_confirmed() -> None:
    ref = next(r for r in find_sites(ROOT.content) if r.site == "leeds-eastgate")
    site = load_site(ROOT.content, ref)
    text = " ".join(deck_text(make_deck(ROOT, site, "health-and-work")).split())
    confident = [e for e in site.employers if e.disability_confident]
    assert confident, "the example content names some Disability Confident employers"
    for employer in confident:
        level = {"committed": "level 1 of 3", "employer": "level 2 of 3", "leader": "level 3 of 3"}
        shown = re.search(
            re.escape(employer.name) + r": Disability Confident[^,]*, " + level[employer.disability_confident], text
        )
        assert shown, employer.name
        marked = text[shown.end() :].startswith(" (not confirmed)")
        assert marked == employer.is_unconfirmed("disability_confident"), employer.name
