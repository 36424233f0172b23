"""Property-based tests of spreadsheet rows, made by Hypothesis: good employer rows with cells changed and
columns missing or moved, as CSV and as a workbook, give a plan or errors naming the row and column
(see tests/helpers/strategies.py)."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path
from typing import Any

from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

from tests.helpers.strategies import EXAMPLES, SETTINGS, XLSX_EXAMPLES, nice_text, odd_text
from toolkit.content.importer import KINDS, ImportProblems, plan_import
from toolkit.content.loader import find_sites
from toolkit.errors import ToolkitError
from toolkit.project import ContentRoot

COLUMNS = KINDS["employers"][0].columns
CELLS = st.one_of(
    odd_text,
    nice_text,
    st.just(""),
    st.sampled_from(
        [
            "Testford Bakery",
            "https://bakery.example.org",
            "01/13/2026",
            "31/02/2026",
            "2026-01-05",
            "#REF!",
            "=1+1",
            "Baker; Packer",
            "health",
            "0800 123 4567",
            "_x0007_",
        ]
    ),
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=True).map(str),
)


GOOD_ROW = {
    "name": "Testford Bakery",
    "sector": "Food making",
    "entry_roles": "Baker; Packer",
    "how_to_apply": "Ask at the shop.",
    "website": "https://bakery.example.org",
    "recruitment_events": "",
    "event_date": "",
    "getting_there": "Bus 1 to the market.",
    "source": "https://bakery.example.org",
    "checked": "05/01/2026",
}


@st.composite
def spreadsheet(draw: Any) -> list[list[str]]:
    """A header and rows: mostly good rows with a few cells changed; sometimes columns missing or moved."""
    header = list(COLUMNS)
    if draw(st.integers(0, 3)) == 0:
        header = list(draw(st.permutations(COLUMNS)))[: draw(st.integers(0, len(COLUMNS)))]
    if draw(st.integers(0, 3)) == 0:
        header.insert(draw(st.integers(0, len(header))), draw(odd_text | st.sampled_from(["Name", "web site", ""])))
    rows = []
    for number in range(draw(st.integers(0, 5))):
        row = [GOOD_ROW.get(column, "") for column in header]
        if row and header and header[0] == "name":
            row[0] = f"Employer {number}"
        for _ in range(draw(st.integers(0, 3))):
            if row:
                row[draw(st.integers(0, len(row) - 1))] = draw(CELLS)
        rows.append(row + draw(st.lists(CELLS, max_size=1)))
    return [header, *rows]


def check_import(root: ContentRoot, source: Path) -> None:
    ref = find_sites(root.content)[0]
    try:
        plan_import(root.content, ref, source, "employers")
        event("plan")
    except ImportProblems as problems:
        event("problems")
        assert problems.path == str(source)
        for problem in problems.problems:
            assert "row" in problem or "column" in problem or "sheet" in problem, problem
            assert "\n" not in problem
    except ToolkitError as err:
        assert err.path in (str(source), str(ref.path)), err


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(rows=spreadsheet())
def test_spreadsheet_rows_give_a_plan_or_errors_naming_row_and_column(
    mini: ContentRoot, tmp_path: Path, rows: list[list[str]]
) -> None:
    source = tmp_path / "rows.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    check_import(mini, source)


@settings(max_examples=XLSX_EXAMPLES, **SETTINGS)
@given(rows=spreadsheet(), title=st.sampled_from(["Employers", "Sheet1", "émployers"]))
def test_workbook_rows_give_a_plan_or_errors_naming_row_and_column(
    mini: ContentRoot, tmp_path: Path, rows: list[list[str]], title: str
) -> None:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    source = tmp_path / "rows.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = title
    try:
        for row in rows:
            sheet.append(row)
    except IllegalCharacterError:
        assume(False)  # Excel cannot hold these characters either
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book.save(source)
    check_import(mini, source)
