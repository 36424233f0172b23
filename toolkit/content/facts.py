"""Every fact a site uses, with where it is written, when it was checked, when it needs checking again and
whether anyone has confirmed it: for `toolkit facts`, the warnings of `toolkit validate` and `build --strict`.

A fact in national.yaml or a district's file is used by many sites but listed once, under the file
that holds it, because that is where someone fixes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ToolkitError
from .loader import DISTRICT, NATIONAL, LoadedSite, SiteRef, read_site
from .models import Fact
from .review import DUE_SOON, OVERDUE, UNCONFIRMED, ReviewPeriods, add_months, kind_of

SHORT_NAME = 40  # characters of a tip's text shown as its name


@dataclass(frozen=True)
class FactRecord:
    """One fact as a content team tracks it: where it is, where it came from and what needs doing."""

    district: str  # empty for a national fact
    site: str  # empty for a national or district fact
    section: str  # where it sits in the content, like "employers" or "travel_costs.interviews"
    name: str  # its name, or the first words of a tip
    kind: str  # its kind in toolkit.toml's [facts.review_months], like "employers"
    path: Path
    line: int  # the line of its `checked` date
    source: str
    checked: dt.date
    review_by: dt.date
    review_months: int
    freshness: str  # fresh, due soon or overdue
    unconfirmed: tuple[str, ...]  # the fields not confirmed yet
    unconfirmed_line: int

    @property
    def status(self) -> str:
        """One word for a report: unconfirmed comes first, because such a fact was never confirmed at all."""
        return UNCONFIRMED if self.unconfirmed else self.freshness

    @property
    def label(self) -> str:
        """How messages name the fact: "employers: Leeds City Council"."""
        return f"{self.section}: {self.name}" if self.name else self.section

    def overdue(self) -> ToolkitError | None:
        """Says when the fact was due to be checked again, if that day has passed."""
        if self.freshness != OVERDUE:
            return None
        return ToolkitError(
            f"'{self.label}' was due to be checked again by {self.review_by} (checked {self.checked}, "
            f"review every {self.review_months} months)",
            self.path,
            self.line,
        )

    def due_soon(self) -> ToolkitError | None:
        """Says when the fact needs checking again, if that is soon."""
        if self.freshness != DUE_SOON:
            return None
        return ToolkitError(f"'{self.label}' needs checking again by {self.review_by}", self.path, self.line)

    def not_confirmed(self) -> ToolkitError | None:
        """Names the fields nobody has confirmed, if there are any."""
        if not self.unconfirmed:
            return None
        what = "is" if len(self.unconfirmed) == 1 else "are"
        return ToolkitError(
            f"'{self.label}': {_and(self.unconfirmed)} {what} not confirmed yet", self.path, self.unconfirmed_line
        )


def _and(names: tuple[str, ...]) -> str:
    """'address', 'address and postcode', 'name, address and postcode'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def site_facts(
    content_dir: Path, ref: SiteRef, periods: ReviewPeriods, today: dt.date | None = None
) -> list[FactRecord]:
    """Every fact the site uses, each with the file and line that set it."""
    loaded = read_site(content_dir, ref)
    return [
        _record(content_dir, ref, loaded, loc, fact, periods, today or dt.date.today())
        for loc, fact in loaded.content.facts()
    ]


def _record(
    content_dir: Path,
    ref: SiteRef,
    loaded: LoadedSite,
    location: tuple,
    fact: Fact,
    periods: ReviewPeriods,
    today: dt.date,
) -> FactRecord:
    path, line = loaded.where((*location, "checked"))
    kind = kind_of(location)
    review_by = add_months(fact.checked, periods.months[kind])
    district, site = _owner(content_dir, ref, path)
    return FactRecord(
        district=district,
        site=site,
        section=".".join(part for part in location if isinstance(part, str)),
        name=_name(fact),
        kind=kind,
        path=path,
        line=line,
        source=fact.source,
        checked=fact.checked,
        review_by=review_by,
        review_months=periods.months[kind],
        freshness=periods.status(review_by, today),
        unconfirmed=fact.unconfirmed_fields,
        unconfirmed_line=loaded.where((*location, "unconfirmed"))[1] if fact.unconfirmed else line,
    )


def _owner(content_dir: Path, ref: SiteRef, path: Path) -> tuple[str, str]:
    """The district and site whose file `path` is: both empty for national.yaml, no site for district.yaml."""
    if path == content_dir / NATIONAL:
        return "", ""
    if path == content_dir / ref.district / DISTRICT:
        return ref.district, ""
    return ref.district, ref.site


def _name(fact: Fact) -> str:
    name = getattr(fact, "name", "") or " ".join(getattr(fact, "text", "").split())
    return name if len(name) <= SHORT_NAME else name[: SHORT_NAME - 3].rstrip() + "..."


def all_facts(records: Iterable[FactRecord]) -> list[FactRecord]:
    """Each fact once, though every site that uses it lists it: national first, then each district's file and
    its sites' files, each in line order."""
    unique = {(r.path, r.line): r for r in records}
    return sorted(unique.values(), key=lambda r: (r.district, r.site, str(r.path), r.line))


def gather(
    content_dir: Path, refs: list[SiteRef], periods: ReviewPeriods, today: dt.date | None = None
) -> tuple[list[FactRecord], list[ToolkitError]]:
    """The facts of every site in `refs`, each once; a site that cannot be loaded gives its error instead."""
    records: list[FactRecord] = []
    problems: list[ToolkitError] = []
    for ref in refs:
        try:
            records += site_facts(content_dir, ref, periods, today)
        except ToolkitError as problem:
            problems.append(problem)
    return all_facts(records), problems


def strict_problems(records: Iterable[FactRecord]) -> list[ToolkitError]:
    """Why `build --strict` refuses: each fact not confirmed or overdue, as one line naming its file and line."""
    found = []
    for record in records:
        for problem in (record.not_confirmed(), record.overdue()):
            if problem is not None:
                found.append(ToolkitError(f"{problem.message}: check it, or build without --strict", *_at(problem)))
    return found


def _at(problem: ToolkitError) -> tuple[str | None, int | None]:
    return problem.path, problem.line
