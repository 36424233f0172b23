"""Look inside a .pptx as an accessibility checker must: what each shape is, and how its text really looks.

PowerPoint stores a text's size, colour and language on the run only when someone changed it;
otherwise they come from the shape, its layout and master placeholders, the master's text styles
and the presentation's defaults. Backgrounds come from the shape, slide, layout or master.
We resolve all of that here, so the rules can stay small.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml import etree

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}
EMU_PER_POINT = 12700
DEFAULT_SIZE = 18.0  # PowerPoint's size when nothing else says
FOOTER_TYPES = {"dt", "ftr", "sldNum"}
_DECORATIVE = re.compile(r"decorative[^>]*val=\"1\"")


@dataclass(frozen=True)
class RunLook:
    text: str
    size: float
    bold: bool
    italic: bool
    underline: bool
    caps: bool
    colour: str | None  # RRGGBB, or None where a picture or pattern makes it unknowable
    lang: str | None
    link: str | None
    background: str | None = None  # set where the run sits on its own fill, as in a table cell


@dataclass(frozen=True)
class ParagraphLook:
    runs: tuple[RunLook, ...]
    level: int
    line_spacing: float = 1.0  # 1.0 is single spacing
    indent: float = 0.0  # points from the left of the box to the text
    cell: tuple[int, int] | None = None  # row and column, for text in a table

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class ShapeLook:
    name: str
    kind: str  # title, body, footer, text, picture, table, chart, graphic, group, media, other
    order: int
    box: tuple[int, int, int, int]  # left, top, width, height in EMU
    alt: str = ""
    decorative: bool = False
    paragraphs: tuple[ParagraphLook, ...] = ()
    background: str | None = "FFFFFF"
    autofit: str = "none"  # none, shape (the box grows) or shrink (PowerPoint shrinks the text)
    insets: tuple[int, int, int, int] = (91440, 45720, 91440, 45720)
    table_header: bool = False
    table_merged: bool = False
    in_group: bool = False  # inside a group: its position is the group's business

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class SlideLook:
    number: int
    shapes: tuple[ShapeLook, ...]
    notes: str
    width: int
    height: int

    @property
    def title(self) -> str:
        return next((s.text.strip() for s in self.shapes if s.kind == "title" and s.text.strip()), "")


@cache
def qn(tag: str) -> str:
    """python-pptx's full name for a tag such as "p:ph", kept: the same few are looked up thousands of times.

    python-pptx and lxml load here, when a deck is read, so checking other files does not wait for them."""
    from pptx.oxml.ns import qn as full_name

    return full_name(tag)


def _local_name(element: etree._Element) -> str:
    """An element's tag without its namespace, such as "solidFill"."""
    from lxml import etree

    return etree.QName(element).localname


def _decorative(c_nv_pr: etree._Element) -> bool:
    """Whether PowerPoint's "Mark as decorative" is ticked, in the shape's properties."""
    from lxml import etree

    return bool(_DECORATIVE.search(etree.tostring(c_nv_pr).decode()))


def inspect(prs: Any) -> tuple[tuple[SlideLook, ...], tuple[str, ...]]:
    """Every slide of an open python-pptx Presentation, with looks resolved, and the parts we had to skip.

    Decks from other programs hold shapes and parts we may not understand. Each one is left out with a
    one-line note, so one odd shape never stops the check of the rest of the deck.
    """
    defaults = prs.part._element.find(qn("p:defaultTextStyle"))
    shared: dict[Any, Any] = {"deck language": deck_language(prs)}
    looks, skipped = [], []
    for number, slide in enumerate(prs.slides, start=1):
        context = _SlideContext(slide, defaults, shared)
        shapes = []
        for order, shape in enumerate(slide.shapes):
            try:
                shapes += context.shape(shape, order)
            except Exception as problem:  # a shape we do not understand: note it and read the rest
                skipped.append(f"slide {number}: skipped shape '{_name(shape)}' ({type(problem).__name__})")
        looks.append(
            SlideLook(number, tuple(shapes), _notes(slide, number, skipped), prs.slide_width, prs.slide_height)
        )
    return tuple(looks), tuple(skipped)


def _name(shape: Any) -> str:
    try:
        return str(shape.name)
    except Exception:  # the name itself may be what is broken
        return "without a name"


def _notes(slide: Any, number: int, skipped: list[str]) -> str:
    """The speaker notes' text; notes we cannot read are skipped with a note. Never creates a notes slide."""
    try:
        frame = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
        return frame.text.strip() if frame is not None else ""
    except Exception as problem:
        skipped.append(f"slide {number}: skipped the speaker notes ({type(problem).__name__})")
        return ""


def deck_language(prs: Any) -> str | None:
    """The deck's own default language, from `a:defPPr` in the presentation's default text style.

    PowerPoint writes it there; runs that set no language of their own inherit it."""
    defaults = prs.part._element.find(qn("p:defaultTextStyle"))
    node = defaults.find(qn("a:defPPr") + "/" + qn("a:defRPr")) if defaults is not None else None
    return node.get("lang") if node is not None else None


class _SlideContext:
    """The colour scheme, text styles and backgrounds that apply to one slide."""

    def __init__(self, slide: Any, defaults: etree._Element | None, shared: dict[Any, Any]):
        self.slide = slide
        self.layout = slide.slide_layout
        self.master = self.layout.slide_master
        self.defaults = defaults
        self.shared = shared
        key = ("colours", self.master.part.partname)
        if key not in shared:
            shared[key] = _theme_colours(self.master)
        self.colours = shared[key]
        self.background = self._background()
        self.language = self._master_language()

    def _master_language(self) -> str | None:
        """The language text falls back to: the deck's default, else the master's (from its text styles)."""
        key = ("language", self.master.part.partname)
        if key not in self.shared:
            styles = self.master._element.find(qn("p:txStyles"))
            found = styles.xpath(".//a:defRPr/@lang", namespaces=NS) if styles is not None else []
            self.shared[key] = self.shared["deck language"] or (str(found[0]) if found else None)
        return self.shared[key]

    # ---- shapes -------------------------------------------------------------------------------
    def shape(self, shape: Any, order: int) -> list[ShapeLook]:
        element = shape._element
        kind = self._kind(shape)
        box = _box(element) or self._inherited_box(shape)
        c_nv_pr = element.find(".//" + qn("p:cNvPr"))
        alt = (c_nv_pr.get("descr") or c_nv_pr.get("title") or "") if c_nv_pr is not None else ""
        decorative = c_nv_pr is not None and _decorative(c_nv_pr)
        base = {
            "name": shape.name,
            "kind": kind,
            "order": order,
            "box": box,
            "alt": alt.strip(),
            "decorative": decorative,
        }
        if kind == "table":
            return [self._table(shape, base)]
        if kind == "group":  # the group needs alt text; the shapes inside still hold text to check
            inside = [replace(look, in_group=True) for child in shape.shapes for look in self.shape(child, order)]
            return [ShapeLook(**base), *inside]
        body = element.find(qn("p:txBody"))
        if body is None or not getattr(shape, "has_text_frame", False):  # an empty chart, table or picture placeholder
            return [ShapeLook(**base)]
        return [
            ShapeLook(
                **base,
                paragraphs=self._paragraphs(body, shape, kind),
                background=self._fill(element.find(qn("p:spPr")), element) or self.background,
                autofit=_autofit(body),
                insets=_insets(body),
            )
        ]

    def _inherited_box(self, shape: Any) -> tuple[int, int, int, int]:
        """A placeholder's position from its layout or master, looked up once per layout."""
        ph = shape._element.find(".//" + qn("p:ph"))
        key = ("box", self.layout.part.partname, None if ph is None else (ph.get("idx"), ph.get("type")))
        if key not in self.shared:
            self.shared[key] = tuple(int(v or 0) for v in (shape.left, shape.top, shape.width, shape.height))
        return self.shared[key]

    def _kind(self, shape: Any) -> str:
        if shape.is_placeholder:
            ph_type = _placeholder_type(shape._element)
            if ph_type in ("title", "ctrTitle"):
                return "title"
            if ph_type in FOOTER_TYPES:
                return "footer"
            if ph_type == "pic" and shape.shape_type == 13:
                return "picture"
        tag = _local_name(shape._element)
        if tag == "pic":
            media = (
                shape._element.find(".//" + qn("a:videoFile")) is not None
                or shape._element.find(".//" + qn("a:audioFile")) is not None
            )
            return "media" if media else "picture"
        if tag == "grpSp":
            return "group"
        if tag == "graphicFrame":
            if getattr(shape, "has_table", False) and shape.has_table:
                return "table"
            return "chart" if getattr(shape, "has_chart", False) and shape.has_chart else "graphic"
        if tag == "cxnSp":
            return "other"
        return "body" if shape.is_placeholder else "text"

    def _table(self, shape: Any, base: dict) -> ShapeLook:
        tbl = shape._element.find(".//" + qn("a:tbl"))
        pr = tbl.find(qn("a:tblPr"))
        header = pr is not None and pr.get("firstRow") in ("1", "true")
        merged = any(
            tc.get(k) not in (None, "0", "1", "false") for tc in tbl.iter(qn("a:tc")) for k in ("gridSpan", "rowSpan")
        )
        merged = merged or any(tc.get(k) in ("1", "true") for tc in tbl.iter(qn("a:tc")) for k in ("hMerge", "vMerge"))
        paragraphs: list[ParagraphLook] = []
        for row, tr in enumerate(tbl.iter(qn("a:tr")), start=1):
            for column, tc in enumerate(tr.iter(qn("a:tc")), start=1):
                body = tc.find(qn("a:txBody"))
                fill = self._fill(tc.find(qn("a:tcPr")), None)
                for paragraph in self._paragraphs(body, shape, "table") if body is not None else ():
                    runs = tuple(_with_background(r, fill) for r in paragraph.runs)
                    paragraphs.append(ParagraphLook(runs, 0, cell=(row, column)))
        return ShapeLook(
            **base, paragraphs=tuple(paragraphs), background=self.background, table_header=header, table_merged=merged
        )

    # ---- text ---------------------------------------------------------------------------------
    def _paragraphs(self, body: etree._Element, shape: Any, kind: str) -> tuple[ParagraphLook, ...]:
        scale = _font_scale(body)
        chains = self._style_chains(body, shape, kind)
        style_colour = self._style_font_colour(shape._element)
        result = []
        for p in body.findall(qn("a:p")):
            ppr = p.find(qn("a:pPr"))
            level = int(ppr.get("lvl", "0")) if ppr is not None else 0
            sources = [ppr, *chains[level]]
            runs = []
            for r in p.iter(qn("a:r"), qn("a:fld")):
                text = "".join(t.text or "" for t in r.findall(qn("a:t")))
                rpr = r.find(qn("a:rPr"))
                runs.append(self._run(text, rpr, sources, scale, style_colour))
            indent = int(_first(sources, "marL") or 0) / EMU_PER_POINT
            result.append(ParagraphLook(tuple(runs), level, _line_spacing(sources), indent))
        return tuple(result)

    def _run(
        self, text: str, rpr: etree._Element | None, sources: list, scale: float, style_colour: str | None
    ) -> RunLook:
        props = [rpr] + [_def_rpr(s) for s in sources]
        size = _first(props, "sz")
        underline = _first(props, "u")
        click = rpr.find(qn("a:hlinkClick")) if rpr is not None else None
        colour = next((c for c in (self._fill(p, None) for p in props if p is not None) if c), None)
        return RunLook(
            text=text,
            size=(int(size) / 100 if size else DEFAULT_SIZE) * scale,
            bold=_first(props, "b") in ("1", "true"),
            italic=_first(props, "i") in ("1", "true"),
            underline=underline not in (None, "none"),
            caps=_first(props, "cap") == "all",
            colour=colour or style_colour or self.colours.get("tx1"),
            lang=_first(props, "lang") or self.language,
            link=self._link_target(click) if click is not None else None,
        )

    def _link_target(self, click: etree._Element) -> str:
        """Where a link goes: a web address, or '#' for a jump inside the deck."""
        rid = click.get(qn("r:id"))
        rels = self.slide.part.rels
        return rels[rid].target_ref if rid and rid in rels and rels[rid].is_external else "#"

    def _style_chains(self, body: etree._Element, shape: Any, kind: str) -> list[list]:
        """For each outline level, the list-style elements that apply, nearest first."""
        own = body.find(qn("a:lstStyle"))
        ph = shape._element.find(".//" + qn("p:ph"))
        key = ("styles", self.layout.part.partname, kind, None if ph is None else (ph.get("idx"), ph.get("type")))
        if key not in self.shared:
            self.shared[key] = self._inherited_styles(shape, kind)
        return [[_level(own, n), *levels] for n, levels in enumerate(self.shared[key])]

    def _inherited_styles(self, shape: Any, kind: str) -> list[list]:
        """Per level, the styles a shape inherits from layout and master placeholders, the master and defaults."""
        lists = []
        if shape.is_placeholder:
            base = getattr(shape, "_base_placeholder", None)
            while base is not None:
                base_body = base._element.find(qn("p:txBody"))
                lists.append(base_body.find(qn("a:lstStyle")) if base_body is not None else None)
                base = getattr(base, "_base_placeholder", None)
        styles = self.master._element.find(qn("p:txStyles"))
        name = {"title": "p:titleStyle", "body": "p:bodyStyle"}.get(kind, "p:otherStyle")
        lists.append(styles.find(qn(name)) if styles is not None else None)
        lists.append(self.defaults)
        return [[_level(lst, n) for lst in lists] for n in range(9)]

    def _style_font_colour(self, element: etree._Element) -> str | None:
        """Shapes drawn in PowerPoint carry a style whose font colour applies unless the text says otherwise."""
        ref = element.find(qn("p:style") + "/" + qn("a:fontRef"))
        return self._colour(ref) if ref is not None else None

    # ---- colours and backgrounds -----------------------------------------------------------------
    def _fill(self, holder: etree._Element | None, element: etree._Element | None) -> str | None:
        """The solid colour of a fill (first stop of a gradient); None for no fill or a picture."""
        if holder is not None:
            for child in holder:
                name = _local_name(child)
                if name == "solidFill":
                    return self._colour(child)
                if name == "gradFill":
                    stop = child.find(".//" + qn("a:gs"))
                    return self._colour(stop) if stop is not None else None
                if name in ("noFill", "blipFill", "pattFill"):
                    return None
        if element is not None:  # a shape drawn in PowerPoint fills from its style
            ref = element.find(qn("p:style") + "/" + qn("a:fillRef"))
            if ref is not None and ref.get("idx") not in (None, "0"):
                return self._colour(ref)
        return None

    def _colour(self, holder: etree._Element) -> str | None:
        for child in holder:
            name = _local_name(child)
            if name == "srgbClr":
                base = child.get("val")
            elif name == "sysClr":
                base = child.get("lastClr")
            elif name == "schemeClr":
                base = self.colours.get(child.get("val", ""))
            elif name == "prstClr":
                base = {"black": "000000", "white": "FFFFFF"}.get(child.get("val", ""))
            else:
                continue
            return _transform(base, child) if base else None
        return None

    def _background(self) -> str | None:
        """The colour behind everything: the slide's background, else its layout's, else its master's."""
        for part in (self.slide, self.layout, self.master):
            bg = part._element.find(qn("p:cSld") + "/" + qn("p:bg"))
            if bg is None:
                continue
            pr, ref = bg.find(qn("p:bgPr")), bg.find(qn("p:bgRef"))
            if pr is not None:
                return self._fill(pr, None)
            if ref is not None:
                return self._colour(ref)
        return self.colours.get("bg1", "FFFFFF")


def _theme_colours(master: Any) -> dict[str, str | None]:
    """Scheme colour names (dk1, accent1, and tx1, bg1 through the master's colour map) to RRGGBB."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE

    theme = etree.fromstring(master.part.part_related_by(RELATIONSHIP_TYPE.THEME).blob)
    colours: dict[str, str | None] = {}
    scheme = theme.find(".//a:clrScheme", NS)
    for slot in scheme if scheme is not None else []:
        value = slot[0].get("val") if _local_name(slot[0]) == "srgbClr" else slot[0].get("lastClr")
        colours[_local_name(slot)] = value
    mapping = master._element.find(qn("p:clrMap"))
    names = dict(mapping.attrib) if mapping is not None else {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
    for alias, name in names.items():
        if name in colours:
            colours[alias] = colours[name]
    return colours


def _transform(rgb: str, node: etree._Element) -> str:
    """Apply lumMod, lumOff, tint and shade, the changes PowerPoint's colour picker makes."""
    r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    for change in node:
        name, value = _local_name(change), int(change.get("val", "100000")) / 100000
        if name == "lumMod":
            lum *= value
        elif name == "lumOff":
            lum += value
        elif name == "tint":
            r2, g2, b2 = colorsys.hls_to_rgb(h, lum, s)
            return "".join(f"{round((c + (1 - c) * (1 - value)) * 255):02X}" for c in (r2, g2, b2))
        elif name == "shade":
            r2, g2, b2 = colorsys.hls_to_rgb(h, lum, s)
            return "".join(f"{round(c * value * 255):02X}" for c in (r2, g2, b2))
    r, g, b = colorsys.hls_to_rgb(h, min(max(lum, 0.0), 1.0), s)
    return "".join(f"{round(c * 255):02X}" for c in (r, g, b))


def _box(element: etree._Element) -> tuple[int, int, int, int] | None:
    """Position and size from the shape's own XML; python-pptx's lookup through layouts is slow."""
    xfrm = element.find(qn("p:spPr") + "/" + qn("a:xfrm"))
    if xfrm is None:
        xfrm = element.find(qn("p:xfrm"))
    off = xfrm.find(qn("a:off")) if xfrm is not None else None
    ext = xfrm.find(qn("a:ext")) if xfrm is not None else None
    if off is None or ext is None:
        return None
    x, y, cx, cy = off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy")
    if x is None or y is None or cx is None or cy is None:
        return None
    return int(x), int(y), int(cx), int(cy)


def _placeholder_type(element: etree._Element) -> str:
    ph = element.find(".//" + qn("p:ph"))
    return ph.get("type", "body") if ph is not None else ""


def _level(lst: etree._Element | None, n: int) -> etree._Element | None:
    return lst.find(qn(f"a:lvl{n + 1}pPr")) if lst is not None else None


def _def_rpr(ppr: etree._Element | None) -> etree._Element | None:
    return ppr.find(qn("a:defRPr")) if ppr is not None else None


def _first(props: list, attribute: str) -> str | None:
    return next((p.get(attribute) for p in props if p is not None and p.get(attribute) is not None), None)


def _line_spacing(sources: list) -> float:
    for ppr in sources:
        pct = ppr.find(qn("a:lnSpc") + "/" + qn("a:spcPct")) if ppr is not None else None
        if pct is not None:
            return int(pct.get("val")) / 100000
    return 1.0


def _autofit(body: etree._Element) -> str:
    pr = body.find(qn("a:bodyPr"))
    if pr is not None and pr.find(qn("a:spAutoFit")) is not None:
        return "shape"
    if pr is not None and pr.find(qn("a:normAutofit")) is not None:
        return "shrink"
    return "none"


def _font_scale(body: etree._Element) -> float:
    fit = body.find(qn("a:bodyPr") + "/" + qn("a:normAutofit"))
    return int(fit.get("fontScale", "100000")) / 100000 if fit is not None else 1.0


def _insets(body: etree._Element) -> tuple[int, int, int, int]:
    pr = body.find(qn("a:bodyPr"))
    get = (lambda k, d: int(pr.get(k, d))) if pr is not None else (lambda k, d: d)
    return (get("lIns", 91440), get("tIns", 45720), get("rIns", 91440), get("bIns", 45720))


def _with_background(run: RunLook, fill: str | None) -> RunLook:
    """Table text sits on its cell's fill, so the run keeps that fill for contrast."""
    return run if fill is None else replace(run, background=fill)
