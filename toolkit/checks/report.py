"""Show check results: readable text for people and CI logs (80 columns), JSON for programs."""

from __future__ import annotations

import json
import textwrap
from collections import defaultdict

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .model import LOCATION_KEYS, Severity
from .readability import Scores
from .runner import FileReport

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}
INDENT = "  "


def summary(reports: list[FileReport]) -> dict[str, int]:
    counts = {"errors": 0, "warnings": 0, "suggestions": 0}
    for report in reports:
        for finding in report.findings:
            counts[f"{finding.severity}s"] += 1
    return counts


def as_json(reports: list[FileReport]) -> str:
    counts = {**summary(reports), "files_not_checked": sum(1 for r in reports if r.error)}
    return json.dumps({"files": [r.as_dict() for r in reports], "summary": counts}, indent=2, ensure_ascii=False)


def where(location: dict) -> str:
    """A location in words, in the same order for every format: 'slide 3, 'Title 1', paragraph 2'."""
    if not any(key in location for key in LOCATION_KEYS):
        return "whole file"
    parts = []
    for key in LOCATION_KEYS:
        value = location.get(key)
        if value is None or (key == "part" and value == "body"):
            continue
        parts.append(f"'{value}'" if key == "shape" else str(value) if key == "part" else f"{key} {value}")
    return ", ".join(parts)


def print_text(reports: list[FileReport], console: Console) -> None:
    """Each file, its findings (one line each, then the fix indented below) and its scores, fitted to the console."""
    width = max(40, min(console.width, 100))
    for report in reports:
        _print_file(report, console, width)
    counts = summary(reports)
    totals = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    failed = sum(1 for r in reports if r.error)
    not_checked = f"; {failed} could not be checked" if failed else ""
    console.print(f"\n{len(reports)} files checked{not_checked}: {totals}", highlight=False)


def _print_file(report: FileReport, console: Console, width: int) -> None:
    language = f" ({report.language})" if report.language else ""
    console.print(f"\n[bold]{escape(report.path)}[/]{language}", highlight=False)
    if report.error:
        _wrapped(console, width, f"not checked: {report.error}", "bold red", len("not checked:"))
    for skipped in report.skipped:
        _wrapped(console, width, f"skipped: {skipped}")
    for f in report.findings:
        head = f"{where(f.location)}: {f.severity} {f.code} {f.rule}: "
        _wrapped(console, width, head + f.message, STYLE[f.severity], len(head))
        if f.suggestion:
            _wrapped(console, width, f"→ {f.suggestion}", indent=INDENT + "  ")
    if report.local is not None:
        generic = ", ".join(map(str, report.local.generic_slides)) or "none"
        counted = len(report.local.local_slides) + len(report.local.generic_slides)
        line = (
            f"Local share: {len(report.local.local_slides)} of {counted} content slides use local facts"
            f" ({report.local.share:.0%}); generic slides: {generic}"
        )
        _wrapped(console, width, line)
    if report.scores is not None:
        console.print(_scores_table(report.scores, report.blocks, width))
        for note, parts in _notes(report).items():
            _wrapped(console, width, f"{note}: {', '.join(parts)}")


def _wrapped(console: Console, width: int, text: str, style: str = "", styled: int = 0, indent: str = "  ") -> None:
    """Print `text` wrapped to `width`, later lines indented, so long messages stay readable in a CI log.

    `style` colours the first `styled` characters (the location, severity and code), or all of them."""
    lines = textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False)
    for number, line in enumerate(lines or [indent]):
        shown = Text(line)
        if number == 0 and style:
            shown.stylize(style, len(indent), len(indent) + styled if styled else len(line))
        console.print(shown, highlight=False, soft_wrap=True)


def _scores_table(scores: Scores, blocks: dict[str, Scores], width: int) -> Table:
    """Six narrow columns fit 80 columns; why a part has no score is listed under the table."""
    table = Table(
        "Part", "Words", "Sentences", "Ease", "Grade", "Age", title="Plain English scores", box=box.SIMPLE, width=width
    )
    for name, s in [("whole file (for claimants)", scores), *blocks.items()]:
        table.add_row(
            name,
            str(s.words),
            str(s.sentences),
            _num(s.flesch_reading_ease),
            _num(s.flesch_kincaid_grade),
            _num(s.reading_age),
        )
    return table


def _notes(report: FileReport) -> dict[str, list[str]]:
    """Each note once, with the parts it applies to, rather than a wide column of repeats."""
    found: dict[str, list[str]] = defaultdict(list)
    for name, s in [("whole file", report.scores), *report.blocks.items()]:
        if s is not None and s.note:
            found[s.note].append(name)
    return found


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"
