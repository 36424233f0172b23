"""`toolkit facts`: every fact, with its source, checked date, review date and status, for content teams
who track the work of checking facts in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..content.review import DUE_SOON, FRESH, OVERDUE, UNCONFIRMED, load_review_periods
from ..errors import EXIT_PROBLEMS
from ..files import write_atomic
from ..project import ContentRoot
from .shared import console, count, escape, print_error, root_of

if TYPE_CHECKING:
    from rich.console import Console

    from ..content.facts import FactRecord

COLUMNS = ("district", "site", "file", "line", "section", "name", "kind", "source", "checked", "review_by", "status")
STATUS_STYLE = {FRESH: "green", DUE_SOON: "yellow", OVERDUE: "bold red", UNCONFIRMED: "magenta"}
SPREADSHEET_FORMULA = ("=", "+", "-", "@")  # a cell starting with one of these runs as a formula in Excel


@click.command()
@click.option("--district", help="Only facts the sites in this district use.")
@click.option("--site", help="Only facts this site (jobcentre) uses.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to this file, not the screen."
)
@click.pass_context
def facts(ctx: click.Context, district: str | None, site: str | None, fmt: str, output: Path | None) -> None:
    """List every fact with its source, checked date, review date and status.

    Status is fresh, due soon, overdue or unconfirmed. Each fact is listed once, under the file that holds it.
    Review periods can be changed in toolkit.toml (see docs/content.md).
    """
    from ..content.facts import gather  # imported here so 'toolkit check' starts fast
    from ..content.loader import find_sites, select_sites

    root = root_of(ctx)
    refs = select_sites(find_sites(root.content), district, site)
    records, problems = gather(root.content, refs, load_review_periods(root.path))
    rows = [_row(root, record) for record in records]
    if output:
        text = {"json": _json, "csv": _csv, "table": _table_text}[fmt](rows)
        write_atomic(output, text.encode("utf-8-sig" if fmt == "csv" else "utf-8"))  # Excel reads UTF-8 with a BOM
        console().print(f"Wrote {count(len(rows), 'fact')} to {output}")
    elif fmt == "table":
        _print_table(rows, console())
    else:
        click.echo({"json": _json, "csv": _csv}[fmt](rows), nl=False)
    for problem in dict.fromkeys(str(p) for p in problems):
        print_error(problem)
    if problems:
        raise SystemExit(EXIT_PROBLEMS)


def _row(root: ContentRoot, record: FactRecord) -> dict[str, Any]:
    """One fact as a spreadsheet row: its file relative to the content folder, so the report can be shared."""
    return {
        "district": record.district,
        "site": record.site,
        "file": record.path.relative_to(root.path).as_posix(),
        "line": record.line,
        "section": record.section,
        "name": record.name,
        "kind": record.kind,
        "source": record.source,
        "checked": record.checked.isoformat(),
        "review_by": record.review_by.isoformat(),
        "status": record.status,
        "unconfirmed": list(record.unconfirmed),
    }


def _json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*COLUMNS, "unconfirmed"])
    for row in rows:
        writer.writerow([_cell(row[column]) for column in COLUMNS] + ["; ".join(row["unconfirmed"])])
    return out.getvalue()


def _cell(value: Any) -> Any:
    """A value a spreadsheet shows as text, never runs as a formula."""
    return f"'{value}" if isinstance(value, str) and value.startswith(SPREADSHEET_FORMULA) else value


def _table_text(rows: list[dict[str, Any]]) -> str:
    """The table as plain text, 80 columns wide, for a file."""
    text = io.StringIO()
    from rich.console import Console

    _print_table(rows, Console(file=text, width=80, highlight=False))
    return text.getvalue()


def _print_table(rows: list[dict[str, Any]], out: Console) -> None:
    """One table for each file, readable at 80 columns, then a count of each status."""
    from rich import box
    from rich.table import Table

    for file in dict.fromkeys(row["file"] for row in rows):
        table = Table("Fact", "Source", "Checked\nReview by", "Status", title=file, box=box.SIMPLE_HEAD)
        for column in table.columns:
            column.overflow = "fold"  # a long web address or field name breaks rather than hides
        table.columns[2].no_wrap = True
        for row in (r for r in rows if r["file"] == file):
            dates = f"{row['checked']}\n{row['review_by']}"
            table.add_row(_fact(row), escape(row["source"]), dates, _status(row))
        out.print(table)
    totals = Counter(row["status"] for row in rows)
    parts = [f"{totals[status]} {status}" for status in (FRESH, DUE_SOON, OVERDUE, UNCONFIRMED) if totals[status]]
    out.print(f"{count(len(rows), 'fact')}: {', '.join(parts) or 'none'}")


def _fact(row: dict[str, Any]) -> str:
    """Its name, then where it is: what a person looks for in the file."""
    where = f"[dim]line {row['line']}: {escape(row['section'])}[/]"
    return f"{escape(row['name'])}\n{where}" if row["name"] else where


def _status(row: dict[str, Any]) -> str:
    status = row["status"]
    fields = f" ({', '.join(row['unconfirmed'])})" if row["unconfirmed"] else ""
    return f"[{STATUS_STYLE[status]}]{status}[/]{escape(fields)}"
