"""Which layout of a slide master each slide uses, and where its title, body and visuals go.

Layouts are found by name, so a team's own master works if it names its layouts as ours do; each of
our layouts falls back to the names PowerPoint's own masters use. Only "Title and Content" must exist.

A new slide, and a new notes page, is a copy of the first one python-pptx made from the same master in
this process: cloning the layout's placeholders again for every slide was a large share of a deck's time.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.slide import NotesSlide
from pptx.slide import Slide as PptxSlide
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
PH_PATH = f"{qn('p:nvPr')}/{qn('p:ph')}"  # inside a shape's first child: what makes it a placeholder
MasterKey = str  # the master file's SHA-256: a master edited during a run is a new master
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


@dataclass(frozen=True)
class Latent:
    """A layout's footer or slide-number placeholder, as python-pptx's `clone_placeholder` reads it."""

    type: PP_PLACEHOLDER
    orient: str
    sz: str
    idx: int


# Fresh slides by master and layout part, and fresh notes pages by master, for this process. Never
# changed: each new slide gets a copy.
_FRESH_SLIDES: dict[tuple[MasterKey, str], BaseOxmlElement] = {}
_FRESH_NOTES: dict[MasterKey, BaseOxmlElement] = {}


def placeholders(shapes: Any, idx: tuple[int, ...] = (), kind: str = "") -> list[Any]:
    """The elements of the slide's placeholders with one of these `idx`, or of this `kind` ("body"), in order;
    found by walking the shape tree, where python-pptx runs an XPath query on every shape."""
    found = []
    for element in shapes._spTree.iter_shape_elms():
        ph = element[0].find(PH_PATH) if len(element) else None
        if ph is not None and (int(ph.get("idx", "0")) in idx or ph.get("type", "obj") == kind):
            found.append(element)
    return found


class Layouts:
    """The master's layouts by our names, with the areas each offers, and new slides made on them."""

    def __init__(self, prs: Any, master: Path, key: MasterKey):
        self.prs = prs
        self.by_name = {layout.name: layout for layout in prs.slide_layouts}
        self.master = master
        self.key = key
        self.notes_pages = 0
        self._placeholders: dict[tuple[str, int], Any] = {}
        self._latent: dict[str, dict[PP_PLACEHOLDER, Latent]] = {}
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

    def add_slide(self, layout: Any) -> PptxSlide:
        """A new slide on `layout`, as python-pptx's `add_slide` makes it, with the same part and ids."""
        key = (self.key, str(layout.part.partname))
        fresh = _FRESH_SLIDES.get(key)
        if fresh is None:
            slide = self.prs.slides.add_slide(layout)
            _FRESH_SLIDES[key] = copy.deepcopy(slide._element)
            return slide
        presentation = self.prs.part
        part = SlidePart(presentation._next_slide_partname, CT.PML_SLIDE, presentation.package, copy.deepcopy(fresh))
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        self.prs.slides._sldIdLst.add_sldId(presentation.relate_to(part, RT.SLIDE))
        return part.slide

    def notes(self, page: PptxSlide) -> NotesSlide:
        """A new notes page for `page`, as python-pptx's `notes_slide` makes it.

        Only this writer adds notes pages, one at most to each slide, and the master has no slides, so
        the next part name is counted rather than found by walking the whole package each time."""
        self.notes_pages += 1
        fresh = _FRESH_NOTES.get(self.key)
        if fresh is None:
            notes = page.notes_slide
            _FRESH_NOTES[self.key] = copy.deepcopy(notes._element)
            return notes
        package = self.prs.part.package
        name = PackURI(f"/ppt/notesSlides/notesSlide{self.notes_pages}.xml")
        part = NotesSlidePart(name, CT.PML_NOTES_SLIDE, package, copy.deepcopy(fresh))
        part.relate_to(package.presentation_part.notes_master_part, RT.NOTES_MASTER)
        part.relate_to(page.part, RT.SLIDE)
        page.part.relate_to(part, RT.NOTES_SLIDE)
        return part.notes_slide

    def body(self, layout: Any) -> Area:
        """The body placeholder's box; without one, the space between the title and the footer."""
        found = self._placeholder(layout, 1)
        if found is not None:
            return _area(found)
        title = self._placeholder(layout, 0)
        top = Emu(title.top + title.height).pt + 14 if title is not None else 36.0
        left = Emu(title.left).pt if title is not None and title.left > 0 else 43.2
        return Area(left, top, self.slide_width - 2 * left, self.slide_height * 0.88 - top)

    def visual(self, layout: Any) -> Area | None:
        found = self._placeholder(layout, 2)
        return _area(found) if found is not None else None

    def latent(self, layout: Any, kind: PP_PLACEHOLDER) -> Latent | None:
        """The layout's placeholder of `kind` (the last, if there are more), read once per deck."""
        if layout.name not in self._latent:
            elements = [p.element for p in layout.placeholders]
            self._latent[layout.name] = {e.ph_type: Latent(e.ph_type, e.ph_orient, e.ph_sz, e.ph_idx) for e in elements}
        return self._latent[layout.name].get(kind)

    def _placeholder(self, layout: Any, idx: int) -> Any:
        """The layout's placeholder `idx`, found once per deck: each search runs XPath on every shape."""
        key = (layout.name, idx)
        if key not in self._placeholders:
            self._placeholders[key] = next((p for p in layout.placeholders if p.placeholder_format.idx == idx), None)
        return self._placeholders[key]


def _area(shape: Any) -> Area:
    return Area(Emu(shape.left).pt, Emu(shape.top).pt, Emu(shape.width).pt, Emu(shape.height).pt)
