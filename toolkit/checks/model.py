"""What checks read (documents made of text units) and what they report (findings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..content.local import LocalFacts
    from ..readers.slides import SlideLook


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


@dataclass(frozen=True)
class Document:
    path: str
    language: str
    units: tuple[TextUnit, ...]
    slides: tuple[SlideLook, ...] = ()  # only for slide decks: what accessibility rules look at
    local: LocalFacts | None = None  # only for templates rendered for a site: its local facts


@dataclass(frozen=True)
class Hit:
    """What a rule found, before the runner adds the rule's code, name and severity."""

    unit: TextUnit | None
    text: str
    message: str
    suggestion: str = ""
    location: dict[str, int | str] | None = None  # where, when there is no text unit (a picture, a slide)


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
            "location": self.location,
        }
