"""The Word handout writer, checked by opening its files with python-docx and LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tests.helpers import FIXTURES, need_tool
from tests.helpers.handouts import each_topic_in_a_style, example_deck, example_options, handout_slides, small_deck
from toolkit.deck.model import BulletList, Deck, DeckMeta, Image, ListItem, Run, Slide
from toolkit.render.docx import write_docx


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def headings(doc) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]


def test_headings_use_word_heading_styles_in_order() -> None:
    deck = example_deck("cv")
    found = headings(open_docx(write_docx(deck, example_options())))
    assert found[0] == ("Heading 1", deck.meta.title)
    slides = handout_slides(deck)
    assert [t for s, t in found if s == "Heading 2"][: len(slides)] == [s.title for s in slides]
    assert {s for s, _ in found} == {"Heading 1", "Heading 2", "Heading 3"}
    assert ("Heading 3", "Try this at home") in found
    levels = [int(s[-1]) for s, _ in found]
    assert all(b - a <= 1 for a, b in pairwise(levels))  # no level is skipped


def test_language_is_set_in_the_styles_every_run_and_the_properties() -> None:
    doc = open_docx(write_docx(example_deck("transport"), example_options()))
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for c in t._cells for p in c.paragraphs for r in p.runs]
    assert len(runs) > 100
    assert all(r._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB" for r in runs)
    assert doc.core_properties.language == "en-GB"


def test_core_properties_come_from_the_content() -> None:
    deck = example_deck("star")
    props = open_docx(write_docx(deck, example_options("dyslexia"))).core_properties
    assert props.title == deck.meta.title and props.subject == deck.meta.subject
    assert props.created.date().isoformat() == deck.meta.date == props.modified.date().isoformat()
    assert "dyslexia" in props.keywords and props.author == "Group session toolkit"


@pytest.mark.parametrize(
    ("style", "font", "size", "spacing"),
    [("standard", "Arial", 12, 1.15), ("large-print", "Arial", 18, 1.3), ("dyslexia", "Verdana", 15, 1.5)],
)
def test_styles_name_common_fonts_and_sizes(style: str, font: str, size: int, spacing: float) -> None:
    doc = open_docx(write_docx(small_deck(), example_options(style)))
    normal = doc.styles["Normal"]
    assert normal.font.name == font and normal.font.size == Pt(size) and not normal.font.italic
    assert normal.paragraph_format.line_spacing == spacing
    for level in (1, 2, 3):
        heading = doc.styles[f"Heading {level}"]
        assert heading.font.name == font and heading.font.size >= Pt(size * 1.2) and not heading.font.italic
        fonts = heading.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would win over the one we name
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    background = doc.element.find(qn("w:background"))
    assert (background is not None) == (style == "dyslexia")


def test_links_lists_and_tables() -> None:
    doc = open_docx(write_docx(small_deck(), example_options()))
    links = doc.element.body.findall(".//" + qn("w:hyperlink"))
    assert len(links) == 1
    assert doc.part.rels[links[0].get(qn("r:id"))].target_ref == "https://www.traveline.info"
    texts = [p.text for p in doc.paragraphs]
    assert "Use Traveline's journey planner (https://www.traveline.info)" in texts
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["Ask for help"] == "List Bullet 2"
    assert styles["Tell someone you trust one thing"] == "List Number"
    header = doc.tables[0].rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in header.cells] == ["Place", "Time"]


def test_each_numbered_list_starts_at_one() -> None:
    ordered = BulletList((ListItem((Run("First"),)), ListItem((Run("Second"),))), ordered=True)
    slides = (Slide("One", (ordered,)), Slide("Two", (ordered,)))
    doc = open_docx(write_docx(Deck(DeckMeta("t", "T", "en-GB"), slides), example_options()))
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert len(ids) == 4 and ids[0] == ids[1] != ids[2] == ids[3]
    numbering = doc.part.numbering_part.element
    for num_id in (ids[0], ids[2]):
        num = numbering.num_having_numId(num_id)
        assert num.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_image_gets_its_alt_text_not_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "dot.png").write_bytes((FIXTURES / "dot.png").read_bytes())
    deck = Deck(DeckMeta("t", "T", "en-GB"), (Slide("Picture", (Image("images/dot.png", "A red dot on white"),)),))
    doc = open_docx(write_docx(deck, replace(example_options(), assets=tmp_path)))
    [picture] = doc.inline_shapes
    assert picture._inline.docPr.get("descr") == "A red dot on white"


def test_same_deck_gives_same_bytes() -> None:
    deck = example_deck("employers")
    assert write_docx(deck, example_options("large-print")) == write_docx(deck, example_options("large-print"))


def test_handouts_open_in_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    need_tool(soffice is not None, "LibreOffice")
    files = []
    for topic, style in each_topic_in_a_style():
        path = tmp_path / f"{topic}.{style}.docx"
        path.write_bytes(write_docx(example_deck(topic), example_options(style)))
        files.append(path)
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for path in files:
        pdf = path.with_suffix(".pdf")
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
