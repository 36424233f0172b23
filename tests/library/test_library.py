"""The session library: its pages, files and zips, and a second run that changes nothing."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from pptx import Presentation

from tests.helpers import REPO, toolkit
from toolkit.zips import FIXED_ZIP_TIME

SITE = "south-east-wales/cardiff-north"


def test_pages_for_every_jobcentre_and_session_in_english_and_welsh(library_build: Path) -> None:
    library = library_build / "library"
    for page in ("index.html", "cy/index.html", f"{SITE}/index.html", f"{SITE}/cv.html", f"{SITE}/cy/cv.html"):
        assert (library / page).is_file(), page
    assert '<html lang="cy-GB"' in (library / SITE / "cy" / "cv.html").read_text(encoding="utf-8")
    session = (library / SITE / "cv.html").read_text(encoding="utf-8")
    assert "What it covers" in session and "minutes: break" in session
    assert "Send pack in large print" in session
    assert "example content" in (library / SITE / "index.html").read_text(encoding="utf-8")


def test_slide_pictures_have_their_titles_as_alt_text(library_build: Path) -> None:
    session = (library_build / "library" / SITE / "cv.html").read_text(encoding="utf-8")
    assert 'alt="Slide 2: Plan for today"' in session
    assert (library_build / "library" / SITE / "slides" / "en" / "cv" / "slide-02.png").is_file()
    assert "There are no pictures" in (library_build / "library" / "south-east-wales/newport/cv.html").read_text()


def test_the_deck_download_is_the_built_deck(library_build: Path) -> None:
    copy = library_build / "library" / SITE / "files" / "en" / "cv.pptx"
    assert copy.read_bytes() == (library_build / SITE / "en" / "cv.pptx").read_bytes()
    assert Presentation(str(copy)).core_properties.title.startswith("Writing a CV")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [value or "" for name, value in attrs if name in ("href", "src", "action")]


def test_every_link_is_relative_and_stays_in_the_library(library_build: Path) -> None:
    library = (library_build / "library").resolve()
    for page in library.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            if link.startswith("#"):
                continue
            assert not re.match(r"^[a-z]+:|^/", link), (page, link)
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.is_relative_to(library) or target == library_build.resolve() / "report" / "index.html"
            assert target.exists(), (page, link)


def test_a_zip_per_jobcentre_with_fixed_times(library_build: Path) -> None:
    path = library_build / "library" / SITE / "cardiff-north-sessions.zip"
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert all(info.date_time == FIXED_ZIP_TIME for info in archive.infolist())
    assert f"{SITE}/files/en/cv.pptx" in names and f"{SITE}/files/cy/cv.pptx" in names
    assert names == sorted(names)


def test_the_same_build_gives_the_same_zip_bytes(library_build: Path, tmp_path: Path) -> None:
    result = toolkit("--root", REPO, "library", "--out", library_build, "--to", tmp_path / "again")
    assert result.exit_code == 0, result.output
    for name in ("cardiff-north-sessions.zip", "files/en/cv.large-print-pack.zip"):
        assert (tmp_path / "again" / SITE / name).read_bytes() == (library_build / "library" / SITE / name).read_bytes()


def test_a_second_run_with_nothing_changed_rewrites_nothing(library_build: Path) -> None:
    library = library_build / "library"
    before = {p: p.stat().st_mtime_ns for p in library.rglob("*") if p.is_file()}
    result = toolkit("--root", REPO, "library", "--out", library_build)
    assert result.exit_code == 0, result.output
    assert "nothing changed" in result.output
    assert {p: p.stat().st_mtime_ns for p in library.rglob("*") if p.is_file()} == before


def test_files_an_earlier_run_wrote_are_removed_when_they_are_not_wanted(library_build: Path, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    assert toolkit("--root", REPO, "library", "--out", library_build, "--to", folder).exit_code == 0
    stale = folder / SITE / "files" / "en" / "old.pptx"
    stale.write_bytes(b"not ours")  # a file nobody listed is left alone
    record = (folder / ".library.json").read_text(encoding="utf-8")
    (folder / ".library.json").write_text(record.replace('"files": [', f'"files": [\n"{SITE}/files/en/gone.pptx",'))
    (folder / SITE / "files" / "en" / "gone.pptx").write_bytes(b"old")
    assert toolkit("--root", REPO, "library", "--out", library_build, "--to", folder).exit_code == 0
    assert stale.is_file() and not (folder / SITE / "files" / "en" / "gone.pptx").exists()


def test_no_build_is_one_clear_error(tmp_path: Path) -> None:
    result = toolkit("--root", REPO, "library", "--out", tmp_path)
    assert result.exit_code == 2
    assert "run 'toolkit build' first" in result.output
