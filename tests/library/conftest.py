"""A small build for the library tests: the cv session at three Welsh jobcentres, in two languages, with a pack."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from tests.conftest import REPO, toolkit
from toolkit.preview import slides_folder

SITES = "south-east-wales"


@pytest.fixture(scope="session")
def library_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of the small build, with a send pack and the library written once."""
    out = tmp_path_factory.mktemp("library-build")
    build = ["build", "--district", SITES, "--topic", "cv", "--lang", "en,cy", "--format", "pptx,txt"]
    result = toolkit("--root", REPO, *build, "--allow-missing", "--out", out)
    assert result.exit_code == 0, result.output
    pack = ["handout", "--site", "cardiff-north", "--topic", "cv", "--format", "pdf,txt", "--style", "large-print"]
    result = toolkit("--root", REPO, *pack, "--pack", "--out", out)
    assert result.exit_code == 0, result.output
    _fake_previews(out / "south-east-wales/cardiff-north/en/cv.pptx")
    result = toolkit("--root", REPO, "library", "--out", out)
    assert result.exit_code == 0, result.output
    return out


def _fake_previews(deck: Path) -> None:
    """Pictures where 'toolkit preview' puts them, one per slide, without needing LibreOffice here."""
    folder = slides_folder(deck)
    folder.mkdir(parents=True)
    picture = BytesIO()
    Image.new("RGB", (64, 36), "white").save(picture, "PNG")
    for number in range(1, len(Presentation(str(deck)).slides) + 1):
        (folder / f"slide-{number:02d}.png").write_bytes(picture.getvalue())
