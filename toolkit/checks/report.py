"""Show check results: readable text for people and CI logs (80 columns), JSON for programs."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import chain
from typing import IO, TYPE_CHECKING

from .model import LOCATION_KEYS, Severity
from .readability import Scores
from .runner import FileReport

if TYPE_CHECKING:
    from rich.console import Console

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}
INDENT = "  "
SCORE_HEADS = ("Words", "Sentences", "Ease", "Grade", "Age")
Line = tuple[str, str, int, int]  # a line of text, a style, and where the style starts and ends in it
_NEEDS_WRAP = re.compile(r"[\t\n\x0b\x0c\r]|[\t\n\x0b\x0c\r ]$")  # whitespace textwrap changes or drops
_CONTROL = dict.fromkeys((7, 8, 11, 12, 13))  # bell, backspace, tabs and returns that move the cursor, as rich drops
BATCH = 500  # findings printed at once: rich prints many lines at once far quicker than one by one


def summary(reports: list[FileReport]) -> dict[str, int]:
    counts = {"errors": 0, "warnings": 0, "suggestions": 0}
    for report in reports:
        for finding in report.findings:
            counts[f"{finding.severity}s"] += 1
    return counts


def write_json(reports: list[FileReport], write: Callable[[str], object]) -> None:
    """The report as JSON, written BATCH findings at a time, so a long file's findings are never all held as text.

    The text is what json.dumps(report, indent=2, ensure_ascii=False) would make, and a line break."""
    counts = {**summary(reports), "files_not_checked": sum(1 for r in reports if r.error)}
    pieces: list[str] = []
    for piece in _json({"files": (_file(r) for r in reports), "summary": counts}, 0):
        pieces.append(piece)
        if len(pieces) >= 2 * BATCH:  # two pieces a finding: the comma and line break, then the finding
            write("".join(pieces))
            pieces.clear()
    write("".join(pieces) + "\n")


def _file(report: FileReport) -> dict[str, object]:
    """A file's report as JSON values, with its findings made one at a time as they are written."""
    found = replace(report, findings=()).as_dict()
    found["findings"] = (finding.as_dict() for finding in report.findings)
    return found


def _json(value: object, level: int) -> Iterator[str]:
    """`value` as json.dumps indents it at `level`; generators in it, and objects holding them, a piece at a time."""
    if isinstance(value, Iterator):
        yield from _container("[", "]", (("", item) for item in value), level)
    elif isinstance(value, dict) and any(isinstance(item, Iterator) for item in value.values()):
        pieces = ((json.dumps(key, ensure_ascii=False) + ": ", item) for key, item in value.items())
        yield from _container("{", "}", pieces, level)
    else:  # JSON text holds no line breaks but those between items, so indenting them moves it all in
        yield json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * level)


def _container(start: str, end: str, pieces: Iterator[tuple[str, object]], level: int) -> Iterator[str]:
    """A JSON object or array: each item on its own line, one level in; an empty one on one line."""
    first = next(pieces, None)
    if first is None:
        yield start + end
        return
    inside = "\n" + "  " * (level + 1)
    yield start
    for number, (prefix, item) in enumerate(chain([first], pieces)):
        yield ("," if number else "") + inside + prefix
        yield from _json(item, level + 1)
    yield "\n" + "  " * level + end


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


class Printer:
    """Where the text report goes: plain lines to a stream (a CI log, a file, a pipe), which needs no rich and so
    starts quicker, or a subclass that colours them in a terminal."""

    def __init__(self, stream: IO[str], width: int):
        self.stream, self.width = stream, max(40, min(width, 100))

    def print(self, lines: list[Line]) -> None:
        self.stream.write("".join(text.translate(_CONTROL) + "\n" for text, *_ in lines))


class ColourPrinter(Printer):
    """The report in colour, through rich, for a terminal."""

    def __init__(self, console: Console):
        super().__init__(console.file, console.width)
        self.console = console

    def print(self, lines: list[Line]) -> None:
        from rich.text import Text

        shown = [Text(text) for text, *_ in lines]
        for text, (_, style, start, end) in zip(shown, lines, strict=True):
            if style:
                text.stylize(style, start, end)
        self.console.print(Text("\n").join(shown), highlight=False, soft_wrap=True)


def print_text(reports: list[FileReport], printer: Printer) -> None:
    """Each file, its findings (one line each, then the fix indented below) and its scores, fitted to the width."""
    for report in reports:
        _print_file(report, printer)
    counts = summary(reports)
    totals = ", ".join(f"{n} {kind.removesuffix('s') if n == 1 else kind}" for kind, n in counts.items())
    failed = sum(1 for r in reports if r.error)
    not_checked = f"; {failed} could not be checked" if failed else ""
    checked = f"{len(reports)} {'file' if len(reports) == 1 else 'files'} checked"
    printer.print([("", "", 0, 0), (f"{checked}{not_checked}: {totals}", "", 0, 0)])


def _print_file(report: FileReport, printer: Printer) -> None:
    width = printer.width
    language = f" ({report.language})" if report.language else ""
    lines: list[Line] = [("", "", 0, 0), (report.path + language, "bold", 0, len(report.path))]
    if report.error:
        lines += _wrapped(width, f"not checked: {report.error}", "bold red", len("not checked:"))
    for skipped in report.skipped:
        lines += _wrapped(width, f"skipped: {skipped}")
    for number, f in enumerate(report.findings, start=1):
        head = f"{where(f.location)}: {f.severity} {f.code} {f.rule}: "
        lines += _wrapped(width, head + f.message, STYLE[f.severity], len(head))
        if f.suggestion:
            lines += _wrapped(width, f"→ {f.suggestion}", indent=INDENT + "  ")
        if number % BATCH == 0:
            printer.print(lines)
            lines = []
    if report.local is not None:
        generic = ", ".join(map(str, report.local.generic_slides)) or "none"
        counted = len(report.local.local_slides) + len(report.local.generic_slides)
        line = (
            f"Local share: {len(report.local.local_slides)} of {counted} content slides use local facts"
            f" ({report.local.share:.0%}); generic slides: {generic}"
        )
        lines += _wrapped(width, line)
    if report.scores is not None:
        lines += _scores_table(report.scores, report.blocks, width)
        notes = [f"{note}: {', '.join(parts)}" for note, parts in _notes(report).items()]
        lines += [line for note in notes for line in _wrapped(width, note)]
    printer.print(lines)


def _wrapped(width: int, text: str, style: str = "", styled: int = 0, indent: str = "  ") -> list[Line]:
    """`text` wrapped to `width`, later lines indented, so long messages stay readable in a CI log.

    `style` colours the first `styled` characters (the location, severity and code), or all of them.
    textwrap takes a while, so text that already fits on one line goes round it."""
    if len(indent) + len(text) <= width and not _NEEDS_WRAP.search(text):
        lines = [indent + text]
    else:
        lines = wrap(text, width, indent, indent + "  ")
    end = len(indent) + styled if styled else len(lines[0])
    return [(lines[0], style, len(indent), end), *((line, "", 0, 0) for line in lines[1:])]


def wrap(text: str, width: int, first: str, later: str) -> list[str]:
    """The lines textwrap.wrap would make (with break_on_hyphens off), at least one.

    textwrap looks at each word and each space in Python; most messages are words with one space
    between them, none too long for a line, and for those a plain fill of words gives the same lines."""
    words = text.split(" ")
    if _NEEDS_WRAP.search(text) or "" in words[1:] or text.startswith(" ") or max(map(len, words)) > width - len(later):
        import textwrap  # loads only for the odd text that needs it

        found = textwrap.wrap(text, width, initial_indent=first, subsequent_indent=later, break_on_hyphens=False)
        return found or [first]
    lines: list[str] = []
    line, room = [words[0]], width - len(first) - len(words[0])
    for word in words[1:]:
        if len(word) < room:
            line.append(word)
            room -= len(word) + 1
        else:
            lines.append((later if lines else first) + " ".join(line))
            line, room = [word], width - len(later) - len(word)
    return [*lines, (later if lines else first) + " ".join(line)]


def _scores_table(scores: Scores, blocks: dict[str, Scores], width: int) -> list[Line]:
    """A title, then a row for the whole file and each part: numbers right-aligned in narrow columns, so it fits
    80 columns; a long part name wraps within its column. Why a part has no score is listed under the table."""
    rows = [(name, _values(s)) for name, s in [("whole file (for claimants)", scores), *blocks.items()]]
    numbers = "".join(f"{head:>{_column(head)}}" for head in SCORE_HEADS)
    name_width = max(10, min(max(len(name) for name, _ in rows), width - len(INDENT) - len(numbers)))
    title, head = INDENT + "Plain English scores", f"{INDENT}{'Part':<{name_width}}{numbers}"
    lines: list[Line] = [("", "", 0, 0), (title, "bold", 0, len(title)), (head, "bold", 0, len(head))]
    lines.append((INDENT + "─" * (name_width + len(numbers)), "", 0, 0))
    for name, values in rows:
        parts = wrap(name, name_width, "", "")
        cells = "".join(f"{value:>{_column(head)}}" for head, value in zip(SCORE_HEADS, values, strict=True))
        lines.append((f"{INDENT}{parts[0]:<{name_width}}{cells}", "", 0, 0))
        lines += [(INDENT + part, "", 0, 0) for part in parts[1:]]
    return [*lines, ("", "", 0, 0)]


def _column(head: str) -> int:
    """Room for the heading or a score like 100.5, and two spaces before it."""
    return max(len(head), 5) + 2


def _values(s: Scores) -> tuple[str, ...]:
    """A row's numbers, as SCORE_HEADS name them."""
    return (str(s.words), str(s.sentences), *map(_num, (s.flesch_reading_ease, s.flesch_kincaid_grade, s.reading_age)))


def _notes(report: FileReport) -> dict[str, list[str]]:
    """Each note once, with the parts it applies to, rather than a wide column of repeats."""
    found: dict[str, list[str]] = defaultdict(list)
    for name, s in [("whole file", report.scores), *report.blocks.items()]:
        if s is not None and s.note:
            found[s.note].append(name)
    return found


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"
