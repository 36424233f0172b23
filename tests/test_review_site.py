"""The review site, built for the example content with previews of one site's decks (the `previewed` fixture)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import PREVIEWED_SITE
from tests.helpers.browser import axe_violations
from toolkit.review_site import STATUS_ORDER

SITE = PREVIEWED_SITE


def test_report_lists_every_deck_with_scores_and_links(previewed: Path) -> None:
    index = (previewed / "report" / "index.html").read_text()
    for deck in previewed.glob("*/*/en/*.pptx"):
        assert f'href="../{deck.relative_to(previewed).as_posix()}"' in index
    assert f"All slides of the transport deck for {SITE}" in index  # the contact sheet
    page = previewed / "report" / "south-east-wales" / SITE / "en" / "transport.html"
    text = page.read_text()
    assert "Problems, slide by slide" in text and "Reading age (target 9)" in text
    for link in ("../../../../south-east-wales/newport/en/transport.pptx", "../../../index.html"):
        assert f'href="{link}"' in text
        assert (page.parent / link).resolve().is_file()


def test_each_site_has_a_facts_page_with_unconfirmed_facts_first(previewed: Path) -> None:
    index = (previewed / "report" / "index.html").read_text()
    assert f'href="south-east-wales/{SITE}/facts.html"' in index
    page = (previewed / "report" / "south-east-wales" / SITE / "facts.html").read_text()
    rows = re.findall(r'<tr>\s*<th scope="row">(.*?)</th>\s*<td>(.*?)</td>', page)
    statuses = [status for _, status in rows]
    assert statuses[0] == "unconfirmed" and statuses == sorted(statuses, key=STATUS_ORDER.index)
    assert "jobcentre: Newport Jobcentre" in [name for name, _ in rows] and 'href="../../index.html"' in page


def test_report_pages_pass_axe(previewed: Path, browser, axe_source: str) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    site = previewed / "report" / "south-east-wales" / SITE
    pages = [previewed / "report" / "index.html", site / "en" / "cv.html", site / "facts.html"]
    found = {p.name: axe_violations(page, axe_source, p.as_uri()) for p in pages}
    context.close()
    assert found == {p.name: [] for p in pages}
