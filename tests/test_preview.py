"""Previews of slides, made for the example content by the `previewed` fixture: a picture of each slide, and a
contact sheet of each deck."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from tests.helpers import PREVIEWED_SITE, REPO, TOPICS, toolkit

SITE = PREVIEWED_SITE


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
