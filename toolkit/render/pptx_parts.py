"""The parts of a slide beyond plain text: icons beside list items, key facts, diagrams made of shapes,
activities, QR codes and pictures. Each is drawn into a box measured by paginate.Measurer, so what
was measured is what is drawn. Everything stays editable: text is text and diagrams are shapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.shapes.shared import CT_NonVisualDrawingProps
from pptx.package import Package
from pptx.parts.image import Image as PictureFile
from pptx.parts.image import ImagePart
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide as PptxSlide
from pptx.util import Pt

from ..content.theme import Theme
from ..deck.model import Activity, BulletList, Diagram, Image, Inline, KeyFact, Run
from ..errors import ToolkitError
from ..files import inside
from ..i18n import MINUTES, N_, ONLINE_WHO_WORDS, OUTCOME, WHO_WORDS, Words, language
from .icons import icon_png
from .paginate import (
    ACTIVITY_HEADER,
    ARROW,
    FACT_DETAIL,
    FACT_SIZE,
    GAP,
    ICON,
    ICON_GAP,
    PAD,
    STOP,
    Measurer,
)
from .pptx_text import add_paragraph, fill_text, plain_frame
from .qr import qr_png, short_address

HEADER_SIZES = (28.0, 24.0, 20.0)  # an activity's "who" and "how long", largest first
WHO_ICONS = {"alone": "person", "pairs": "pair", "groups": "group", "everyone": "group"}
QR_ALT = N_("QR code for %(address)s")
QR_SIZE = 140.0  # points: big enough to scan from the middle of a room
SIDE_ICON = 200.0  # points: a picture-sized icon in the column beside the text
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"  # how PowerPoint marks a picture decorative
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
MEDIA = "/ppt/media/image"  # picture files are this and a number


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in points."""

    left: float
    top: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class Painter:
    """Draws onto one slide in the deck's language and theme; `mirror` flips left and right for RTL."""

    page: PptxSlide
    lang: str
    theme: Theme
    words: Words
    measurer: Measurer
    area: Box  # the content area, for mirroring
    pictures: Pictures

    @property
    def rtl(self) -> bool:
        return language(self.lang).rtl

    def x(self, box: Box) -> float:
        """The left edge of a box as drawn: mirrored inside the content area in a right-to-left language."""
        return self.area.left + self.area.width - (box.left - self.area.left) - box.width if self.rtl else box.left

    def textbox(self, box: Box, name: str) -> Shape:
        """python-pptx's text box, without its search of the new shape for a placeholder it cannot have."""
        shapes = self.page.shapes
        shape = Shape(shapes._add_textbox_sp(Pt(self.x(box)), Pt(box.top), Pt(box.width), Pt(box.height)), shapes)
        shape.name = name
        plain_frame(shape.text_frame)
        return shape

    def rectangle(self, box: Box, fill: str, kind: MSO_SHAPE = MSO_SHAPE.RECTANGLE, line: str | None = None):
        shape = self.page.shapes.add_shape(kind, Pt(self.x(box)), Pt(box.top), Pt(box.width), Pt(box.height))
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(fill)
        if line:
            shape.line.color.rgb = RGBColor.from_string(line)
            shape.line.width = Pt(2.25)
        else:
            shape.line.fill.background()
        style = shape._element.find(qn("p:style"))
        if style is not None:  # the theme's style would add a shadow and white text
            shape._element.remove(style)
        return shape

    def picture(self, data: bytes, box: Box, alt: str, name: str) -> None:
        self.pictures.add(self.page, data, Box(self.x(box), box.top, box.width, box.height), alt, name)

    def icon(self, name: str, box: Box, alt: str = "") -> None:
        self.picture(icon_png(name, self.theme.accent), box, alt, f"Icon: {name}")

    # ---- lists with icons ---------------------------------------------------------------------
    def icon_list(self, block: BulletList, box: Box) -> float:
        """Each item as an icon and its words side by side, so the reading order is icon, words, icon..."""
        sizes, top = self.measurer.sizes, box.top
        icon = sizes.icon
        for n, item in enumerate(block.items):
            words_height = self.measurer.icon_item(item)
            row = max(icon, words_height)
            if item.icon:
                self.icon(item.icon, Box(box.left, top + (min(row, 2 * icon) - icon) / 2, icon, icon))
            text = Box(box.left + icon + ICON_GAP, top, box.width - icon - ICON_GAP, max(words_height, icon))
            shape = self.textbox(text, f"Item {n + 1}")
            shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE if words_height < icon else MSO_ANCHOR.TOP
            add_paragraph(shape.text_frame, item.runs, sizes.body, self.lang, True)
            top += row + sizes.body * sizes.spacing
        return top - box.top

    # ---- key facts ----------------------------------------------------------------------------
    def key_fact(self, fact: KeyFact, box: Box) -> None:
        panel = self.rectangle(box, self.theme.panel)
        panel.name = "Big fact"
        frame = plain_frame(panel.text_frame, MSO_ANCHOR.MIDDLE, inset=PAD)
        align = PP_ALIGN.RIGHT if self.rtl else PP_ALIGN.LEFT
        add_paragraph(frame, (Run(fact.value, bold=True),), FACT_SIZE, self.lang, True, self.theme.primary, align=align)
        if fact.detail:
            add_paragraph(frame, fact.detail, FACT_DETAIL, self.lang, False, self.theme.text, align=align)

    # ---- diagrams -----------------------------------------------------------------------------
    def diagram(self, diagram: Diagram, box: Box) -> None:
        if diagram.kind == "journey":
            self.journey(diagram, box)
        else:
            self.steps(diagram, box)

    def steps(self, diagram: Diagram, box: Box) -> None:
        """Boxes in a row joined by arrows: the order is the point."""
        width = self.measurer.step_width(len(diagram.items))
        for n, item in enumerate(diagram.items):
            left = box.left + n * (width + ARROW)
            step = self.rectangle(Box(left, box.top, width, box.height), self.theme.panel, line=self.theme.accent)
            step.name = f"Step {n + 1}"
            frame = plain_frame(step.text_frame, MSO_ANCHOR.TOP, inset=PAD)
            add_paragraph(frame, item.runs, self.measurer.sizes.body, self.lang, True, self.theme.text)
            if n + 1 < len(diagram.items):
                arrow = Box(left + width + 6, box.top + box.height / 2 - 16, ARROW - 12, 32)
                shape = MSO_SHAPE.LEFT_ARROW if self.rtl else MSO_SHAPE.RIGHT_ARROW
                self.rectangle(arrow, self.theme.accent, shape).name = "Arrow"

    def journey(self, diagram: Diagram, box: Box) -> None:
        """Stops on a line, each with its time and place below: a journey people can follow."""
        column = box.width / len(diagram.items)
        first, last = box.left + column / 2, box.left + box.width - column / 2
        mid = box.top + STOP / 2
        line = self.page.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(first), Pt(mid), Pt(last), Pt(mid))
        line.line.color.rgb = RGBColor.from_string(self.theme.accent)
        line.line.width = Pt(4)
        line.name = "Journey line"
        for n, item in enumerate(diagram.items):
            centre = box.left + column * n + column / 2
            self.rectangle(
                Box(centre - STOP / 2, box.top, STOP, STOP), self.theme.accent, MSO_SHAPE.OVAL
            ).name = f"Stop {n + 1}"
            words = Box(box.left + column * n, box.top + STOP + GAP, column, box.height - STOP - GAP)
            shape = self.textbox(words, f"Stop {n + 1} words")
            align = PP_ALIGN.CENTER
            add_paragraph(shape.text_frame, item.runs, self.measurer.sizes.body, self.lang, True, align=align)

    # ---- activities ---------------------------------------------------------------------------
    def activity(self, activity: Activity, box: Box) -> None:
        """Who and how long, large; the steps in a panel; what each person ends with."""
        self.activity_header(activity, box)
        top = box.top + ACTIVITY_HEADER + GAP
        panel_height = self.measurer.panel_text(activity.blocks, box.width)
        panel = self.rectangle(Box(box.left, top, box.width, panel_height + 2 * PAD), self.theme.panel)
        panel.name = "Activity steps"
        frame = plain_frame(panel.text_frame, MSO_ANCHOR.TOP, inset=PAD)
        fill_text(frame, list(activity.blocks), self.lang, self.measurer.sizes.body, self.theme.text)
        top += panel_height + 2 * PAD + 2 * GAP
        if activity.outcome:
            self.icon("target", Box(box.left, top, ICON, ICON))
            words = Box(box.left + ICON + ICON_GAP, top, self.measurer.outcome_width() + 14.4, box.bottom - top)
            shape = self.textbox(words, "Outcome")
            runs: Inline = (Run(self.words(OUTCOME) + " ", bold=True), *activity.outcome)
            add_paragraph(shape.text_frame, runs, self.measurer.sizes.body, self.lang, True)

    def activity_header(self, activity: Activity, box: Box) -> None:
        """Who and how long, each with its icon, in large bold type: smaller only if they would not fit."""
        who = self.words((ONLINE_WHO_WORDS if activity.online else WHO_WORDS)[activity.who])
        parts = [(WHO_ICONS[activity.who], who)]
        if activity.minutes:
            parts.append(("clock", self.words.n(*MINUTES, activity.minutes)))

        def width(text: str, size: float) -> float:
            return self.measurer.metrics.width(text, size, bold=True) + 24

        size = next(
            (s for s in HEADER_SIZES if sum(44 + 10 + width(t, s) + 36 for _, t in parts) <= box.width),
            HEADER_SIZES[-1],
        )
        left = box.left
        for icon, text in parts:
            self.icon(icon, Box(left, box.top + (ACTIVITY_HEADER - 44) / 2, 44, 44))
            shape = self.textbox(Box(left + 44 + 10, box.top, width(text, size), ACTIVITY_HEADER), f"Activity: {text}")
            shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            add_paragraph(shape.text_frame, (Run(text, bold=True),), size, self.lang, True)
            left += 44 + 10 + width(text, size) + 36

    # ---- the column beside the text -----------------------------------------------------------
    def side_column(self, images: list[Image], links: list[str], box: Box, assets: Path) -> None:
        """Pictures and icons first, then a QR code for each web address with its short form beside it."""
        top = box.top
        for image in images:
            top += self.side_image(image, Box(box.left, top, box.width, box.bottom - top), assets) + GAP
        for address in links:
            short = short_address(address)
            alt = self.words(QR_ALT, address=short)
            self.picture(qr_png(address, "0B0C0C"), Box(box.left, top, QR_SIZE, QR_SIZE), alt, "QR code")
            words = Box(box.left + QR_SIZE + 8, top, box.width - QR_SIZE - 8, QR_SIZE)
            shape = self.textbox(words, "Web address")
            shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            add_paragraph(shape.text_frame, (Run(short, link=address),), 24, self.lang, True)
            top += QR_SIZE + GAP

    def side_image(self, image: Image, box: Box, assets: Path) -> float:
        if image.icon:
            size = min(SIDE_ICON, box.width, box.height)
            self.icon(image.icon, Box(box.left + (box.width - size) / 2, box.top, size, size), image.alt)
            return size
        return self.image(image, box, assets)

    def image(self, image: Image, box: Box, assets: Path) -> float:
        """Place a picture as large as fits; return the height used in points."""
        path = inside(assets, image.path)
        if not path.is_file():
            raise ToolkitError(f"image '{image.path}' not found: put it under {assets.name}/", assets)
        px_width, px_height = PictureFile.from_file(str(path)).size
        scale = min(box.width / px_width, box.height / px_height)
        size = Box(box.left, box.top, px_width * scale, px_height * scale)
        self.picture(path.read_bytes(), size, image.alt, "Picture")
        return size.height


class Pictures:
    """One deck's picture files, each stored once however many slides show it.

    python-pptx looks for a picture already in the deck, and for the next free file name, by walking every
    part of the deck, a walk that grows with each slide. Here the deck's pictures are kept by their bytes,
    and the names in use counted, after one walk at the first picture to find any the master holds.
    """

    def __init__(self) -> None:
        self._parts: dict[bytes, ImagePart] = {}
        self._numbers: set[int] | None = None  # of /ppt/media/imageN files; None until the first picture

    def part(self, package: Package, data: bytes) -> ImagePart:
        """The deck's part for a picture: the one already there, or a new one named as python-pptx names it."""
        if self._numbers is None:
            names = [part.partname for part in package.iter_parts()]
            self._numbers = {name.idx for name in names if name.startswith(MEDIA) and name.idx is not None}
            for found in package._image_parts:
                self._parts.setdefault(found.blob, found)
        part = self._parts.get(data)
        if part is None:
            image = PictureFile.from_blob(data)
            number = next(n for n in range(1, len(self._numbers) + 2) if n not in self._numbers)
            self._numbers.add(number)
            name = PackURI(f"{MEDIA}{number}.{image.ext}")
            part = self._parts[data] = ImagePart(name, image.content_type, package, data, image.filename)
        return part

    def add(self, page: PptxSlide, data: bytes, box: Box, alt: str, name: str) -> None:
        """A picture with its alt text, or marked decorative when it has none; the same XML as python-pptx's
        `add_picture` with `name` and `descr` set."""
        part = self.part(page.part.package, data)
        rid = page.part.relate_to(part, RT.IMAGE)
        shapes = page.shapes
        shape_id = shapes._next_shape_id
        place = (Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height))
        picture = shapes._spTree.add_pic(shape_id, f"Picture {shape_id - 1}", part.desc, rid, *place)
        # python-pptx declares `nvPicPr` as its descriptor class, not the element the descriptor gives
        c_nv_pr: CT_NonVisualDrawingProps = picture.nvPicPr.cNvPr  # type: ignore[attr-defined]
        c_nv_pr.set("name", name)
        c_nv_pr.set("descr", alt)  # python-pptx writes the file name here
        if not alt:
            mark_decorative(c_nv_pr)


def mark_decorative(c_nv_pr: CT_NonVisualDrawingProps) -> None:
    """Mark a shape decorative the way PowerPoint does, so its checker and screen readers skip it."""
    ext_list = c_nv_pr.makeelement(qn("a:extLst"), {})
    ext = ext_list.makeelement(qn("a:ext"), {"uri": DECORATIVE_URI})
    ext.append(ext.makeelement(f"{{{DECORATIVE_NS}}}decorative", {"val": "1"}, nsmap={"adec": DECORATIVE_NS}))
    ext_list.append(ext)
    c_nv_pr.append(ext_list)
