"""Electronic braille handout writer (BRF): for a braille display, a braille notetaker or an embosser.

Made offline with liblouis (Debian packages liblouis-bin and liblouis-data): Unified English Braille
grade 2 for English, Welsh grade 2 for Welsh, and Polish braille for Polish. The braille comes out in
North American braille ASCII, one character a cell, which is what a .brf file holds.

The layout is that of a paper braille page, as braille transcribers lay it out: at most 40 cells a line
and 25 lines a page, a form feed between pages, and the braille page number at the right of each page's
first line. The title is centred. Each heading has a blank line before it and starts in cell 5 (cell 7
for a smaller one), and is never the last line of a page. Paragraphs start in cell 3 and carry on at the
margin; list items and table rows start at the margin and carry on in cell 3, so each starts on its own
line. We wrap the braille, not the print, as contractions change the length of every word; a word breaks
only when it is longer than a line, with a sign at the end of the line to say it goes on.

We translate a whole handout in one run of lou_translate, a paragraph a line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from ..deck.model import BulletList, Deck, Image, Paragraph, Table, plain
from ..errors import ToolkitError
from ..handout.model import Handout, HandoutBlock, Part, Pictures
from ..i18n import N_, Words, language
from . import RenderOptions, handout_of, register
from .programs import program, run_program
from .text import PICTURE, list_lines, row_lines

MAKING = "the braille handout"
CELLS = 40  # a line of a standard braille page
LINES = 25  # lines on a standard braille page, the page number's line among them
GAP = 3  # blank cells at least between text and the page number on the same line
TITLE_CELLS = CELLS - 2 * GAP  # a centred title keeps 3 blank cells each side
HEADINGS = (4, 6)  # cells before a heading: cell 5 for a top-level part, cell 7 below it
# lou_translate cuts a line longer than 2,047 bytes in two, even in the middle of a word: longer print goes in pieces.
MOST_BYTES = 1500
BRAILLE_ASCII = frozenset(map(chr, range(0x20, 0x60)))  # the 64 cells, space first, in North American braille ASCII
DIGITS = "JABCDEFGHI"  # a number is the number sign, then the letters a to j for 1 to 9 and 0
# What lou_translate writes for a character its tables have no braille for, like '\x017c' or '/YAFFJJ'.
UNDEFINED = re.compile(r"'.[XYZ][0-9A-Z]+'")


@dataclass(frozen=True)
class Code:
    """A braille code liblouis writes: its tables, and the cell that ends a line where a long word goes on."""

    tables: str  # the display table first, so the output is braille ASCII, not the table's own letters
    continues: str  # UEB's line continuation indicator is dot 5; others use a hyphen, dots 3-6


CODES = {
    "en": Code("en-us-brf.dis,en-ueb-g2.ctb", '"'),  # Unified English Braille, grade 2 (contracted)
    "cy": Code("en-us-brf.dis,cy-cy-g2.ctb", "-"),  # Welsh braille, grade 2
    "pl": Code("en-us-brf.dis,Pl-Pl-g1.utb", "-"),  # Polish braille, which is written uncontracted
}
# Not Arabic: liblouis writes the English names every handout has (Cardiff, Jobcentre) with the cells of Arabic
# letters, and a capital sign (dot 6) that Arabic braille reads as a shadda, so a reader would meet nonsense words.


@register(
    "brf",
    order=6,
    handout=N_("electronic braille (BRF), for a braille display or embosser"),
    on_request=True,  # it needs liblouis, and few people read braille: made when asked for by name
)
def write_brf(deck: Deck, options: RenderOptions) -> bytes:
    """The deck's handout in braille: the Easy Read one in that style, otherwise the full one."""
    return render_brf(handout_of(deck, options), options.words)


def render_brf(handout: Handout, words: Words | None = None) -> bytes:
    """A handout as the bytes of a .brf file: ASCII, lines ending CR LF, a form feed between pages."""
    code = code_for(handout.language)
    paragraphs = [p for p in _handout(handout, words or Words()) if _clean(p.text)]
    braille = translate([p.text for p in paragraphs], code.tables)
    laid_out = [p.lay_out(b, code.continues) for p, b in zip(paragraphs, braille, strict=True)]
    gaps = [False] + [p.gap_after(before) for before, p in pairwise(paragraphs)]
    pages = _paginate(zip(laid_out, gaps, (p.kind in (TITLE, HEADING) for p in paragraphs), strict=True))
    numbered = [_with_number(page, n) for n, page in enumerate(pages, 1)]
    return "\f".join("".join(line + "\r\n" for line in page) for page in numbered).encode("ascii")


def code_for(tag: str) -> Code:
    """The braille code for a handout's language, or an error that says which languages have one."""
    lang = language(tag)
    if lang.code not in CODES:
        made = "braille handouts are made in English, Welsh and Polish"
        raise ToolkitError(f"{made}, not in {lang.name}: leave out the brf format for {lang.name}")
    return CODES[lang.code]


TITLE, HEADING, PARAGRAPH, ITEM = "title", "heading", "paragraph", "item"


@dataclass(frozen=True)
class _Print:
    """One paragraph of print, what it is, and the cells before its first line and the lines after."""

    text: str
    kind: str = PARAGRAPH
    first: int = 2
    runover: int = 0

    def lay_out(self, braille: str, continues: str) -> list[str]:
        if self.kind != TITLE:
            return wrap(braille, self.first, self.runover, continues)
        return [" " * ((CELLS - len(line)) // 2) + line for line in wrap(braille, 0, 0, continues, TITLE_CELLS)]

    def gap_after(self, before: _Print) -> bool:
        """A blank line before headings, after the title, and before and after a list (unless a heading is next
        to it), so where a list item runs over to cell 3 is never mistaken for a new paragraph."""
        if self.kind == HEADING or before.kind == TITLE:
            return True
        return before.kind != HEADING and {self.kind, before.kind} == {PARAGRAPH, ITEM}


def _handout(handout: Handout, words: Words) -> Iterator[_Print]:
    """The handout in reading order, as the braille page shows it."""
    yield _Print(handout.title, TITLE, 0, 0)
    yield from _blocks(handout.intro, words)
    for part in handout.parts:
        yield from _part(part, words, 0)


def _part(part: Part, words: Words, depth: int) -> Iterator[_Print]:
    indent = HEADINGS[min(depth, len(HEADINGS) - 1)]
    yield _Print(part.title, HEADING, indent, indent)
    yield from _blocks(part.blocks, words)
    for child in part.parts:
        yield from _part(child, words, depth + 1)


def _blocks(blocks: tuple[HandoutBlock, ...], words: Words) -> Iterator[_Print]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield _Print(plain(block.runs))
        elif isinstance(block, BulletList):
            for item, text in list_lines(block):
                yield _Print(text, ITEM, 2 * item.level, 2 * item.level + 2)
        elif isinstance(block, Table):
            yield from (_Print(row, ITEM, 0, 2) for row in row_lines(block))
        elif isinstance(block, Image) and not block.decorative:
            yield _Print(words(PICTURE, alt=block.alt))
        elif isinstance(block, Pictures):  # in Easy Read the pictures help with reading print: braille has the words
            yield from (_Print(plain(line.runs), ITEM, 0, 2) for line in block.lines)


def translate(texts: list[str], tables: str) -> list[str]:
    """The braille of each text, in braille ASCII, from one run of lou_translate.

    After the texts, each character they use goes on a line of its own, so we can tell which ones the
    tables have no braille for and say so, rather than hand a reader liblouis's escape codes.
    """
    pieces = [_pieces(_clean(text)) for text in texts]
    characters = sorted({c for text in pieces for piece in text for c in piece} - {" "})
    lines = [piece for text in pieces for piece in text] + characters
    # lou_translate reads a backslash as the start of an escape like \x00e9, so a backslash is written as two.
    data = "".join(line.replace("\\", "\\\\") + "\n" for line in lines).encode("utf-8")
    louis = program("lou_translate", "liblouis-bin", MAKING)
    out = run_program([louis, "--forward", tables], data, MAKING).decode("ascii", "replace").split("\n")
    if len(out) != len(lines) + 1 or out[-1]:
        raise ToolkitError(f"{MAKING}: lou_translate wrote {len(out) - 1} lines of braille for {len(lines)} of print")
    for line, braille in zip(lines, out, strict=False):  # a line it could not read comes back empty
        if (line and not braille) or set(braille) - BRAILLE_ASCII:
            raise ToolkitError(f"{MAKING}: lou_translate could not put this into braille ASCII: {line[:60]}")
    probes = out[len(out) - 1 - len(characters) : -1]
    missing = [c for c, probe in zip(characters, probes, strict=True) if UNDEFINED.fullmatch(probe)]
    if missing:
        named = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)
        raise ToolkitError(f"{MAKING}: liblouis ({tables}) has no braille for {named}: change the text")
    each = iter(out)
    return [" ".join(next(each) for _ in text) for text in pieces]


def _clean(text: str) -> str:
    """Text on one line, with invisible characters (direction marks, soft hyphens) left out."""
    kept = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf") or c.isspace())
    return " ".join(kept.split())


def _pieces(text: str) -> list[str]:
    """The text cut at spaces into pieces lou_translate takes whole: their braille, joined by spaces, is the text's."""
    pieces = [""]
    for word in text.split(" "):
        joined = f"{pieces[-1]} {word}" if pieces[-1] else word
        if pieces[-1] and len(joined.encode("utf-8")) + joined.count("\\") > MOST_BYTES:
            pieces.append(word)
        else:
            pieces[-1] = joined
    return pieces


def wrap(braille: str, first: int, runover: int, continues: str, cells: int = CELLS) -> list[str]:
    """Braille in lines of at most `cells`, broken at spaces; a word longer than a line goes on to the next
    line after the `continues` sign. `first` and `runover` are the blank cells before the first line and the rest."""
    lines: list[str] = []
    line = " " * first
    for word in braille.split():
        if line.strip() and len(line) + 1 + len(word) <= cells:
            line += " " + word
            continue
        if line.strip():
            lines.append(line)
            line = " " * runover
        while len(line) + len(word) > cells:
            cut = cells - len(line) - 1
            lines.append(line + word[:cut] + continues)
            line, word = " " * runover, word[cut:]
        line += word
    return [*lines, line] if line.strip() else lines


def _paginate(blocks: Iterable[tuple[list[str], bool, bool]]) -> list[list[str]]:
    """Lines on pages of LINES - 1, below the page number's line. A page never starts with a blank line,
    and a heading goes on the next page unless the line after it fits under it."""
    pages: list[list[str]] = [[]]
    for lines, gap, heading in blocks:
        page = pages[-1]
        gap = gap and bool(page)
        if page and len(page) + gap + (len(lines) + 1 if heading else 1) > LINES - 1:
            page, gap = [], False
            pages.append(page)
        page.extend([""] * gap)
        for line in lines:
            if len(page) == LINES - 1:
                page = []
                pages.append(page)
            page.append(line)
    return pages


def _with_number(page: list[str], number: int) -> list[str]:
    """The page with its braille page number at the right of its first line, after the first line of text
    if that leaves GAP blank cells between them; on the first page the centred title starts on a line of its own."""
    braille = "#" + "".join(DIGITS[int(d)] for d in str(number))
    if number > 1 and page and page[0] and len(page[0]) + GAP + len(braille) <= CELLS:
        return [page[0].ljust(CELLS - len(braille)) + braille, *page[1:]]
    return [braille.rjust(CELLS), *page]
