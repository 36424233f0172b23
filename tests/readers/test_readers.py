"""Readers open files made outside the toolkit, and refuse damaged or hostile ones with a clear error."""

from __future__ import annotations

import json
import pkgutil
import socket
import zipfile
from pathlib import Path

import docx
import pytest
from pptx import Presentation
from pptx.util import Inches

from tests.helpers import REPO, toolkit
from toolkit import readers
from toolkit.deck.model import Deck, DeckMeta, Paragraph, Run, Slide
from toolkit.readers import READERS, read_document, reader_for
from toolkit.render import RenderOptions
from toolkit.render.pptx import write_pptx


def make_pptx(path: Path) -> Path:
    """A deck as a colleague might make it: titles, a text box, a table and speaker notes."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Travel help"
    slide.placeholders[1].text = "We will utilise the Flexible Support Fund."
    slide.notes_slide.notes_text_frame.text = "Prior to the session, check the room."
    second = prs.slides.add_slide(prs.slide_layouts[5])
    second.shapes.title.text = "Employers"
    table = second.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(1)).table
    table.cell(0, 0).text, table.cell(1, 0).text = "Name", "Asda"
    prs.save(str(path))
    return path


def test_pptx_units_have_slide_and_notes_locations(tmp_path: Path) -> None:
    doc = read_document(make_pptx(tmp_path / "deck.pptx"))
    where = {u.text: u.location for u in doc.units}
    assert where["Travel help"]["slide"] == 1
    assert where["Prior to the session, check the room."] == {"slide": 1, "part": "notes", "line": 1}
    assert where["Asda"]["slide"] == 2 and where["Asda"]["row"] == 2


def test_docx_units_have_paragraph_locations(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Getting to work", 1)
    document.add_paragraph("We will facilitate your journey.")
    document.save(str(tmp_path / "handout.docx"))
    units = read_document(tmp_path / "handout.docx").units
    assert [(u.text, u.location) for u in units] == [
        ("Getting to work", {"paragraph": 1}),
        ("We will facilitate your journey.", {"paragraph": 2}),
    ]


def test_check_reports_pptx_findings_as_json(tmp_path: Path) -> None:
    result = toolkit("check", "--format", "json", make_pptx(tmp_path / "deck.pptx"))
    assert result.exit_code == 1  # words-to-avoid is an error
    report = json.loads(result.stdout)
    findings = report["files"][0]["findings"]
    utilise = next(f for f in findings if f["rule"] == "words-to-avoid")
    assert utilise["text"] == "utilise" and utilise["location"]["slide"] == 1
    wordy = next(f for f in findings if f["rule"] == "wordy")
    located = {key: value for key, value in wordy["location"].items() if value is not None}
    assert located == {"slide": 1, "part": "notes", "line": 1}
    assert report["summary"]["errors"] >= 1


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/big.xml", b"\0" * (50 * 2**20))
    return path


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("corrupt.pptx", b"PK\x03\x04 this is not really a zip", "damaged"),
        ("empty.docx", b"", "empty"),
        ("locked.pptx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "password-protected"),
        ("latin1.txt", "Caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
        ("notes.pdf", b"%PDF-1.7", "could not be read as a PDF"),
        ("notes.rtf", b"{\\rtf1}", "cannot check .rtf"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = toolkit("check", path)
    assert result.exit_code == 2
    assert message in result.stderr and name in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_zip_bomb_is_not_opened(tmp_path: Path) -> None:
    result = toolkit("check", _zip_bomb(tmp_path / "bomb.pptx"))
    assert result.exit_code == 2 and "zip bomb" in result.stderr


def test_checking_english_touches_no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scoring must never reach for a downloader, as textstat does for NLTK's dictionary: no socket may be made."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a socket was opened while checking")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    text = tmp_path / "text.txt"
    research = Path(__file__).resolve().parents[3] / "shared" / "research" / "ajs2-group-sessions-research.txt"
    text.write_text(research.read_text(encoding="utf-8") if research.exists() else "Plain words here. " * 50)
    result = toolkit("check", "--format", "json", text)
    assert result.exit_code in (0, 1), result.stderr
    scores = json.loads(result.stdout)["files"][0]["scores"]
    assert scores["reading_age"] is not None and scores["words"] > 100


def test_welsh_is_reported_as_not_scored(tmp_path: Path) -> None:
    page = tmp_path / "cy.html"
    words = "Dewch i'r sesiwn grŵp yn y ganolfan waith. " * 10
    page.write_text(f'<html lang="cy"><body><p>{words}</p></body></html>', encoding="utf-8")
    result = toolkit("check", "--format", "json", page)
    scores = json.loads(result.stdout)["files"][0]["scores"]
    assert scores["reading_age"] is None and "not scored" in scores["note"]


def test_html_links_and_language_are_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html lang="en-GB"><body><p>Buses: <a href="https://x.org">click here</a></p>'
        "<script>utilise()</script></body></html>"
    )
    doc = read_document(page)
    assert doc.language == "en-GB"
    assert [u.text for u in doc.units] == ["Buses: click here"]
    assert doc.units[0].links[0].words == "click here"


def test_huge_file_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse file: big on paper, no disk used
        handle.truncate(101 * 2**20)
    result = toolkit("check", path)
    assert result.exit_code == 2 and "too big" in result.stderr


def test_footers_and_written_out_web_addresses_are_not_prose_to_score(tmp_path: Path) -> None:
    """Page furniture and addresses would skew reading ages on every slide of a deck with footers."""
    link = Paragraph((Run("Traveline", link="https://www.traveline.info"), Run(" plans your journey.")))
    deck = Deck(DeckMeta("t", "T", "en-GB", jobcentre="Testford Jobcentre"), (Slide("Intro"), Slide("Plan", (link,))))
    path = tmp_path / "deck.pptx"
    path.write_bytes(
        write_pptx(deck, RenderOptions(master=REPO / "templates" / "master.pptx", assets=REPO / "templates"))
    )
    texts = [u.text for u in read_document(path).units if u.location["slide"] == 2]
    assert texts == ["Plan", "Traveline plans your journey."]  # no footer, number or "traveline.info"


def test_every_cell_of_a_big_word_table_is_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=60, cols=4)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"Cell {r} {c} says something."
    table.cell(0, 0).merge(table.cell(0, 1))  # one cell over two grid squares: read once, not twice
    path = tmp_path / "table.docx"
    document.save(str(path))
    texts = [unit.text for unit in read_document(path).units]
    assert len(texts) == 60 * 4 - 1 and len(set(texts)) == len(texts)


def test_every_reader_module_is_in_the_table_and_each_ending_finds_its_reader() -> None:
    """The table of endings names each reader by module and name: a new module, or a misspelt name, fails here
    and not when someone first checks such a file."""
    modules = {found.name for found in pkgutil.iter_modules(readers.__path__)} - {"document", "slides"}
    assert {module for module, _ in READERS.values()} == modules
    for ending in READERS:
        assert callable(reader_for(Path(f"file{ending.upper()}"))), ending
    assert reader_for(Path("file.odt")) is None


def test_easy_read_words_are_a_block_of_their_own_with_each_picture_apart() -> None:
    from toolkit.readers.markdown import markdown_document

    text = """---
topic: demo
---

# Buses

Take the bus to work.

::: easy-read
- ![A bus](icon:bus) You can take a **bus**.
:::

::: hard-words
- **bus**: a big car.
:::
"""
    units = markdown_document(text, "demo.md").units
    assert [(u.block, u.location["part"], u.text) for u in units] == [
        ("slide 1", "title", "Buses"),
        ("slide 1", "body", "Take the bus to work."),
        ("slide 1 Easy Read", "Easy Read", "A bus"),  # alt text is not the start of the sentence beside it
        ("slide 1 Easy Read", "Easy Read", "You can take a bus."),
        ("slide 1 Easy Read", "Easy Read", "bus: a big car."),
    ]
