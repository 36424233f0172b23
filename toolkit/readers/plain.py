"""Plain text: each paragraph (lines between blank lines) is a unit."""

from __future__ import annotations

from pathlib import Path

from ..checks.model import Document, TextUnit
from ..text import clean
from . import read_text_file, reader


@reader(".txt")
def read_txt(path: Path) -> Document:
    units: list[TextUnit] = []
    lines: list[str] = []
    start = 1
    for number, line in enumerate([*read_text_file(path).splitlines(), ""], start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.strip())
        elif lines:
            units.append(TextUnit(clean(" ".join(lines)), {"line": start}, f"paragraph at line {start}"))
            lines = []
    return Document(str(path), "en-GB", tuple(units))
