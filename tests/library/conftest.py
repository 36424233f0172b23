"""A small build for the library tests: the cv session at three Welsh jobcentres, in two languages, with a pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import REPO, fake_previews, toolkit


@pytest.fixture(scope="session")
def library_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of the small build, with a send pack and the library written once."""
    out = tmp_path_factory.mktemp("library-build")
    build = ["build", "--district", "south-east-wales", "--topic", "cv", "--lang", "en,cy", "--format", "pptx,txt"]
    result = toolkit("--root", REPO, *build, "--allow-missing", "--out", out)
    assert result.exit_code == 0, result.output
    pack = ["handout", "--site", "cardiff-north", "--topic", "cv", "--format", "pdf,txt", "--style", "large-print"]
    result = toolkit("--root", REPO, *pack, "--pack", "--out", out)
    assert result.exit_code == 0, result.output
    fake_previews(out / "south-east-wales/cardiff-north/en/cv.pptx")
    result = toolkit("--root", REPO, "library", "--out", out)
    assert result.exit_code == 0, result.output
    return out
