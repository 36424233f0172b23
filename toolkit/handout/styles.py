"""Handout styles: the look of each handout, for the screen, for print and for Word.

- standard: clear text at a comfortable size.
- large-print: body text of at least 18 point, following RNIB's guidance on clear print.
- easy-read: Easy Read, for people with a learning disability, following GOV.UK's guidance on accessible
  communication formats and Mencap's: the template's own Easy Read words, a picture on the left of each line
  and the words on the right, at least 16 point, and a list of hard words at the end.
- dyslexia: following the British Dyslexia Association's style guide (2023): a plain sans-serif font,
  1.5 line spacing, a cream background, left-aligned text, no italics or underlining, short lines
  and headings at least 20% larger than the text.

HTML and PDF use the bundled Atkinson Hyperlegible font (with bundled fallbacks for the Welsh and Arabic
letters it lacks: templates/handout/fonts/); Word files name fonts most computers have, which have every
letter of the languages we ship (see toolkit/render/docx.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from ..errors import ToolkitError
from ..i18n import N_
from ..project import bundled_root

STANDARD = "standard"
EASY_READ = "easy-read"


@dataclass(frozen=True)
class Style:
    name: str
    label: str  # how a handout or message names the style to a reader
    css: str  # the style's stylesheet in the handout assets folder, added after base.css
    word_font: str
    body_pt: float
    line_spacing: float
    text_colour: str  # RRGGBB
    background: str | None = None  # RRGGBB page colour, or None for white
    underline_links: bool = True
    rewrites: bool = False  # it has its own words, not only its own look: every handout format has it

    def heading_pt(self, level: int) -> float:
        """Heading sizes for levels 1 to 3: each at least 20% larger than the level below, and the text.

        Word sizes go in half points; a size halfway between two rounds down (18.75 to 18.5, not 19), so a
        heading never comes out less than 20% smaller than the one above it.
        """
        return math.ceil(self.body_pt * {1: 1.8, 2: 1.5, 3: 1.25}[level] * 2 - 0.5) / 2


STYLES: dict[str, Style] = {
    s.name: s
    for s in (
        Style(STANDARD, N_("standard print"), "standard.css", "Arial", 12, 1.15, "0B0C0C"),
        Style("large-print", N_("large print"), "large-print.css", "Arial", 18, 1.3, "000000"),
        Style(
            "dyslexia",
            N_("a style for people with dyslexia"),
            "dyslexia.css",
            "Verdana",
            15,  # as in dyslexia.css (1.25rem, 20 pixels): the same size on paper from Word, PDF and HTML
            1.5,
            "1E1E1E",
            background="FDF8E6",
            underline_links=False,
        ),
        Style(EASY_READ, N_("Easy Read"), "easy-read.css", "Arial", 16, 1.5, "000000", rewrites=True),
    )
}


def style_named(name: str) -> Style:
    """The style called `name`, or an error that lists the choices."""
    try:
        return STYLES[name]
    except KeyError:
        raise ToolkitError(f"no style called '{name}': choose from {', '.join(STYLES)}") from None


def handout_assets() -> Path:
    """The folder holding the handout's HTML template, stylesheets and fonts: part of the toolkit."""
    return bundled_root() / "templates" / "handout"
