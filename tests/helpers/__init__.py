"""Plain helpers and constants the tests share; fixtures live in the conftest.py files, which may import these.

- here: where things are, the session topics, running `toolkit`, reading what a build wrote, needing a tool
- browser.py: the system's Chromium and axe-core
- handouts.py: the example content for one site, and a small deck, for the handout tests
- sessions.py: decks and handouts of every bundled session, and the words a handout reader sees
- spreadsheets.py: employer rows and workbooks for the import tests
- strategies.py: Hypothesis settings and odd text for the property tests
"""

from __future__ import annotations

import json
import os
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PIL import Image
from pptx import Presentation

from toolkit.cli import main
from toolkit.preview import slides_folder
from toolkit.project import ContentRoot

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"

# Every topic we ship: one template each in templates/sessions/ (its parts/ are not topics). Read from the
# folder, so a new topic needs no test changed; tests that need particular topics name them and say why.
TOPICS = frozenset(p.name.removesuffix(".md.j2") for p in (REPO / "templates" / "sessions").glob("*.md.j2"))

PREVIEWED_SITE = "newport"  # the site whose decks the `previewed` fixture makes pictures of


def toolkit(*args: str | Path) -> Result:
    """Run the `toolkit` command in-process and return what it printed and its exit code."""
    return CliRunner().invoke(main, [str(a) for a in args])


def need_tool(found: bool, what: str) -> None:
    """Skip a test when a tool is missing on a developer's machine, but fail in CI, which must have it."""
    if not found:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {what} (see .ci/run)")
        pytest.skip(f"{what} is not installed")


def manifest(out: Path) -> list[dict]:
    """The entries of the manifest.json a build wrote in `out`."""
    return json.loads((out / "manifest.json").read_text())["files"]


def body_lines(path: Path) -> set[str]:
    """The distinct lines of slide text below the titles."""
    prs = Presentation(str(path))
    return {
        line
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame and shape != slide.shapes.title
        for line in shape.text_frame.text.split("\n")
        if line.strip()
    }


def fake_previews(deck: Path) -> None:
    """Pictures where 'toolkit preview' puts them, one per slide, without needing LibreOffice here."""
    folder = slides_folder(deck)
    folder.mkdir(parents=True)
    picture = BytesIO()
    Image.new("RGB", (64, 36), "white").save(picture, "PNG")
    for number in range(1, len(Presentation(str(deck)).slides) + 1):
        (folder / f"slide-{number:02d}.png").write_bytes(picture.getvalue())


def po(root: ContentRoot, code: str, domain: str = "sessions") -> Path:
    """The catalogue of one language and domain in a content root's templates."""
    return root.templates / "locale" / code / "LC_MESSAGES" / f"{domain}.po"
