"""Accessibility of slide decks"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...colour import contrast
from ...i18n.languages import code_of
from ...readers.document import Document
from ..model import Hit
from ..registry import Context, rule
from .slides import runs_of, where

if TYPE_CHECKING:  # the deck reader loads only when a deck is read, not with the rules
    from ...readers.slides import RunLook


@rule("AX007", "contrast-too-low", "error")
def contrast_too_low(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Text that does not stand out enough from what is behind it.

    WCAG 2.2 asks for a contrast of 4.5:1, or 3:1 for large text (18 pt, or 14 pt bold). The message
    gives the ratio it found. The checker cannot see text on top of a picture, pattern or another
    shape: there, a person must judge the contrast. It reads colours set on a table cell or on the
    text, but not colours that come from a table style.
    """
    for slide in doc.slides:
        for shape in slide.shapes:
            worst: tuple[float, float, RunLook] | None = None
            for run in runs_of(shape):
                behind = run.background or shape.background
                if run.colour is None or behind is None:
                    continue  # text on a picture or pattern: a person must judge it
                large = run.size >= 18 or (run.bold and run.size >= 14)
                needed = 3.0 if large else 4.5
                ratio = contrast(run.colour, behind)
                if ratio < needed and (worst is None or ratio < worst[0]):
                    worst = (ratio, needed, run)
            if worst:
                ratio, needed, run = worst
                behind = run.background or shape.background
                message = f"text colour #{run.colour} on #{behind} has contrast {ratio:.1f}:1; it needs {needed:g}:1"
                yield Hit(
                    None,
                    run.text,
                    message,
                    "use darker text or a lighter background (or the reverse)",
                    where(slide, shape),
                )


@rule("AX008", "font-too-small", "warning", minimum=24, minimum_small=18)
def font_too_small(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Slide text too small to read from the back of a room.

    Tables and footers have a lower minimum, `minimum_small`. The checker uses the size PowerPoint
    shows, including sizes that come from the layout and master.
    """
    for slide in doc.slides:
        for shape in slide.shapes:
            minimum = ctx.options["minimum_small"] if shape.kind in ("table", "footer") else ctx.options["minimum"]
            small = [run for run in runs_of(shape) if run.size < minimum - 0.01]
            if small:
                smallest = min(small, key=lambda r: r.size)
                message = f"text in '{shape.name}' is {smallest.size:g} pt; use at least {minimum} pt"
                yield Hit(
                    None,
                    smallest.text,
                    message,
                    f"make the text {minimum} pt or larger, and cut words if it no longer fits",
                    where(slide, shape),
                )


@rule("AX009", "text-overflow", "warning")
def text_overflow(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Text that will not fit its box at its size.

    The checker measures the text with Arial's character widths. A box that grows to fit its text may
    still run off the slide. Cut words, or move some to a new slide.
    """
    if not doc.slides:
        return  # the font's measures load only for a deck
    from ...deck.measure import LINE_HEIGHT, arial
    from ...deck.model import Run
    from ...readers.slides import EMU_PER_POINT

    metrics = arial()
    for slide in doc.slides:
        for shape in slide.shapes:
            if (
                shape.kind in ("table", "picture", "group", "chart", "graphic", "media", "other")
                or not shape.paragraphs
            ):
                continue
            left, top, right, bottom = (v / EMU_PER_POINT for v in shape.insets)
            width = shape.box[2] / EMU_PER_POINT - left - right
            needed = top + bottom
            for paragraph in shape.paragraphs:
                size = max((r.size for r in paragraph.runs), default=18.0)
                runs = tuple(Run(r.text, r.bold) for r in paragraph.runs)
                lines = metrics.line_count(runs, size, width - paragraph.indent)
                needed += lines * size * LINE_HEIGHT * paragraph.line_spacing
            room = (slide.height - shape.box[1] if shape.autofit == "shape" else shape.box[3]) / EMU_PER_POINT
            if needed > room * 1.05:
                place = "off the slide" if shape.autofit == "shape" else "out of its box"
                message = f"'{shape.name}' needs about {needed:.0f} pt of height, has {room:.0f} pt: text runs {place}"
                yield Hit(None, shape.text[:60], message, "cut words, or move some to a new slide", where(slide, shape))


@rule("AX013", "language-missing", "warning")
def language_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Text with no language, or another language than the deck's.

    Screen readers choose a voice by the language, so they may read the text in the wrong one. Set the
    language in Review > Language.
    """
    deck = code_of(doc.language)
    for slide in doc.slides:
        for shape in slide.shapes:
            tags = {run.lang for run in runs_of(shape)}
            if None in tags:
                message = f"text in '{shape.name}' has no language, so screen readers may use the wrong voice"
                yield Hit(
                    None,
                    shape.text[:60],
                    message,
                    f"set the language to {doc.language} (Review > Language)",
                    where(slide, shape),
                )
            elif any(code_of(tag) != deck for tag in tags if tag):
                other = sorted(t for t in tags if t and code_of(t) != deck)
                message = f"text in '{shape.name}' is marked {', '.join(other)} but the deck is {doc.language}"
                yield Hit(None, shape.text[:60], message, "check the language of this text", where(slide, shape))


@rule("AX014", "hard-to-read-text", "suggestion", max_italic_words=10)
def hard_to_read_text(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Long italics, underlining that is not a link, or whole phrases in capitals.

    All three make text harder to read, above all for people with dyslexia. Use bold for emphasis, and
    keep underlining for links. Long means more than `max_italic_words` words in italics in one shape.
    """
    for slide in doc.slides:
        for shape in slide.shapes:
            runs = list(runs_of(shape))
            italic = sum(len(r.text.split()) for r in runs if r.italic)
            underlined = [r for r in runs if r.underline and not r.link]
            capitals = [r for r in runs if r.caps or _shouting(r.text)]
            if italic > ctx.options["max_italic_words"]:
                yield Hit(
                    None,
                    "",
                    f"{italic} words in italics in '{shape.name}'",
                    "use bold for emphasis, not italics",
                    where(slide, shape),
                )
            if underlined:
                yield Hit(
                    None,
                    underlined[0].text,
                    f"underlined text in '{shape.name}' is not a link",
                    "use bold for emphasis; keep underlining for links",
                    where(slide, shape),
                )
            if capitals:
                yield Hit(
                    None,
                    capitals[0].text,
                    f"capital letters for whole phrases in '{shape.name}'",
                    "use sentence case",
                    where(slide, shape),
                )


def _shouting(text: str) -> bool:
    """Three or more words in capitals: acronyms alone are fine."""
    words = [w for w in text.split() if len(w) > 1 and w.isalpha()]
    return len(words) >= 3 and all(w.isupper() for w in words)
