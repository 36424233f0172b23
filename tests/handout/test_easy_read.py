"""The Easy Read handout: the template's own Easy Read words, a picture on every line, and the hard words."""

from __future__ import annotations

import pytest

from toolkit.deck.markdown import parse_session
from toolkit.deck.model import Deck, DeckMeta, Paragraph, plain
from toolkit.errors import ToolkitError
from toolkit.handout import Contact, Pictures, make_easy_read

SESSION = """# Welcome {cover}

::: easy-read
## About today
- ![A star](icon:star) Today is about a job **interview**.
:::

::: hard-words
- **interview**: a meeting about a job.
:::

# Ground rules {room}

::: easy-read
- ![A group](icon:group) Be kind.
:::

# Getting there

Take a bus. Ask the food bank for help.

::: easy-read
## Getting to work
- ![A bus](icon:bus) You can take a **bus**. Traveline can help.
- ![A map pin](icon:map-pin) Plan your **route** on [Traveline](https://www.traveline.info).
:::

::: hard-words
- **route**: the way you go.
- **Bus**: a big car many people ride in.
- **interview**: said twice, kept once.
:::

# No Easy Read on this slide
"""
CONTACTS = (
    Contact("Testford Jobcentre", "Ask for your work coach.", address="1 High Street", always=True),
    Contact("Traveline", "Journey planning.", phone="0800 464 0000", website="https://www.traveline.info"),
    Contact("Food bank", "Food parcels.", phone="0123 456 789"),
)


def easy_deck(date: str = "2026-11-01") -> Deck:
    return Deck(DeckMeta("transport", "Getting to work", "en-GB", date=date), parse_session(SESSION, "t.md").slides)


def lines(block: Pictures) -> list[tuple[str, str, str]]:
    return [(line.icon, line.alt, plain(line.runs)) for line in block.lines]


def test_the_parts_are_the_slides_easy_read_in_order_then_help_hard_words_and_about() -> None:
    handout = make_easy_read(easy_deck(), CONTACTS)
    titles = [part.title for part in handout.parts]
    assert titles == ["About today", "Getting to work", "Who can help", "Hard words", "About this booklet"]
    getting = handout.parts[1].blocks[0]
    assert isinstance(getting, Pictures)
    assert lines(getting) == [
        ("bus", "A bus", "You can take a bus. Traveline can help."),
        ("map-pin", "A map pin", "Plan your route on Traveline (https://www.traveline.info)."),
    ]


def test_the_start_says_what_the_booklet_is_with_a_picture_on_every_line() -> None:
    (start,) = make_easy_read(easy_deck()).intro
    assert isinstance(start, Pictures)
    assert [text for _, _, text in lines(start)] == [
        "This booklet tells you what we talked about at the group session.",
        "You can read it on your own, or with someone you trust.",
        "Hard words are in bold. We explain them at the end.",
    ]
    assert all(alt for _, alt, _ in lines(start))


def test_hard_words_are_listed_once_each_in_alphabetical_order() -> None:
    hard = next(p for p in make_easy_read(easy_deck()).parts if p.title == "Hard words")
    assert [plain(b.runs) for b in hard.blocks if isinstance(b, Paragraph)] == [
        "Bus: a big car many people ride in.",
        "interview: a meeting about a job.",
        "route: the way you go.",
    ]


def test_who_can_help_lists_the_work_coach_the_jobcentre_and_services_the_booklet_names() -> None:
    help_part = next(p for p in make_easy_read(easy_deck(), CONTACTS).parts if p.title == "Who can help")
    # The slide names the food bank, but its Easy Read words do not: the booklet lists only the services it names.
    assert [p.title for p in help_part.parts] == ["Testford Jobcentre", "Traveline"]
    traveline = help_part.parts[1].blocks[0]
    assert isinstance(traveline, Pictures)
    assert lines(traveline) == [
        ("phone", "A phone", "Phone: 0800 464 0000"),
        ("web", "A globe, for a website", "Website: https://www.traveline.info"),
    ]


def test_the_date_the_facts_were_checked_is_said_when_known() -> None:
    about = make_easy_read(easy_deck()).parts[-1].blocks[0]
    assert isinstance(about, Pictures) and "We checked the local facts on 1 November 2026." in lines(about)[0]
    undated = make_easy_read(easy_deck(date="")).parts[-1].blocks[0]
    assert isinstance(undated, Pictures) and len(undated.lines) == 1


def test_a_session_with_no_easy_read_words_is_refused_with_what_to_do() -> None:
    slides = parse_session("# Only a slide\n\nWords.\n", "t.md").slides
    with pytest.raises(ToolkitError, match=r"no Easy Read words yet: add an '::: easy-read' block"):
        make_easy_read(Deck(DeckMeta("cv", "CV", "en-GB", source="cv.md.j2"), slides))
