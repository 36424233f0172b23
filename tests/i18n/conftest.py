"""A small content root with a translatable test session and made-up Welsh and Arabic catalogues."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolkit.project import ContentRoot

from ..conftest import FIXTURES, REPO


@pytest.fixture
def i18n_root(tmp_path: Path) -> ContentRoot:
    """The mini site's content with tests/fixtures/i18n/templates: topic 'hello', catalogues for cy and ar."""
    target = tmp_path / "i18n"
    shutil.copytree(FIXTURES / "mini" / "local_content", target / "local_content")
    shutil.copytree(FIXTURES / "i18n" / "templates", target / "templates")
    shutil.copy(REPO / "templates" / "master.pptx", target / "templates" / "master.pptx")
    return ContentRoot.at(target)


def po(root: ContentRoot, code: str, domain: str = "sessions") -> Path:
    return root.templates / "locale" / code / "LC_MESSAGES" / f"{domain}.po"
