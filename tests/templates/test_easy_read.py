"""The Easy Read words in our session templates: short sentences, a reading age of 7, a picture on every line.

Checked for every topic, audience and delivery, as the example site's handout, with our own checker's scores.
"""

from __future__ import annotations

import re

import pytest

from tests.helpers import REPO, TOPICS
from tests.helpers.handouts import example_root, example_site, handout_slides
from toolkit.checks.readability import score, sentences_of
from toolkit.deck.audience import declared_audiences
from toolkit.deck.delivery import declared_deliveries
from toolkit.deck.model import EasyRead, plain
from toolkit.deck.session import make_deck

LONGEST_SENTENCE = 15  # words: Easy Read guidance says about 10 to 15
READING_AGE = 7


def easy_read_parts(topic: str) -> list[tuple[str, EasyRead]]:
    """Each deck's Easy Read parts, named by audience and delivery, for every way the topic is written."""
    template = REPO / "templates" / "sessions" / f"{topic}.md.j2"
    found = []
    for audience in declared_audiences(template):
        for delivery in declared_deliveries(template):
            deck = make_deck(example_root(), example_site(), topic, audience, delivery=delivery)
            slides = handout_slides(deck)
            missing = [s.title for s in slides if s.easy_read is None]
            assert not missing, f"{topic} ({audience}, {delivery}): slides with no Easy Read words: {missing}"
            found.extend((f"{topic} ({audience}, {delivery}): {s.title}", s.easy_read) for s in slides)
    return found


def words_in(sentence: str) -> int:
    return len(re.findall(r"[\w'’£-]+", sentence))


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_sentence_is_short_and_every_picture_has_alt_text(topic: str) -> None:
    for where, part in easy_read_parts(topic):
        lines = [plain(line.runs) for line in part.lines] + [plain(w.meaning) for w in part.hard_words]
        long = [s for s in sentences_of([part.title, *lines]) if words_in(s) > LONGEST_SENTENCE]
        assert not long, f"{where}: sentences over {LONGEST_SENTENCE} words: {long}"
        assert all(line.alt.strip() and line.icon for line in part.lines), where
        assert 1 <= len(part.lines) <= 8, f"{where}: {len(part.lines)} lines: Easy Read parts are short"


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_part_has_a_reading_age_of_7_or_less(topic: str) -> None:
    for where, part in easy_read_parts(topic):
        scores = score([part.title, *(plain(line.runs) for line in part.lines)], "en-GB", min_words=1)
        assert scores.reading_age is not None and scores.reading_age <= READING_AGE, (
            f"{where}: reading age {scores.reading_age}"
        )
