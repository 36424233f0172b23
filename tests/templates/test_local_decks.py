"""Decks for different places should be about those places."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import body_lines


# Not every topic, on purpose: transport and employers are about local routes and jobs, so they should differ
# most between districts; national facts, like the rules on travel costs, stay the same everywhere.
@pytest.mark.parametrize("topic", ["transport", "employers"])
@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("west-yorkshire/leeds-eastgate", "glasgow/glasgow-laurieston"),
        ("south-east-wales/cardiff-north", "west-yorkshire/huddersfield"),
    ],
)
def test_decks_for_different_districts_share_little_text(example_build: Path, topic: str, one: str, other: str) -> None:
    """Generic decks felt like box-ticking: the same topic in two districts should read differently."""
    first = body_lines(example_build / f"{one}/en/{topic}.pptx")
    second = body_lines(example_build / f"{other}/en/{topic}.pptx")
    shared = sum(map(len, first & second)) / sum(map(len, first | second))
    assert shared < 0.3, sorted(first & second)
