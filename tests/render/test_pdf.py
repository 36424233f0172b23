"""The PDF handout writer, checked by opening its files with pikepdf and pulling out their text."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from tests.helpers import need_tool
from tests.helpers.handouts import each_topic_in_a_style, example_deck, example_options, handout_slides, small_deck
from toolkit.deck.model import plain
from toolkit.handout.styles import handout_assets
from toolkit.render.pdf import own_assets_fetcher, write_pdf


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    """Every topic, each in a different style, so every style is made at least once."""
    return {t: write_pdf(example_deck(t), example_options(s)) for t, s in each_topic_in_a_style()}


def text_of(data: bytes, tmp_path: Path) -> str:
    need_tool(shutil.which("pdftotext") is not None, "pdftotext (apt-get install poppler-utils)")
    (tmp_path / "handout.pdf").write_bytes(data)
    result = subprocess.run(["pdftotext", str(tmp_path / "handout.pdf"), "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return " ".join(result.stdout.split())


def test_pdf_is_tagged_with_language_title_and_bookmarks(pdfs: dict[str, bytes]) -> None:
    for topic, data in pdfs.items():
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
            assert titles[: len(handout_slides(deck))] == [slide.title for slide in handout_slides(deck)]
            ours = ["Questions for your next appointment", "Who to contact", "About this handout"]
            assert titles[len(handout_slides(deck)) :] == ours


def test_every_font_is_embedded_and_is_the_bundled_one(pdfs: dict[str, bytes]) -> None:
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


def test_text_has_every_slide_and_what_the_work_coach_said(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    for topic, data in pdfs.items():
        text = text_of(data, tmp_path)
        for slide in handout_slides(example_deck(topic)):
            assert slide.title in text, slide.title
            said = [plain(n.runs) for n in slide.notes if n.kind == "say"]
            for sentence in said[:1]:
                assert " ".join(sentence.split()) in text, sentence


def test_same_deck_gives_same_bytes() -> None:
    assert write_pdf(small_deck(), example_options("dyslexia")) == write_pdf(small_deck(), example_options("dyslexia"))


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
