"""The Deck: the one model every writer and check works from (like pandoc's document tree)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look: plain, bold, or a link; `lang` when it differs from the deck's."""

    text: str
    bold: bool = False
    link: str | None = None
    lang: str | None = None


Inline = tuple[Run, ...]


def plain(runs: Inline) -> str:
    """The words of some runs, without formatting."""
    return "".join(r.text for r in runs)


@dataclass(frozen=True)
class Paragraph:
    runs: Inline


@dataclass(frozen=True)
class ListItem:
    """One item of a list; `icon` names a bundled icon shown beside it, like a bus beside a bus company, and
    `alt` says what it shows where the words do not (Easy Read pictures always have it)."""

    runs: Inline
    level: int = 0
    icon: str | None = None
    alt: str = ""


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]


ICON_SCHEME = "icon:"  # an image path like "icon:bus" names a bundled icon, not a file


@dataclass(frozen=True)
class Image:
    """A picture or a bundled icon; with no alt text it is decorative, and screen readers skip it."""

    path: str
    alt: str

    @property
    def icon(self) -> str | None:
        return self.path[len(ICON_SCHEME) :] if self.path.startswith(ICON_SCHEME) else None

    @property
    def decorative(self) -> bool:
        return not self.alt.strip()


@dataclass(frozen=True)
class KeyFact:
    """One big number or short phrase, and a line that says what it means: "50%" off fares."""

    value: str
    detail: Inline = ()


DIAGRAMS = ("steps", "journey")


@dataclass(frozen=True)
class Diagram:
    """Items in order, drawn as shapes: "steps" as connected boxes (the STAR steps), "journey" as a
    line of stops. Each item's bold start is its label, such as the step's name or the time."""

    kind: str
    items: tuple[ListItem, ...]


WHO = ("alone", "pairs", "groups", "everyone")


@dataclass(frozen=True)
class Activity:
    """A group exercise: who does it, for how long, its steps, what each person ends with, and its
    answer or a model answer.

    Shown on its own slide layout during the session (the answer in the speaker notes, for after),
    and as a thing to try at home in handouts, with the answer at the end. `at_home` is its own
    wording for someone on their own, where the steps speak of a partner or a group. `online`: the steps
    are for a video call, where pairs and groups meet in breakout rooms."""

    blocks: tuple[Block, ...]
    who: str = "alone"
    minutes: int | None = None
    outcome: Inline = ()
    answer: Inline = ()
    at_home: tuple[Block, ...] = ()
    online: bool = False


Block = Paragraph | BulletList | Table | Image | KeyFact | Diagram | Activity

# What a line of speaker notes is. The first five are for claimants too: the handout carries them.
# "do", "tip" and "time" are for the work coach only.
NOTE_KINDS = ("say", "ask", "listen", "answer", "example", "do", "tip", "time")
FOR_CLAIMANTS = NOTE_KINDS[:5]


@dataclass(frozen=True)
class Note:
    """One line of the speaker notes and what it is: something to say, a question to ask (then the
    answers to listen for), a model answer or example, or a direction for the work coach alone.
    `items` is a list that follows the line, such as the steps the coach reads out."""

    kind: str
    runs: Inline
    items: tuple[Inline, ...] = ()

    @property
    def for_claimants(self) -> bool:
        return self.kind in FOR_CLAIMANTS

    @property
    def text(self) -> str:
        return " ".join([plain(self.runs), *(plain(i) for i in self.items)])


@dataclass(frozen=True)
class EasyLine:
    """One idea in Easy Read: a picture on the left, with its alt text, and a short sentence or two beside it."""

    runs: Inline
    icon: str
    alt: str


@dataclass(frozen=True)
class HardWord:
    """A word an Easy Read reader may not know, and what it means: listed at the end, under "Hard words"."""

    word: str
    meaning: Inline


@dataclass(frozen=True)
class EasyRead:
    """A slide's part of the Easy Read handout, written by the template's author, not simplified by us."""

    title: str
    lines: tuple[EasyLine, ...]
    hard_words: tuple[HardWord, ...] = ()


LAYOUTS = ("cover", "section", "content", "columns", "fact", "activity", "closing", "break")


@dataclass(frozen=True)
class Slide:
    title: str
    blocks: tuple[Block, ...] = ()
    notes: tuple[Note, ...] = ()
    line: int | None = None
    layout: str | None = None  # one of LAYOUTS when the author chose it; otherwise the writer picks
    room_only: bool = False  # about the room itself, like a break: handouts leave it out
    easy_read: EasyRead | None = None  # what the Easy Read handout says for this slide


@dataclass(frozen=True)
class DeckMeta:
    topic: str
    title: str
    language: str
    audience: str = "general"
    delivery: str = "room"  # or "online": on a video call
    duration: int | None = None
    source: str = ""
    site: str = ""
    district: str = ""
    subject: str = ""
    date: str = ""
    jobcentre: str = ""  # shown on the cover and in every slide's footer
    when: str = ""  # the day and time of the session, where the site's timetable knows them
    notices: tuple[str, ...] = ()  # for the presenter first: a draft translation, local content left in English
    example: bool = False  # made from example content, not checked for real use: outputs say so
    unconfirmed: tuple[str, ...] = ()  # the facts it shows that nobody has confirmed yet


@dataclass(frozen=True)
class Deck:
    meta: DeckMeta
    slides: tuple[Slide, ...]


def deck_text(deck: Deck) -> str:
    """All the words in a deck: title, slide titles, notes and blocks, to find what it names or shows."""
    words: list[str] = [deck.meta.title]
    for slide in deck.slides:
        words.append(slide.title)
        words.extend(note.text for note in slide.notes)
        words.extend(_block_words(slide.blocks))
    return " ".join(words)


def _block_words(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield plain(block.runs)
        elif isinstance(block, BulletList):
            yield from (plain(i.runs) for i in block.items)
        elif isinstance(block, Table):
            yield from (plain(c) for row in (block.header, *block.rows) for c in row)
        elif isinstance(block, Activity):
            yield from _block_words(block.blocks)
            yield from _block_words(block.at_home)
            yield plain(block.outcome)
            yield plain(block.answer)
        elif isinstance(block, KeyFact):
            yield f"{block.value} {plain(block.detail)}"
        elif isinstance(block, Diagram):
            yield from (plain(i.runs) for i in block.items)
        elif isinstance(block, Image):
            yield block.alt
