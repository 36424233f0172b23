"""Spreadsheets for the import tests: an employer's row, and a workbook of rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from toolkit.content.importer import KINDS

EMPLOYER_COLUMNS = KINDS["employers"][0].columns
SOON = dt.date.today() + dt.timedelta(days=30)


def employer(**changes: Any) -> dict[str, Any]:
    row = {
        "name": "Testford Bakery",
        "sector": "Food making",
        "entry_roles": "Baker; Packer\nDriver",
        "how_to_apply": "Ask at the shop.",
        "website": "https://bakery.example.org",
        "recruitment_events": "Open morning at the bakery.",
        "event_date": SOON,
        "getting_there": "Bus 1 to the market.",
        "source": "https://bakery.example.org",
        "checked": dt.date(2026, 1, 5),
        "disability_confident": "committed",
    }
    return row | changes


def xlsx(
    path: Path,
    rows: list[dict[str, Any]],
    columns: tuple[str, ...] = EMPLOYER_COLUMNS,
    title: str = "Employers",
    header: list[str | None] | None = None,
) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(list(columns) if header is None else header)
    for row in rows:
        sheet.append([row.get(c) for c in columns])
    book.save(path)
    return path
