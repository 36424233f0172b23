"""Which layout of a slide master each slide uses, and where its title, body and visuals go.

Layouts are found by name, so a team's own master works if it names its layouts as ours do; each of
our layouts falls back to the names PowerPoint's own masters use. Only "Title and Content" must exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx.util import Emu

from ..deck.model import Activity, Image, KeyFact, Slide
from ..errors import ToolkitError
from .paginate import addresses

# Our layout names first, then what other masters call a layout that does the same job.
LAYOUT_NAMES: dict[str, tuple[str, ...]] = {
    "cover": ("Cover", "Title Slide"),
    "section": ("Section", "Section Header", "Title Only", "Title and Content"),
    "content": ("Title and Content",),
    "columns": ("Two Columns", "Two Content", "Title and Content"),
    "fact": ("Big Fact", "Title Only", "Title and Content"),
    "activity": ("Activity", "Title and Content"),
    "closing": ("Closing", "Title and Content"),
    "break": ("Big Fact", "Title Only", "Title and Content"),  # a break in the session: how long, as a big fact
}
REQUIRED = "Title and Content"
VISUAL_SHARE = 0.36  # of the width, for the column beside the text when a layout has no second placeholder
COLUMN_GAP = 21.6  # points


@dataclass(frozen=True)
class Area:
    """Where things go on a slide of one layout, in points."""

    left: float
    top: float
    width: float
    height: float

    def split(self, visual: Area | None, rtl: bool) -> tuple[Area, Area]:
        """Text on one side, visuals on the other: the layout's second placeholder, or a share of the width.
        In a right-to-left language the text is on the right, where reading starts."""
        if visual is not None and visual.left > self.left:
            text = Area(self.left, self.top, visual.left - COLUMN_GAP - self.left, self.height)
        else:
            side = self.width * VISUAL_SHARE
            text = Area(self.left, self.top, self.width - side - COLUMN_GAP, self.height)
            visual = Area(self.left + self.width - side, self.top, side, self.height)
        if rtl:
            whole = Area(self.left, self.top, visual.left + visual.width - self.left, self.height)
            return whole.mirror(text), whole.mirror(visual)
        return text, visual

    def mirror(self, inner: Area) -> Area:
        """An area inside this one, flipped left to right."""
        return Area(
            self.left + self.width - (inner.left - self.left) - inner.width, inner.top, inner.width, inner.height
        )


def choose_layout(slide: Slide) -> str:
    """The author's choice, or what the slide's content needs: a slide with a picture, an icon or a web
    address has two columns, the text and beside it the picture or QR codes."""
    if slide.layout:
        return slide.layout
    if any(isinstance(b, Activity) for b in slide.blocks):
        return "activity"
    if any(isinstance(b, KeyFact) for b in slide.blocks):
        return "fact"
    if any(isinstance(b, Image) for b in slide.blocks) or addresses(slide.blocks):
        return "columns"
    return "content"


class Layouts:
    """The master's layouts by our names, with the areas each offers."""

    def __init__(self, prs: Any, master: Path):
        self.by_name = {layout.name: layout for layout in prs.slide_layouts}
        self.master = master
        self.slide_height = Emu(prs.slide_height).pt
        self.slide_width = Emu(prs.slide_width).pt
        if REQUIRED not in self.by_name:
            raise ToolkitError(
                f"the slide master has no layout called '{REQUIRED}': add one (see docs/authoring.md, "
                "'Your own slide master')",
                master,
            )

    def layout(self, kind: str) -> Any:
        """Our layout for `kind`, else the first of its fallbacks the master has, else "Title and Content"."""
        names = (*LAYOUT_NAMES[kind], REQUIRED)
        return next(self.by_name[name] for name in names if name in self.by_name)

    def body(self, layout: Any) -> Area:
        """The body placeholder's box; without one, the space between the title and the footer."""
        found = _placeholder(layout, 1)
        if found is not None:
            return _area(found)
        title = _placeholder(layout, 0)
        top = Emu(title.top + title.height).pt + 14 if title is not None else 36.0
        left = Emu(title.left).pt if title is not None and title.left > 0 else 43.2
        return Area(left, top, self.slide_width - 2 * left, self.slide_height * 0.88 - top)

    def visual(self, layout: Any) -> Area | None:
        found = _placeholder(layout, 2)
        return _area(found) if found is not None else None


def _placeholder(layout: Any, idx: int) -> Any:
    return next((p for p in layout.placeholders if p.placeholder_format.idx == idx), None)


def _area(shape: Any) -> Area:
    return Area(Emu(shape.left).pt, Emu(shape.top).pt, Emu(shape.width).pt, Emu(shape.height).pt)
