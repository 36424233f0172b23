"""What checks report: hits from rules, and findings with the rule's code, name and severity."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from ..readers.document import TextUnit

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
    """A hit with its rule's name, code and severity: one line of the report."""

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
