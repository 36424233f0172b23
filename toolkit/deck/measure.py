"""Measure how much room text needs, with Arial's character widths, so slides never overflow.

PowerPoint does not re-fit text until someone edits it, so we work out line breaks ourselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .model import Inline

ARABIC = ("\u0600", "\u06ff")  # the Arabic block of Unicode
LINE_HEIGHT = 1.2  # Arial's line height is about 1.15 of its size; a little extra is safer.


@dataclass(frozen=True)
class FontMetrics:
    units_per_em: int
    regular: dict[str, int]
    bold: dict[str, int]
    # Each text's width in font units, once: a deck measures the same words at every size it tries.
    _units: dict[tuple[str, bool], int] = field(default_factory=dict, compare=False, repr=False)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Width of `text` in points; unknown characters count as wide as 'W' to stay on the safe side,
        except Arabic letters, which are narrower: we count them as wide as 'M', still a little more than they need."""
        units = self._units.get((text, bold))
        if units is None:
            table = self.bold if bold else self.regular
            wide, arabic = table["W"], table["M"]
            units = sum(table.get(ch, arabic if ARABIC[0] <= ch <= ARABIC[1] else wide) for ch in text)
            self._units[(text, bold)] = units
        return units * size / self.units_per_em

    def line_count(self, runs: Inline, size: float, width: float) -> int:
        """Lines a paragraph wraps to in a box `width` points wide (greedy, like PowerPoint)."""
        space = self.width(" ", size)
        lines, used = 1, 0.0
        for run in runs:
            # LibreOffice shows a link as one field that breaks only where it must, so count it as one word
            for word in [run.text.strip()] if run.link else run.text.split():
                word_width = self.width(word, size, run.bold)
                if used and used + space + word_width > width:
                    lines, used = lines + 1, 0.0
                broken = word_width > width
                while word_width > width:  # a word longer than the line breaks mid-word
                    lines, word_width = lines + 1, word_width - width
                # LibreOffice starts a new line after a link it had to break
                used = width if broken and run.link else used + (space if used else 0.0) + word_width
        return lines

    def height(self, runs: Inline, size: float, width: float, spacing: float = 1.0) -> float:
        """Height in points of one paragraph."""
        return self.line_count(runs, size, width) * size * LINE_HEIGHT * spacing


@cache
def arial() -> FontMetrics:
    data = json.loads((Path(__file__).with_name("arial_metrics.json")).read_text(encoding="utf-8"))
    return FontMetrics(data["units_per_em"], data["regular"], data["bold"])
