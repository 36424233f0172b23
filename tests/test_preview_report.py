"""Previews of slides, and the review site, built for the example content."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from toolkit.report import STATUS_ORDER

from .conftest import REPO, axe_violations, need_tool, toolkit
from .test_build import TOPICS

SITE = "newport"


@pytest.fixture(scope="module")
def previewed(example_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example build, with previews of one site's decks and the review site."""
    need_tool(shutil.which("soffice") is not None and shutil.which("pdftoppm") is not None, "LibreOffice and poppler")
    out = tmp_path_factory.mktemp("previewed") / "output"
    shutil.copytree(example_build, out)
    result = toolkit("--root", REPO, "preview", "--out", out, "--site", SITE)
    assert result.exit_code == 0, result.stderr
    assert toolkit("--root", REPO, "report", "--out", out).exit_code == 0
    return out


def test_every_slide_has_a_picture_and_each_deck_a_contact_sheet(previewed: Path) -> None:
    for deck in sorted(previewed.glob(f"*/{SITE}/en/*.pptx")):
        slides = len(Presentation(str(deck)).slides)
        pictures = sorted((deck.parent / "previews" / deck.stem).glob("slide-*.png"))
        assert len(pictures) == slides, deck.name
        with Image.open(pictures[0]) as first:
            assert first.width > first.height  # a 16:9 slide
        with Image.open(deck.with_name(deck.stem + ".contact.png")) as sheet:
            assert sheet.width >= 4 * 480 and sheet.height > 480


def test_previews_of_unchanged_decks_are_skipped(previewed: Path) -> None:
    result = toolkit("--root", REPO, "preview", "--out", previewed, "--site", SITE)
    decks = len(list(previewed.glob(f"*/{SITE}/en/*.pptx")))
    assert decks == len(TOPICS) and f"Made previews of 0 decks; {decks} unchanged" in result.stdout


def test_preview_without_libreoffice_says_how_to_install_it(
    example_build: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    result = toolkit("--root", REPO, "preview", "--out", example_build, "--site", SITE)
    assert result.exit_code == 2 and "apt-get install libreoffice-impress" in result.stderr


def test_report_lists_every_deck_with_scores_and_links(previewed: Path) -> None:
    index = (previewed / "report" / "index.html").read_text()
    for deck in previewed.glob("*/*/en/*.pptx"):
        assert f'href="../{deck.relative_to(previewed).as_posix()}"' in index
    assert f"All slides of the transport deck for {SITE}" in index  # the contact sheet
    page = previewed / "report" / "south-east-wales" / SITE / "en" / "transport.html"
    text = page.read_text()
    assert "Problems, slide by slide" in text and "Reading age (target 9)" in text
    for link in ("../../../../south-east-wales/newport/en/transport.pptx", "../../../index.html"):
        assert f'href="{link}"' in text
        assert (page.parent / link).resolve().is_file()


def test_each_site_has_a_facts_page_with_unconfirmed_facts_first(previewed: Path) -> None:
    index = (previewed / "report" / "index.html").read_text()
    assert f'href="south-east-wales/{SITE}/facts.html"' in index
    page = (previewed / "report" / "south-east-wales" / SITE / "facts.html").read_text()
    rows = re.findall(r'<tr>\s*<th scope="row">(.*?)</th>\s*<td>(.*?)</td>', page)
    statuses = [status for _, status in rows]
    assert statuses[0] == "unconfirmed" and statuses == sorted(statuses, key=STATUS_ORDER.index)
    assert "jobcentre: Newport Jobcentre" in [name for name, _ in rows] and 'href="../../index.html"' in page


def test_report_pages_pass_axe(previewed: Path, browser, axe_source: str) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    site = previewed / "report" / "south-east-wales" / SITE
    pages = [previewed / "report" / "index.html", site / "en" / "cv.html", site / "facts.html"]
    found = {p.name: axe_violations(page, axe_source, p.as_uri()) for p in pages}
    context.close()
    assert found == {p.name: [] for p in pages}
