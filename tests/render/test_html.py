"""The HTML handout writer: one self-contained page, checked by reading it and by a real browser with axe-core."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import FIXTURES
from tests.helpers.browser import axe_violations
from tests.helpers.handouts import every_topic_and_style, example_deck, example_options, handout_slides, small_deck
from toolkit.deck.model import Deck, DeckMeta, Image, Slide
from toolkit.errors import ToolkitError
from toolkit.handout.styles import STYLES, handout_assets
from toolkit.render.html import stylesheet, write_html


class Elements(HTMLParser):
    """Every start tag with its attributes, and the page's text outside <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False if tag == "style" else self._in_style

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def parse(page: bytes) -> Elements:
    elements = Elements()
    elements.feed(page.decode("utf-8"))
    return elements


def test_page_has_language_title_and_one_heading_per_slide() -> None:
    deck = example_deck("transport")
    page = parse(write_html(deck, example_options()))
    tags = [t for t, _ in page.tags]
    assert page.tags[0] == ("html", {"lang": "en-GB", "dir": "ltr"})
    assert tags.count("title") == 1 and tags.count("h1") == 1 and tags.count("main") == 1
    assert tags.count("h2") == len(handout_slides(deck)) + 3  # and questions, who to contact, about this handout
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in page.tags
    text = " ".join("".join(page.text).split())
    assert all(slide.title in text for slide in handout_slides(deck))
    assert "Questions for your next appointment" in text and "Who to contact" in text


def test_page_loads_nothing_from_outside_itself() -> None:
    html = write_html(example_deck("employers"), example_options("dyslexia")).decode("utf-8")
    page = parse(html.encode("utf-8"))
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert not [t for t, _ in page.tags if t in ("script", "link", "iframe", "object", "embed", "base")]
    for tag, attrs in page.tags:
        if tag == "a":
            assert re.match(r"(https?|mailto|tel):", attrs["href"] or ""), attrs
        assert "src" not in attrs or (attrs["src"] or "").startswith("data:"), (tag, attrs)
    style = html[html.index("<style>") : html.index("</style>")]
    assert set(re.findall(r"url\((\w+):", style)) == {"data"}
    assert "font/woff2;base64," in style


def test_font_rules_made_once_keep_each_direction_apart() -> None:
    """The @font-face rules are made once a process for each direction: a right-to-left page adds the Arabic
    font, and a left-to-right page made after one does not get it."""
    arabic = 'font-family: "IBM Plex Sans Arabic"'
    rtl, ltr = stylesheet(STYLES["standard"], rtl=True), stylesheet(STYLES["large-print"])
    assert arabic in rtl and arabic not in ltr
    assert rtl.count("@font-face") == ltr.count("@font-face") + 2
    assert ltr.endswith((handout_assets() / STYLES["large-print"].css).read_text(encoding="utf-8"))


def test_links_keep_their_words_and_show_the_address() -> None:
    page = write_html(small_deck(), example_options()).decode("utf-8")
    assert (
        '<a href="https://www.traveline.info">Traveline&#39;s journey planner</a> (https://www.traveline.info)' in page
    )


def test_same_deck_gives_same_bytes() -> None:
    deck = example_deck("cv")
    assert write_html(deck, example_options("large-print")) == write_html(deck, example_options("large-print"))


def test_images_are_inside_the_page_with_their_alt_text(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "dot.png").write_bytes((FIXTURES / "dot.png").read_bytes())
    deck = Deck(DeckMeta("t", "A picture", "en-GB"), (Slide("Picture", (Image("images/dot.png", "A red dot"),)),))
    page = parse(write_html(deck, replace(example_options(), assets=tmp_path)))
    image = next(a for t, a in page.tags if t == "img")
    assert image["alt"] == "A red dot" and (image["src"] or "").startswith("data:image/png;base64,")


@pytest.mark.parametrize("path", ["../../../etc/passwd", "images/drawing.svg"])
def test_images_outside_the_folder_or_of_other_kinds_are_refused(tmp_path: Path, path: str) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "drawing.svg").write_text("<svg><script>alert(1)</script></svg>")
    deck = Deck(DeckMeta("t", "A picture", "en-GB"), (Slide("Picture", (Image(path, "x"),)),))
    with pytest.raises(ToolkitError, match=r"outside|PNG, JPEG or GIF"):
        write_html(deck, replace(example_options(), assets=tmp_path))


def test_unknown_style_is_explained() -> None:
    with pytest.raises(ToolkitError, match="no style called 'tiny': choose from standard, large-print, dyslexia"):
        write_html(small_deck(), example_options("tiny"))


# In a real browser -------------------------------------------------------------------------------------------

LOOK = """() => {
  const style = (selector) => getComputedStyle(document.querySelector(selector) || document.body);
  const italic = [...document.querySelectorAll('body *')].filter(e => getComputedStyle(e).fontStyle !== 'normal');
  return {
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
    font: document.fonts.check('16px "Atkinson Hyperlegible"') && style('p').fontFamily.startsWith('"Atkinson'),
    body: parseFloat(style('p').fontSize),
    h3: parseFloat(style('h3').fontSize),
    lineHeight: parseFloat(style('p').lineHeight) / parseFloat(style('p').fontSize),
    background: style('html').backgroundColor,
    align: style('p').textAlign,
    link: style('a').textDecorationLine,
    linkWeight: style('a').fontWeight,
    italic: italic.length,
    perLine: Math.max(...[...document.querySelectorAll('main p')].map(p => {
      const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
      return lines > 2 ? p.textContent.length / lines : 0;
    })),
  };
}"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every topic in every style, for one example site."""
    folder = tmp_path_factory.mktemp("html")
    written = {}
    for topic, style in every_topic_and_style():
        path = folder / f"{topic}.{style}.html"
        path.write_bytes(write_html(example_deck(topic), example_options(style)))
        written[topic, style] = path
    return written


def test_every_topic_and_style_has_no_axe_violations(browser, axe_source: str, pages) -> None:
    context = browser.new_context(bypass_csp=True)  # so axe can be added to the page
    page = context.new_page()
    found = {}
    for key, path in pages.items():
        found[key] = axe_violations(page, axe_source, path.as_uri())
    context.close()
    assert found == {key: [] for key in pages}


@pytest.mark.parametrize("style", ["standard", "large-print", "dyslexia"])
def test_page_reads_well_on_a_phone_and_makes_no_requests(browser, pages, style: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    path = pages["transport", style]
    page.goto(path.as_uri())
    look = page.evaluate(LOOK)
    context.close()
    assert [r for r in requests if not r.startswith("data:")] == [path.as_uri()]
    assert look["scrollWidth"] <= look["width"], "the page scrolls sideways on a phone"
    assert look["font"], "the bundled font did not load"
    assert look["italic"] == 0
    assert look["align"] in ("left", "start")
    assert look["h3"] >= 1.2 * look["body"]
    if style == "large-print":
        assert look["body"] >= 24  # 18 point
    if style == "dyslexia":
        assert look["lineHeight"] == pytest.approx(1.5)
        assert look["background"] == "rgb(253, 248, 230)"  # cream
        assert look["link"] == "none" and int(look["linkWeight"]) >= 700


def test_lines_are_short_on_a_wide_screen(browser, pages) -> None:
    page = browser.new_page(viewport={"width": 1600, "height": 900})
    per_line = {}
    for style in ("standard", "large-print", "dyslexia"):
        page.goto(pages["cv", style].as_uri())
        per_line[style] = page.evaluate(LOOK)["perLine"]
    page.close()
    assert all(50 <= n <= 72 for n in per_line.values()), per_line
    assert per_line["dyslexia"] <= 70, per_line
