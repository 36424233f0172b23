"""The review site: one page listing every built deck with its pictures, scores and problems, and a page per deck.

It is plain HTML in the output folder, so a manager can open it from the file system with no server.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .checks.config import load_config
from .checks.runner import Checker, FileReport
from .content.facts import FactRecord, site_facts
from .content.loader import find_sites
from .content.review import DUE_SOON, FRESH, OVERDUE, UNCONFIRMED, load_review_periods
from .errors import ToolkitError
from .files import write_atomic
from .manifest import Entry, read_manifest
from .preview import sheet_path
from .project import ContentRoot, bundled_root
from .readers import read_document
from .render import format_order, is_deck

REPORT = "report"
FACTS_PAGE = "facts.html"  # one per site: report/<district>/<site>/facts.html
STATUS_ORDER = (UNCONFIRMED, OVERDUE, DUE_SOON, FRESH)
FAMILIES = {"Plain English": ("PE", "JG", "LC"), "Accessibility": ("AX",)}


@dataclass(frozen=True)
class DeckReport:
    """One deck's line in the report, and its own page."""

    entry: Entry
    check: FileReport
    files: tuple[Entry, ...]  # the deck and every handout made from the same session
    page: str  # the deck's page, relative to the report folder

    def counts(self, family: str) -> Counter[str]:
        prefixes = FAMILIES[family]
        return Counter(str(f.severity) for f in self.check.findings if f.code.startswith(prefixes))

    def by_slide(self) -> dict[str, list]:
        slides: dict[str, list] = defaultdict(list)
        for finding in self.check.findings:
            where = finding.location.get("slide")
            slides[f"Slide {where}" if where else "Whole deck"].append(finding)
        return dict(sorted(slides.items(), key=lambda item: (item[0] != "Whole deck", _number(item[0]))))


def _number(label: str) -> int:
    return int(label.split()[-1]) if label.split()[-1].isdigit() else 0


def built_decks(out: Path) -> list[Entry]:
    """The manifest entries of every deck built into `out`, in the order the review site lists them."""
    decks = [e for e in read_manifest(out, strict=True).values() if is_deck(e["format"])]
    if not decks:
        raise ToolkitError("no built decks to report on: run 'toolkit build' first", out)
    return sorted(decks, key=_order)


def write_report(out: Path, root: Path | None = None, tick: Callable[[str], None] = lambda path: None) -> Path:
    """Check every built deck and write the review site into `out/report`; returns the index page.

    `tick` is told the path of each deck once it is checked."""
    entries = read_manifest(out, strict=True)
    checker = Checker(load_config(root))
    folder = out / REPORT
    reports = []
    for entry in built_decks(out):
        reports.append(_deck_report(out, entry, entries, checker))
        tick(entry["path"])
    env = Environment(
        loader=FileSystemLoader(bundled_root() / "templates" / "report"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    css = (bundled_root() / "templates" / "report" / "report.css").read_text(encoding="utf-8")
    index = folder / "index.html"  # before the deck pages, so they can link back to it
    for (district, site), records in _site_facts(root, {(d.entry["district"], d.entry["site"]) for d in reports}):
        page = folder / district / site / FACTS_PAGE  # before the index, which links to it
        back = Path(os.path.relpath(index, page.parent)).as_posix()
        html = env.get_template("facts.html.j2").render(
            site=site, records=records, counts=_status_counts(records), css=css, back=back
        )
        write_atomic(page, html.encode("utf-8"), root=out, keep_mode=False)
    html = env.get_template("index.html.j2").render(decks=reports, css=css, links=Links(folder, out), families=FAMILIES)
    write_atomic(index, html.encode("utf-8"), root=out, keep_mode=False)
    for deck in reports:
        page = folder / deck.page
        html = env.get_template("deck.html.j2").render(deck=deck, css=css, links=Links(page.parent, out))
        write_atomic(page, html.encode("utf-8"), root=out, keep_mode=False)
    return index


def _site_facts(root: Path | None, sites: set[tuple[str, str]]) -> list[tuple[tuple[str, str], list[FactRecord]]]:
    """Every fact each reported site uses, unconfirmed first, then by how soon it needs checking."""
    if root is None:
        return []
    content = ContentRoot(root).content
    periods = load_review_periods(root)
    found = []
    for ref in (r for r in find_sites(content) if (r.district, r.site) in sites):
        records = sorted(site_facts(content, ref, periods), key=lambda r: (STATUS_ORDER.index(r.status), r.review_by))
        found.append(((ref.district, ref.site), records))
    return found


def _status_counts(records: list[FactRecord]) -> list[tuple[str, int]]:
    counts = Counter(r.status for r in records)
    return [(status, counts[status]) for status in STATUS_ORDER if counts[status]]


def _session(entry: Entry) -> tuple[str, ...]:
    """What a deck and its handouts share: one session, for one site, audience, delivery and language."""
    return (*_order(entry)[:4], entry.get("audience", "general"), entry.get("delivery", "room"))


def _order(entry: Entry) -> tuple[str, ...]:
    where = (entry["district"], entry["site"], entry["language"], entry["topic"])
    return (*where, entry.get("audience", ""), entry.get("delivery", ""))


def _deck_report(out: Path, entry: Entry, entries: dict[str, Entry], checker: Checker) -> DeckReport:
    same = [e for e in entries.values() if _session(e) == _session(entry)]
    files = tuple(sorted(same, key=lambda e: (format_order(e["format"]), e.get("style", ""))))
    page = Path(entry["path"]).with_suffix(".html").as_posix()
    return DeckReport(entry, checker.check(read_document(out / entry["path"])), files, page)


class Links:
    """Links from one page of the report to files in the output folder."""

    def __init__(self, page_folder: Path, out: Path):
        self.page_folder, self.out = page_folder, out

    def to(self, relative: str | Path) -> str | None:
        """A relative link to the file, or None if it is not there."""
        target = self.out / relative
        return Path(os.path.relpath(target, self.page_folder)).as_posix() if target.is_file() else None

    def sheet(self, entry: Entry) -> str | None:
        """The deck's contact sheet, if `toolkit preview` has made one."""
        return self.to(sheet_path(Path(entry["path"])))
