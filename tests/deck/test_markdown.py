"""Session Markdown becomes the Deck model; mistakes name the line."""

from __future__ import annotations

import pytest

from toolkit.deck.markdown import parse_session
from toolkit.deck.model import Activity, BulletList, Image, Paragraph, Run, Table
from toolkit.errors import ToolkitError

SESSION = """---
topic: demo
title: A demo
---

# First slide

Hello **bold** and [Traveline's planner](https://www.traveline.info).

- one
  - nested
- two

::: notes
Say hello.

- Ask a question
:::

---

# Second slide

| Name | Role |
|---|---|
| Asda | Picker |

![A bus at a stop](images/bus.png)

::: activity
**In pairs**

1. Talk
2. Listen
:::
"""


def test_every_element_is_parsed() -> None:
    parsed = parse_session(SESSION, "demo.md")
    assert parsed.front_matter == {"topic": "demo", "title": "A demo"}
    first, second = parsed.slides
    assert first.title == "First slide"
    assert first.blocks[0] == Paragraph(
        (
            Run("Hello "),
            Run("bold", bold=True),
            Run(" and "),
            Run("Traveline's planner", link="https://www.traveline.info"),
            Run("."),
        )
    )
    assert first.blocks[1] == BulletList(tuple(BulletList((), False).items) + first.blocks[1].items, False) and [
        (i.runs[0].text, i.level) for i in first.blocks[1].items
    ] == [("one", 0), ("nested", 1), ("two", 0)]
    assert first.notes == ("Say hello.", "• Ask a question")
    table, image, activity = second.blocks
    assert isinstance(table, Table) and table.header[0][0].text == "Name" and table.rows[0][1][0].text == "Picker"
    assert image == Image("images/bus.png", "A bus at a stop")
    assert isinstance(activity, Activity) and isinstance(activity.blocks[1], BulletList) and activity.blocks[1].ordered


def test_italics_are_dropped_but_words_kept() -> None:
    slide = parse_session("# T\n\nSome *stress* here.\n", "x.md").slides[0]
    assert slide.blocks[0] == Paragraph((Run("Some stress here."),))


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("Intro text\n\n# T\n", "text before the first slide", 1),
        ("# T\n\nSome text\n---\n\n# U\n", "put a blank line before it", 3),
        ("# T\n\n## Sub\n", "only '# Title' headings", 3),
        ("# T\n\n---\n\n# T\n", "two slides are called 'T'", 5),
        ("# T\n\n::: warning\nHi\n:::\n", "unknown block", 3),
        ("# T\n\n<b>html</b>\n", "not supported", 3),
        ("# T\n\nbell \x07\n", "control character", 3),
        ("---\ntitle: [\n---\n\n# T\n", "front matter is not valid YAML", None),
    ],
)
def test_mistakes_are_explained_with_a_line(text: str, message: str, line: int | None) -> None:
    with pytest.raises(ToolkitError, match=message) as caught:
        parse_session(text, "bad.md")
    assert caught.value.path == "bad.md"
    if line is not None:
        assert caught.value.line == line


def test_empty_document_is_refused() -> None:
    with pytest.raises(ToolkitError, match="has no slides"):
        parse_session("", "empty.md")
