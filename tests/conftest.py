"""Shared fixtures: a small content root, a CLI runner, and no network for any test."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from toolkit.cli import main
from toolkit.project import ContentRoot

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


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


def toolkit(*args: str) -> Result:
    """Run the `toolkit` command in-process and return what it printed and its exit code."""
    return CliRunner().invoke(main, [str(a) for a in args])


def need_tool(found: bool, what: str) -> None:
    """Skip a test when a tool is missing on a developer's machine, but fail in CI, which must have it."""
    if not found:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {what} (see .ci/run)")
        pytest.skip(f"{what} is not installed")


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = REPO / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


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


def axe_violations(page: object, axe: str, url: str) -> list[tuple[str, str]]:
    """Open `url` in a playwright page and list axe-core's WCAG 2.2 AA violations as (rule, element)."""
    page.goto(url)
    page.evaluate(axe)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )
    assert result["testEngine"]["version"].startswith("4."), result["testEngine"]
    return [(v["id"], v["nodes"][0]["html"][:80]) for v in result["violations"]]
