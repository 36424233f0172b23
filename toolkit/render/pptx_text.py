"""Text into PowerPoint shapes: paragraphs, runs, list markers, in the deck's language and direction.

In a right-to-left language each paragraph is right to left and aligned right (a:pPr rtl="1"), each
run names a complex-script font (a:cs) and carries the language, and numbers and Latin words are runs
of their own between left-to-right marks, so "0113 496 0000" does not come out backwards.
"""

from __future__ import annotations

from typing import cast

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.text.text import TextFrame, _Paragraph
from pptx.util import Pt

from ..deck.model import Block, BulletList, Inline, Paragraph
from ..i18n import language
from .bidi import LRM, segments
from .paginate import indent

COMPLEX_SCRIPT_FONT = "Arial"  # has Arabic letters on Windows and macOS
AFTER_CS = ("a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")  # what may follow a:cs in a:rPr


def fill_text(
    frame: TextFrame, blocks: list[Block], lang: str, size: float, colour: str | None = None, spacing: float = 0.2
) -> None:
    """Paragraphs and lists into one text frame, top to bottom, with a little space between items."""
    frame.word_wrap = True
    first = True
    for block in blocks:
        if isinstance(block, Paragraph):
            paragraph = add_paragraph(frame, block.runs, size, lang, first, colour=colour)
            no_bullet(paragraph)
        elif isinstance(block, BulletList):
            for item in block.items:
                paragraph = add_paragraph(frame, item.runs, size, lang, first, colour=colour)
                list_marker(paragraph, min(item.level, 2), block.ordered, size)
                paragraph.space_after = Pt(size * spacing)
                first = False
            continue
        first = False


def add_paragraph(
    frame: TextFrame,
    runs: Inline,
    size: float,
    lang: str,
    first: bool,
    colour: str | None = None,
    bold: bool | None = None,
    align: PP_ALIGN | None = None,
) -> _Paragraph:
    """One paragraph of runs, each stamped with the language; `first` fills the frame's empty paragraph."""
    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    rtl = language(lang).rtl
    paragraph.alignment = align if align is not None else (PP_ALIGN.RIGHT if rtl else PP_ALIGN.LEFT)
    for source in runs:
        for piece, ltr in segments(source.text) if rtl else [(source.text, False)]:
            run = paragraph.add_run()
            run.text = f"{LRM}{piece}{LRM}" if rtl and ltr else piece
            run.font.size = Pt(size)
            run.font.bold = (bold or source.bold) or None
            run.font.italic = False
            if colour:
                run.font.color.rgb = RGBColor.from_string(colour)
            rpr = run._r.get_or_add_rPr()
            rpr.set("lang", source.lang or lang)
            if rtl:
                complex_script = cast(BaseOxmlElement, rpr.makeelement(qn("a:cs"), {"typeface": COMPLEX_SCRIPT_FONT}))
                rpr.insert_element_before(complex_script, *AFTER_CS)  # makeelement gives python-pptx's element class
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


def no_bullet(paragraph: _Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    ppr.insert(0, ppr.makeelement(qn("a:buNone"), {}))


def list_marker(paragraph: _Paragraph, level: int, ordered: bool, size: float) -> None:
    """Set indent and bullet or number on the paragraph itself, so it looks the same in any shape."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("lvl", str(level))
    ppr.set("marL", str(int(Pt(indent(level, size)))))
    ppr.set("indent", str(-int(Pt(indent(0, size)))))
    ppr.append(ppr.makeelement(qn("a:buFont"), {"typeface": "Arial"}))
    if ordered and level == 0:  # a list inside a numbered step has bullets
        ppr.append(ppr.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod"}))
    else:
        ppr.append(ppr.makeelement(qn("a:buChar"), {"char": "–" if level == 1 else "•"}))


def plain_frame(frame: TextFrame, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, inset: float = 7.2) -> TextFrame:
    """A text frame that wraps, does not grow, and keeps its words `inset` points from its edges."""
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Pt(inset)
    frame.margin_top = frame.margin_bottom = Pt(inset / 2)
    return frame
