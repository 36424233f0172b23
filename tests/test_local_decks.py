"""Decks for different places should be about those places."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation


def body_lines(path: Path) -> set[str]:
    """The distinct lines of slide text below the titles."""
    prs = Presentation(str(path))
    return {
        line
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame and shape != slide.shapes.title
        for line in shape.text_frame.text.split("\n")
        if line.strip()
    }


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
