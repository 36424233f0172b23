"""PowerPoint writer: a Deck onto the house slide master, editable, with notes and language tags.

In a right-to-left language each paragraph is right to left and aligned right (a:pPr rtl="1"), each
run names a complex-script font (a:cs) and carries the language, and numbers and Latin words are runs
of their own between left-to-right marks, so "0113 496 0000" does not come out backwards.
"""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.parts.image import Image as PictureFile
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide as PptxSlide
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt

from ..deck.model import Activity, Block, BulletList, Deck, Image, Inline, Paragraph, Run, Slide, Table
from ..errors import ToolkitError
from ..files import inside, normalise_zip
from ..i18n import language
from . import RenderOptions, register
from .bidi import LRM, segments
from .measure import LINE_HEIGHT, arial
from .paginate import GAP, INDENT, INSET, SIDE_INSET, Measurer, Sizes, paginate
from .properties import set_core_properties

TITLE_LAYOUT, CONTENT_LAYOUT = "Title Slide", "Title and Content"
TITLE_SIZE = 36
ACTIVITY_FILL = RGBColor(0xF3, 0xF2, 0xF1)
ACTIVITY_LINE = RGBColor(0x50, 0x5A, 0x5F)
COMPLEX_SCRIPT_FONT = "Arial"  # has Arabic letters on Windows and macOS
AFTER_CS = ("a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")  # what may follow a:cs in a:rPr


@register("pptx")
def write_pptx(deck: Deck, options: RenderOptions) -> bytes:
    """The deck as .pptx bytes; identical decks give identical bytes."""
    prs = _open_master(options.master)
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    for name in (TITLE_LAYOUT, CONTENT_LAYOUT):
        if name not in layouts:
            raise ToolkitError(
                f"the slide master has no layout called '{name}': add one or use another master", options.master
            )
    for index, slide in enumerate(deck.slides):
        if index == 0 and all(isinstance(b, Paragraph) for b in slide.blocks):
            _title_slide(prs, layouts[TITLE_LAYOUT], slide, deck.meta.language)
            continue
        body = _body_placeholder(layouts[CONTENT_LAYOUT], options.master)
        measurer = Measurer(arial(), Sizes(width=Emu(body.width).pt, height=Emu(body.height).pt))
        for page in paginate(slide, measurer, deck.meta.source):
            _content_slide(prs, layouts[CONTENT_LAYOUT], page, measurer, deck.meta.language, options.assets)
    _core_properties(prs, deck)
    buffer = io.BytesIO()
    prs.save(buffer)
    return normalise_zip(buffer.getvalue())


def _open_master(path: Path) -> PresentationType:
    try:
        prs = Presentation(str(path))
    except Exception as err:  # python-pptx raises many kinds for a bad file
        raise ToolkitError(
            f"cannot open the slide master ({type(err).__name__}): check it is a .pptx file", path
        ) from None
    if len(prs.slides):
        raise ToolkitError("the slide master must have no slides: delete them and save it again", path)
    return prs


def _body_placeholder(layout, master: Path):
    for placeholder in layout.placeholders:
        if placeholder.placeholder_format.idx == 1:
            return placeholder
    raise ToolkitError(f"layout '{layout.name}' has no body placeholder: add a content placeholder", master)


def _title_slide(prs: PresentationType, layout, slide: Slide, lang: str) -> None:
    page = prs.slides.add_slide(layout)
    _set_title(page, slide.title, lang)
    subtitle = next(p for p in page.placeholders if p.placeholder_format.idx == 1)
    frame = subtitle.text_frame
    for n, block in enumerate(slide.blocks):
        _add_paragraph(frame, block.runs, 28, lang, first=n == 0)
    if not slide.blocks:
        subtitle._element.getparent().remove(subtitle._element)
    _notes(page, slide.notes, lang)


def _content_slide(prs: PresentationType, layout, slide: Slide, measurer: Measurer, lang: str, assets: Path) -> None:
    """Title, then each group of blocks top to bottom, so the reading order is the order people see."""
    page = prs.slides.add_slide(layout)
    _set_title(page, slide.title, lang)
    body = next(p for p in page.placeholders if p.placeholder_format.idx == 1)
    top, left, width, bottom = Emu(body.top).pt, Emu(body.left).pt, Emu(body.width).pt, Emu(body.top + body.height).pt
    groups = _groups(slide.blocks)
    spare_body = body if groups and _is_text(groups[0][0]) else None  # the body comes second in reading order
    if spare_body is None:
        body._element.getparent().remove(body._element)
    for group in groups:
        height = sum(measurer.block(b) for b in group) - (len(group) - 1) * INSET
        if _is_text(group[0]):
            shape = spare_body or page.shapes.add_textbox(Pt(left), Pt(top), Pt(width), Pt(height))
            spare_body = None
            shape.left, shape.top, shape.width, shape.height = Pt(left), Pt(top), Pt(width), Pt(height)
            _fill_text(shape.text_frame, group, lang)
        elif isinstance(group[0], Activity):
            _activity(page, group[0], Pt(left), Pt(top), Pt(width), Pt(height), lang)
        elif isinstance(group[0], Table):
            _table(page, group[0], measurer, Pt(left), Pt(top), Pt(width), lang)
        else:
            height = _picture(page, group[0], assets, Pt(left), Pt(top), Pt(width), Pt(bottom - top))
        top += height + GAP
    _notes(page, slide.notes, lang)


def _is_text(block: Block) -> bool:
    return isinstance(block, (Paragraph, BulletList))


def _groups(blocks: tuple[Block, ...]) -> list[list[Block]]:
    """Neighbouring paragraphs and lists share one text box; anything else has a shape of its own."""
    groups: list[list[Block]] = []
    for block in blocks:
        if _is_text(block) and groups and _is_text(groups[-1][0]):
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


def _set_title(page: PptxSlide, title: str, lang: str) -> None:
    box = page.shapes.title
    lines = arial().line_count((Run(title, bold=True),), TITLE_SIZE, Emu(box.width).pt - SIDE_INSET)
    if lines * TITLE_SIZE * LINE_HEIGHT + INSET > Emu(box.height).pt:
        raise ToolkitError(f"the slide title '{title}' is too long to fit: shorten it")
    frame = box.text_frame
    _add_paragraph(frame, (Run(title),), TITLE_SIZE, lang, first=True)


def _fill_text(frame: TextFrame, blocks: list[Block], lang: str, size: int = 24) -> None:
    frame.word_wrap = True
    first = True
    for block in blocks:
        if isinstance(block, Paragraph):
            paragraph = _add_paragraph(frame, block.runs, size, lang, first)
            _no_bullet(paragraph)
            first = False
        elif isinstance(block, BulletList):
            for item in block.items:
                paragraph = _add_paragraph(frame, item.runs, size, lang, first)
                _list_marker(paragraph, min(item.level, 2), block.ordered)
                first = False


def _add_paragraph(frame: TextFrame, runs: Inline, size: int, lang: str, first: bool):
    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    rtl = language(lang).rtl
    paragraph.alignment = PP_ALIGN.RIGHT if rtl else PP_ALIGN.LEFT
    for source in runs:
        for piece, ltr in segments(source.text) if rtl else [(source.text, False)]:
            run = paragraph.add_run()
            run.text = f"{LRM}{piece}{LRM}" if rtl and ltr else piece
            run.font.size = Pt(size)
            run.font.bold = source.bold or None
            run.font.italic = False
            rpr = run._r.get_or_add_rPr()
            rpr.set("lang", source.lang or lang)
            if rtl:
                rpr.insert_element_before(rpr.makeelement(qn("a:cs"), {"typeface": COMPLEX_SCRIPT_FONT}), *AFTER_CS)
            if source.link:
                run.hyperlink.address = source.link
    ppr = paragraph._p.get_or_add_pPr()
    if rtl:
        ppr.set("rtl", "1")
    end = paragraph._p.find(qn("a:endParaRPr"))
    if end is None:
        end = paragraph._p.makeelement(qn("a:endParaRPr"), {})
        paragraph._p.append(end)
    end.set("lang", lang)
    return paragraph


def _no_bullet(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    ppr.insert(0, ppr.makeelement(qn("a:buNone"), {}))


def _list_marker(paragraph, level: int, ordered: bool) -> None:
    """Set indent and bullet or number on the paragraph itself, so it looks the same in any shape."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("lvl", str(level))
    ppr.set("marL", str(int(Pt(INDENT[level]))))
    ppr.set("indent", str(-int(Pt(INDENT[0]))))
    ppr.append(ppr.makeelement(qn("a:buFont"), {"typeface": "Arial"}))
    if ordered:
        ppr.append(ppr.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod"}))
    else:
        ppr.append(ppr.makeelement(qn("a:buChar"), {"char": "–" if level == 1 else "•"}))


def _activity(page: PptxSlide, activity: Activity, left, top, width, height, lang: str) -> None:
    """A group exercise in a shaded, outlined box, so people can see it is something to do."""
    box: Shape = page.shapes.add_textbox(left, top, width, height)
    box.name = "Activity"
    box.fill.solid()
    box.fill.fore_color.rgb = ACTIVITY_FILL
    box.line.color.rgb = ACTIVITY_LINE
    box.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    _fill_text(box.text_frame, [b for b in activity.blocks if _is_text(b)], lang)


def _table(page: PptxSlide, table: Table, measurer: Measurer, left, top, width, lang: str) -> None:
    rows = (table.header, *table.rows)
    frame = page.shapes.add_table(len(rows), len(table.header), left, top, width, Pt(measurer.block(table)))
    grid = frame.table
    grid.first_row = True
    for r, cells in enumerate(rows):
        grid.rows[r].height = Pt(measurer.row(table, cells))
        for c, runs in enumerate(cells):
            text = grid.cell(r, c).text_frame
            _add_paragraph(text, runs, int(measurer.sizes.table), lang, first=True)


def _picture(page: PptxSlide, image: Image, assets: Path, left, top, width, room) -> float:
    """Place an image as large as fits; return the height used in points."""
    path = inside(assets, image.path)
    if not path.is_file():
        raise ToolkitError(f"image '{image.path}' not found: put it under {assets.name}/", assets)
    px_width, px_height = PictureFile.from_file(str(path)).size
    scale = min(width / px_width, room / px_height)
    picture = page.shapes.add_picture(str(path), left, top, int(px_width * scale), int(px_height * scale))
    picture._element.nvPicPr.cNvPr.set("descr", image.alt)  # add_picture writes the file name here
    picture.name = "Picture"
    return Emu(picture.height).pt


def _notes(page: PptxSlide, notes: tuple[str, ...], lang: str) -> None:
    if not notes:
        return
    frame = page.notes_slide.notes_text_frame
    for n, text in enumerate(notes):
        _add_paragraph(frame, (Run(text),), 12, lang, first=n == 0)


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
