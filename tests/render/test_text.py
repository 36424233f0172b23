"""The plain text handout writer: headings and list items as lines, and no markup at all."""

from __future__ import annotations

import re

from tests.helpers import TOPICS
from tests.helpers.handouts import example_deck, example_options, small_deck
from toolkit.render.text import write_text

MARKUP = re.compile(r"<[a-z/!]|\*\*|__|^#|\]\(|&[a-z]+;|^:::|\{\{|\{%", re.MULTILINE)


def lines(data: bytes) -> list[str]:
    return data.decode("utf-8").splitlines()


def test_headings_lists_and_tables_are_lines() -> None:
    text = lines(write_text(small_deck(), example_options()))
    assert text[0] == "Getting to work in Testford"
    for heading in ("Plan your journey", "Try this at home", "Questions for your next appointment", "Who to contact"):
        index = text.index(heading)
        assert text[index - 1] == "" and text[index + 1] == ""
    assert "- Use Traveline's journey planner (https://www.traveline.info)" in text
    assert "   - Ask for help" in text
    assert "1. Tell someone you trust one thing" in text and "2. Write it down" in text
    assert "- Place: Hospital; Time: 15 minutes" in text
    assert "Think about this: Which bus do you take?" in text
    assert "Traveline phone: 0800 464 0000" in text


def test_no_markup_in_any_topic() -> None:
    for topic in sorted(TOPICS):
        data = write_text(example_deck(topic), example_options())
        text = data.decode("utf-8")
        assert not MARKUP.search(text), MARKUP.search(text)
        assert text.endswith("\n") and "\n\n\n" not in text and "\r" not in text


def test_same_deck_gives_same_bytes() -> None:
    deck = example_deck("star")
    assert write_text(deck, example_options()) == write_text(deck, example_options())
