"""What checks read (documents made of text units) and what they report (findings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..content.local import LocalFacts
    from ..readers.pdf import PdfLook
    from ..readers.slides import SlideLook

# Every finding's location has these keys in JSON, whatever the format, so a program reads them one way.
# A key a format does not have is null. "row" and "cell" place text in a table; "line" and "column" in a text file.
LOCATION_KEYS = ("page", "slide", "shape", "part", "paragraph", "table", "row", "cell", "line", "column")


class Severity(IntEnum):
    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def named(cls, name: str) -> Severity:
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Link:
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


@dataclass(frozen=True)
class Hit:
    """What a rule found, before the runner adds the rule's code, name and severity."""

    unit: TextUnit | None
    text: str
    message: str
    suggestion: str = ""
    location: dict[str, int | str] | None = None  # where, when there is no text unit (a picture, a slide)
    start: int | None = None  # where `text` starts in the unit's text, when the rule knows


@dataclass(frozen=True)
class Finding:
    rule: str
    code: str
    severity: Severity
    message: str
    text: str
    suggestion: str
    location: dict[str, int | str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "text": self.text,
            "suggestion": self.suggestion,
            "location": {key: self.location.get(key) for key in LOCATION_KEYS},
        }
