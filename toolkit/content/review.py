"""How often each kind of fact needs checking again, and whether a fact is fresh, due soon or overdue.

Fares and routes change often; a jobcentre's address rarely does. So each kind of fact has its own
review period, in months, which a content team can change in the [facts] table of toolkit.toml
(see docs/content.md).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ToolkitError
from ..files import confined

CONFIG_FILE = "toolkit.toml"

# Months between checks for each kind of fact: the defaults docs/content.md lists.
REVIEW_MONTHS = {
    "jobcentre": 12,
    "operators": 6,
    "journey_planners": 12,
    "fares": 3,
    "routes": 3,
    "travel_costs": 6,
    "remote_options": 6,
    "employers": 6,
    "services": 6,
    "timetable": 3,
    "rates": 12,  # pay and Universal Credit rates change each April
}
DUE_SOON_DAYS = 30  # a fact this close to its review date is "due soon"

FRESH, DUE_SOON, OVERDUE = "fresh", "due soon", "overdue"
UNCONFIRMED = "unconfirmed"  # a fact with `unconfirmed`, whatever its dates
SETTINGS = ("review_months", "due_soon_days")  # what the [facts] table of toolkit.toml can hold


@dataclass(frozen=True)
class ReviewPeriods:
    """Months between checks for each kind of fact, and how many days before its review date a fact is due soon."""

    months: dict[str, int] = field(default_factory=lambda: dict(REVIEW_MONTHS))
    due_soon_days: int = DUE_SOON_DAYS

    def status(self, review_by: dt.date, today: dt.date) -> str:
        """Fresh, due soon or overdue, on `today`."""
        if today > review_by:
            return OVERDUE
        if (review_by - today).days <= self.due_soon_days:
            return DUE_SOON
        return FRESH


def kind_of(location: tuple) -> str:
    """The kind of a fact at `location`, as toolkit.toml names it: ("transport", "fares", 2) is "fares"."""
    parts = [part for part in location if isinstance(part, str)]
    return parts[1] if parts[0] == "transport" else parts[0]


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved on by whole calendar months; 31 August plus 6 months is the last day of February."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def load_review_periods(root: Path) -> ReviewPeriods:
    """The review periods: the defaults, changed by the [facts] table of `root/toolkit.toml` if there is one.

    A mistake is one error naming the file and line, like any other in toolkit.toml.
    """
    path = root / CONFIG_FILE
    if not path.is_file():
        return ReviewPeriods()
    confined(root, path)
    try:
        text = path.read_text(encoding="utf-8")
        table = tomllib.loads(text).get("facts", {})
    except UnicodeDecodeError:
        raise ToolkitError("is not UTF-8 text: save it as UTF-8 and try again", path) from None
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"at line (\d+)", str(err))
        raise ToolkitError(f"is not valid TOML ({err}): fix it", path, int(found[1]) if found else None) from None
    settings = _Settings(path, text)
    settings.need(isinstance(table, dict), "'facts' must be a table, written [facts]", "facts")
    for key in table:
        settings.need(key in SETTINGS, f"[facts] has no setting '{key}': use {' or '.join(SETTINGS)}", key)
    months = table.get("review_months", {})
    settings.need(isinstance(months, dict), "'review_months' must be a table, written [facts.review_months]", "facts")
    for kind, value in months.items():
        settings.need(kind in REVIEW_MONTHS, f"no kind of fact called '{kind}': use {', '.join(REVIEW_MONTHS)}", kind)
        settings.need(_whole(value, 1), f"'{kind}' must be a whole number of months, 1 or more, like {kind} = 6", kind)
    due = table.get("due_soon_days", DUE_SOON_DAYS)
    message = "'due_soon_days' must be a whole number of days, like due_soon_days = 30"
    settings.need(_whole(due, 0), message, "due_soon_days")
    return ReviewPeriods({**REVIEW_MONTHS, **months}, due)


def _whole(value: Any, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


@dataclass(frozen=True)
class _Settings:
    """toolkit.toml and its text, to name the line of a wrong setting (tomllib does not say)."""

    path: Path
    text: str

    def need(self, ok: bool, message: str, key: str) -> None:
        if not ok:
            raise ToolkitError(message, self.path, self._line(key))

    def _line(self, key: str) -> int | None:
        """The first line that sets `key` in the [facts] tables, or the [facts] line itself."""
        lines = self.text.splitlines()
        start = next((n for n, line in enumerate(lines) if line.strip().startswith("[facts")), 0)
        pattern = re.compile(rf"^\s*(\[\s*)?\"?{re.escape(key)}\b")
        return next((n + 1 for n in range(start, len(lines)) if pattern.match(lines[n])), None)
