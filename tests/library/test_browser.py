"""The library in real Chromium: find a jobcentre, open a session and download its deck, with and without
JavaScript and with the keyboard only; and axe-core on every kind of page, in English and Welsh."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from tests.helpers.browser import axe_violations

SITE = "south-east-wales/cardiff-north"
JOBCENTRE = "Cardiff North Jobcentre"
TITLE = "Writing a CV"


def _deck_title(download: object, tmp_path: Path) -> str:
    """Save a download and open it as python-pptx would: the deck's title."""
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    return Presentation(str(saved)).core_properties.title


def _open_session(page: object) -> None:
    page.get_by_role("link", name=JOBCENTRE).click()
    page.get_by_role("link", name=TITLE).first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith(TITLE)


def test_find_open_and_download_with_javascript(browser: object, library_build: Path, tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto((library_build / "library" / "index.html").as_uri())
    page.get_by_label("Type part of your jobcentre's name, town or district").fill("north")
    assert page.get_by_role("link", name="Newport Jobcentre").is_hidden()
    assert "1 jobcentre matches" in page.locator("#find-count").inner_text()
    _open_session(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="PowerPoint slides").first.click()
    assert _deck_title(download.value, tmp_path).startswith(TITLE)
    context.close()


def test_the_same_journey_without_javascript(browser: object, library_build: Path, tmp_path: Path) -> None:
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.goto((library_build / "library" / "index.html").as_uri())
    assert page.locator("#find").is_hidden()  # no box that would do nothing
    assert page.get_by_role("link", name="Newport Jobcentre").is_visible()
    _open_session(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="PowerPoint slides").first.click()
    assert _deck_title(download.value, tmp_path).startswith(TITLE)
    context.close()


def _tab_to(page: object, text: str, limit: int = 60) -> None:
    """Press Tab until the link or box with this text (or label) has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.innerText || document.activeElement.labels?.[0]?.innerText")
        if focused and focused.strip().startswith(text):
            return
    pytest.fail(f"Tab never reached '{text}'")


def test_the_same_journey_with_the_keyboard_only(browser: object, library_build: Path, tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto((library_build / "library" / "index.html").as_uri())
    _tab_to(page, "Type part of your jobcentre")
    page.keyboard.type("cardiff n")
    _tab_to(page, JOBCENTRE)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, TITLE)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, "PowerPoint slides")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert _deck_title(download.value, tmp_path).startswith(TITLE)
    context.close()


PAGES = ["index.html", f"{SITE}/index.html", f"{SITE}/cv.html"]


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_no_problems(browser: object, axe_source: str, library_build: Path, kind: str, language: str) -> None:
    page_path = (
        kind if language == "en" else kind.replace("index.html", "cy/index.html").replace("cv.html", "cy/cv.html")
    )
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    assert axe_violations(page, axe_source, (library_build / "library" / page_path).as_uri()) == []
    assert page.evaluate("document.documentElement.lang") == ("en-GB" if language == "en" else "cy-GB")
    context.close()
