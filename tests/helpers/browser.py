"""The system's own headless Chromium and axe-core, for the tests that open pages in a real browser.

The `browser` and `axe_source` fixtures in tests/conftest.py start them; `axe_violations` runs axe-core on a page.
"""

from __future__ import annotations

from . import REPO

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


def axe_violations(page: object, axe: str, url: str) -> list[tuple[str, str]]:
    """Open `url` in a playwright page and list axe-core's WCAG 2.2 AA violations as (rule, element)."""
    page.goto(url)
    page.evaluate(axe)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )
    assert result["testEngine"]["version"].startswith("4."), result["testEngine"]
    return [(v["id"], v["nodes"][0]["html"][:80]) for v in result["violations"]]
