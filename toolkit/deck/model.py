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
    runs: Inline
    level: int = 0


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Image:
    path: str
    alt: str


@dataclass(frozen=True)
class Activity:
    """A group exercise: shown on the slide in a box, and as a thing to try at home in handouts."""

    blocks: tuple[Block, ...]


Block = Paragraph | BulletList | Table | Image | Activity


@dataclass(frozen=True)
class Slide:
    title: str
    blocks: tuple[Block, ...] = ()
    notes: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class DeckMeta:
    topic: str
    title: str
    language: str
    audience: str = "general"
    duration: int | None = None
    source: str = ""
    site: str = ""
    district: str = ""
    subject: str = ""
    date: str = ""


@dataclass(frozen=True)
class Deck:
    meta: DeckMeta
    slides: tuple[Slide, ...]


def deck_text(deck: Deck) -> str:
    """All the words in a deck: title, slide titles, notes and blocks, to find what it names or shows."""
    words: list[str] = [deck.meta.title]
    for slide in deck.slides:
        words.append(slide.title)
        words.extend(slide.notes)
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
        elif isinstance(block, Image):
            yield block.alt
