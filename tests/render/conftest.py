"""A headless Chromium for the HTML handout tests: the system's own, driven by playwright, never downloaded."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import REPO
from .handouts import need_tool

CHROMIUM = "/usr/bin/chromium"
AXE = REPO / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
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


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    need_tool(Path(CHROMIUM).is_file() or shutil.which("chromium") is not None, "Chromium (apt-get install chromium)")
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
