"""Import a spreadsheet of employers, transport or services into a site's YAML file.

One job: read the rows of an .xlsx or .csv file, check each one with the content models, and work
out the change to the site file. Every problem is collected, each naming its sheet, row and
column. Nothing is written until every row is right and the changed site still loads.
The column layout is documented in docs/import.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import types
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import ToolkitError
from ..files import check_file_size, write_atomic
from ..text import find_control_character, find_invisible_character
from ..yamlfile import MAX_TEXT
from ..zips import OLE_SIGNATURE, check_office_zip
from .loader import SiteRef, find_sites, load_site, plain_reason, select_sites
from .models import Employer, Operator, Route, Service
from .yamledit import NamedItem, RoundTrip, merge_named

MAX_FILE_BYTES = 10 * 2**20  # a list of a few hundred employers is well under 1 MB
MAX_UNZIPPED_BYTES = 50 * 2**20
MAX_ROWS = 2000
MAX_COLUMNS = 40
EXCEL_ERRORS = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!"}
DATE_HELP = "must be a date, like 2026-11-01 or 01/11/2026"
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_XLSX_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")  # how Excel stores characters XML cannot hold; openpyxl keeps it


@dataclass(frozen=True)
class Part:
    """One list in a site file that a sheet fills, such as transport.operators."""

    what: str  # one item, in messages: "employer"
    sheets: tuple[str, ...]  # sheet names that hold it, in lower case
    location: tuple[str, ...]  # where the list is in the YAML file
    model: type[BaseModel]
    columns: tuple[str, ...]  # the documented order; new YAML items get their keys in this order


KINDS: dict[str, tuple[Part, ...]] = {
    "employers": (
        Part(
            "employer",
            ("employers",),
            ("employers",),
            Employer,
            (
                "name",
                "sector",
                "entry_roles",
                "how_to_apply",
                "website",
                "recruitment_events",
                "event_date",
                "getting_there",
                "source",
                "checked",
                "disability_confident",
            ),
        ),
    ),
    "services": (
        Part(
            "service",
            ("services",),
            ("services",),
            Service,
            ("name", "kind", "what", "phone", "website", "address", "opening_times", "source", "checked"),
        ),
    ),
    "transport": (  # the first part takes the first sheet when no sheet has its name
        Part(
            "operator",
            ("operators", "transport"),
            ("transport", "operators"),
            Operator,
            ("name", "mode", "website", "phone", "tickets", "source", "checked"),
        ),
        Part("route", ("routes",), ("transport", "routes"), Route, ("name", "how", "time", "source", "checked")),
    ),
}


@dataclass(eq=False)
class Table:
    """The cells of one sheet (or a CSV file): row 1 names the columns."""

    name: str  # the sheet's name; empty for a CSV file
    header: list[Any]
    rows: list[tuple[int, list[Any]]]  # (row number as the spreadsheet shows it, cells)

    def where(self, row: int | None = None, column: int | None = None, field: str = "") -> str:
        """'sheet 'Employers', row 5, column C (website)': how a person finds the cell."""
        parts = [f"sheet '{_one_line(self.name)}'"] if self.name else []
        if row:
            parts.append(f"row {row}")
        if column is not None:
            parts.append(f"column {_letter(column)}" + (f" ({field})" if field else ""))
        return ", ".join(parts)


class ImportProblems(ToolkitError):
    """Every problem found in a spreadsheet. The message names the first; `problems` has them all."""

    def __init__(self, path: Path, problems: list[str]):
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more, path)
        self.problems = problems


@dataclass(frozen=True)
class Change:
    what: str  # "employer"
    name: str
    status: str  # added, changed, unchanged, kept or removed
    fields: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class ImportPlan:
    """What an import will do: the changes to show, and the new text of the site file."""

    path: Path
    changes: tuple[Change, ...]
    notes: tuple[str, ...]
    text: str
    original: bytes = field(repr=False)

    @property
    def changes_anything(self) -> bool:
        return any(c.status in ("added", "changed", "removed") for c in self.changes)


class _CellProblem(Exception):
    pass


def find_site(content_dir: Path, site: str, district: str | None = None) -> SiteRef:
    """The one site called `site`, or an error that says how to find the right name."""
    refs = select_sites(find_sites(content_dir), district, site)
    if len(refs) > 1:
        raise ToolkitError(f"there is a site called '{site}' in more than one district: say which with --district")
    return refs[0]


def plan_import(
    content_dir: Path, ref: SiteRef, source: Path, kind: str, replace: bool = False, today: dt.date | None = None
) -> ImportPlan:
    """Check every row of `source` and work out the new site file. Raises ImportProblems if any row is wrong."""
    if kind not in KINDS:
        raise ToolkitError(f"cannot import '{kind}': use {', '.join(KINDS)}")
    picked, notes = _pick(read_tables(source), KINDS[kind])
    problems: list[str] = []
    items = {part: _check_table(table, part, today or dt.date.today(), problems) for part, table in picked}
    if problems:
        raise ImportProblems(source, problems)
    before = load_site(content_dir, ref)  # a file that is already wrong is for a person to fix first
    original = ref.path.read_bytes()
    doc = RoundTrip(original.decode("utf-8").replace("\r\n", "\n"), ref.path)
    changes = []
    for part, rows in items.items():
        changes += _merge(doc, part, rows, before, replace)
    text = doc.text()
    if b"\r\n" in original:
        text = text.replace("\n", "\r\n")
    _check_result(content_dir, ref, text)
    if not doc.keeps_layout:
        notes.append("The file's indents will be tidied: its comments and the order of its items stay the same.")
    if any(c.status == "kept" for c in changes):
        notes.append(
            "Items marked 'kept' are in the site file but not in the spreadsheet. Use --replace to remove them."
        )
    return ImportPlan(ref.path, tuple(changes), tuple(notes), text, original)


def write_import(plan: ImportPlan) -> None:
    """Write the new site file in one step, unless someone changed the file since the plan was made."""
    if plan.path.read_bytes() != plan.original:
        raise ToolkitError("changed while the import was running: run the import again", plan.path)
    write_atomic(plan.path, plan.text.encode("utf-8"))


NOTES = {"kept": "not in the spreadsheet", "removed": "not in the spreadsheet (--replace)"}
OVERRIDE_NOTE = "replaces the one with this name from the district or national file"


def _merge(doc: RoundTrip, part: Part, rows: list[NamedItem], before: Any, replace: bool) -> list[Change]:
    meant_empty = doc.get(part.location) == []  # `employers: []` empties the district's list: keep it
    seq = doc.named_list(part.location)
    in_file = {item.get("name") for item in seq if hasattr(item, "get")}
    inherited = {item.name for item in _at(before, part.location)} - in_file
    changes = [
        Change(part.what, c.name, c.status, c.fields, _note(c.status, c.name in inherited))
        for c in merge_named(seq, rows, part.columns, replace)
    ]
    if not meant_empty:
        doc.drop_if_empty(part.location)  # with --replace, an empty list would hide the district's items too
    return changes


def _note(status: str, inherited: bool) -> str:
    return OVERRIDE_NOTE if status == "added" and inherited else NOTES.get(status, "")


def _at(content: Any, location: tuple[str, ...]) -> list[Any]:
    for key in location:
        content = getattr(content, key)
    return content


def _check_result(content_dir: Path, ref: SiteRef, text: str) -> None:
    """Load the site with the new text, so an import never leaves a file that will not build."""
    try:
        load_site(content_dir, ref, site_text=text)
    except ToolkitError as problem:
        if problem.path != str(ref.path):
            raise
        at = f" (line {problem.line} of the new file)" if problem.line else ""
        raise ToolkitError(f"this import would make the file wrong{at}: {problem.message}", ref.path) from None


# Reading the file ------------------------------------------------------------------------------


def read_tables(path: Path) -> list[Table]:
    """The sheets of an .xlsx file, or the one table of a .csv file."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ToolkitError(f"cannot import {suffix or 'a file with no ending'}: save it as .xlsx or as CSV UTF-8", path)
    check_file_size(path, MAX_FILE_BYTES, "import")
    return _read_xlsx(path) if suffix == ".xlsx" else [_read_csv(path)]


def _read_xlsx(path: Path) -> list[Table]:
    with path.open("rb") as handle:
        if handle.read(8) == OLE_SIGNATURE:
            raise ToolkitError("is password-protected or an old .xls file: save it without a password as .xlsx", path)
    check_office_zip(path)  # damaged files and zip bombs
    with zipfile.ZipFile(path) as archive:
        if sum(m.file_size for m in archive.infolist()) > MAX_UNZIPPED_BYTES:
            raise ToolkitError("unpacks to far more data than a list like this holds: it was not opened", path)
    import openpyxl  # imported here so other commands start fast

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about Excel features it skips, such as styles
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)  # formulas: the value Excel saved
            try:
                return [_table(path, ws.title, _xlsx_rows(ws)) for ws in book.worksheets]
            finally:
                book.close()
    except ToolkitError:
        raise
    except Exception as err:  # openpyxl raises many kinds of error on a damaged file
        raise ToolkitError(
            f"could not be read as a spreadsheet ({type(err).__name__}): open it in Excel and save it again", path
        ) from None


def _xlsx_rows(sheet: Any) -> Iterable[list[Any]]:
    # One row and one column more than allowed, to notice a sheet that is too big without reading all of it.
    for row in sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS + 1, values_only=True):
        yield [_XLSX_ESCAPE.sub(lambda m: chr(int(m[1], 16)), c) if isinstance(c, str) else c for c in row]


def _read_csv(path: Path) -> Table:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ToolkitError("is not UTF-8 text: in Excel, save it as 'CSV UTF-8 (Comma delimited)'", path) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _table(path, "", reader)
    except csv.Error as err:
        raise ToolkitError(f"row {reader.line_num}: is not valid CSV ({err}): save it from Excel again", path) from None


def _table(path: Path, name: str, rows: Iterable[Iterable[Any]]) -> Table:
    table = Table(name, [], [])
    for number, cells in enumerate(rows, start=1):
        cells = [None if c == "" else c for c in cells]
        while cells and cells[-1] is None:
            cells.pop()
        if len(cells) > MAX_COLUMNS:
            raise ToolkitError(
                f"{table.where() or 'it'} has more than {MAX_COLUMNS} columns: is it the right one?", path
            )
        if number > MAX_ROWS and cells:
            raise ToolkitError(
                f"{table.where() or 'it'} has more than {MAX_ROWS} rows: split it into smaller files", path
            )
        if number == 1:
            table.header = cells
        elif cells:
            table.rows.append((number, cells))
    return table


def _pick(tables: list[Table], parts: tuple[Part, ...]) -> tuple[list[tuple[Part, Table]], list[str]]:
    """Match sheets to parts by name; the first part takes the first sheet if none has its name."""
    by_name: dict[str, Table] = {}
    for table in tables:
        by_name.setdefault(_normal(table.name), table)
    chosen = {part: next((by_name[n] for n in part.sheets if n in by_name), None) for part in parts}
    if chosen[parts[0]] is None:
        chosen[parts[0]] = next((t for t in tables if t not in chosen.values()), None)
    used = [t for t in chosen.values() if t is not None]
    notes = [f"Sheet '{t.name}' was not read: it is not one of the sheets in docs/import.md." for t in tables]
    notes = [note for note, t in zip(notes, tables, strict=True) if t not in used]
    return [(part, table) for part, table in chosen.items() if table is not None], notes


# Checking the rows -----------------------------------------------------------------------------


def _check_table(table: Table, part: Part, today: dt.date, problems: list[str]) -> list[NamedItem]:
    columns = _columns(table, part, problems)
    if columns is None:
        return []
    items: list[NamedItem] = []
    rows_of: dict[str, int] = {}
    for number, cells in table.rows:
        item = _check_row(table, number, cells, columns, part, today, problems)
        if item is None:
            continue
        if item.name in rows_of:
            column = next(i for i, f in columns.items() if f == "name")
            problems.append(
                f"{table.where(number, column, 'name')}: '{item.name}' is also on row {rows_of[item.name]}: "
                "keep one row for each name"
            )
            continue
        rows_of[item.name] = number
        items.append(item)
    return items


def _columns(table: Table, part: Part, problems: list[str]) -> dict[int, str] | None:
    """Which field each column holds, from the names in row 1; None if they are wrong."""
    start = len(problems)
    expected = f"The columns for {part.what}s are: {', '.join(part.columns)} (see docs/import.md)."
    if not any(c is not None for c in table.header):
        problems.append(f"{table.where() or 'the file'} has no column names: put them in row 1. {expected}")
        return None
    known = {_normal(c): c for c in part.columns}
    columns: dict[int, str] = {}
    for index, cell in enumerate(table.header):
        name = known.get(_normal(str(cell))) if cell is not None else None
        if cell is None:
            continue
        if name is None:
            unknown = f"'{_one_line(cell)}' is not a column we know{_hint(cell, part)}"
            problems.append(f"{table.where(column=index)}: {unknown}. {expected}")
        elif name in columns.values():
            problems.append(f"{table.where(column=index)}: '{_one_line(cell)}' is there twice: keep one")
        else:
            columns[index] = name
    for name in part.columns:
        if part.model.model_fields[name].is_required() and name not in columns.values():
            problems.append(f"{table.where() or 'the file'} has no '{name}' column: add it. {expected}")
    return columns if len(problems) == start else None


def _check_row(
    table: Table,
    number: int,
    cells: list[Any],
    columns: dict[int, str],
    part: Part,
    today: dt.date,
    problems: list[str],
) -> NamedItem | None:
    values: dict[str, Any] = {}
    cleared: set[str] = set()
    start = len(problems)
    for index, cell in enumerate(cells):
        name = columns.get(index)
        if name is None:
            if cell is not None:
                problems.append(f"{table.where(number, index)}: has a value but no column name in row 1: add one")
            continue
        try:
            value = _cell(cell, _kind_of(part.model, name))
        except _CellProblem as problem:
            problems.append(f"{table.where(number, index, name)}: {problem}")
            continue
        if value is None:
            cleared.add(name)
        else:
            values[name] = value
    if len(problems) > start:
        return None
    try:
        model = part.model.model_validate(values)
    except ValidationError as err:
        where = {name: index for index, name in columns.items()}
        for error in err.errors():
            name = str(error["loc"][0]) if error["loc"] else "name"
            problems.append(f"{table.where(number, where.get(name), name)}: {_why(error)}")
        return None
    event = getattr(model, "event_date", None)
    if event is not None and event < today:
        column = next(i for i, f in columns.items() if f == "event_date")
        problems.append(
            f"{table.where(number, column, 'event_date')}: the event on row {number} has already happened "
            f"({event.isoformat()}): put the date of the next event, or leave the cell empty"
        )
        return None
    data = model.model_dump(exclude_unset=True)
    return NamedItem({name: data[name] for name in part.columns if name in data}, frozenset(cleared))


def _why(error: ErrorDetails) -> str:
    if error["type"] == "missing":
        return "is empty: fill it in"
    if error["type"].startswith("date_"):
        return DATE_HELP
    return plain_reason(error)


def _cell(value: Any, kind: str) -> Any:
    """A cell's value as the model wants it; None for an empty cell."""
    if isinstance(value, str):
        return _text_cell(value, kind)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        if kind != "date" or isinstance(value, dt.time):
            raise _CellProblem("is a date or time in the spreadsheet: format the cell as Text and type it again")
        return value.date() if isinstance(value, dt.datetime) else value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if kind == "phone":
            raise _CellProblem(
                "is a number, so Excel has dropped any 0 at the start: format it as Text and type it again"
            )
        if kind == "date":
            raise _CellProblem(f"{DATE_HELP}: format the cell as a date")
        text = str(int(value)) if float(value).is_integer() else str(value)
        return [text] if kind == "list" else text
    return value  # None, or true or false, which the model refuses as text


def _text_cell(value: str, kind: str) -> Any:
    bad = find_control_character(value)
    if bad:
        raise _CellProblem(f"contains a control character ({bad}): delete it")
    invisible = find_invisible_character(value)
    if invisible:
        raise _CellProblem(f"contains {invisible[1]}, which cannot be seen: delete it")
    if len(value) > MAX_TEXT:
        raise _CellProblem(f"is {len(value):,} characters long: a value can have at most {MAX_TEXT:,}: shorten it")
    if value.strip() in EXCEL_ERRORS:
        raise _CellProblem(f"shows an Excel error ({value.strip()}): fix the formula or type the value")
    value = unicodedata.normalize("NFC", value)
    if kind == "list":  # items separated by ";" or on lines of their own
        items = [" ".join(part.split()) for part in re.split(r"[;\n]", value)]
        return [item for item in items if item] or None
    text = " ".join(value.split())  # line breaks inside a cell become spaces
    if not text:
        return None
    if kind == "choice":
        return text.lower().replace(" ", "_").replace("-", "_")
    if kind == "date" and (match := _UK_DATE.match(text)):
        try:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            raise _CellProblem(DATE_HELP) from None
    return text


def _kind_of(model: type[BaseModel], name: str) -> str:
    """How to read a column: text, list, date, choice or phone, from the model's type for the field."""
    if name == "phone":
        return "phone"
    found = _types(model.model_fields[name].annotation)
    if dt.date in found:
        return "date"
    if list in found:
        return "list"
    return "choice" if Literal in found else "text"


def _types(annotation: Any) -> set[Any]:
    if get_origin(annotation) in (Union, types.UnionType):
        return set().union(*(_types(arg) for arg in get_args(annotation)))
    return {get_origin(annotation) or annotation}


def _one_line(value: Any) -> str:
    """A value from the spreadsheet as it goes in a message: on one line, and not too long."""
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


def _normal(name: str) -> str:
    """Column and sheet names match whatever the case, and spaces, hyphens and underscores are the same."""
    return re.sub(r"[\s_-]+", "_", name.strip().lower())


def _hint(cell: Any, part: Part) -> str:
    from difflib import get_close_matches

    close = get_close_matches(_normal(str(cell)), part.columns, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _letter(index: int) -> str:
    """Column letters as Excel shows them: 0 is A, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
