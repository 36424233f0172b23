"""Show check results: readable text for people, JSON for programs."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from .model import Severity
from .runner import FileReport

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def summary(reports: list[FileReport]) -> dict[str, int]:
    counts = {"errors": 0, "warnings": 0, "suggestions": 0}
    for report in reports:
        for finding in report.findings:
            counts[f"{finding.severity}s"] += 1
    return counts


def as_json(reports: list[FileReport]) -> str:
    return json.dumps(
        {"files": [r.as_dict() for r in reports], "summary": summary(reports)}, indent=2, ensure_ascii=False
    )


def print_text(reports: list[FileReport], console: Console) -> None:
    for report in reports:
        console.print(f"\n[bold]{report.path}[/] ({report.language})")
        for f in report.findings:
            where = ", ".join(f"{k} {v}" for k, v in f.location.items())
            fix = f" → {f.suggestion}" if f.suggestion else ""
            console.print(
                f"  {where}: [{STYLE[f.severity]}]{f.severity}[/] {f.code} {f.rule}: {f.message}{fix}", highlight=False
            )
        if report.local is not None:
            generic = ", ".join(map(str, report.local.generic_slides)) or "none"
            counted = len(report.local.local_slides) + len(report.local.generic_slides)
            console.print(
                f"  Local share: {len(report.local.local_slides)} of {counted} content slides use local facts"
                f" ({report.local.share:.0%}); generic slides: {generic}"
            )
        if report.scores is not None:
            console.print(_scores_table(report))
    counts = summary(reports)
    totals = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    console.print(f"\n{len(reports)} files checked: {totals}")


def _scores_table(report: FileReport) -> Table:
    table = Table(
        "Part",
        "Words",
        "Sentences",
        "Words a sentence",
        "Reading ease",
        "Grade",
        "Reading age",
        "Note",
        title="Plain English scores",
    )
    for name, s in [("whole file (for claimants)", report.scores), *report.blocks.items()]:
        table.add_row(
            name,
            str(s.words),
            str(s.sentences),
            f"{s.average_sentence_length:g}",
            _num(s.flesch_reading_ease),
            _num(s.flesch_kincaid_grade),
            _num(s.reading_age),
            s.note,
        )
    return table


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"
