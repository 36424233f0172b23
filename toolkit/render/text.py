"""Plain text handout writer: for pasting into a message, so no markup at all.

Each heading is a line of its own, each list item is a line, and each table row is a line that
names its columns. Web addresses are written out, so nothing is lost when links cannot be clicked.
"""

from __future__ import annotations

from ..deck.model import BulletList, Deck, Image, ListItem, Paragraph, Table, plain
from ..handout import Part, Pictures
from ..handout.model import HandoutBlock
from ..i18n import N_, Words, language
from . import RenderOptions, handout_of, register
from .bidi import isolate_ltr

PICTURE = N_("Picture: %(alt)s")


@register("txt", order=4, handout=N_("plain text"))
def write_text(deck: Deck, options: RenderOptions) -> bytes:
    """The deck as a plain text handout in UTF-8, with blank lines between paragraphs.

    In a right-to-left language, numbers and Latin words sit between left-to-right marks.
    """
    words = options.words
    handout = handout_of(deck, options)
    chunks = [handout.title, *_blocks(handout.intro, words)]
    for part in handout.parts:
        chunks.extend(_part(part, words))
    if language(handout.language).rtl:
        chunks = [isolate_ltr(chunk) for chunk in chunks]
    return ("\n\n".join(chunks) + "\n").encode("utf-8")


def _part(part: Part, words: Words) -> list[str]:
    chunks = [part.title, *_blocks(part.blocks, words)]
    for child in part.parts:
        chunks.extend(_part(child, words))
    return chunks


def _blocks(blocks: tuple[HandoutBlock, ...], words: Words) -> list[str]:
    return [_block(b, words) for b in blocks]


def _block(block: HandoutBlock, words: Words) -> str:
    if isinstance(block, Paragraph):
        return plain(block.runs)
    if isinstance(block, BulletList):
        bullet = "" if block.ordered else "- "
        return "\n".join(
            ("   " * item.level) + (bullet if item.level == 0 else "- ") + words for item, words in list_lines(block)
        )
    if isinstance(block, Table):
        return "\n".join(f"- {row}" for row in row_lines(block))
    if isinstance(block, Image):
        return words(PICTURE, alt=block.alt)
    if isinstance(block, Pictures):  # an Easy Read line's words say what its picture is there for
        return "\n".join(plain(line.runs) for line in block.lines)
    return ""


def list_lines(block: BulletList) -> list[tuple[ListItem, str]]:
    """Each item with its words, after its number ("2. ") when it is a top-level item of a numbered list:
    how every writer without layout says a list, so the plain text, audio and braille agree."""
    lines: list[tuple[ListItem, str]] = []
    n = 0
    for item in block.items:
        n += item.level == 0
        number = f"{n}. " if block.ordered and item.level == 0 else ""
        lines.append((item, number + plain(item.runs)))
    return lines


def row_lines(block: Table) -> list[str]:
    """Each row of a table as one line that names its columns: "Place: Hospital; Time: 15 minutes"."""
    names = [plain(cell) for cell in block.header]
    return ["; ".join(f"{n}: {plain(cell)}" for n, cell in zip(names, row, strict=False)) for row in block.rows]
