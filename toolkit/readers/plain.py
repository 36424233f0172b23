"""Plain text, split into the paragraphs a reader sees.

Text with blank lines between paragraphs splits there. Text with none (many tools save each paragraph
as one line) splits at each line break. A short first line with no full stop, followed by a line
that starts with a capital letter, is a heading: a unit of its own, never the start of a sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..text import clean
from . import read_text_file
from .document import Document, TextUnit

HEADING_WORDS = 8  # a heading is short; a longer line with no full stop is a sentence wrapped by the writer
_ENDS = re.compile(r"[.!?:;,]['\")\]]*$")


def read_txt(path: Path) -> Document:
    lines = tuple(read_text_file(path).splitlines())
    units = tuple(unit for start, block in _paragraphs(lines) for unit in _units(start, block))
    return Document(str(path), "en-GB", units, lines=lines)


def _paragraphs(lines: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """(first line number, lines) for each paragraph: between blank lines, or each line if there are none."""
    if not any(not line.strip() for line in lines[: _last_text(lines)]):
        return [(n, [line]) for n, line in enumerate(lines, start=1) if line.strip()]
    found: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if found and lines[number - 2].strip():
            found[-1][1].append(line)
        else:
            found.append((number, [line]))
    return found


def _last_text(lines: tuple[str, ...]) -> int:
    """How many lines there are up to the last with text: blank lines at the end do not separate paragraphs."""
    return max((n for n, line in enumerate(lines, start=1) if line.strip()), default=0)


def _units(start: int, block: list[str]) -> list[TextUnit]:
    """The paragraph as one unit, after its heading line if it has one."""
    if len(block) > 1 and _is_heading(block[0], block[1]):
        return [_unit(start, block[:1], heading=True), *_units(start + 1, block[1:])]
    return [_unit(start, block, heading=len(block) == 1 and _is_heading(block[0], ""))]


def _is_heading(line: str, following: str) -> bool:
    text = line.strip()
    short = len(text.split()) <= HEADING_WORDS and not _ENDS.search(text)
    return short and (not following or following.strip()[:1].isupper())


def _unit(start: int, lines: list[str], heading: bool = False) -> TextUnit:
    column = len(lines[0]) - len(lines[0].lstrip()) + 1
    text = clean(" ".join(line.strip() for line in lines))
    return TextUnit(text, {"line": start, "column": column}, f"paragraph at line {start}", heading=heading)
