"""Text into PowerPoint shapes: paragraphs, runs, list markers, in the deck's language and direction.

In a right-to-left language each paragraph is right to left and aligned right (a:pPr rtl="1"), each
run names a complex-script font (a:cs) and carries the language, and numbers and Latin words are runs
of their own between left-to-right marks, so "0113 496 0000" does not come out backwards.
"""

from __future__ import annotations

from typing import cast

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.text import CT_RegularTextRun, CT_TextParagraph
from pptx.text.text import TextFrame, _Paragraph, _Run
from pptx.util import Pt

from ..deck.model import Block, BulletList, Inline, Paragraph
from ..i18n import language
from .bidi import LRM, segments
from .paginate import indent

COMPLEX_SCRIPT_FONT = "Arial"  # has Arabic letters on Windows and macOS
# Tags in Clark notation, worked out once: qn() does it again on every call.
PARAGRAPH, PARAGRAPH_PROPERTIES = qn("a:p"), qn("a:pPr")
RUN, RUN_PROPERTIES, TEXT, END = qn("a:r"), qn("a:rPr"), qn("a:t"), qn("a:endParaRPr")
SOLID_FILL, RGB, COMPLEX_SCRIPT = qn("a:solidFill"), qn("a:srgbClr"), qn("a:cs")


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
    body = frame._txBody
    p = cast(CT_TextParagraph, body.find(PARAGRAPH) if first else etree.SubElement(body, PARAGRAPH))
    paragraph = _Paragraph(p, frame)
    rtl = language(lang).rtl
    ppr = p.find(PARAGRAPH_PROPERTIES)
    if ppr is None:  # it comes first in a paragraph
        ppr = p.makeelement(PARAGRAPH_PROPERTIES, {})
        p.insert(0, ppr)
    alignment = align if align is not None else (PP_ALIGN.RIGHT if rtl else PP_ALIGN.LEFT)
    ppr.set("algn", cast(str, alignment.xml_value))
    sz = str(Pt(size).centipoints)
    rgb = str(RGBColor.from_string(colour)) if colour else None
    for source in runs:
        for piece, ltr in segments(source.text) if rtl else [(source.text, False)]:
            text = f"{LRM}{piece}{LRM}" if rtl and ltr else piece
            run = _add_run(p, text, sz, bool(bold or source.bold), rgb, source.lang or lang, rtl)
            if source.link:
                _Run(run, paragraph).hyperlink.address = source.link
    if rtl:
        ppr.set("rtl", "1")
    end = p.find(END)
    if end is None:
        end = p.makeelement(END, {})
        p.append(end)
    end.set("lang", lang)
    return paragraph


def _add_run(
    p: CT_TextParagraph, text: str, sz: str, bold: bool, rgb: str | None, lang: str, rtl: bool
) -> CT_RegularTextRun:
    """One run, built directly: the same XML python-pptx's run and font properties write, attribute for
    attribute, at a fraction of the cost (they search the paragraph's children again for each property)."""
    run = cast(CT_RegularTextRun, p.makeelement(RUN, {}))
    properties = {"sz": sz, "b": "1", "i": "0", "lang": lang} if bold else {"sz": sz, "i": "0", "lang": lang}
    rpr = etree.SubElement(run, RUN_PROPERTIES, properties)
    if rgb:
        etree.SubElement(etree.SubElement(rpr, SOLID_FILL), RGB, {"val": rgb})
    if rtl:
        etree.SubElement(rpr, COMPLEX_SCRIPT, {"typeface": COMPLEX_SCRIPT_FONT})
    # python-pptx's own escaping of control characters, as its `text` setter does
    etree.SubElement(run, TEXT).text = CT_RegularTextRun._escape_ctrl_chars(text)
    end = p.find(END)
    if end is None:
        p.append(run)
    else:
        end.addprevious(run)
    return run


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
