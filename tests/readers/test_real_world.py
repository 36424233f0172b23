"""Files nobody here wrote: odd shapes and parts are skipped with a note, and one bad file never stops a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pptx import Presentation

from tests.helpers import FIXTURES, toolkit
from toolkit.readers import markdown, read_document
from toolkit.readers.slides import _SlideContext

EXTERNAL = FIXTURES / "external"
OTHERS = sorted(EXTERNAL.glob("python-*.pptx")) + sorted(EXTERNAL.glob("python-*.docx"))


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name)
def test_files_from_python_pptx_and_python_docx_are_checked_without_a_crash(path: Path) -> None:
    result = toolkit("check", "--format", "json", path)
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)["files"][0]
    assert report["error"] is None


def test_empty_chart_table_and_picture_placeholders_are_read() -> None:
    """python-pptx's deck of empty placeholders once crashed the reader: no text body to read."""
    path = EXTERNAL / "python-pptx-ph-unpopulated-placeholders.pptx"
    doc = read_document(path)
    shapes = [len(slide.shapes) for slide in Presentation(str(path)).slides]
    assert [len(slide.shapes) for slide in doc.slides] == shapes  # every placeholder is there, none skipped
    assert doc.skipped == ()


def test_a_shape_the_reader_cannot_understand_is_skipped_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _SlideContext.shape

    def shape(self: _SlideContext, shape: object, order: int) -> list:
        if getattr(shape, "name", "") == "Table 1" and self.slide.slide_id == 256:
            raise KeyError("an element we have never seen")
        return real(self, shape, order)

    monkeypatch.setattr(_SlideContext, "shape", shape)
    doc = read_document(EXTERNAL / "python-pptx-shp-shapes.pptx")
    assert doc.skipped == ("slide 1: skipped shape 'Table 1' (KeyError)",)
    assert doc.slides[0].shapes  # the slide's other shapes are still there
    result = toolkit("check", EXTERNAL / "python-pptx-shp-shapes.pptx")
    assert "skipped: slide 1: skipped shape 'Table 1' (KeyError)" in result.stdout


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "broken.pptx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "notes.txt").write_text("We will utilise the room.\n", encoding="utf-8")
    result = toolkit("check", "--format", "json", tmp_path)
    assert result.exit_code == 2  # a file could not be read (see docs/errors.md)
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert "damaged" in files["broken.pptx"]["error"] and files["broken.pptx"]["findings"] == []
    assert files["notes.txt"]["error"] is None
    assert [f["text"] for f in files["notes.txt"]["findings"]] == ["utilise"]
    assert json.loads(result.stdout)["summary"]["files_not_checked"] == 1
    assert result.stderr.count("\n") == 1 and "broken.pptx" in result.stderr


def test_a_bug_reading_one_file_exits_3_and_still_reports_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def broken(path: Path) -> object:
        raise RuntimeError("a bug in a reader")

    monkeypatch.setattr(markdown, "read_markdown", broken)
    (tmp_path / "page.md").write_text("Hello.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("We will utilise the room.\n", encoding="utf-8")
    result = toolkit("check", "--format", "json", tmp_path / "page.md", tmp_path / "notes.txt")
    assert result.exit_code == 3  # a bug, not findings (1) and not a bad file (2)
    page, notes = json.loads(result.stdout)["files"]
    assert "bug (RuntimeError)" in page["error"] and str(tmp_path / "cache") in page["error"]
    assert [f["text"] for f in notes["findings"]] == ["utilise"]
    assert "Traceback" not in result.output


def test_a_missing_file_is_one_line_and_the_rest_are_checked(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Plain words.\n", encoding="utf-8")
    result = toolkit("check", tmp_path / "gone.txt", tmp_path / "notes.txt")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"Error: {tmp_path / 'gone.txt'}: does not exist: check the name"]
    assert "2 files checked; 1 could not be checked" in result.stdout
