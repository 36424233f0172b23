"""What a work coach and a claimant see in every example deck: layouts, visuals, QR codes that scan,
footers and numbers, nothing off the slide or on top of other text, and alt text on every picture."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from tests.helpers import need_tool

DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
DIAGRAM_NAMES = ("Step ", "Stop ", "Big fact")


def decks(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pptx"))


def content_slides(prs) -> Iterator:
    """Every slide after the cover."""
    yield from list(prs.slides)[1:]


def pictures(slide) -> list:
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


def has_visual(slide) -> bool:
    return bool(pictures(slide)) or any(s.name.startswith(DIAGRAM_NAMES) for s in slide.shapes)


def web_addresses(slide) -> set[str]:
    """Addresses that slide text links to, as people see them on the screen."""
    found = set()
    for shape in slide.shapes:
        if not shape.has_text_frame:
            continue
        for paragraph in shape.text_frame.paragraphs:
            for run in paragraph.runs:
                address = run.hyperlink.address
                if address and address.startswith("http"):
                    found.add(address)
    return found


@cache
def decode(image: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".png") as file:
        file.write(image)
        file.flush()
        out = subprocess.run(["zbarimg", "--quiet", "--raw", file.name], capture_output=True, text=True, check=False)
    return out.stdout.strip()


def test_every_deck_uses_at_least_four_layouts(example_build: Path) -> None:
    for deck in decks(example_build):
        layouts = {slide.slide_layout.name for slide in Presentation(deck).slides}
        assert len(layouts) >= 4, (deck, layouts)


def test_every_deck_opens_with_a_cover_naming_the_jobcentre(example_build: Path) -> None:
    for deck in decks(example_build):
        cover = Presentation(deck).slides[0]
        assert cover.slide_layout.name == "Cover"
        text = " ".join(s.text_frame.text for s in cover.shapes if s.has_text_frame)
        assert "Jobcentre" in text, (deck, text)


def test_at_least_half_the_content_slides_carry_a_visual(example_build: Path) -> None:
    for deck in decks(example_build):
        slides = list(content_slides(Presentation(deck)))
        with_visual = sum(has_visual(s) for s in slides)
        assert with_visual * 2 >= len(slides), (deck.name, with_visual, len(slides))


def test_every_web_address_on_a_slide_has_a_qr_code_that_scans_to_it(example_build: Path) -> None:
    need_tool(shutil.which("zbarimg") is not None, "zbar-tools (zbarimg)")
    checked = 0
    for deck in decks(example_build):
        for number, slide in enumerate(Presentation(deck).slides, start=1):
            shown = web_addresses(slide)
            codes = {decode(p.image.blob) for p in pictures(slide) if p.name == "QR code"}
            assert shown <= codes, (deck.name, number, shown - codes)
            checked += len(shown)
    assert checked > 50


def test_every_slide_but_the_cover_has_a_number_and_the_jobcentre_in_its_footer(example_build: Path) -> None:
    for deck in decks(example_build):
        prs = Presentation(deck)
        jobcentre = prs.slides[0].placeholders[1].text_frame.paragraphs[0].text
        for slide in content_slides(prs):
            kinds = {s.placeholder_format.type: s for s in slide.placeholders}
            assert jobcentre in kinds[PP_PLACEHOLDER.FOOTER].text_frame.text
            number = kinds[PP_PLACEHOLDER.SLIDE_NUMBER]._element.find(".//" + qn("a:fld"))
            assert number is not None and number.get("type") == "slidenum"


def boxes(slide) -> Iterator[tuple[str, int, int, int, int]]:
    for shape in slide.shapes:
        if shape.left is None:
            continue
        yield shape.name, shape.left, shape.top, shape.left + shape.width, shape.top + shape.height


def test_nothing_leaves_the_slide_and_no_two_text_shapes_overlap(example_build: Path) -> None:
    for deck in decks(example_build):
        prs = Presentation(deck)
        for number, slide in enumerate(prs.slides, start=1):
            for name, left, top, right, bottom in boxes(slide):
                assert left >= 0 and top >= 0, (deck.name, number, name)
                assert right <= prs.slide_width and bottom <= prs.slide_height, (deck.name, number, name)
            texts = [
                b for b, s in zip(boxes(slide), slide.shapes, strict=True) if s.has_text_frame and s.text_frame.text
            ]
            for n, one in enumerate(texts):
                for two in texts[n + 1 :]:
                    overlap = min(one[3], two[3]) - max(one[1], two[1]), min(one[4], two[4]) - max(one[2], two[2])
                    assert min(overlap) <= 0, (deck.name, number, one[0], two[0])


def test_every_picture_has_alt_text_or_is_marked_decorative(example_build: Path) -> None:
    for deck in decks(example_build):
        for number, slide in enumerate(Presentation(deck).slides, start=1):
            for picture in pictures(slide):
                c_nv_pr = picture._element.nvPicPr.cNvPr
                alt = (c_nv_pr.get("descr") or "").strip()
                decorative = c_nv_pr.find(".//" + DECORATIVE)
                assert alt or (decorative is not None and decorative.get("val") == "1"), (deck.name, number)
                assert not alt.endswith(".png"), (deck.name, number, alt)


@pytest.mark.parametrize("topic", ["transport", "employers"])
def test_arabic_tables_and_diagrams_run_right_to_left(topic: str, tmp_path: Path) -> None:
    from tests.helpers import toolkit

    result = toolkit("build", "--site", "bradford-eastbrook", "--lang", "ar", "--topic", topic, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    (deck,) = decks(tmp_path)
    for slide in Presentation(deck).slides:
        for shape in slide.shapes:
            if shape.has_table:
                assert shape.table._tbl.tblPr.get("rtl") == "1"
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    ppr = paragraph._p.pPr
                    if paragraph.text.strip():
                        assert ppr is not None and ppr.get("rtl") == "1", (slide.slide_id, paragraph.text)


def body_area(slide) -> tuple[int, int]:
    """Top and bottom of where a slide's layout puts its body: the body placeholder, or below the title."""
    placeholders = {p.placeholder_format.idx: p for p in slide.slide_layout.placeholders}
    body = placeholders.get(1)
    if body is not None:
        return body.top, body.top + body.height
    title = placeholders[0]
    footer = placeholders[11]
    return title.top + title.height, footer.top


def test_no_slide_body_is_left_mostly_empty(example_build: Path) -> None:
    """Content reaches at least a third of the way down the body: short slides get larger type and more space."""
    for deck in decks(example_build):
        for number, slide in enumerate(Presentation(deck).slides, start=1):
            if slide.slide_layout.name in ("Cover", "Section"):
                continue
            shown = [s for s in slide.shapes if not (s.is_placeholder and s.placeholder_format.idx in (0, 11, 12))]
            top, bottom = body_area(slide)
            lowest = max(s.top + s.height for s in shown)
            assert (lowest - top) * 3 >= bottom - top, (deck.name, number)
