"""PowerPoint writer: a Deck onto the slide master's named layouts, editable, with notes and language tags.

Each deck opens with a cover made from its metadata (the session, the jobcentre, the day and time).
Every other slide gets the layout its author chose or its content needs, a footer with the
jobcentre's name and a slide number. Web addresses get a QR code beside the text. Text is measured
with Arial's widths (paginate.Measurer), so nothing runs off a slide; a slide that cannot fit is
carried on to "(continued)" slides, or the build stops and says what to shorten.
"""

from __future__ import annotations

import copy
import hashlib
import io
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from PIL import Image as PillowImage
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter, _PhysPkgWriter
from pptx.oxml.ns import qn
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.placeholder import NotesSlidePlaceholder, SlidePlaceholder
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Pt

from ..deck.delivery import ONLINE
from ..deck.measure import LINE_HEIGHT, arial
from ..deck.model import (
    Activity,
    Block,
    BulletList,
    Deck,
    Diagram,
    Image,
    KeyFact,
    Note,
    Paragraph,
    Run,
    Slide,
    Table,
)
from ..errors import ToolkitError
from ..i18n import N_, NOTE_LABELS, Words, language
from ..i18n.languages import SOURCE, TAGS
from ..text import Untranslated
from ..zips import FIXED_ZIP_TIME
from . import RenderOptions, register
from .layouts import Area, Latent, Layouts, MasterKey, choose_layout, placeholders
from .paginate import GAP, INSET, Measurer, Sizes, addresses, paginate
from .pptx_parts import QR_SIZE, SIDE_ICON, Box, Painter, Pictures
from .pptx_text import add_paragraph, fill_text, no_bullet
from .properties import set_core_properties
from .theme import apply_theme, footer_colour

TITLE_SIZE = 36
SIZES = (32.0, 28.0, 24.0)  # body text sizes, largest first: short slides use larger type
SPACINGS = (0.8, 0.6, 0.4)  # space after list items, as a share of the type size, where there is room
COVER_NOTE = N_("Show this slide while people arrive.")
ONLINE_COVER_NOTE = N_("Share your screen with this slide while people join the call.")
EXAMPLE_COVER = N_("Example content: check the local facts")
CONTINUED = N_("Continued from the previous slide.")
CONTINUED_TITLE = (N_("%(title)s (continued)"), N_("%(title)s (continued %(number)s)"))
OUR_LAYOUTS = {"Cover", "Big Fact", "Activity", "Closing"}  # a master with these takes the theme file's colours
ROW_BAND = 228600  # EMU: shapes whose tops are a quarter inch apart or less are one row, as the checks see it
SHAPE_TAGS = {qn("p:sp"), qn("p:pic"), qn("p:graphicFrame"), qn("p:grpSp"), qn("p:cxnSp")}
_LATENT_SHAPES: dict[Latent, CT_Shape] = {}  # by the placeholder they copy, for this process; never changed
SLIDE_NUMBER_ID = "{B6F15AEC-7D53-4F4B-8E1C-2F5D3A9C0C11}"  # fixed, so the same deck gives the same bytes


@register("pptx", order=0, themed=True)
def write_pptx(deck: Deck, options: RenderOptions) -> bytes:
    """The deck as .pptx bytes; identical decks give identical bytes."""
    key, prs = _open_master(options.master)
    if {layout.name for layout in prs.slide_layouts} >= OUR_LAYOUTS:  # ours, or a copy of ours a team edited
        apply_theme(prs, options.theme)
    writer = _Writer(prs, Layouts(prs, options.master, key), deck, options)
    first, *rest = deck.slides
    if _is_cover(first):
        writer.cover(first.title, first.blocks, first.notes)  # type: ignore[arg-type]
    else:
        note = ONLINE_COVER_NOTE if deck.meta.delivery == ONLINE else COVER_NOTE
        writer.cover(deck.meta.title, (), (Note("do", (Run(options.words(note)),)),))
        rest = list(deck.slides)
    for slide in rest:
        writer.slide(slide)
    _core_properties(prs, deck)
    return _save(prs)


def _open_master(path: Path) -> tuple[MasterKey, PresentationType]:
    """The master, and its digest, which names what this process has already made from it (see layouts.py)."""
    try:
        data = path.read_bytes()
        prs = Presentation(io.BytesIO(data))
    except Exception as err:  # python-pptx raises many kinds for a bad file
        raise ToolkitError(
            f"cannot open the slide master ({type(err).__name__}): check it is a .pptx file", path
        ) from None
    if len(prs.slides):
        raise ToolkitError("the slide master must have no slides: delete them and save it again", path)
    return hashlib.sha256(data).hexdigest(), prs


@dataclass
class _Writer:
    prs: PresentationType
    layouts: Layouts
    deck: Deck
    options: RenderOptions
    pictures: Pictures = field(default_factory=Pictures)
    title_rooms: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.deck.meta.language

    @property
    def words(self) -> Words:
        return self.options.words

    def cover(self, title: str, paragraphs: tuple[Paragraph, ...], notes: tuple[Note, ...]) -> None:
        """The session's title and its first lines, the jobcentre, and the day and time where the
        timetable knows them; its notes start with any notice about the translation."""
        meta, theme = self.deck.meta, self.options.theme
        page = self.layouts.add_slide(self.layouts.layout("cover"))
        self._title(page, title, (44, 40, 36, 32), theme.on_primary)
        lines = [p.runs for p in paragraphs]
        lines += [(_local(meta.jobcentre, bold=True),)] if meta.jobcentre not in _words_of(lines) else []
        lines += [(Run(meta.when),)] if meta.when else []
        lines += [(Run(self.words(EXAMPLE_COVER)),)] if meta.example else []
        found = placeholders(page.shapes, idx=(1,))
        subtitle = SlidePlaceholder(found[0], page.shapes) if found else None
        if subtitle is not None and lines:
            for n, runs in enumerate(lines):
                no_bullet(add_paragraph(subtitle.text_frame, runs, 28, self.lang, n == 0, theme.on_primary))
        elif subtitle is not None:
            page.shapes._spTree.remove(subtitle._element)
        _count_ids(page)
        if theme.logo is not None:
            self._logo(page, theme.logo)  # bottom right, after the title in reading order as on the screen
        self._notes(page, notes, meta.notices)
        _reading_order(page)

    def _logo(self, page: PptxSlide, logo: Path) -> None:
        height = 72.0
        with PillowImage.open(logo) as image:
            width = height * image.width / image.height
        box = Box(self.layouts.slide_width - 43.2 - width, self.layouts.slide_height - 36.0 - height, width, height)
        self.pictures.add(page, logo.read_bytes(), box, self.options.theme.logo_alt, "Logo")

    def slide(self, slide: Slide) -> None:
        kind = choose_layout(slide)
        layout = self.layouts.layout(kind)
        area = self.layouts.body(layout)
        side_images = [b for b in slide.blocks if isinstance(b, Image)]
        flowing = tuple(b for b in slide.blocks if not isinstance(b, Image))
        has_side = bool(side_images or addresses(flowing) or kind == "columns")
        rtl = language(self.lang).rtl
        text_area, side_area = area.split(self.layouts.visual(layout), rtl) if has_side else (area, None)
        room = side_area.height - len(side_images) * (SIDE_ICON + GAP) if side_area else 0.0
        slots = max(1, int((room + GAP) // (QR_SIZE + GAP))) if has_side else 0
        measurer = self._measurer(text_area)
        source = Slide(slide.title, flowing, slide.notes, slide.line, slide.layout)
        parts = paginate(source, measurer, self.deck.meta.source, slots)
        for n, part in enumerate(parts):
            if n:
                title = self.words(CONTINUED_TITLE[n > 1], title=part.title, number=n)
                part = replace(part, title=title, notes=(Note("do", (Run(self.words(CONTINUED)),)),))
            images = side_images if n == 0 else []
            self._page(layout, kind, part, text_area, side_area, images)

    def _measurer(self, area: Area, size: float = SIZES[-1]) -> Measurer:
        """Tables a little smaller than the body text, as they hold more words: 20 pt beside 24 pt, 28 beside 32."""
        return Measurer(arial(), Sizes(body=size, table=size - 4, width=area.width, height=area.height))

    def _page(self, layout, kind: str, slide: Slide, text: Area, side: Area | None, images: list[Image]) -> None:
        page = self.layouts.add_slide(layout)
        theme = self.options.theme
        on_band = kind in ("activity", "closing") and layout.name in ("Activity", "Closing")
        sizes = (44, TITLE_SIZE) if kind == "section" else (TITLE_SIZE,)
        self._title(page, slide.title, sizes, theme.on_primary if on_band else None)
        if on_band:
            _fill(page.shapes.title, theme.primary)
        measurer = self._fitting(slide.blocks, text)
        painter = Painter(page, self.lang, theme, self.words, measurer, _box(text), self.pictures)
        for placeholder in placeholders(page.shapes, idx=(1, 2)):
            page.shapes._spTree.remove(placeholder)  # we draw our own boxes
        _count_ids(page)
        self._blocks(painter, slide.blocks, text, measurer, kind)
        if side is not None:
            links = addresses(slide.blocks)
            beside = Painter(page, self.lang, theme, self.words, measurer, _box(side), self.pictures)
            beside.side_column(images, links, _box(side), self.options.assets)
        self._footer(page, layout)
        answers = [Note("answer", a.answer) for a in slide.blocks if isinstance(a, Activity) and a.answer]
        self._notes(page, (*slide.notes, *answers))
        _reading_order(page)

    def _fitting(self, blocks: tuple[Block, ...], area: Area) -> Measurer:
        """The largest body size, then the most space between list items, at which the blocks fit, so a
        short slide is not left mostly empty."""
        measurer = next(
            (m for m in (self._measurer(area, size) for size in SIZES) if _height(blocks, m) <= area.height),
            self._measurer(area),
        )
        for spacing in SPACINGS:
            roomier = replace(measurer, sizes=replace(measurer.sizes, spacing=spacing))
            if _height(blocks, roomier) <= area.height * 0.9:
                return roomier
        return measurer

    def _blocks(self, painter: Painter, blocks: tuple[Block, ...], area: Area, measurer: Measurer, kind: str) -> None:
        """Each group of blocks top to bottom, so the reading order is the order people see."""
        top = area.top
        for group in _groups(blocks):
            first = group[0]
            height = _group_height(group, measurer)
            box = Box(area.left, top, area.width, height)
            if isinstance(first, BulletList) and any(i.icon for i in first.items):
                height = painter.icon_list(first, box)
            elif isinstance(first, (Paragraph, BulletList)):
                shape = painter.textbox(box, "Text")
                size = 28.0 if kind == "section" else measurer.sizes.body
                fill_text(shape.text_frame, group, self.lang, size)
            elif isinstance(first, Activity):
                painter.activity(first, box)
            elif isinstance(first, KeyFact):
                painter.key_fact(first, box)
            elif isinstance(first, Diagram):
                painter.diagram(first, box)
            elif isinstance(first, Table):
                _table(painter, first, measurer, box)
            top += height + GAP

    def _title(self, page: PptxSlide, title: str, sizes: tuple[float, ...], colour: str | None) -> None:
        """The title at the largest of `sizes` that fits its placeholder; an error if none does."""
        found = placeholders(page.shapes, idx=(0,))
        if not found:
            raise ToolkitError(
                f"the layout '{page.slide_layout.name}' has no title placeholder: add one", self.options.master
            )
        box = SlidePlaceholder(found[0], page.shapes)
        width, height = self._title_room(page, box)
        fits = [s for s in sizes if _lines(title, s, width) * s * LINE_HEIGHT + INSET <= height]
        if not fits:
            raise ToolkitError(
                f"the slide title '{title}' is too long for the '{page.slide_layout.name}' layout: shorten it",
                self.deck.meta.source,
            )
        add_paragraph(box.text_frame, (Run(title),), fits[0], self.lang, True, colour)

    def _title_room(self, page: PptxSlide, box) -> tuple[float, float]:
        """The width inside the title's insets and its height, in points: the same on every new slide of a
        layout, and costly to read, as each size and inset is looked up on the layout and the master."""
        name = page.slide_layout.name
        if name not in self.title_rooms:
            base = getattr(box, "_base_placeholder", None)  # the layout's placeholder, whose insets apply
            insets = (base or box).text_frame
            width = Emu(box.width - insets.margin_left - insets.margin_right).pt
            self.title_rooms[name] = (width, Emu(box.height).pt)
        return self.title_rooms[name]

    def _footer(self, page: PptxSlide, layout) -> None:
        """The jobcentre's name and the slide number, in the layout's footer places or along the bottom."""
        meta, theme = self.deck.meta, self.options.theme
        runs: list[Run] = [_local(meta.jobcentre)] if meta.jobcentre else []
        if theme.footer:  # the theme file is written in English
            english = theme.footer if language(self.lang).is_source else Untranslated(theme.footer)
            runs += [Run(" · "), _local(english)]
        found = self.layouts.latent(layout, PP_PLACEHOLDER.FOOTER)
        footer = _clone(page, found) or self._bottom_box(page, 0.70, left=True)
        found = self.layouts.latent(layout, PP_PLACEHOLDER.SLIDE_NUMBER)
        number = _clone(page, found) or self._bottom_box(page, 0.15, left=False)
        colour, rtl = footer_colour(theme), language(self.lang).rtl
        if rtl:  # the name where reading starts, on the right; the number on the left
            for shape in (footer, number):
                left, top, width, height = shape.left, shape.top, shape.width, shape.height
                shape.left, shape.top = self.prs.slide_width - left - width, top
                shape.width, shape.height = width, height
        add_paragraph(footer.text_frame, tuple(runs), 18, self.lang, True, colour)
        align = PP_ALIGN.LEFT if rtl else PP_ALIGN.RIGHT
        paragraph = add_paragraph(number.text_frame, (), 18, self.lang, True, colour, align=align)
        _slide_number_field(paragraph, len(self.prs.slides), self.lang, colour)

    def _bottom_box(self, page: PptxSlide, share: float, left: bool):
        width = self.layouts.slide_width * share
        x = 43.2 if left else self.layouts.slide_width - 43.2 - width
        shape = page.shapes.add_textbox(Pt(x), Pt(self.layouts.slide_height - 40), Pt(width), Pt(32))
        shape.name = "Footer" if left else "Slide number"
        return shape

    def _notes(self, page: PptxSlide, notes: tuple[Note, ...], notices: tuple[str, ...] = ()) -> None:
        """Notices first, then each note with what it is in bold ("Say:", "Tip:"), so a work coach can
        scan for what to say and what is only for them."""
        lines: list[tuple[Run, ...]] = [(Run(text),) for text in notices]
        for note in notes:
            lines.append((Run(self.words(NOTE_LABELS[note.kind]) + " ", bold=True), *note.runs))
            lines.extend((Run("• "), *item) for item in note.items)
        if not lines:
            return
        shapes = self.layouts.notes(page).shapes
        frame = NotesSlidePlaceholder(placeholders(shapes, kind="body")[0], shapes).text_frame
        for n, runs in enumerate(lines):
            add_paragraph(frame, runs, 12, self.lang, first=n == 0)


def _count_ids(page: PptxSlide) -> None:
    """From here on, only add shapes: each new shape's id is then one more than the last, as python-pptx would
    find by searching every id on the slide with XPath for each shape (its "turbo add" mode)."""
    page.shapes.turbo_add_enabled = True


def _local(text: str, bold: bool = False) -> Run:
    """A run of local content; shown in English for want of a translation, it is tagged English."""
    return Run(text, bold, lang=TAGS[SOURCE] if isinstance(text, Untranslated) else None)


def _is_cover(slide: Slide) -> bool:
    """A first slide of a title and a line or two of text is the cover itself."""
    return len(slide.blocks) <= 2 and all(isinstance(b, Paragraph) for b in slide.blocks)


def _words_of(lines: list) -> str:
    return " ".join(r.text for runs in lines for r in runs)


def _lines(text: str, size: float, width: float) -> int:
    return arial().line_count((Run(text, bold=True),), size, width)


def _box(area: Area) -> Box:
    return Box(area.left, area.top, area.width, area.height)


def _is_text(block: Block) -> bool:
    return isinstance(block, (Paragraph, BulletList)) and not _has_icons(block)


def _has_icons(block: Block) -> bool:
    return isinstance(block, BulletList) and any(i.icon for i in block.items)


def _groups(blocks: tuple[Block, ...]) -> list[list[Block]]:
    """Neighbouring paragraphs and lists share one text box; anything else has a shape of its own."""
    groups: list[list[Block]] = []
    for block in blocks:
        if _is_text(block) and groups and _is_text(groups[-1][0]):
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


def _group_height(group: list[Block], measurer: Measurer) -> float:
    return sum(measurer.block(b) for b in group) - (len(group) - 1) * INSET


def _height(blocks: tuple[Block, ...], measurer: Measurer) -> float:
    groups = _groups(blocks)
    return sum(_group_height(g, measurer) for g in groups) + GAP * max(0, len(groups) - 1)


def _table(painter: Painter, table: Table, measurer: Measurer, box: Box) -> None:
    """A table with a header row; in a right-to-left language its columns run from the right."""
    rows = (table.header, *table.rows)
    columns = len(table.header)
    left = Pt(painter.x(box))
    frame = painter.page.shapes.add_table(len(rows), columns, left, Pt(box.top), Pt(box.width), Pt(box.height))
    frame.name = "Table"
    grid = frame.table
    grid.first_row = True
    if painter.rtl:
        grid._tbl.get_or_add_tblPr().set("rtl", "1")
    for r, cells in enumerate(rows):
        grid.rows[r].height = Pt(measurer.row(table, cells))
        for c, runs in enumerate(cells):
            text = grid.cell(r, c).text_frame
            add_paragraph(text, runs, measurer.sizes.table, painter.lang, first=True)


def _fill(shape, colour: str) -> None:
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(colour)


def _clone(page: PptxSlide, placeholder: Latent | None):
    """The layout's footer placeholder on this slide, which PowerPoint leaves off new slides: what
    python-pptx's `clone_placeholder` adds, without searching the slide again to find it."""
    if placeholder is None:
        return None
    shapes = page.shapes
    shape_id = shapes._next_shape_id
    element = copy.deepcopy(_latent_shape(placeholder))
    element.nvSpPr.cNvPr.set("id", str(shape_id))
    element.nvSpPr.cNvPr.set("name", shapes._next_ph_name(placeholder.type, shape_id, placeholder.orient))
    shapes._spTree.insert_element_before(element, "p:extLst")
    return SlidePlaceholder(element, shapes)  # what python-pptx's shape factory makes of it


def _latent_shape(placeholder: Latent) -> CT_Shape:
    """python-pptx's new shape for a footer or slide-number placeholder, its words in the middle, made once
    per process and copied: making it afresh was a good part of each slide's footer."""
    if placeholder not in _LATENT_SHAPES:
        made = CT_Shape.new_placeholder_sp(0, "", placeholder.type, placeholder.orient, placeholder.sz, placeholder.idx)
        made.get_or_add_txBody().bodyPr.anchor = MSO_ANCHOR.MIDDLE
        _LATENT_SHAPES[placeholder] = made
    return _LATENT_SHAPES[placeholder]


def _slide_number_field(paragraph, number: int, lang: str, colour: str) -> None:
    """A slide-number field, so the number stays right when someone moves slides about."""
    field = paragraph._p.makeelement(qn("a:fld"), {"id": SLIDE_NUMBER_ID, "type": "slidenum"})
    rpr = field.makeelement(qn("a:rPr"), {"lang": lang, "sz": "1800"})
    fill = rpr.makeelement(qn("a:solidFill"), {})
    fill.append(fill.makeelement(qn("a:srgbClr"), {"val": colour}))
    rpr.append(fill)
    field.append(rpr)
    text = field.makeelement(qn("a:t"), {})
    text.text = str(number)
    field.append(text)
    end = paragraph._p.find(qn("a:endParaRPr"))
    end.addprevious(field)


def _reading_order(page: PptxSlide) -> None:
    """Put shapes in the order people see them: the title first, then row by row, then the footer."""
    tree = page.shapes._spTree
    shapes = [e for e in tree.iterchildren() if e.tag in SHAPE_TAGS]

    def place(element) -> tuple:
        ph = element.find(".//" + qn("p:ph"))
        kind = ph.get("type", "body") if ph is not None else ""
        if kind in ("title", "ctrTitle"):
            return (0, 0, 0)
        if kind in ("ftr", "sldNum", "dt"):
            return (2, 0, 0)
        off = element.find(".//" + qn("a:off"))
        x, y = (int(off.get("x")), int(off.get("y"))) if off is not None else (0, 0)
        return (1, round(y / ROW_BAND), x)

    for element in sorted(shapes, key=place):
        tree.append(element)  # appending moves it to the end: the sorted order


class _FixedZip(_PhysPkgWriter):
    """Where python-pptx's package writer puts each file of a deck: into a zip entry made as `normalise_zip`
    makes it, with a fixed time, so the deck is compressed once rather than saved and then rewritten."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, FIXED_ZIP_TIME)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o600 << 16
        self.archive.writestr(entry, blob)


def _save(prs: PresentationType) -> bytes:
    """The same bytes as python-pptx's `save` followed by `normalise_zip`: the same files in the same order."""
    package = prs.part.package
    out = io.BytesIO()
    writer = PackageWriter(out, package._rels, tuple(package.iter_parts()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        target = _FixedZip(archive)
        writer._write_content_types_stream(target)
        writer._write_pkg_rels(target)
        writer._write_parts(target)
    return out.getvalue()


def _core_properties(prs: PresentationType, deck: Deck) -> None:
    meta = deck.meta
    set_core_properties(
        prs.core_properties,
        meta,
        title=meta.title,
        subject=meta.subject,
        language=meta.language,
        keywords=f"{meta.topic}; {meta.site}; {meta.district}; {meta.audience}",
        category="Group session",
        comments=f"Made from {meta.source}.",
    )
