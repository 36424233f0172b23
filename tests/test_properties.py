"""Property-based tests: odd and broken site YAML, session Markdown and spreadsheet rows, made by Hypothesis.

Whatever comes in, the only outcomes are success or a ToolkitError that names the file (and, for YAML and
templates, the line): never a traceback, never a hang. Each property runs EXAMPLES examples (TEMPLATE_EXAMPLES
and XLSX_EXAMPLES for the slower ones), derandomized (a fixed seed) so a failure in CI can be run again.
"""

from __future__ import annotations

import csv
import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from toolkit.content.importer import KINDS, ImportProblems, plan_import
from toolkit.content.loader import find_sites, load_site
from toolkit.deck.markdown import parse_session
from toolkit.deck.session import make_deck
from toolkit.errors import ToolkitError
from toolkit.project import ContentRoot

EXAMPLES = 300  # per property
TEMPLATE_EXAMPLES = 200  # each renders a template and parses the result
XLSX_EXAMPLES = 100  # each writes and reads a workbook

SETTINGS = {
    "deadline": None,
    "derandomize": True,  # the same examples on every run: CI is repeatable
    "database": None,  # nothing written to .hypothesis/
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
}

# Text a person might paste: letters from many scripts, emoji, combining marks, right-to-left text and
# marks, zero-width and control characters, the private-use marks the toolkit uses itself, odd spaces.
ODD = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u202e",
    "\u2066",
    "\u200f",
    "\x00",
    "\x07",
    "\x1b",
    "\x85",
    "\ue000",
    "\ue001",
    "\u00a0",
    "\u3000",
    "\t",
    "\r",
    "\n",
    "👩‍💻",
    "é",
    "ŵ",
    "ł",
    "مرحبا",
    "שלום",
    "日本",
    "{{",
    "}}",
    "{%",
    "%}",
    "#",
    "*",
    "&a",
    "*a",
    "!!",
    ":",
    "- ",
    "---",
    ":::",
    "|",
    "[",
    "]",
    "<",
    ">",
    '"',
    "'",
]
# Text that is allowed, however unusual: many scripts, emoji, accents, punctuation. Most examples use it, so
# that good content gets far enough to meet the later checks.
nice_text = st.text(
    st.characters(categories=("L", "N", "P", "Zs", "So", "Mn"), exclude_characters="\u180e"), min_size=1, max_size=20
).filter(str.strip)
odd_mix = st.lists(
    st.one_of(
        st.sampled_from(ODD), st.text(st.characters(exclude_categories=("Cs",)), max_size=8), st.just("Testford")
    ),
    max_size=6,
).map("".join)
odd_text = st.one_of(nice_text, nice_text, nice_text, odd_mix)
scalars = st.one_of(
    odd_text,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(["2026-01-01", "https://example.org", "0800 123 4567", "bus", "food", "Monday", "10:00"]),
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(odd_text, inner, max_size=3), max_leaves=8
)
# Lines of YAML that are tricky on their own: anchors and aliases, tags, merge keys, bad dates, big numbers.
TRICKS = [
    "x: &a [*a]",
    "x: !!python/name:os.system",
    "x: !!python/object/apply:os.system [ls]",
    "x: !!timestamp 2026",
    "checked: 2026-13-45",
    "checked: 2026-02-30",
    "x: !!binary aGVsbG8=",
    "x: !!set {a, b}",
    "x: !custom 1",
    "<<: {a: 1}",
    f"x: {'9' * 5000}",
    "x: &b [1, 2]\ny: [*b, *b, *b]",
    "? [a, b]\n: c",
    "--- \nsecond: document",
    "%YAML 1.1\n---",
    "x:\n\t- tab",
    "x: 'unclosed",
    "  bad: indent",
    "x: [" * 60,
    "name: [a, b]",
    "x: 1\nx: 2",
    "x: 10:00",
    "x: 0x1F",
    "x: .inf",
    "x: ~",
]


def mutate(data: Any, draw: Any, top: bool = False) -> Any:
    """Change, remove or add one value somewhere in `data` (the whole file stays a mapping, as a rule)."""
    if isinstance(data, str) and draw(st.booleans()):
        return draw(nice_text)  # unusual but allowed: the content should still load
    if not isinstance(data, dict | list) or not data or draw(st.integers(0, 30 if top else 3)) == 0:
        return draw(values)
    if isinstance(data, dict):
        key = draw(st.sampled_from([*data, "new-key"]))
        if key in data and draw(st.booleans()):
            return {k: v for k, v in data.items() if k != key}  # leave a field out
        return {**data, key: mutate(data.get(key), draw)}
    index = draw(st.integers(0, len(data)))
    return [*data[:index], mutate(data[index] if index < len(data) else None, draw), *data[index + 1 :]]


@st.composite
def site_yaml(draw: Any, base: dict[str, Any]) -> str:
    """A site file: the good one with a few values changed, removed or added, and maybe a tricky line."""
    data = base
    for _ in range(draw(st.integers(0, 3))):
        data = mutate(data, draw, top=True)
    try:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False) if isinstance(data, dict) else str(data)
    except (ValueError, yaml.YAMLError):
        text = "x: 1\n"
    if draw(st.integers(0, 3)) == 0:
        lines = text.splitlines()
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.sampled_from(TRICKS) | odd_text))
        text = "\n".join(lines) + "\n"
    return text


MINI = Path(__file__).parent / "fixtures" / "mini"
BASE = yaml.safe_load((MINI / "local_content" / "north" / "testford-central.yaml").read_text())


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(text=site_yaml(BASE))
def test_site_yaml_gives_content_or_one_error_with_file_and_line(mini: ContentRoot, text: str) -> None:
    ref = find_sites(mini.content)[0]
    files = {str(mini.content / "national.yaml"), str(mini.content / "north" / "district.yaml"), str(ref.path)}
    try:
        load_site(mini.content, ref, site_text=text)
        event("content")
    except ToolkitError as err:
        event("error")
        assert err.path in files and err.line is not None, err
        assert "\n" not in err.message


# Session Markdown -------------------------------------------------------------------------------

FRONT = st.dictionaries(
    st.sampled_from(["title", "subject", "duration", "audiences", "topic", "odd"]),
    st.one_of(odd_text, st.integers(-5, 500), st.lists(odd_text, max_size=2)),
    max_size=4,
)
BLOCK = st.one_of(
    odd_text,
    odd_text.map(lambda t: f"# {t}"),
    st.sampled_from(["{cover}", "{section}", "{two-columns}", "{keyfact}", "{nonsense}"]).map(lambda t: f"# Title {t}"),
    st.lists(odd_text, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(odd_text, min_size=1, max_size=4).map(lambda items: "\n".join(f"1. {i}" for i in items)),
    st.lists(odd_text, min_size=1, max_size=3).map(lambda cells: "| a | b |\n|---|---|\n| " + " | ".join(cells) + " |"),
    odd_text.map(lambda t: f"::: notes\nSay: {t}\n:::"),
    st.sampled_from(["pairs 5", "groups 10", "alone", "", "everyone x"]).map(
        lambda how: f"::: activity {how}\n1. Do it.\n\nYou end with: a thing.\n:::"
    ),
    odd_text.map(lambda t: f"::: keyfact\n{t}\n:::"),
    odd_text.map(lambda t: f"![{t}](images/{t}.png)"),
    odd_text.map(lambda t: f"![](icon:{t}) {t}"),
    odd_text.map(lambda t: f"[{t}](https://example.org/{t})"),
    odd_text.map(lambda t: f"<!-- toolkit: ignore PE001 -- {t} -->"),
    st.sampled_from(["## Sub", "> quote", "```\ncode\n```", "    indented", "<b>html</b>", "***", "- - nested"]),
)


@st.composite
def session_markdown(draw: Any) -> str:
    parts = []
    if draw(st.booleans()):
        front = draw(FRONT)
        parts.append("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---")
    for _ in range(draw(st.integers(0, 4))):
        parts.append(f"# {draw(odd_text)}")
        parts += draw(st.lists(BLOCK, max_size=4))
        parts.append("---")
    return "\n\n".join(parts) + "\n"


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(text=session_markdown())
def test_session_markdown_gives_slides_or_one_error_with_the_file(text: str) -> None:
    try:
        parse_session(text, "sessions/odd.md.j2")
        event("slides")
    except ToolkitError as err:
        event("error")
        assert err.path == "sessions/odd.md.j2", err
        assert "\n" not in err.message


@settings(max_examples=TEMPLATE_EXAMPLES, **SETTINGS)
@given(text=session_markdown())
def test_session_templates_give_a_deck_or_one_error_with_file_and_line(mini: ContentRoot, text: str) -> None:
    """The same Markdown, as a topic template rendered for a site: jinja2 and the parser together."""
    site = load_site(mini.content, find_sites(mini.content)[0])
    (mini.sessions / "odd.md.j2").write_text(
        "---\ntitle: Odd\n---\n\n" + text.replace("{{", "{{ site.district.area }}{{")
    )
    try:
        make_deck(mini, site, "odd")
        event("deck")
    except ToolkitError as err:
        event("error")
        assert err.path and "odd.md.j2" in err.path, err
        assert "\n" not in err.message


# Spreadsheet rows -------------------------------------------------------------------------------

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
