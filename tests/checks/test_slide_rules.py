"""Accessibility rules: a deck that breaks each rule, and a twin that keeps it (a table per rule)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from tests.helpers import FIXTURES
from toolkit.checks.config import load_config
from toolkit.checks.runner import Checker, FileReport
from toolkit.readers import read_document

TITLE_AND_CONTENT, TITLE_ONLY, BLANK = 1, 5, 6
PICTURE = FIXTURES / "dot.png"


def new_deck():
    prs = Presentation()
    prs.core_properties.language = "en-GB"
    return prs


def titled(prs, title: str = "Getting to work", layout: int = TITLE_ONLY):
    slide = prs.slides.add_slide(prs.slide_layouts[layout])
    slide.shapes.title.text = title
    _lang(slide)
    slide.notes_slide.notes_text_frame.text = "Say hello."
    return slide


def _lang(slide, lang: str = "en-GB") -> None:
    for r in slide._element.iter(qn("a:r")):
        r.get_or_add_rPr().set("lang", lang)


def textbox(slide, text: str, top: float = 2.0, size: int = 28, height: float = 1.0):
    box = slide.shapes.add_textbox(Inches(0.5), Inches(top), Inches(9), Inches(height))
    box.text_frame.word_wrap = True
    box.text_frame.text = text
    for run in box.text_frame.paragraphs[0].runs:
        run.font.size = Pt(size)
    _lang(slide)
    return box


def picture(slide, alt: str | None = None, decorative: bool = False):
    pic = slide.shapes.add_picture(str(PICTURE), Inches(1), Inches(4), Inches(2))
    c_nv_pr = pic._element.nvPicPr.cNvPr
    if alt is not None:
        c_nv_pr.set("descr", alt)
    if decorative:
        ext = etree.SubElement(
            etree.SubElement(c_nv_pr, qn("a:extLst")), qn("a:ext"), uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
        )
        etree.SubElement(ext, "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative", val="1")
    return pic


def table(slide, header: bool = True, merge: bool = False):
    shape = slide.shapes.add_table(2, 2, Inches(0.5), Inches(2), Inches(9), Inches(1.5))
    grid = shape.table
    grid.first_row = header
    for cell, text in zip(grid.iter_cells(), ["Employer", "Jobs", "Asda", "Picker"], strict=True):
        cell.text = text
    if merge:
        grid.cell(1, 0).merge(grid.cell(1, 1))
    _lang(slide)
    return shape


def colour_text(slide, colour: str, size: int = 28, fill: str | None = None):
    box = textbox(slide, "Bring your CV", size=size)
    box.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string(colour)
    if fill:
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor.from_string(fill)


def dark_background(slide) -> None:
    slide.background.fill.solid()
    slide.background.fill.fore_color.rgb = RGBColor(0x10, 0x10, 0x10)


def title_last(slide) -> None:
    textbox(slide, "Bring your CV", top=3)
    tree = slide.shapes._spTree
    title = slide.shapes.title._element
    tree.remove(title)
    tree.append(title)


def overflowing(slide) -> None:
    box = textbox(slide, " ".join(["Bus and train times change often."] * 20), height=1.0)
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE


def styled(slide, italic=False, underline=False, text="Bring your CV to the session on Monday morning") -> None:
    box = textbox(slide, text)
    font = box.text_frame.paragraphs[0].runs[0].font
    font.italic, font.underline = italic, underline


Build = Callable[[object], None]

CASES: dict[str, list[tuple[str, Build, bool]]] = {
    "slide-title-missing": [
        (
            "blank slide with only text",
            lambda prs: _lang_slide(prs.slides.add_slide(prs.slide_layouts[BLANK]), "Hello"),
            True,
        ),
        ("slide with a title", lambda prs: titled(prs), False),
    ],
    "slide-title-duplicate": [
        ("two slides called the same", lambda prs: (titled(prs, "Buses"), titled(prs, "Buses")), True),
        ("two different titles", lambda prs: (titled(prs, "Buses"), titled(prs, "Trains")), False),
    ],
    "alt-text-missing": [
        ("picture with its file name as alt", lambda prs: picture(titled(prs)), True),
        ("picture with a default name as alt", lambda prs: picture(titled(prs), alt="Picture 3"), True),
        ("picture with real alt text", lambda prs: picture(titled(prs), alt="A bus stop outside the jobcentre"), False),
        ("decorative picture", lambda prs: picture(titled(prs), alt="", decorative=True), False),
    ],
    "alt-text-long": [
        ("alt text of 200 characters", lambda prs: picture(titled(prs), alt="A bus stop. " * 17), True),
        ("short alt text", lambda prs: picture(titled(prs), alt="A bus stop outside the jobcentre"), False),
    ],
    "table-header-missing": [
        ("table without header row", lambda prs: table(titled(prs), header=False), True),
        ("table with header row", lambda prs: table(titled(prs)), False),
    ],
    "table-merged-cells": [
        ("table with merged cells", lambda prs: table(titled(prs), merge=True), True),
        ("plain table", lambda prs: table(titled(prs)), False),
    ],
    "contrast-too-low": [
        ("light grey text on white", lambda prs: colour_text(titled(prs), "AAAAAA"), True),
        ("white text on a yellow box", lambda prs: colour_text(titled(prs), "FFFFFF", fill="FFDD00"), True),
        ("black title on a dark slide background", lambda prs: dark_background(titled(prs)), True),
        ("dark grey text on white", lambda prs: colour_text(titled(prs), "505A5F"), False),
        (
            "large mid blue text on white (3:1 is enough)",
            lambda prs: colour_text(titled(prs), "4F81BD", size=28),
            False,
        ),
        ("small mid blue text on white", lambda prs: colour_text(titled(prs), "4F81BD", size=12), True),
    ],
    "font-too-small": [
        ("14 pt body text", lambda prs: textbox(titled(prs), "Bring your CV", size=14), True),
        ("28 pt body text", lambda prs: textbox(titled(prs), "Bring your CV", size=28), False),
        ("text sized by the master (32 pt)", lambda prs: _body(titled(prs, layout=TITLE_AND_CONTENT)), False),
        ("table text at the default 18 pt", lambda prs: table(titled(prs)), False),
    ],
    "text-overflow": [
        ("long text in a short box", lambda prs: overflowing(titled(prs)), True),
        ("short text", lambda prs: textbox(titled(prs), "Bring your CV"), False),
    ],
    "reading-order": [
        ("title last in reading order", lambda prs: title_last(titled(prs)), True),
        ("lower box read first", lambda prs: _two_boxes(titled(prs), lower_first=True), True),
        ("boxes read top to bottom", lambda prs: _two_boxes(titled(prs), lower_first=False), False),
    ],
    "language-missing": [
        (
            "text with no language anywhere",
            lambda prs: _no_lang(textbox(titled(_no_default(prs)), "Bring your CV")),
            True,
        ),
        ("text that inherits the deck's language", lambda prs: _no_lang(textbox(titled(prs), "Bring your CV")), False),
        ("French tag in an English deck", lambda prs: _lang(titled(prs), "fr-FR"), True),
        ("English tags", lambda prs: textbox(titled(prs), "Bring your CV"), False),
    ],
    "hard-to-read-text": [
        ("a long italic sentence", lambda prs: styled(titled(prs), italic=True, text="word " * 12), True),
        ("underlined text that is not a link", lambda prs: styled(titled(prs), underline=True), True),
        ("a sentence in capitals", lambda prs: styled(titled(prs), text="BRING YOUR CV ON MONDAY"), True),
        ("plain sentence case", lambda prs: styled(titled(prs)), False),
    ],
    "too-much-text": [
        ("60 words on a slide", lambda prs: textbox(titled(prs), "word " * 60, height=4), True),
        ("20 words on a slide", lambda prs: textbox(titled(prs), "word " * 20, height=2), False),
    ],
    "notes-missing": [
        ("no speaker notes", lambda prs: _lang_slide(_no_notes(prs), ""), True),
        ("speaker notes", lambda prs: titled(prs), False),
    ],
}


def _lang_slide(slide, text: str):
    if text:
        textbox(slide, text)
    _lang(slide)
    return slide


def _no_notes(prs):
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    slide.shapes.title.text = "No notes here"
    return slide


def _body(slide) -> None:
    slide.placeholders[1].text = "Bring your CV"
    _lang(slide)


def _two_boxes(slide, lower_first: bool) -> None:
    tops = (4.5, 2.0) if lower_first else (2.0, 4.5)
    for n, top in enumerate(tops):
        textbox(slide, f"Box {n}", top=top)


def _no_lang(box) -> None:
    for r in box._element.iter(qn("a:r")):
        r.get_or_add_rPr().attrib.pop("lang", None)


def _no_default(prs):
    """A deck that names no default language: none in the presentation's or the master's text styles."""
    for part in (prs.part._element, prs.slide_master._element):
        for node in part.iter(qn("a:defRPr")):
            node.attrib.pop("lang", None)
    return prs


def check(tmp_path: Path, build: Build) -> FileReport:
    prs = new_deck()
    build(prs)
    path = tmp_path / "deck.pptx"
    prs.save(str(path))
    return Checker(load_config(None).only(["AX"])).check(read_document(path))


@pytest.mark.parametrize(
    ("rule", "what", "build", "fires"),
    [(rule, what, build, fires) for rule, rows in CASES.items() for what, build, fires in rows],
    ids=[f"{rule}: {what}" for rule, rows in CASES.items() for what, _, _ in rows],
)
def test_rule_fires_or_stays_quiet(tmp_path: Path, rule: str, what: str, build: Build, fires: bool) -> None:
    found = [f for f in check(tmp_path, build).findings if f.rule == rule]
    assert bool(found) == fires, [f.message for f in found]
    for finding in found:
        assert finding.location["slide"] >= 1 and finding.suggestion


def test_contrast_reports_the_ratio(tmp_path: Path) -> None:
    finding = next(
        f
        for f in check(tmp_path, lambda prs: colour_text(titled(prs), "AAAAAA", size=12)).findings
        if f.rule == "contrast-too-low"
    )
    assert "2.3:1" in finding.message and "4.5:1" in finding.message
    assert set(finding.location) == {"slide", "shape"}


EXTERNAL = FIXTURES / "external"


def findings(path: Path) -> set[tuple[str, int, str]]:
    report = Checker(load_config(None).only(["AX"])).check(read_document(path))
    return {(f.rule, f.location["slide"], str(f.location.get("shape", ""))) for f in report.findings}


def test_deck_made_in_powerpoint(tmp_path: Path) -> None:
    found = findings(EXTERNAL / "python-pptx-shp-shapes.pptx")
    assert {
        ("alt-text-missing", 1, "Picture 5"),  # its alt text is the file name, python-powered.png
        ("alt-text-missing", 1, "Chart 2"),
        ("alt-text-missing", 1, "Diagram 7"),
        ("alt-text-missing", 2, "Picture 7"),
        ("alt-text-missing", 2, "Group 4"),
        ("slide-title-missing", 2, ""),
        ("font-too-small", 1, "Content Placeholder 4"),  # shrunk to 20 pt by PowerPoint's autofit
        ("notes-missing", 1, ""),
    } <= found
    assert not any(rule == "slide-title-missing" and slide == 1 for rule, slide, _ in found)


def test_deck_made_in_libreoffice() -> None:
    found = findings(EXTERNAL / "libreoffice-focus.pptx")
    for slide in (1, 2, 3, 4):
        assert ("slide-title-missing", slide, "") in found  # the template's title boxes are empty
    for slide in (2, 3, 4):  # light grey 14 pt slide numbers
        assert ("contrast-too-low", slide, "PlaceHolder 3") in found
        assert ("font-too-small", slide, "PlaceHolder 3") in found


def test_our_built_decks_pass_accessibility_rules(example_build: Path) -> None:
    checker = Checker(load_config(None).only(["AX"]))
    for deck in sorted(example_build.rglob("*.pptx")):
        serious = [f for f in checker.check(read_document(deck)).findings if f.severity >= 2]
        assert serious == [], (deck.name, [(f.rule, f.location, f.message) for f in serious])
