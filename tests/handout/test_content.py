"""Handout content: what a reader who missed the session gets, made from the deck."""

from __future__ import annotations

from tests.helpers.handouts import example_deck, example_options, small_deck
from toolkit.deck.model import BulletList, Paragraph, Table, plain
from toolkit.handout import Contact, Part, make_handout
from toolkit.handout.model import HandoutBlock


def texts(blocks: tuple[HandoutBlock, ...]) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(plain(block.runs))
        elif isinstance(block, BulletList):
            out.extend(plain(i.runs) for i in block.items)
        elif isinstance(block, Table):
            out.extend(plain(c) for row in (block.header, *block.rows) for c in row)
    return out


def part(handout, title: str) -> Part:
    return next(p for p in handout.parts if p.title == title)


def test_each_slide_becomes_a_part_with_what_the_work_coach_said() -> None:
    handout = make_handout(small_deck())
    assert handout.title == "Getting to work in Testford"
    assert [p.title for p in handout.parts] == [
        "Getting to work",
        "Plan your journey",
        "Questions for your next appointment",
        "Who to contact",
        "About this handout",
    ]
    said = texts(part(handout, "Plan your journey").blocks)[6:]  # after the list and table the slide showed
    assert said == [
        "A journey planner shows the buses you need.",
        "Think about this: Which bus do you take?",
        "Good answers include: the number 4, the X84",
        "Traveline phone: 0800 464 0000",
        "Example: I take the 7:10 to work.",
        "You need:",
        "a ticket",
        "a map",
    ]  # the time and the tip are for the work coach only
    assert texts(part(handout, "Getting to work").blocks) == ["A session about travel."]


def test_activities_become_things_to_try_at_home() -> None:
    [at_home] = part(make_handout(small_deck()), "Plan your journey").parts
    assert at_home.title == "Try this at home"
    assert texts(at_home.blocks) == [
        "This takes about 5 minutes.",
        "Tell someone you trust one thing",  # the activity's own steps for home, not the pair work
        "Write it down",
        "You end with: one thing you will do this week",
        "Answer: Any one thing, like checking the bus times",
        "Bring what you write to your next appointment.",
    ]


def test_web_addresses_are_written_out_in_full() -> None:
    [links, *_] = part(make_handout(small_deck()), "Plan your journey").blocks
    assert texts((links,))[0] == "Use Traveline's journey planner (https://www.traveline.info)"


def test_who_to_contact_lists_the_jobcentre_and_services_the_session_names() -> None:
    contacts = (
        Contact("Testford Jobcentre", "Ask for your work coach.", address="1 High Street", always=True),
        Contact("Traveline", "Journey planning.", phone="0800 464 0000", website="https://www.traveline.info"),
        Contact("Food bank", "Food parcels.", phone="0123 456 789"),
    )
    who = part(make_handout(small_deck(), contacts), "Who to contact")
    assert [p.title for p in who.parts] == ["Your work coach", "Testford Jobcentre", "Traveline"]
    assert texts(who.parts[2].blocks) == [
        "Journey planning.",
        "Phone: 0800 464 0000",
        "Website: https://www.traveline.info",
    ]


def test_questions_and_facts_date_are_at_the_end() -> None:
    handout = make_handout(small_deck())
    questions = texts(part(handout, "Questions for your next appointment").blocks)
    assert "Can I have this handout in another format or language?" in questions
    about = texts(part(handout, "About this handout").blocks)
    assert about[0].startswith("The local facts in this handout were last checked on 1 February 2026.")


def test_example_handouts_keep_every_slide_but_the_rooms_and_their_spoken_words() -> None:
    deck = example_deck("cv")
    handout = make_handout(deck, example_options().contacts)
    slides = [s for s in deck.slides if not s.room_only]
    assert len(slides) < len(deck.slides)  # a reader at home takes a break when they like
    assert [p.title for p in handout.parts][: len(slides)] == [s.title for s in slides]
    for slide, handout_part in zip(slides, handout.parts, strict=False):
        said = " ".join(texts(handout_part.blocks))
        spoken = [plain(n.runs) for n in slide.notes if n.kind == "say"]
        assert all(s in said for s in spoken), slide.title
