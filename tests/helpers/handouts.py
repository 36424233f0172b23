"""Helpers for the handout tests: the example content for one site, and a small deck."""

from __future__ import annotations

from functools import cache
from itertools import cycle

from toolkit.content.loader import find_sites, load_site
from toolkit.deck.model import (
    Activity,
    BulletList,
    Deck,
    DeckMeta,
    ListItem,
    Note,
    Paragraph,
    Run,
    Slide,
    Table,
)
from toolkit.deck.session import make_deck
from toolkit.handout.contacts import contacts_for
from toolkit.handout.styles import STYLES
from toolkit.project import ContentRoot
from toolkit.render import RenderOptions

from . import REPO, TOPICS

SITE = "cardiff-north"


@cache
def example_root() -> ContentRoot:
    return ContentRoot.at(REPO)


@cache
def example_site():
    root = example_root()
    return load_site(root.content, next(r for r in find_sites(root.content) if r.site == SITE))


@cache
def example_deck(topic: str) -> Deck:
    return make_deck(example_root(), example_site(), topic)


def handout_slides(deck: Deck) -> list[Slide]:
    """The slides a handout has a part for: all but breaks and slides about the room itself."""
    return [s for s in deck.slides if not s.room_only]


def example_options(style: str = "standard") -> RenderOptions:
    root = example_root()
    return RenderOptions(root.master, root.templates, style, contacts_for(example_site()))


def every_topic_and_style() -> list[tuple[str, str]]:
    return [(topic, style) for topic in sorted(TOPICS) for style in STYLES]


def each_topic_in_a_style() -> list[tuple[str, str]]:
    """Every topic, each in the next style in turn, so every style is made at least once."""
    assert len(TOPICS) >= len(STYLES)
    return list(zip(sorted(TOPICS), cycle(STYLES)))


def note(kind: str, text: str) -> Note:
    return Note(kind, (Run(text),))


def small_deck() -> Deck:
    """Two slides with every kind of block a handout prints, and notes of every kind."""
    link = Run("Traveline's journey planner", link="https://www.traveline.info")
    activity = Activity(
        (BulletList((ListItem((Run("Tell your partner one thing"),)), ListItem((Run("Swap over"),))), ordered=True),),
        who="pairs",
        minutes=5,
        outcome=(Run("one thing you will do this week"),),
        answer=(Run("Any one thing, like checking the bus times"),),
        at_home=(
            BulletList((ListItem((Run("Tell someone you trust one thing"),)), ListItem((Run("Write it down"),))), True),
        ),
    )
    slides = (
        Slide("Getting to work", (Paragraph((Run("A session about travel."),)),), (note("do", "Welcome everyone."),)),
        Slide(
            "Plan your journey",
            (
                BulletList((ListItem((Run("Use "), link)), ListItem((Run("Ask for help"),), level=1))),
                Table(((Run("Place"),), (Run("Time"),)), (((Run("Hospital"),), (Run("15 minutes"),)),)),
                activity,
            ),
            (
                note("time", "3 minutes (8 minutes so far)."),
                note("say", "A journey planner shows the buses you need."),
                note("ask", "Which bus do you take?"),
                note("listen", "the number 4, the X84"),
                note("tip", "Ask for volunteers."),
                note("say", "Traveline phone: 0800 464 0000"),
                note("example", "I take the 7:10 to work."),
                Note("say", (Run("You need:"),), ((Run("a ticket"),), (Run("a map"),))),
            ),
        ),
    )
    meta = DeckMeta("transport", "Getting to work in Testford", "en-GB", subject="A test", date="2026-02-01")
    return Deck(meta, slides)
