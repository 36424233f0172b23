"""What readers make and checks read: a document of text units, each with where it is and who reads it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..content.local import LocalFacts
    from .pdf import PdfLook
    from .slides import SlideLook


@dataclass(frozen=True)
class Link:
    """A link in the text: the words a reader sees, and where it goes."""

    words: str
    target: str


@dataclass(frozen=True)
class TextUnit:
    """One paragraph, bullet, cell or note, with where it is and who reads it."""

    text: str
    location: dict[str, int | str]
    block: str  # readability is scored per block: a slide, its notes, a section
    links: tuple[Link, ...] = ()
    ignore: frozenset[str] = frozenset()
    for_staff: bool = False  # speaker notes are read by work coaches, not claimants
    language: str | None = None  # the text's own language, where it differs from the document's
    heading: bool = False  # a title or heading: a unit of its own, never part of the next sentence


@dataclass(frozen=True)
class Document:
    """A file as the checks read it: its text units, and what some rules look at besides."""

    path: str
    language: str
    units: tuple[TextUnit, ...]
    slides: tuple[SlideLook, ...] = ()  # only for slide decks: what accessibility rules look at
    local: LocalFacts | None = None  # only for templates rendered for a site: its local facts
    skipped: tuple[str, ...] = ()  # parts the reader did not understand and left out, each said in one line
    lines: tuple[str, ...] = ()  # the source lines of a text file, to put a line and column on each finding
    pdf: PdfLook | None = None  # only for PDFs: what the PDF accessibility rules look at

    def language_of(self, unit: TextUnit) -> str:
        return unit.language or self.language
