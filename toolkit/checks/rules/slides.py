"""Accessibility of slide decks

These rules look at `.pptx` files: ours, or any deck made in PowerPoint or LibreOffice. Each finding
names the slide and the shape (as PowerPoint's Selection Pane names it). They do what PowerPoint's
Accessibility Checker does for slides, and also what it misses. They measure contrast against the
slide, layout or master background, not only the text box. They read font sizes from the layout and
master too, and find text that runs out of its box.

Run only these with `toolkit check --select AX0 deck.pptx`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...readers.document import Document
from ..model import Hit
from ..registry import Context, rule

if TYPE_CHECKING:  # the deck reader loads only when a deck is read, not with the rules
    from ...readers.slides import RunLook, ShapeLook, SlideLook

NEEDS_ALT = {"picture", "chart", "graphic", "group", "media"}
ROW_BAND = 228600  # EMU (a quarter inch): shapes whose tops are this close count as one row
_DEFAULT_NAME = re.compile(
    r"^(picture|image|graphic|chart|diagram|group|content placeholder|object|video|audio)\s*\d*$", re.I
)
_FILE_NAME = re.compile(r"\.(png|jpe?g|gif|bmp|svg|emf|wmf|tiff?|webp|mp4|mov|wav|mp3)$", re.I)


def where(slide: SlideLook, shape: ShapeLook | None = None) -> dict[str, int | str]:
    return {"slide": slide.number, "shape": shape.name} if shape else {"slide": slide.number}


def runs_of(shape: ShapeLook) -> Iterator[RunLook]:
    for paragraph in shape.paragraphs:
        for run in paragraph.runs:
            if run.text.strip():
                yield run


@rule("AX001", "slide-title-missing", "error")
def slide_title_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A slide without a title.

    Screen reader users find their way round a deck by its slide titles. Give the slide a title in its
    title box.
    """
    for slide in doc.slides:
        if not slide.title:
            yield Hit(
                None, "", f"slide {slide.number} has no title", "give the slide a title in its title box", where(slide)
            )


@rule("AX002", "slide-title-duplicate", "warning")
def slide_title_duplicate(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A slide with the same title as an earlier one.

    People who use titles to find a slide cannot tell the two apart. Make each title say what is
    different, or add '(continued)'.
    """
    seen: dict[str, int] = {}
    for slide in doc.slides:
        key = slide.title.casefold()
        if key and key in seen:
            message = f"slide {slide.number} has the same title as slide {seen[key]}"
            yield Hit(
                None, slide.title, message, "make each title say what is different, or add '(continued)'", where(slide)
            )
        seen.setdefault(key, slide.number)


@rule("AX003", "alt-text-missing", "error")
def alt_text_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A picture, chart, diagram, group or video with no useful alt text.

    Alt text that is only a file name, or a default name such as "Picture 3", counts as none. Shapes
    marked decorative are fine. Describe what the picture shows and why it matters.
    """
    for slide in doc.slides:
        for shape in slide.shapes:
            if shape.kind in NEEDS_ALT and not shape.decorative:
                alt = shape.alt
                if not alt or _FILE_NAME.search(alt) or _DEFAULT_NAME.match(alt):
                    found = f" (it says '{alt}')" if alt else ""
                    message = f"{shape.kind} '{shape.name}' has no alt text{found}"
                    suggestion = "describe what it shows and why it matters, or mark it as decorative"
                    yield Hit(None, alt, message, suggestion, where(slide, shape))


@rule("AX004", "alt-text-long", "suggestion", max_characters=150)
def alt_text_long(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Alt text so long that screen reader users lose the thread.

    Keep alt text short, and put the detail on the slide or in the notes.
    """
    for slide in doc.slides:
        for shape in slide.shapes:
            if len(shape.alt) > ctx.options["max_characters"]:
                message = f"alt text of '{shape.name}' has {len(shape.alt)} characters"
                yield Hit(
                    None,
                    shape.alt,
                    message,
                    "keep alt text short; put detail in the slide or notes",
                    where(slide, shape),
                )


@rule("AX005", "table-header-missing", "error")
def table_header_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A table without a header row.

    Screen readers use the header row to say what each cell is. Tick 'Header Row' in Table Design, and
    put the headings in it.
    """
    for slide in doc.slides:
        for shape in slide.shapes:
            if shape.kind == "table" and not shape.table_header:
                message = f"table '{shape.name}' has no header row"
                yield Hit(
                    None, "", message, "tick 'Header Row' in Table Design and put headings in it", where(slide, shape)
                )


@rule("AX006", "table-merged-cells", "warning")
def table_merged_cells(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A table with merged cells.

    Screen readers may read merged cells out of order. Split them, and repeat the value or change the
    table.
    """
    for slide in doc.slides:
        for shape in slide.shapes:
            if shape.kind == "table" and shape.table_merged:
                message = f"table '{shape.name}' has merged cells"
                yield Hit(
                    None,
                    "",
                    message,
                    "split merged cells; repeat the value or restructure the table",
                    where(slide, shape),
                )


@rule("AX010", "reading-order", "warning")
def reading_order(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A slide that a screen reader would read in a different order from how it looks.

    A screen reader should meet the title first, then the rest from top to bottom and left to right.
    Set the order in PowerPoint's Selection Pane.
    """
    for slide in doc.slides:
        shown = [
            s
            for s in slide.shapes
            if s.kind != "footer" and not s.in_group and (s.text.strip() or s.kind in NEEDS_ALT or s.kind == "table")
        ]
        if not shown:
            continue
        title = next((s for s in shown if s.kind == "title"), None)
        if title is not None and shown[0] is not title:
            message = f"the title is not the first thing a screen reader meets on slide {slide.number}"
            yield Hit(
                None, title.text, message, "move the title to the top of the Selection Pane order", where(slide, title)
            )
            continue
        visual = sorted(shown, key=lambda s: (round(s.box[1] / ROW_BAND), s.box[0]))
        if [s.order for s in visual] != [s.order for s in shown]:
            names = ", ".join(s.name for s in visual)
            message = f"slide {slide.number} reads in a different order from how it looks"
            yield Hit(None, names, message, f"set the reading order to: {names}", where(slide))


@rule("AX011", "too-much-text", "suggestion", max_words=40, max_bullets=6)
def too_much_text(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A slide crowded with words or bullets.

    Keep the main points on the slide, and move the detail to the speaker notes.
    """
    for slide in doc.slides:
        body = [s for s in slide.shapes if s.kind in ("body", "text")]
        words = sum(len(s.text.split()) for s in body)
        bullets = sum(1 for s in body for p in s.paragraphs if p.text.strip())
        if words > ctx.options["max_words"] or bullets > ctx.options["max_bullets"]:
            message = f"slide {slide.number} has {words} words in {bullets} lines"
            yield Hit(None, "", message, "keep the main points on the slide and move detail to the notes", where(slide))


@rule("AX012", "notes-missing", "suggestion")
def notes_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A slide with no speaker notes.

    Notes tell whoever runs the session what to say and do.
    """
    for slide in doc.slides:
        if not slide.notes:
            yield Hit(
                None, "", f"slide {slide.number} has no speaker notes", "add notes: what to say and do", where(slide)
            )
