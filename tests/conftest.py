"""Shared fixtures: a small content root, builds made once, a browser, and no network for any test.

Plain helpers and constants are in tests/helpers/; tests import them from there, never from a conftest.py.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit import preview
from toolkit.cli import main
from toolkit.project import ContentRoot

from .helpers import FIXTURES, PREVIEWED_SITE, REPO, need_tool, toolkit
from .helpers.browser import AXE, CHROMIUM, CHROMIUM_FLAGS


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to reach another machine; loopback and local sockets stay open."""
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and host not in ("127.0.0.1", "::1", "localhost"):
            raise OSError(f"test tried to reach the network: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture
def mini(tmp_path: Path) -> ContentRoot:
    """A copy of the small test content root, safe to change."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    shutil.copy(REPO / "templates" / "master.pptx", target / "templates" / "master.pptx")
    return ContentRoot.at(target)


@pytest.fixture
def i18n_root(tmp_path: Path) -> ContentRoot:
    """The mini site's content with tests/fixtures/i18n/templates: topic 'hello', test catalogues for cy and ar."""
    target = tmp_path / "i18n"
    shutil.copytree(FIXTURES / "mini" / "local_content", target / "local_content")
    shutil.copytree(FIXTURES / "i18n" / "templates", target / "templates")
    shutil.copy(REPO / "templates" / "master.pptx", target / "templates" / "master.pptx")
    return ContentRoot.at(target)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder made from the examples by `toolkit init`, as a content team would start."""
    root = tmp_path / "ours"
    assert toolkit("init", root).exit_code == 0
    return root


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example content built once for all tests that read it."""
    out = tmp_path_factory.mktemp("example-output")
    result = CliRunner().invoke(main, ["--root", str(REPO), "build", "--out", str(out)])
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return out


@pytest.fixture(scope="session")
def bradford_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Bradford Eastbrook's employers and support sessions in English, Welsh, Polish and Arabic, built once."""
    out = tmp_path_factory.mktemp("bradford")
    args = ["--site", "bradford-eastbrook", "--topic", "employers,support", "--lang", "en,cy,pl,ar", "--allow-missing"]
    result = toolkit("--root", REPO, "build", *args, "--out", out)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return out / "west-yorkshire/bradford-eastbrook"


@pytest.fixture(scope="session")
def previewed(example_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example build, with previews of one site's decks (PREVIEWED_SITE) and the review site."""
    need_tool(shutil.which("soffice") is not None and shutil.which("pdftoppm") is not None, "LibreOffice and poppler")
    out = tmp_path_factory.mktemp("previewed") / "output"
    shutil.copytree(example_build, out)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(preview, "BATCH", 3)  # so the decks go to LibreOffice in more than one run, as many sites do
        result = toolkit("--root", REPO, "preview", "--out", out, "--site", PREVIEWED_SITE)
    assert result.exit_code == 0, result.stderr
    assert toolkit("--root", REPO, "report", "--out", out).exit_code == 0
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """The system's own headless Chromium, driven by playwright; never a downloaded browser."""
    need_tool(Path(CHROMIUM).is_file(), "Chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need_tool(False, "playwright (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    need_tool(AXE.is_file(), "axe-core (npm ci --prefix tests/axe)")
    return AXE.read_text(encoding="utf-8")
