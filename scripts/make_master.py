"""Make templates/master.pptx, the house-style slide master, from python-pptx's default template.

Run it again only to change the house style: `python scripts/make_master.py`. It sets a 16:9 slide,
Arial (widely installed) for all text, near-black text on white (contrast about 19:1), GOV.UK link
blue, titles 40 pt and body text 28 pt or 24 pt, everything left-aligned and nothing in italics.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from toolkit.files import normalise_zip

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
OLD_WIDTH, NEW_WIDTH = Emu(9144000), Emu(12192000)
BODY_SIZES = {1: 2800, 2: 2400}
TITLE_TOP, TITLE_HEIGHT = 228600, 1325880  # 0.25 in from the top, 1.45 in tall
COLOURS = {
    "dk1": "0B0C0C",
    "lt1": "FFFFFF",
    "dk2": "0B0C0C",
    "lt2": "F3F2F1",
    "accent1": "1D70B8",
    "accent2": "00703C",
    "accent3": "4C2C92",
    "accent4": "D4351C",
    "accent5": "505A5F",
    "accent6": "F47738",
    "hlink": "1D70B8",
    "folHlink": "4C2C92",
}


def main(out: Path) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = NEW_WIDTH, Emu(6858000)
    master = prs.slide_master
    for part in [master, *prs.slide_layouts]:
        _widen(part.element)
        _taller_titles(part.element)
        _plain_colours(part.element)
        for node in part.element.iter():
            if node.get("algn") in ("ctr", "just"):
                node.set("algn", "l")
    _text_styles(master.element)
    theme = master.part.part_related_by(RT.THEME)
    theme._blob = _theme(theme.blob)
    buffer = io.BytesIO()
    prs.save(buffer)
    out.write_bytes(normalise_zip(buffer.getvalue()))


def _widen(element: etree._Element) -> None:
    """Stretch every shape from the 4:3 slide to 16:9, keeping the same margins."""
    for xfrm in element.iter(f"{{{A}}}xfrm"):
        off, ext = xfrm.find(f"{{{A}}}off"), xfrm.find(f"{{{A}}}ext")
        if off is None or ext is None:
            continue
        x, cx = int(off.get("x")), int(ext.get("cx"))
        off.set("x", str(round(x * NEW_WIDTH / OLD_WIDTH)))
        ext.set("cx", str(round(cx * NEW_WIDTH / OLD_WIDTH)))


def _taller_titles(element: etree._Element) -> None:
    """Give top titles room for two lines at 36 pt, so longer local names fit without shrinking."""
    for sp in element.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}sp"):
        ph = sp.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}ph")
        off = sp.find(f".//{{{A}}}xfrm/{{{A}}}off")
        if ph is not None and ph.get("type") == "title" and off is not None and off.get("y") == "274638":
            off.set("y", str(TITLE_TOP))
            off.getnext().set("cy", str(TITLE_HEIGHT))


def _plain_colours(element: etree._Element) -> None:
    """Drop tints that make text pale grey (the default subtitle is 3.5:1 on white: too faint)."""
    for tint in list(element.iter(f"{{{A}}}tint")):
        tint.getparent().remove(tint)


def _text_styles(master: etree._Element) -> None:
    for style in master.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}titleStyle"):
        for rpr in style.iter(f"{{{A}}}defRPr"):
            rpr.set("sz", "4000")
            rpr.set("b", "1")
    for style in master.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}bodyStyle"):
        for level in style:
            number = int(re.sub(r"\D", "", etree.QName(level).localname) or 1)
            for rpr in level.iter(f"{{{A}}}defRPr"):
                rpr.set("sz", str(BODY_SIZES.get(number, 2400)))


def _theme(blob: bytes) -> bytes:
    root = etree.fromstring(blob)
    for name, rgb in COLOURS.items():
        slot = root.find(f".//{{{A}}}clrScheme/{{{A}}}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=rgb)
    for font in ("majorFont", "minorFont"):
        root.find(f".//{{{A}}}{font}/{{{A}}}latin").set("typeface", "Arial")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


if __name__ == "__main__":
    main(Path(__file__).resolve().parents[1] / "templates" / "master.pptx")
