"""Progress of long commands when nobody watches a terminal (CI logs, scheduled jobs): a line every few seconds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import PREVIEWED_SITE, REPO, toolkit
from toolkit.commands import progress
from toolkit.project import ContentRoot

THREE_FILES = ("build", "--format", "pptx,html,txt", "--jobs", "1")


def test_a_build_in_a_log_says_how_far_it_has_got(
    mini: ContentRoot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "EVERY_SECONDS", 0)  # a line for every file, as if each took a while
    result = toolkit("--root", mini.path, *THREE_FILES, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("Building:")]
    assert lines == ["Building: 1 of 3 files done, 2 left", "Building: 2 of 3 files done, 1 left"]


def test_a_quick_build_in_a_log_prints_no_progress(mini: ContentRoot, tmp_path: Path) -> None:
    result = toolkit("--root", mini.path, *THREE_FILES, "--out", tmp_path / "out")
    assert result.exit_code == 0 and "Building:" not in result.stderr


def test_a_report_in_a_log_says_how_many_decks_are_checked(
    i18n_root: ContentRoot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert toolkit("--root", i18n_root.path, "build", "--lang", "en,cy", "--out", out).exit_code == 0
    monkeypatch.setattr(progress, "EVERY_SECONDS", 0)
    result = toolkit("--root", i18n_root.path, "report", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert "Checking decks: 1 of 2 decks done, 1 left" in result.stderr


def test_previews_in_a_log_count_skipped_decks_as_done(previewed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "EVERY_SECONDS", 0)
    result = toolkit("--root", REPO, "preview", "--out", previewed, "--site", PREVIEWED_SITE)
    decks = len(list(previewed.glob(f"*/{PREVIEWED_SITE}/en/*.pptx")))
    assert f"Making previews: {decks - 1} of {decks} decks done, 1 left" in result.stderr


def test_checking_files_in_a_log_says_how_many_are_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(3):
        (tmp_path / f"part-{n}.txt").write_text("Bring your CV to the session.\n", encoding="utf-8")
    monkeypatch.setattr(progress, "EVERY_SECONDS", 0)
    result = toolkit("check", tmp_path)
    assert "Checking: 2 of 3 files done, 1 left" in result.stderr
    assert "3 files checked" in result.stdout
