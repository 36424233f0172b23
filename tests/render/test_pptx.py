"""The PowerPoint writer, checked by opening its files the way a user's program would."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from dataclasses import replace

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from tests.helpers import FIXTURES, REPO
from toolkit.checks.config import load_config
from toolkit.checks.runner import Checker
from toolkit.content.loader import find_sites, load_site
from toolkit.content.theme import Theme
from toolkit.deck.model import (
    Activity,
    BulletList,
    Deck,
    DeckMeta,
    Image,
    KeyFact,
    ListItem,
    Note,
    Paragraph,
    Run,
    Slide,
)
from toolkit.deck.session import make_deck
from toolkit.errors import ToolkitError
from toolkit.project import ContentRoot
from toolkit.readers import read_document
from toolkit.render import RenderOptions
from toolkit.render.pptx import write_pptx

NOTES = Note("say", (Run("Notes"),))
WRITE_ALONE = """
import hashlib, sys
from dataclasses import replace
from pathlib import Path
from tests.render.test_pptx import demo_deck, options
from toolkit.project import ContentRoot
from toolkit.render.pptx import write_pptx
mini = ContentRoot.at(Path(sys.argv[1]))
made = write_pptx(demo_deck(mini), replace(options(mini), master=Path(sys.argv[2])))
print(hashlib.sha256(made).hexdigest())
"""  # the demo deck written by a process that has written nothing else


def demo_deck(root: ContentRoot) -> Deck:
    return make_deck(root, load_site(root.content, find_sites(root.content)[0]), "demo")


def options(root: ContentRoot) -> RenderOptions:
    return RenderOptions(master=root.master, assets=root.templates)


def open_pptx(data: bytes):
    return Presentation(io.BytesIO(data))


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_slides_titles_notes_and_properties(mini: ContentRoot) -> None:
    prs = open_pptx(write_pptx(demo_deck(mini), options(mini)))
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert titles == ["Getting to work in Testford", "Buses", "Employers"]
    assert all(slide.has_notes_slide and slide.notes_slide.notes_text_frame.text for slide in prs.slides)
    assert prs.core_properties.title == "Getting to work in Testford"
    assert prs.core_properties.language == "en-GB"
    assert prs.core_properties.subject == "A short test session"


def test_title_comes_first_in_reading_order(mini: ContentRoot) -> None:
    prs = open_pptx(write_pptx(demo_deck(mini), options(mini)))
    for slide in prs.slides:
        assert slide.shapes[0].is_placeholder and slide.shapes[0].placeholder_format.idx == 0


def test_every_run_carries_the_language_and_house_sizes(mini: ContentRoot) -> None:
    prs = open_pptx(write_pptx(demo_deck(mini), options(mini)))
    runs = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if not (shape.has_table or shape.has_text_frame):
                continue  # an icon or a QR code
            frames = [c.text_frame for c in shape.table.iter_cells()] if shape.has_table else [shape.text_frame]
            for frame in frames:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        runs += 1
                        assert run._r.find(qn("a:rPr")).get("lang") == "en-GB"
                        footer = shape.is_placeholder and shape.placeholder_format.idx in (11, 12)
                        assert run.font.size >= Pt(20 if shape.has_table else 18 if footer else 24)
                        assert not run.font.italic
    assert runs > 10


def test_same_deck_gives_same_bytes(mini: ContentRoot) -> None:
    deck = demo_deck(mini)
    assert write_pptx(deck, options(mini)) == write_pptx(deck, options(mini))


def test_long_list_continues_on_a_new_slide(mini: ContentRoot) -> None:
    items = tuple(ListItem((Run(f"Point number {n} about buses and trains in the area"),)) for n in range(20))
    deck = Deck(DeckMeta("t", "T", "en-GB"), (Slide("Intro"), Slide("Many points", (BulletList(items),), (NOTES,))))
    prs = open_pptx(write_pptx(deck, options(mini)))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[1:] == ["Many points", "Many points (continued)"]
    shown = "\n".join(t for s in list(prs.slides)[1:] for t in texts(s)[1:])
    assert all(f"Point number {n} " in shown for n in range(20))
    for slide in list(prs.slides)[1:]:  # every text box ends above the slide's bottom edge
        for shape in slide.shapes:
            assert shape.top + shape.height <= prs.slide_height


def test_paragraph_too_long_for_any_slide_is_an_error(mini: ContentRoot) -> None:
    huge = Paragraph((Run("word " * 800),))
    deck = Deck(DeckMeta("t", "T", "en-GB", source="t.md.j2"), (Slide("Intro"), Slide("Wall", (huge,), line=7)))
    with pytest.raises(ToolkitError, match="too long for one slide") as caught:
        write_pptx(deck, options(mini))
    assert caught.value.line == 7


def test_image_gets_its_alt_text_not_the_file_name(mini: ContentRoot) -> None:
    (mini.templates / "images").mkdir()
    (mini.templates / "images" / "dot.png").write_bytes((FIXTURES / "dot.png").read_bytes())
    slide = Slide("Picture", (Image("images/dot.png", "A red dot on white"),), (NOTES,))
    prs = open_pptx(write_pptx(Deck(DeckMeta("t", "T", "en-GB"), (Slide("Intro"), slide)), options(mini)))
    picture = next(s for s in prs.slides[1].shapes if s.shape_type == 13)
    assert picture._element.nvPicPr.cNvPr.get("descr") == "A red dot on white"


def test_image_outside_the_templates_folder_is_refused(mini: ContentRoot) -> None:
    slide = Slide("Picture", (Image("../../../etc/passwd", "x"),))
    with pytest.raises(ToolkitError, match="outside"):
        write_pptx(Deck(DeckMeta("t", "T", "en-GB"), (Slide("Intro"), slide)), options(mini))


def test_own_master_without_needed_layout_is_explained(mini: ContentRoot, tmp_path) -> None:
    prs = Presentation(str(mini.master))
    for layout in prs.slide_layouts:
        if layout.name == "Title and Content":
            layout.name = "Something else"
    prs.save(str(tmp_path / "team.pptx"))
    with pytest.raises(ToolkitError, match="no layout called 'Title and Content'"):
        write_pptx(demo_deck(mini), replace(options(mini), master=tmp_path / "team.pptx"))


def test_corrupt_master_is_explained(mini: ContentRoot, tmp_path) -> None:
    (tmp_path / "bad.pptx").write_bytes(b"not a zip")
    with pytest.raises(ToolkitError, match="cannot open the slide master"):
        write_pptx(demo_deck(mini), replace(options(mini), master=tmp_path / "bad.pptx"))


def test_a_teams_own_master_is_used_by_layout_name(mini: ContentRoot, tmp_path) -> None:
    """A team's 4:3 template with PowerPoint's own layout names and its own look: we fill its layouts,
    falling back from ours to theirs, and keep its theme and its size."""
    prs = Presentation()  # python-pptx's default: 4:3, "Title Slide", "Title and Content", "Two Content"...
    theme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    theme._blob = theme.blob.replace(b'typeface="Calibri"', b'typeface="Verdana"')
    prs.save(str(tmp_path / "team.pptx"))
    facts = Slide("Fares", (KeyFact("50%", (Run("off bus fares"),)),), (NOTES,))
    activity = Slide("Try it", (Activity((Paragraph((Run("Plan a trip"),)),), "pairs", 5),), (NOTES,))
    link = Paragraph((Run("Traveline", link="https://www.traveline.info"),))
    deck = demo_deck(mini)
    deck = Deck(deck.meta, (*deck.slides, facts, activity, Slide("Plan", (link,), (NOTES,))))
    made = open_pptx(write_pptx(deck, replace(options(mini), master=tmp_path / "team.pptx")))
    assert [s.slide_layout.name for s in made.slides] == [
        "Title Slide",
        "Title and Content",
        "Title and Content",
        "Title Only",
        "Title and Content",
        "Two Content",
    ]
    assert made.slide_width == Emu(9144000)  # 4:3 stays 4:3
    for slide in made.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.left + shape.width <= made.slide_width, shape.name
            assert shape.top >= 0 and shape.top + shape.height <= made.slide_height, shape.name
    made_theme = made.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    assert b'typeface="Verdana"' in made_theme.blob


def test_a_master_changed_during_a_run_is_read_again(mini: ContentRoot, tmp_path) -> None:
    """Slides are copies of the first ones made from a master in the process: a master edited in place must
    give the slides a new process would make from the edit, not copies made before it."""
    master = tmp_path / "team.pptx"
    master.write_bytes(mini.master.read_bytes())
    write_pptx(demo_deck(mini), replace(options(mini), master=master))
    edited = Presentation(str(master))
    cover = next(layout for layout in edited.slide_layouts if layout.name == "Cover")
    for subtitle in [p for p in cover.placeholders if p.placeholder_format.idx == 1]:
        cover.shapes._spTree.remove(subtitle.element)  # the cover's words now go nowhere
    edited.save(str(master))
    made = write_pptx(demo_deck(mini), replace(options(mini), master=master))
    alone = subprocess.run(
        [sys.executable, "-c", WRITE_ALONE, str(mini.path), str(master)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert hashlib.sha256(made).hexdigest() == alone.stdout.strip()


def test_a_district_theme_colours_the_deck_and_puts_its_logo_on_the_cover(mini: ContentRoot, tmp_path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes((FIXTURES / "dot.png").read_bytes())
    theme = Theme(primary="4C2C92", panel="F8F8F8", logo=logo, logo_alt="Testford jobs partnership")
    deck = demo_deck(mini)
    path = tmp_path / "themed.pptx"
    path.write_bytes(write_pptx(deck, replace(options(mini), theme=theme)))
    prs = Presentation(str(path))
    scheme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    ).blob
    assert b'<a:dk2><a:srgbClr val="4C2C92"/>' in scheme and b'<a:lt2><a:srgbClr val="F8F8F8"/>' in scheme
    cover_pictures = [s for s in prs.slides[0].shapes if s.shape_type == 13]
    assert [p._element.nvPicPr.cNvPr.get("descr") for p in cover_pictures] == ["Testford jobs partnership"]
    checker = Checker(load_config(None).only(["AX"]))
    serious = [f for f in checker.check(read_document(path)).findings if f.severity >= 2]
    assert serious == []


def test_an_activity_answer_is_in_the_notes_for_after_not_on_the_slide(mini: ContentRoot) -> None:
    steps = (Paragraph((Run("Put the steps in order"),)),)
    activity = Activity(steps, "pairs", 5, answer=(Run("Situation, Task, Action, Result"),))
    order = Slide("Order", (activity,), (Note("say", (Run("Off you go."),)),))
    deck = Deck(DeckMeta("t", "T", "en-GB"), (Slide("Intro"), order))
    slide = open_pptx(write_pptx(deck, options(mini))).slides[1]
    assert "Situation, Task, Action, Result" not in " ".join(texts(slide))
    notes = slide.notes_slide.notes_text_frame.text
    assert notes.endswith("Answer: Situation, Task, Action, Result")
