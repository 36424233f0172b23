"""The Easy Read handout, for people with a learning disability: the template's own Easy Read words.

Easy Read is written, not made by shortening other text, so each slide's `::: easy-read` block in the
session template gives its part (see docs/authoring.md, "Easy Read"). Here we add what every Easy Read
booklet has, following GOV.UK's guidance on accessible communication formats and Mencap's: a short
start that says what the booklet is, who can help, and a list of hard words at the end. Each line has a
picture on the left with alt text, and one idea in a short sentence on the right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..deck.model import Deck, EasyLine, HardWord, Paragraph, Run, plain
from ..errors import ToolkitError
from ..i18n import N_, Words
from .content import CONTACT_LABELS, first_notices, named_in_text, with_addresses
from .model import Contact, Handout, HandoutBlock, Part, Pictures

# (icon, alt text, words): every sentence here is marked N_() and translated where it is used.
ABOUT = (
    ("document", N_("A booklet"), N_("This booklet tells you what we talked about at the group session.")),
    ("person", N_("A person reading"), N_("You can read it on your own, or with someone you trust.")),
)
HARD_WORDS_NOTE = ("lightbulb", N_("A light bulb"), N_("Hard words are in bold. We explain them at the end."))
HELP_TITLE = N_("Who can help")
WORK_COACH = (
    "chat",
    N_("Two people talking"),
    N_("Your work coach can help you. Send them a message in your online account."),
)
CONTACT_PICTURES = (
    ("phone", N_("A phone")),
    ("web", N_("A globe, for a website")),
    ("map-pin", N_("A map pin, for a place")),
    ("clock", N_("A clock")),
)
HARD_WORDS_TITLE = N_("Hard words")
END_TITLE = N_("About this booklet")
CHECKED = ("calendar", N_("A calendar"), N_("We checked the local facts on %(date)s."))
OTHER_WAYS = (
    "question",
    N_("A question mark"),
    N_("You can ask for this booklet in other ways, like large print, audio or braille."),
)


def make_easy_read(deck: Deck, contacts: Iterable[Contact] = (), words: Words | None = None) -> Handout:
    """The Easy Read handout for a deck: its slides' Easy Read parts, who can help, and the hard words."""
    words = words or Words()
    easy = [s.easy_read for s in deck.slides if s.easy_read and not s.room_only]
    if not easy:
        raise ToolkitError(
            f"the {deck.meta.topic} session has no Easy Read words yet: add an '::: easy-read' block to its slides "
            '(see docs/authoring.md, "Easy Read")',
            deck.meta.source or None,
        )
    hard = _hard_words(word for part in easy for word in part.hard_words)
    about = [*ABOUT, *([HARD_WORDS_NOTE] if hard else [])]
    intro: tuple[HandoutBlock, ...] = (*first_notices(deck, words), _pictures(words, about))
    parts = [Part(part.title, (_written_out(part.lines),)) for part in easy]
    said = " ".join(plain(line.runs) for part in easy for line in part.lines)
    parts.append(_who_can_help(words, named_in_text(said, contacts)))  # only those the booklet names: fewer to read
    if hard:
        parts.append(Part(words(HARD_WORDS_TITLE), tuple(_meaning(word) for word in hard)))
    parts.append(_about(words, deck.meta.date))
    return Handout(meta=deck.meta, title=deck.meta.title, intro=intro, parts=tuple(parts))


def _pictures(words: Words, lines: Iterable[tuple[str, str, str]], **values: str) -> Pictures:
    """Our own Easy Read lines, in the reader's language."""
    return Pictures(tuple(EasyLine((Run(words(text, **values)),), icon, words(alt)) for icon, alt, text in lines))


def _written_out(lines: tuple[EasyLine, ...]) -> Pictures:
    """The lines with each link's web address written after its words, as in the full handout."""
    return Pictures(tuple(EasyLine(with_addresses(line.runs), line.icon, line.alt) for line in lines))


def _hard_words(found: Iterable[HardWord]) -> list[HardWord]:
    """Each hard word once, the first meaning given, in alphabetical order so a reader can find it."""
    unique: dict[str, HardWord] = {}
    for word in found:
        unique.setdefault(word.word.casefold(), word)
    return sorted(unique.values(), key=lambda w: w.word.casefold())


def _meaning(word: HardWord) -> Paragraph:
    return Paragraph((Run(word.word, bold=True), Run(": "), *word.meaning))


def _who_can_help(words: Words, contacts: Iterable[Contact]) -> Part:
    """Your work coach, then each contact with a picture beside each way to reach them."""
    coach = _pictures(words, [WORK_COACH])
    places = []
    for contact in contacts:
        values = (contact.phone, contact.website, contact.address, contact.opening)
        lines = tuple(
            EasyLine((Run(f"{words(label)}: ", bold=True), Run(value)), icon, words(alt))
            for (icon, alt), label, value in zip(CONTACT_PICTURES, CONTACT_LABELS, values, strict=True)
            if value
        )
        places.append(Part(contact.name, (Pictures(lines),) if lines else ()))
    return Part(words(HELP_TITLE), (coach,), tuple(places))


def _about(words: Words, date: str) -> Part:
    lines = [OTHER_WAYS]
    day = words.date(dt.date.fromisoformat(date[:10])) if date else ""
    if day:
        lines.insert(0, CHECKED)
    return Part(words(END_TITLE), (_pictures(words, lines, date=day),))
