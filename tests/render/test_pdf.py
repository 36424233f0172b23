"""The PDF handout writer, checked by opening its files with pikepdf and pulling out their text."""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pikepdf
import pytest
from fontTools.ttLib import TTFont

from tests.helpers import REPO, TOPICS, need_tool
from tests.helpers.handouts import each_topic_in_a_style, example_deck, example_options, handout_slides, small_deck
from toolkit.deck.model import plain
from toolkit.handout.styles import STYLES, handout_assets
from toolkit.render.pdf import own_assets_fetcher, write_pdf

# A small large-print handout, written to stdout by a fresh Python process.
LARGE_PRINT_ALONE = """
import sys
from tests.helpers.handouts import example_options, small_deck
from toolkit.render.pdf import write_pdf
sys.stdout.buffer.write(write_pdf(small_deck(), example_options("large-print")))
"""


@pytest.fixture(scope="module")
def pdfs() -> dict[tuple[str, str], bytes]:
    """Every topic, each in a different style, so every style is made at least once."""
    return {(t, s): write_pdf(example_deck(t), example_options(s)) for t, s in each_topic_in_a_style()}


def parts_of(topic: str, style: str) -> list[tuple[str, str]]:
    """Each part the handout has for a slide: its title, and the first thing it says."""
    slides = handout_slides(example_deck(topic))
    if style == "easy-read":
        return [(s.easy_read.title, plain(s.easy_read.lines[0].runs)) for s in slides if s.easy_read]
    said = [[plain(n.runs) for n in s.notes if n.kind == "say"] for s in slides]
    return [(s.title, words[0] if words else "") for s, words in zip(slides, said, strict=True)]


OUR_PARTS = {
    "easy-read": ["Who can help", "Hard words", "About this booklet"],
    "": ["Questions for your next appointment", "Who to contact", "About this handout"],
}


def text_of(data: bytes, tmp_path: Path) -> str:
    need_tool(shutil.which("pdftotext") is not None, "pdftotext (apt-get install poppler-utils)")
    (tmp_path / "handout.pdf").write_bytes(data)
    result = subprocess.run(["pdftotext", str(tmp_path / "handout.pdf"), "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return " ".join(result.stdout.split())


def test_pdf_is_tagged_with_language_title_and_bookmarks(pdfs: dict[tuple[str, str], bytes]) -> None:
    for (topic, style), data in pdfs.items():
        deck = example_deck(topic)
        with pikepdf.open(io.BytesIO(data)) as pdf:
            assert pdf.Root.MarkInfo.Marked is True
            assert "/StructTreeRoot" in pdf.Root and len(pdf.Root.StructTreeRoot.K) > 0
            assert str(pdf.Root.Lang) == "en-GB"
            assert str(pdf.docinfo.Title) == deck.meta.title
            assert pdf.open_metadata().get("dc:title") == deck.meta.title
            assert str(pdf.Root.ViewerPreferences.DisplayDocTitle) == "True"
            with pdf.open_outline() as outline:
                [top] = outline.root
                assert top.title == deck.meta.title
                titles = [item.title for item in top.children]
            assert titles == [title for title, _ in parts_of(topic, style)] + OUR_PARTS.get(style, OUR_PARTS[""])


def test_every_font_is_embedded_and_is_the_bundled_one(pdfs: dict[tuple[str, str], bytes]) -> None:
    for data in pdfs.values():
        with pikepdf.open(io.BytesIO(data)) as pdf:
            fonts = {
                str(font.BaseFont): _embedded(font)
                for page in pdf.pages
                for font in page.Resources.get("/Font", {}).values()
            }
        assert fonts and all(fonts.values()), fonts
        names = {re.sub(r"^/\w+\+", "", name) for name in fonts}
        assert names == {"Atkinson-Hyperlegible", "Atkinson-Hyperlegible-Bold"}


def _embedded(font: pikepdf.Dictionary) -> bool:
    descriptor = font.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in font else font.FontDescriptor
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_text_has_every_slide_and_what_the_work_coach_said(pdfs: dict[tuple[str, str], bytes], tmp_path: Path) -> None:
    for (topic, style), data in pdfs.items():
        text = text_of(data, tmp_path)
        for title, first in parts_of(topic, style):
            assert title in text, title
            assert " ".join(first.split()) in text, first


def test_same_deck_gives_same_bytes() -> None:
    assert write_pdf(small_deck(), example_options("dyslexia")) == write_pdf(small_deck(), example_options("dyslexia"))


def body_size_pt(data: bytes) -> float:
    """The size most of a PDF's text is set in, in points: WeasyPrint gives sizes in CSS pixels, 0.75 points each."""
    sizes: Counter[float] = Counter()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            sizes.update(float(args[1]) for args, op in pikepdf.parse_content_stream(page) if str(op) == "Tf")
    return sizes.most_common(1)[0][0] * 0.75


def test_a_style_made_after_others_in_one_process_is_the_one_made_alone() -> None:
    """The writers keep the font rules and unpacked fonts for the rest of a process. That must not carry one
    style into the next: large print made after standard and dyslexia has its own size, and the same bytes
    as large print made by a fresh process."""
    sizes = {}
    for style in ("standard", "dyslexia", "large-print"):
        made = write_pdf(small_deck(), example_options(style))
        sizes[style] = body_size_pt(made)
    assert sizes["large-print"] == STYLES["large-print"].body_pt == 18
    assert sizes["dyslexia"] == STYLES["dyslexia"].body_pt
    assert sizes["standard"] < sizes["dyslexia"]
    alone = subprocess.run([sys.executable, "-c", LARGE_PRINT_ALONE], cwd=REPO, capture_output=True, check=True)
    assert made == alone.stdout


def test_fetcher_gives_each_font_unpacked_as_weasyprint_would_unpack_it() -> None:
    """WeasyPrint unpacks a WOFF2 font for every PDF; the fetcher gives it already unpacked, once a process."""
    fetcher = own_assets_fetcher((handout_assets(),))
    for path in sorted((handout_assets() / "fonts").glob("*.woff2")):
        address = "data:font/woff2;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
        given = fetcher.fetch(address).read()
        assert given == fetcher.fetch(address).read()
        unpacked = TTFont(io.BytesIO(given))
        assert unpacked.flavor is None, path.name  # a plain font, not WOFF or WOFF2
        assert unpacked.getBestCmap() == TTFont(path).getBestCmap(), path.name
    assert fetcher.refused == []


def test_fetcher_allows_data_and_our_own_files_only(tmp_path: Path) -> None:
    fetcher = own_assets_fetcher((handout_assets(),))
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"
    assert fetcher.fetch("data:,hello%20there").read() == b"hello there"
    own = handout_assets() / "base.css"
    assert fetcher.fetch(own.as_uri()).read() == own.read_bytes()
    (tmp_path / "secret.txt").write_text("secret")
    refused = [
        "file:///etc/passwd",
        (tmp_path / "secret.txt").as_uri(),
        (handout_assets() / ".." / ".." / "pyproject.toml").as_uri(),
        "file://otherhost/share/file.css",
        "http://example.org/style.css",
        "https://example.org/font.woff2",
        "ftp://example.org/file",
    ]
    for url in refused:
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)
    assert fetcher.refused == refused


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_an_easy_read_booklet_fits_in_24_pages_with_a_picture_and_words_on_every_line(
    topic: str, tmp_path: Path
) -> None:
    data = write_pdf(example_deck(topic), example_options("easy-read"))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) <= 24  # Easy Read guidance: about 24 pages at most
        figures = [e for e in _structure(pdf.Root.StructTreeRoot) if e.get("/S") == "/Figure"]
    assert figures and all(str(f.get("/Alt", "")).strip() for f in figures)  # every picture is described
    text = text_of(data, tmp_path)
    assert "Hard words" in text and "Who can help" in text


def _structure(node: object):
    """Every element of a tagged PDF's structure tree."""
    if isinstance(node, pikepdf.Dictionary):
        yield node
        if "/K" in node:
            yield from _structure(node.K)
    elif isinstance(node, pikepdf.Array):
        for child in node:
            yield from _structure(child)
