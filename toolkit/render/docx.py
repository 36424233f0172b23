"""Word handout writer: an editable .docx a work coach can change before sending it.

Headings use Word's own Heading 1 to 3 styles, so the navigation pane and screen readers find
them; every run carries the document language; images have alt text; and the same deck gives
the same bytes. In a right-to-left language every paragraph and table runs right to left (w:bidi,
w:bidiVisual), runs of that script are marked w:rtl with a complex-script font and size, and
numbers and Latin words are runs of their own between left-to-right marks.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Inches, Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle
from docx.text.paragraph import Paragraph as DocxParagraph

from ..deck.model import BulletList, Deck, Image, Inline, Paragraph, Table
from ..errors import ToolkitError
from ..files import inside
from ..handout import Handout, Part, Pictures
from ..handout.model import HandoutBlock
from ..handout.styles import Style, style_named
from ..i18n import N_, language
from ..zips import normalise_zip
from . import RenderOptions, handout_of, register
from .bidi import LRM, segments
from .icons import PICTURE_COLOUR, icon_png
from .properties import set_core_properties

LINK_COLOUR = RGBColor(0x1D, 0x4E, 0x89)
# A Word file can only name its fonts, so we name ones with every letter we print (tests/render/test_glyphs.py).
# Arial and Verdana carry Microsoft's WGL4 set: all of Latin-1 and Latin Extended-A (Polish, and Welsh ŵ ŷ) and
# the Welsh ẁ ẃ ẅ ỳ. LibreOffice draws Arial with Liberation Sans, its metric twin, which has them too.
# Complex-script text (Arabic) uses the w:cs font: Arial, whose Windows and Office for Mac versions have the Arabic
# letters (code page 1256); Verdana has none. LibreOffice draws any letter a font lacks from another font.
COMPLEX_SCRIPT_FONT = "Arial"
# What may follow w:bidi in a paragraph's properties, and w:szCs in a run's (the schema's order).
AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
AFTER_SZ_CS = (
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
MAX_IMAGE_WIDTH = Inches(6)
TEXT_WIDTH = Mm(170)  # an A4 page less its margins (see _a4_page)
PICTURE_SIZE = Mm(22)  # an Easy Read picture: big enough to see at a glance, beside one or two lines of words


@register("docx", order=2, handout=N_("a Word file"), styled=True)
def write_docx(deck: Deck, options: RenderOptions) -> bytes:
    """The deck as a Word handout, in the style the options name."""
    handout = handout_of(deck, options)
    style = style_named(options.style)
    doc = Document()
    _a4_page(doc)
    writer = _Writer(doc, style, handout.language, options.assets)
    writer.set_up_styles()
    writer.heading(handout.title, 1)
    writer.blocks(handout.intro)
    for part in handout.parts:
        writer.part(part, 2)
    if writer.rtl:
        for paragraph in doc.element.body.iter(qn("w:p")):
            _right_to_left(paragraph.get_or_add_pPr())
    _core_properties(doc, handout, style)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue())


class _Writer:
    def __init__(self, doc: DocumentType, style: Style, lang: str, images: Path):
        self.doc, self.style, self.lang, self.images = doc, style, lang, images
        self.rtl = language(lang).rtl

    # Styles -------------------------------------------------------------------------------------

    def set_up_styles(self) -> None:
        """Fonts, sizes, spacing, colour and language in the styles, so a work coach's edits match."""
        style, styles = self.style, self.doc.styles
        _language_defaults(self.doc, self.lang)
        normal = styles["Normal"]
        self._font(normal, style.body_pt, bold=False)
        normal.paragraph_format.line_spacing = style.line_spacing
        normal.paragraph_format.space_after = Pt(style.body_pt * 0.6)
        if self.rtl:
            _right_to_left(normal.element.get_or_add_pPr())  # a right-to-left paragraph starts on the right
        else:
            normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        for level in (1, 2, 3):
            heading = styles[f"Heading {level}"]
            self._font(heading, style.heading_pt(level), bold=True)
            heading.paragraph_format.space_before = Pt(style.body_pt * (1.5 if level < 3 else 1))
            heading.paragraph_format.space_after = Pt(style.body_pt * 0.5)
            heading.paragraph_format.keep_with_next = True
            heading.paragraph_format.line_spacing = 1.15
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = LINK_COLOUR
        link.font.underline = style.underline_links
        link.font.bold = not style.underline_links  # the dyslexia style marks links in bold instead
        if style.background:
            _page_colour(self.doc, style.background)

    def _font(self, target: CharacterStyle, size: float, bold: bool) -> None:
        font = target.font
        font.size = Pt(size)
        font.bold = bold
        font.italic = False
        font.color.rgb = RGBColor.from_string(self.style.text_colour)
        fonts = target.element.get_or_add_rPr().get_or_add_rFonts()
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)  # theme fonts would override the font we name
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            fonts.set(qn(slot), self.style.word_font)
        fonts.set(qn("w:cs"), COMPLEX_SCRIPT_FONT)  # even in English: a name in Arabic still draws
        if self.rtl:  # Arabic text takes the complex-script size and bold, not the others
            font.cs_bold = bold
            _complex_script_size(target.element.get_or_add_rPr(), size)

    # Content ------------------------------------------------------------------------------------

    def heading(self, text: str, level: int) -> None:
        paragraph = self.doc.add_paragraph(style=f"Heading {level}")
        self._run(paragraph, text)

    def part(self, part: Part, level: int) -> None:
        self.heading(part.title, min(level, 3))
        self.blocks(part.blocks)
        for child in part.parts:
            self.part(child, level + 1)

    def blocks(self, blocks: tuple[HandoutBlock, ...]) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                self.inline(self.doc.add_paragraph(), block.runs)
            elif isinstance(block, BulletList):
                self.bullet_list(block)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Image):
                self.image(block)
            elif isinstance(block, Pictures):
                self.pictures(block)

    def bullet_list(self, block: BulletList) -> None:
        kind = "List Number" if block.ordered else "List Bullet"
        restart = _new_numbering(self.doc, kind) if block.ordered else None
        for item in block.items:
            paragraph = self.doc.add_paragraph(style=kind if item.level == 0 else f"{kind} 2")
            if restart is not None and item.level == 0:
                _use_numbering(paragraph, restart)
            self.inline(paragraph, item.runs)

    def table(self, block: Table) -> None:
        grid = self.doc.add_table(rows=1 + len(block.rows), cols=len(block.header))
        grid.style = self.doc.styles["Table Grid"]
        if self.rtl:
            grid.table_direction = WD_TABLE_DIRECTION.RTL  # the first column on the right
        header = grid.rows[0]
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeats, and marks header cells
        for r, cells in enumerate((block.header, *block.rows)):
            for c, runs in enumerate(cells):
                paragraph = grid.cell(r, c).paragraphs[0]
                self.inline(paragraph, runs, bold=r == 0)
        self.doc.add_paragraph()  # Word joins two neighbouring tables; a blank line keeps them apart

    def image(self, block: Image) -> None:
        path = inside(self.images, block.path)
        if not path.is_file():
            raise ToolkitError(f"image '{block.path}' not found: put it under {self.images.name}/", self.images)
        run = self.doc.add_paragraph().add_run()
        shape = run.add_picture(str(path))
        if shape.width > MAX_IMAGE_WIDTH:
            shape.height = Emu(int(shape.height * MAX_IMAGE_WIDTH / shape.width))
            shape.width = MAX_IMAGE_WIDTH
        shape._inline.docPr.set("descr", block.alt)  # add_picture writes the file name here
        shape._inline.docPr.set("name", "Picture")

    def pictures(self, block: Pictures) -> None:
        """Easy Read lines as a table with no borders: each picture in the left column, and its words beside
        it, level with its middle. A screen reader reads each row as the picture's alt text, then the words."""
        grid = self.doc.add_table(rows=len(block.lines), cols=2)
        grid.autofit = False
        if self.rtl:
            grid.table_direction = WD_TABLE_DIRECTION.RTL
        widths = (PICTURE_SIZE + Mm(6), TEXT_WIDTH - PICTURE_SIZE - Mm(6))
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width  # LibreOffice reads the table's grid, Word each cell's width
        for row, line in zip(grid.rows, block.lines, strict=True):
            row.cells[0].width, row.cells[1].width = widths
            for cell in row.cells:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            picture = row.cells[0].paragraphs[0]
            picture.paragraph_format.space_after = Pt(self.style.body_pt / 2)
            shape = picture.add_run().add_picture(io.BytesIO(icon_png(line.icon, PICTURE_COLOUR)), PICTURE_SIZE)
            shape._inline.docPr.set("descr", line.alt)
            shape._inline.docPr.set("name", "Picture")
            self.inline(row.cells[1].paragraphs[0], line.runs)
        self.doc.add_paragraph()  # Word joins two neighbouring tables; a blank line keeps them apart

    def inline(self, paragraph: DocxParagraph, runs: Inline, bold: bool = False) -> None:
        for source in runs:
            if source.link:
                self._link(paragraph, source.text, source.link, bold or source.bold, source.lang)
            else:
                self._run(paragraph, source.text, bold or source.bold, source.lang)

    def _run(self, paragraph: DocxParagraph, text: str, bold: bool = False, lang: str | None = None) -> list:
        """The text as runs in the document's language (or `lang`); in a right-to-left language, numbers and
        Latin words are runs of their own, between left-to-right marks, and the rest is marked w:rtl."""
        pieces = segments(text) if self.rtl else [(text, False)]
        runs = []
        for piece, ltr in pieces:
            run = paragraph.add_run(f"{LRM}{piece}{LRM}" if self.rtl and ltr else piece)
            if bold:
                run.bold = True
                run.font.cs_bold = True if self.rtl else None
            rpr = run._r.get_or_add_rPr()
            tag = OxmlElement("w:lang")
            tag.set(qn("w:val"), lang or self.lang)
            tag.set(qn("w:bidi"), self.lang)
            rpr.append(tag)
            if self.rtl and not ltr:
                run.font.rtl = True
            runs.append(run)
        return runs

    def _link(self, paragraph: DocxParagraph, text: str, address: str, bold: bool, lang: str | None) -> None:
        runs = self._run(paragraph, text, bold, lang)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), paragraph.part.relate_to(address, RT.HYPERLINK, is_external=True))
        runs[0]._r.addprevious(link)
        for run in runs:
            run.style = self.doc.styles["Hyperlink"]
            link.append(run._r)


def _right_to_left(ppr) -> None:
    """Mark a paragraph (or a style's paragraphs) right to left; without a w:jc it aligns to the right."""
    if ppr.find(qn("w:bidi")) is None:
        ppr.insert_element_before(OxmlElement("w:bidi"), *AFTER_BIDI)


def _complex_script_size(rpr, size: float) -> None:
    """w:szCs: the size of complex-script text such as Arabic, which ignores w:sz."""
    found = rpr.find(qn("w:szCs"))
    if found is None:
        found = OxmlElement("w:szCs")
        rpr.insert_element_before(found, *AFTER_SZ_CS)
    found.set(qn("w:val"), str(round(size * 2)))


def _a4_page(doc: DocumentType) -> None:
    """A4 paper with 2 cm margins: python-docx's blank document is American letter size."""
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(20)


def _language_defaults(doc: DocumentType, lang: str) -> None:
    """The document's language, in the style defaults and in the settings Word checks spelling by."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    element = rpr.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        rpr.append(element)
    element.set(qn("w:val"), lang)
    element.set(qn("w:eastAsia"), lang)
    element.set(qn("w:bidi"), lang)
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), lang)


def _page_colour(doc: DocumentType, colour: str) -> None:
    background = OxmlElement("w:background")
    background.set(qn("w:color"), colour)
    doc.element.insert(0, background)
    doc.settings.element.insert(0, OxmlElement("w:displayBackgroundShape"))


def _new_numbering(doc: DocumentType, style_name: str) -> str:
    """A numbering that starts again at 1, so each numbered list counts from 1."""
    style_num = doc.styles[style_name].element.pPr.numPr.numId.val
    numbering = doc.part.numbering_part.element
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return str(num.numId)


def _use_numbering(paragraph: DocxParagraph, num_id: str) -> None:
    # python-docx makes `get_or_add_numPr` at run time but, unlike `get_or_add_ind`, does not declare it
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # type: ignore[attr-defined]
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = int(num_id)


def _core_properties(doc: DocumentType, handout: Handout, style: Style) -> None:
    meta = handout.meta
    set_core_properties(
        doc.core_properties,
        meta,
        title=handout.title,
        subject=meta.subject or "Handout for a group session",
        language=handout.language,
        keywords=f"handout; {meta.topic}; {meta.site}; {meta.district}; {style.name}",
        category="Handout",
        comments=f"Made from {meta.source} in {style.label}.",
    )
