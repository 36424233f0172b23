"""Make templates/master.pptx, the house-style slide master, from python-pptx's default template.

Run it again only to change the house style: `python scripts/make_master.py`. It sets a 16:9 slide,
Arial for all text, near-black text on white (contrast about 19:1) and the layouts that session
Markdown chooses by name (docs/authoring.md, "Slide layouts"): Cover, Section, Title and Content,
Two Columns, Big Fact, Activity and Closing. Every layout but the cover has a footer and a slide
number. Colours are theme slots, so a district's theme file changes them without editing this file:
dk2 is the brand colour behind cover and section titles, lt2 the light panel, accent1 icons and lines.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from toolkit.content.theme import DEFAULT_THEME
from toolkit.render.theme import apply_theme
from toolkit.zips import normalise_zip

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)
MARGIN = Inches(0.6)
FOOTER_TOP, FOOTER_HEIGHT = Inches(6.85), Inches(0.5)
Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Layout:
    """One layout: which default layout it starts from, its background and the boxes of its placeholders."""

    name: str
    source: str
    boxes: dict[int, Box]
    background: str = "bg1"  # a scheme colour
    title_size: int = 3600
    title_colour: str = "tx1"
    title_fill: str | None = None  # a band of colour behind the title
    bands: tuple[tuple[Box, str], ...] = ()  # decorative shapes: box and scheme colour
    footer: bool = True


CONTENT_WIDTH = int(WIDTH - 2 * MARGIN)
TITLE: Box = (int(MARGIN), int(Inches(0.3)), CONTENT_WIDTH, int(Inches(1.35)))
BODY: Box = (int(MARGIN), int(Inches(1.8)), CONTENT_WIDTH, int(Inches(4.85)))
LEFT: Box = (int(MARGIN), int(Inches(1.8)), int(Inches(7.3)), int(Inches(4.85)))
RIGHT: Box = (int(MARGIN + Inches(7.6)), int(Inches(1.8)), int(CONTENT_WIDTH - Inches(7.6)), int(Inches(4.85)))
TOP_BAND: tuple[Box, str] = ((0, 0, int(WIDTH), int(Inches(0.15))), "tx2")
FOOTER_RULE: tuple[Box, str] = ((int(MARGIN), int(Inches(6.8)), CONTENT_WIDTH, int(Inches(0.02))), "accent2")
BANNER: Box = (0, 0, int(WIDTH), int(Inches(1.6)))

LAYOUTS = (
    Layout(
        "Cover",
        "Title Slide",
        {
            0: (int(MARGIN), int(Inches(1.9)), CONTENT_WIDTH, int(Inches(2.3))),
            1: (int(MARGIN), int(Inches(4.4)), CONTENT_WIDTH, int(Inches(2.3))),
        },
        background="tx2",
        title_size=4400,
        title_colour="bg1",
        bands=(((int(MARGIN), int(Inches(1.55)), int(Inches(1.4)), int(Inches(0.12))), "bg1"),),
        footer=False,
    ),
    Layout(
        "Section",
        "Section Header",
        {
            0: (int(MARGIN + Inches(0.3)), int(Inches(2.2)), int(CONTENT_WIDTH - Inches(0.3)), int(Inches(1.9))),
            1: (int(MARGIN + Inches(0.3)), int(Inches(4.2)), int(CONTENT_WIDTH - Inches(0.3)), int(Inches(2.3))),
        },
        background="bg2",
        title_size=4400,
        bands=(((0, 0, int(Inches(0.35)), int(HEIGHT)), "tx2"), FOOTER_RULE),
    ),
    Layout("Title and Content", "Title and Content", {0: TITLE, 1: BODY}, bands=(TOP_BAND, FOOTER_RULE)),
    Layout("Two Columns", "Two Content", {0: TITLE, 1: LEFT, 2: RIGHT}, bands=(TOP_BAND, FOOTER_RULE)),
    Layout("Big Fact", "Title Only", {0: TITLE}, bands=(TOP_BAND, FOOTER_RULE)),
    Layout(
        "Activity",
        "Title and Content",
        {0: BANNER, 1: BODY},
        title_colour="bg1",
        title_fill="tx2",
        bands=(FOOTER_RULE,),
    ),
    Layout(
        "Closing",
        "Title and Content",
        {0: BANNER, 1: BODY},
        background="bg2",
        title_colour="bg1",
        title_fill="tx2",
        bands=(FOOTER_RULE,),
    ),
)
FOOTER_BOXES = {
    11: (int(MARGIN), int(FOOTER_TOP), int(Inches(9.5)), int(FOOTER_HEIGHT)),
    12: (int(WIDTH - MARGIN - Inches(1.5)), int(FOOTER_TOP), int(Inches(1.5)), int(FOOTER_HEIGHT)),
}


def main(out: Path) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    master = prs.slide_master
    sources = {layout.name: layout for layout in prs.slide_layouts}
    keep = []
    for spec in LAYOUTS:
        layout = sources[spec.source]
        if layout in keep:  # two of ours start from the same default layout: copy it
            layout = _copy_layout(prs, layout)
        _shape_layout(layout, spec)
        keep.append(layout)
    _keep_only(master, keep)
    _master_style(master.element)
    apply_theme(prs, DEFAULT_THEME)
    theme = master.part.part_related_by(RT.THEME)
    theme._blob = _arial(theme.blob)
    buffer = io.BytesIO()
    prs.save(buffer)
    out.write_bytes(normalise_zip(buffer.getvalue()))


def _copy_layout(prs, layout):
    """A new layout part with the same XML, added to the master's list."""
    from copy import deepcopy

    from pptx.opc.packuri import PackURI
    from pptx.parts.slide import SlideLayoutPart

    master = prs.slide_master
    number = len(master.slide_layouts) + 1
    part = SlideLayoutPart(
        PackURI(f"/ppt/slideLayouts/slideLayout{number + 20}.xml"),
        layout.part.content_type,
        layout.part.package,
        deepcopy(layout.element),
    )
    part.relate_to(master.part, RT.SLIDE_MASTER)
    rid = master.part.relate_to(part, RT.SLIDE_LAYOUT)
    id_list = master.element.get_or_add_sldLayoutIdLst()
    new_id = max(int(e.get("id")) for e in id_list) + 1
    etree.SubElement(id_list, f"{{{P}}}sldLayoutId", id=str(new_id)).set(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", rid
    )
    return part.slide_layout


def _keep_only(master, keep: list) -> None:
    id_list = master.element.get_or_add_sldLayoutIdLst()
    wanted = {layout.part.partname for layout in keep}
    for entry in list(id_list):
        rid = entry.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        if master.part.related_part(rid).partname not in wanted:
            id_list.remove(entry)
            master.part.drop_rel(rid)
    order = [layout.part.partname for layout in keep]
    entries = sorted(
        id_list,
        key=lambda e: order.index(
            master.part.related_part(
                e.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            ).partname
        ),
    )
    for n, entry in enumerate(entries):
        id_list.remove(entry)
        id_list.append(entry)
        entry.set("id", str(2147483649 + n))


def _shape_layout(layout, spec: Layout) -> None:
    element = layout.element
    element.cSld.set("name", spec.name)
    tree = element.cSld.spTree
    for sp in list(tree.iterchildren(f"{{{P}}}sp")):
        ph = sp.find(f".//{{{P}}}ph")
        idx = int(ph.get("idx", "0")) if ph is not None else None
        boxes = {**spec.boxes, **(FOOTER_BOXES if spec.footer else {})}
        if idx not in boxes:
            tree.remove(sp)
            continue
        _place(sp, boxes[idx])
        if idx == 0:
            _style_title(sp, spec)
        elif idx in FOOTER_BOXES:
            _style_text(sp, 1800, "accent2", align="r" if idx == 12 else "l")
        elif spec.title_colour == "bg1" and spec.name == "Cover":
            _style_text(sp, 2800, "bg1")
    for n, (box, colour) in enumerate(spec.bands):
        tree.insert(2 + n, _band(box, colour, 100 + n))
    _set_background(element.cSld, spec.background)
    for node in element.iter():
        if node.get("algn") in ("ctr", "just"):
            node.set("algn", "l")
        if node.tag == f"{{{A}}}tint":
            node.getparent().remove(node)  # tints made the default subtitle too faint


def _place(sp, box: Box) -> None:
    sppr = sp.find(f"{{{P}}}spPr")
    for old in sppr.findall(f"{{{A}}}xfrm"):
        sppr.remove(old)
    xfrm = etree.Element(f"{{{A}}}xfrm")
    etree.SubElement(xfrm, f"{{{A}}}off", x=str(box[0]), y=str(box[1]))
    etree.SubElement(xfrm, f"{{{A}}}ext", cx=str(box[2]), cy=str(box[3]))
    sppr.insert(0, xfrm)


def _style_title(sp, spec: Layout) -> None:
    _style_text(sp, spec.title_size, spec.title_colour, bold=True, anchor="b" if spec.name == "Cover" else "ctr")
    if spec.title_fill:
        sppr = sp.find(f"{{{P}}}spPr")
        fill = etree.SubElement(sppr, f"{{{A}}}solidFill")
        etree.SubElement(fill, f"{{{A}}}schemeClr", val=spec.title_fill)
        body = sp.find(f".//{{{A}}}bodyPr")
        body.set("lIns", str(int(MARGIN)))
        body.set("rIns", str(int(MARGIN)))


def _style_text(sp, size: int, colour: str, bold: bool = False, align: str = "l", anchor: str | None = None) -> None:
    body = sp.find(f"{{{P}}}txBody")
    pr = body.find(f"{{{A}}}bodyPr")
    if anchor:
        pr.set("anchor", anchor)
    old = body.find(f"{{{A}}}lstStyle")
    style = etree.Element(f"{{{A}}}lstStyle")
    body.replace(old, style) if old is not None else body.insert(1, style)
    level = etree.SubElement(style, f"{{{A}}}lvl1pPr", algn=align)
    rpr = etree.SubElement(level, f"{{{A}}}defRPr", sz=str(size), b="1" if bold else "0")
    fill = etree.SubElement(rpr, f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}schemeClr", val=colour)


def _band(box: Box, colour: str, shape_id: int) -> etree._Element:
    """A plain rectangle of colour, drawn on the layout so it is never part of a slide's reading order."""
    sp = etree.Element(f"{{{P}}}sp")
    nv = etree.SubElement(sp, f"{{{P}}}nvSpPr")
    etree.SubElement(nv, f"{{{P}}}cNvPr", id=str(shape_id), name=f"Band {shape_id}")
    etree.SubElement(nv, f"{{{P}}}cNvSpPr")
    etree.SubElement(nv, f"{{{P}}}nvPr", userDrawn="1")
    sppr = etree.SubElement(sp, f"{{{P}}}spPr")
    xfrm = etree.SubElement(sppr, f"{{{A}}}xfrm")
    etree.SubElement(xfrm, f"{{{A}}}off", x=str(box[0]), y=str(box[1]))
    etree.SubElement(xfrm, f"{{{A}}}ext", cx=str(box[2]), cy=str(box[3]))
    etree.SubElement(etree.SubElement(sppr, f"{{{A}}}prstGeom", prst="rect"), f"{{{A}}}avLst")
    etree.SubElement(etree.SubElement(sppr, f"{{{A}}}solidFill"), f"{{{A}}}schemeClr", val=colour)
    etree.SubElement(etree.SubElement(sppr, f"{{{A}}}ln"), f"{{{A}}}noFill")
    return sp


def _set_background(csld, colour: str) -> None:
    for old in csld.findall(f"{{{P}}}bg"):
        csld.remove(old)
    bg = etree.Element(f"{{{P}}}bg")
    pr = etree.SubElement(bg, f"{{{P}}}bgPr")
    etree.SubElement(etree.SubElement(pr, f"{{{A}}}solidFill"), f"{{{A}}}schemeClr", val=colour)
    etree.SubElement(pr, f"{{{A}}}effectLst")
    csld.insert(0, bg)


def _master_style(master: etree._Element) -> None:
    """Arial at house sizes, no tints, left-aligned; the master's own placeholders match the layouts."""
    for style in master.iter(f"{{{P}}}titleStyle"):
        for rpr in style.iter(f"{{{A}}}defRPr"):
            rpr.set("sz", "3600")
            rpr.set("b", "1")
    for style in master.iter(f"{{{P}}}bodyStyle"):
        for rpr in style.iter(f"{{{A}}}defRPr"):
            rpr.set("sz", "2400")
    for tint in list(master.iter(f"{{{A}}}tint")):
        tint.getparent().remove(tint)
    for node in master.iter():
        if node.get("algn") in ("ctr", "just"):
            node.set("algn", "l")
    for sp in master.iter(f"{{{P}}}sp"):
        ph = sp.find(f".//{{{P}}}ph")
        kind = ph.get("type") if ph is not None else None
        box = {"title": TITLE, "body": BODY, "ftr": FOOTER_BOXES[11], "sldNum": FOOTER_BOXES[12]}.get(kind or "")
        if box:
            _place(sp, box)
        elif kind == "dt":
            sp.getparent().remove(sp)


def _arial(blob: bytes) -> bytes:
    """Arial for headings and body: widely installed, and the font our text measurements use."""
    root = etree.fromstring(blob)
    for font in ("majorFont", "minorFont"):
        root.find(f".//{{{A}}}{font}/{{{A}}}latin").set("typeface", "Arial")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


if __name__ == "__main__":
    main(Path(__file__).resolve().parents[1] / "templates" / "master.pptx")
