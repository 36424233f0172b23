"""Make the example spreadsheets in templates/import/ for `toolkit import` (see docs/import.md).

Run it again after changing the column layout: `python scripts/make_import_examples.py`.
It writes employers, services and transport as .xlsx and as CSV UTF-8. The rows are made up
(Anytown, example.org web addresses, Ofcom's numbers for drama) but pass every check, so a
content team can import them into a test folder, then replace them with their own.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import Any, get_args

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from toolkit.content.importer import KINDS
from toolkit.content.models import Operator, ServiceKind
from toolkit.files import write_atomic
from toolkit.zips import normalise_zip

OUT = Path(__file__).resolve().parents[1] / "templates" / "import"
CHECKED = dt.date(2026, 11, 1)
FIXED_TIME = dt.datetime(2026, 11, 1)  # for file metadata: the same rows give the same bytes
TEXT_COLUMNS = {"phone"}  # stored as text, so Excel keeps the 0 at the start
CHOICES = {"kind": get_args(ServiceKind), "mode": get_args(Operator.model_fields["mode"].annotation)}
WIDE = {"what", "how_to_apply", "getting_there", "tickets", "how", "recruitment_events", "entry_roles"}

EMPLOYERS = [
    {
        "name": "Riverside General Hospital",
        "sector": "Health",
        "entry_roles": "Porter; Cleaner; Catering assistant",
        "how_to_apply": "Apply online on NHS Jobs. Search for Riverside.",
        "website": "https://www.example.org/riverside-hospital",
        "recruitment_events": "Open day for porters and cleaners at the main entrance, 10am to 2pm.",
        "event_date": dt.date(2028, 3, 14),
        "getting_there": "Bus 12 from the town centre stops outside the main entrance.",
        "source": "https://www.example.org/riverside-hospital/jobs",
    },
    {
        "name": "Northgate Distribution Centre",
        "sector": "Warehouses",
        "entry_roles": "Warehouse operative\nForklift driver\nCleaner",
        "how_to_apply": "Apply online. Most jobs are shift work.",
        "website": "https://www.example.org/northgate",
        "getting_there": "Take bus 40 from the bus station to the Northgate estate.",
        "source": "https://www.example.org/northgate/careers",
    },
    {
        "name": "Anytown Council",
        "sector": "Local government",
        "entry_roles": "Care worker; School catering assistant; Refuse loader",
        "how_to_apply": "Search for jobs on the council website. Most jobs have an online form.",
        "website": "https://www.example.org/anytown-council",
        "getting_there": "Offices are in the town centre. Other jobs are across the town.",
        "source": "https://www.example.org/anytown-council/jobs",
    },
]

SERVICES = [
    {
        "name": "Anytown Food Bank",
        "kind": "food",
        "what": "Emergency food parcels. Ask your work coach for a referral voucher.",
        "website": "https://www.example.org/anytown-foodbank",
        "address": "St Mark's Church Hall, Market Street, Anytown",
        "opening_times": "Tuesday and Friday, 10am to 1pm",
        "source": "https://www.example.org/anytown-foodbank",
    },
    {
        "name": "Anytown Talking Therapies",
        "kind": "mental_health",
        "what": "Free talking therapy for stress, worry and low mood. You can refer yourself.",
        "phone": "0808 157 0123",
        "website": "https://www.example.org/talking-therapies",
        "source": "https://www.example.org/talking-therapies",
    },
    {
        "name": "Anytown Library digital help",
        "kind": "digital",
        "what": "Free help to use a computer, get online and apply for jobs.",
        "phone": "01632 960 456",
        "address": "Central Library, High Street, Anytown",
        "opening_times": "Monday to Saturday, 9am to 5pm",
        "source": "https://www.example.org/anytown-library",
    },
]

OPERATORS = [
    {
        "name": "Anytown Buses",
        "mode": "bus",
        "website": "https://www.example.org/anytown-buses",
        "phone": "01632 960 789",
        "tickets": "Pay the driver by contactless card, or buy a day ticket in the app.",
        "source": "https://www.example.org/anytown-buses",
    },
    {
        "name": "Valley Railway",
        "mode": "rail",
        "website": "https://www.example.org/valley-railway",
        "tickets": "Buy your ticket before you get on, at the station or online.",
        "source": "https://www.example.org/valley-railway",
    },
]

ROUTES = [
    {
        "name": "Northgate industrial estate",
        "how": "Take bus 40 from the bus station.",
        "time": "About 25 minutes",
        "source": "https://www.example.org/anytown-buses",
    },
    {
        "name": "Riverside General Hospital",
        "how": "Take bus 12 from the town centre. It stops outside the main entrance.",
        "time": "About 15 minutes",
        "source": "https://www.example.org/anytown-buses",
    },
]

BOOKS = {
    "employers": {"Employers": EMPLOYERS},
    "services": {"Services": SERVICES},
    "transport": {"Operators": OPERATORS, "Routes": ROUTES},
}


def rows(columns: tuple[str, ...], items: list[dict[str, Any]]) -> list[list[Any]]:
    return [[item.get(c, CHECKED if c == "checked" else None) for c in columns] for item in items]


def add_sheet(book: Workbook, title: str, columns: tuple[str, ...], items: list[dict[str, Any]]) -> None:
    sheet = book.create_sheet(title)
    sheet.append(list(columns))
    for row in rows(columns, items):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    last = len(items) + 1
    for index, name in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.cell(1, index).font = Font(bold=True)
        sheet.column_dimensions[letter].width = 45 if name in WIDE else 22
        for row in range(2, last + 1):
            cell = sheet.cell(row, index)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if name in ("checked", "event_date"):
                cell.number_format = "yyyy-mm-dd"
            if name in TEXT_COLUMNS:
                cell.number_format = "@"
        if name in CHOICES:  # a drop-down list, so only the allowed values can be typed
            check = DataValidation(type="list", formula1=f'"{",".join(CHOICES[name])}"', allow_blank=False)
            check.add(f"{letter}2:{letter}500")
            sheet.add_data_validation(check)


def xlsx(sheets: dict[str, list[dict[str, Any]]], kind: str) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for (title, items), part in zip(sheets.items(), KINDS[kind], strict=True):
        add_sheet(book, title, part.columns, items)
    book.properties.creator = "group session toolkit"
    book.properties.created = FIXED_TIME
    out = io.BytesIO()
    book.save(out)
    return normalise_zip(fixed_modified_time(out.getvalue()))


def fixed_modified_time(data: bytes) -> bytes:
    """openpyxl stamps the time of saving in docProps/core.xml: put a fixed one there instead."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                member = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, member)
            dst.writestr(info, member)
    return out.getvalue()


def csv_text(items: list[dict[str, Any]], columns: tuple[str, ...]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # as Excel writes it
    writer.writerow(columns)
    writer.writerows([v.isoformat() if isinstance(v, dt.date) else v for v in row] for row in rows(columns, items))
    return out.getvalue().encode("utf-8-sig")


def main() -> None:
    for kind, sheets in BOOKS.items():
        write_atomic(OUT / f"{kind}.xlsx", xlsx(sheets, kind))
        first = next(iter(sheets.values()))  # a CSV file holds one table: operators, for transport
        write_atomic(OUT / f"{kind}.csv", csv_text(first, KINDS[kind][0].columns))
        print(f"Wrote {OUT / kind}.xlsx and .csv")


if __name__ == "__main__":
    main()
