"""Session Markdown becomes the Deck model; mistakes name the line."""

from __future__ import annotations

from dataclasses import replace

import pytest

from toolkit.deck.markdown import parse_session
from toolkit.deck.model import Activity, BulletList, Image, KeyFact, Note, Paragraph, Run, Table, plain
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
Say: Hello, and [see the planner](https://www.traveline.info).

- first point
- second point

Ask: How did you get here?

Listen for: bus, train, walking.

Tip: Let people pass.
:::

---

# Second slide

| Name | Role |
|---|---|
| Asda | Picker |

![A bus at a stop](images/bus.png)

::: activity pairs 5
1. Talk
2. Listen

At home:

1. Say it out loud

You end with: **notes** to keep

Answer: Listen first, then talk.
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
    say, ask, listen, tip = first.notes
    assert say == Note(
        "say",
        (Run("Hello, and "), Run("see the planner", link="https://www.traveline.info"), Run(".")),
        ((Run("first point"),), (Run("second point"),)),
    )
    assert [(n.kind, plain(n.runs)) for n in (ask, listen, tip)] == [
        ("ask", "How did you get here?"),
        ("listen", "bus, train, walking."),
        ("tip", "Let people pass."),
    ]
    assert [n.for_claimants for n in first.notes] == [True, True, True, False]
    table, image, activity = second.blocks
    assert isinstance(table, Table) and table.header[0][0].text == "Name" and table.rows[0][1][0].text == "Picker"
    assert image == Image("images/bus.png", "A bus at a stop")
    assert isinstance(activity, Activity) and isinstance(activity.blocks[0], BulletList) and activity.blocks[0].ordered
    assert (activity.who, activity.minutes) == ("pairs", 5)
    assert activity.outcome == (Run("notes", bold=True), Run(" to keep"))
    assert activity.answer == (Run("Listen first, then talk."),)
    assert [plain(i.runs) for i in activity.blocks[0].items] == ["Talk", "Listen"]
    assert [plain(i.runs) for i in activity.at_home[0].items] == ["Say it out loud"]


def test_a_room_slide_and_a_break_are_left_for_the_room() -> None:
    rules, plan, pause = parse_session(
        "# Rules {room}\n\n---\n\n# Plan {section room}\n\n---\n\n# Tea {break}\n", "x.md"
    ).slides
    assert (rules.layout, rules.room_only) == (None, True)
    assert (plan.layout, plan.room_only) == ("section", True)
    assert (pause.layout, pause.room_only) == ("break", True)


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
        ("# T {sections}\n", "unknown choice '{sections}'", 1),
        ("# T {section closing}\n", "use one layout", 1),
        ("# T\n\n::: notes\nNote: hello\n:::\n", "unknown note type 'Note:'", 4),
        ("# T\n\n::: notes\nHello there.\n:::\n", "the note 'Hello there.' does not say what it is", 4),
        ("# T\n\n::: notes\nSay: Hi.\n\nListen for: yes\n:::\n", "straight after the 'Ask:' line", 6),
        ("# T\n\n::: notes\n- a list first\n:::\n", "must follow a line", 4),
        ("# T\n\n::: activity\n1. Talk\n:::\n", "an activity must say who does it", 3),
        ("# T\n\n::: activity couples 5\n1. Talk\n:::\n", "WHO is alone, pairs", 3),
        ("# T\n\n::: activity pairs five\n1. Talk\n:::\n", "like '::: activity pairs 5'", 3),
        ("# T\n\n::: fact\nThe number of people who come to this session each week\n:::\n", "too long", 3),
        ("# T\n\n::: fact\n- one\n:::\n", "short number or phrase", 3),
        ("# T\n\n::: steps\n1. Only one\n:::\n", "one list of 2 to 6 items", 3),
        ("# T\n\n- Buses ![](icon:bus)\n", "can only start with an icon", 3),
        ("# T\n\n::: easy-read\n- ![](icon:bus) Take a bus.\n:::\n", "needs a picture with alt text first", 3),
        ("# T\n\n::: easy-read\n- Take a bus.\n:::\n", "needs a picture with alt text first", 3),
        ("# T\n\n::: easy-read\n- ![A bus](icon:buss) Take a bus.\n:::\n", "no icon called 'buss': use one of bus", 3),
        ("# T\n\n::: easy-read\nTake a bus.\n:::\n", "holds a '## Title' if you want one, then one list", 3),
        (
            "# T\n\n::: easy-read\n- ![A bus](icon:bus) Bus.\n   - ![A bus](icon:bus) Bus.\n:::\n",
            "cannot have a list",
            3,
        ),
        (
            "# T\n\n::: easy-read\n- ![A](icon:bus) A.\n:::\n\n::: easy-read\n- ![B](icon:bus) B.\n:::\n",
            "one '::: easy-read' block",
            7,
        ),
        ("# T\n\n::: hard-words\n- **bus**: a big car.\n:::\n", "add one", None),
        ("# T\n\n::: easy-read\n- ![A](icon:bus) A.\n:::\n\n::: hard-words\n- bus: a car.\n:::\n", "not 'bus", 7),
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


def test_layouts_icons_key_facts_and_diagrams_are_parsed() -> None:
    text = (
        "# Getting there {section}\n\nA short line.\n\n---\n\n# Fares\n\n"
        "::: fact\n50%\n\nOff bus fares with the card.\n:::\n\n"
        "- ![](icon:bus) **First Bus:** tickets on the app\n- No icon here\n\n"
        "::: steps\n1. **Situation** where\n2. **Task** what\n:::\n\n"
        "::: journey\n1. **08:05** Home\n2. **08:40** Work\n:::\n\n![](icon:coffee)\n"
    )
    section, fares = parse_session(text, "demo.md").slides
    assert (section.title, section.layout, fares.layout) == ("Getting there", "section", None)
    fact, icons, steps, journey, icon = fares.blocks
    assert fact == KeyFact("50%", (Run("Off bus fares with the card."),))
    assert [i.icon for i in icons.items] == ["bus", None]
    assert icons.items[0].runs == (Run("First Bus:", bold=True), Run(" tickets on the app"))
    assert (steps.kind, journey.kind) == ("steps", "journey")
    assert [plain(i.runs) for i in journey.items] == ["08:05 Home", "08:40 Work"]
    assert icon.icon == "coffee" and icon.decorative


def test_easy_read_lines_and_hard_words_are_parsed() -> None:
    text = """# Getting to work {columns}

Buses and trains.

::: easy-read
## Getting there
- ![A bus](icon:bus) Take the **bus**. It is cheap.
- ![A clock](icon:clock) Leave early.
:::

::: hard-words
- **bus**: a big car that many people ride in.
- **fit note** (sick note): a note from a doctor.
:::

# No Easy Read here
"""
    first, second = parse_session(text, "t.md").slides
    easy = first.easy_read
    assert easy is not None and easy.title == "Getting there"
    assert [(line.icon, line.alt, plain(line.runs)) for line in easy.lines] == [
        ("bus", "A bus", "Take the bus. It is cheap."),
        ("clock", "A clock", "Leave early."),
    ]
    assert easy.lines[0].runs[1] == Run("bus", bold=True)
    assert [(w.word, plain(w.meaning)) for w in easy.hard_words] == [
        ("bus", "a big car that many people ride in."),
        ("fit note (sick note)", "a note from a doctor."),  # a translation may add the English after the word
    ]
    assert first.blocks == (Paragraph((Run("Buses and trains."),)),)  # the slide itself is unchanged
    assert second.easy_read is None


def test_easy_read_without_a_title_takes_the_slide_title() -> None:
    (slide,) = parse_session(
        "# Your CV\n\n::: easy-read\n- ![A page](icon:document) A CV is a page.\n:::\n", "t.md"
    ).slides
    assert slide.easy_read is not None and slide.easy_read.title == "Your CV"


def test_without_easy_read_the_slides_are_the_same_and_errors_keep_their_lines() -> None:
    text = """# Buses

::: easy-read
- ![A bus](icon:bus) Take a bus.
:::

::: hard-words
- **bus**: a big car.
:::

Words.

# Trains

- Buses ![](icon:bus)
"""
    fixed = text.replace("- Buses ![](icon:bus)", "Trains run every hour.")
    full, lean = parse_session(fixed, "t.md").slides, parse_session(fixed, "t.md", easy_read=False).slides
    assert [replace(s, easy_read=None) for s in full] == list(lean) and full[0].easy_read is not None
    for easy_read in (True, False):
        with pytest.raises(ToolkitError) as caught:
            parse_session(text, "t.md", easy_read=easy_read)
        assert caught.value.line == 15
