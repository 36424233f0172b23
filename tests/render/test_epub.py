"""The EPUB handout writer: e-books checked by EPUBCheck, opened as a reading app would, and seen in a browser."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from tests.helpers import FIXTURES, need_tool
from tests.helpers.handouts import example_deck, example_options, example_site, small_deck
from tests.helpers.sessions import root
from toolkit.content.translated import in_language
from toolkit.deck.model import Deck, DeckMeta, EasyLine, EasyRead, HardWord, Image, Paragraph, Run, Slide
from toolkit.deck.session import make_deck
from toolkit.handout import Handout, Part, make_handout
from toolkit.handout.contacts import contacts_for
from toolkit.handout.model import Pictures
from toolkit.i18n import Words, language
from toolkit.i18n.catalogues import make_translator
from toolkit.render import RenderOptions
from toolkit.render.epub import render_epub, write_epub
from toolkit.zips import FIXED_ZIP_TIME

NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TOPICS = ("transport", "cv", "employers")  # a few with tables, lists, activities and contacts
JAVA_QUICK_START = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")  # EPUBCheck runs in half the time
PHONE = re.compile(r"^\d{4} \d{3} \d{4}$")  # a UK phone number, as the contacts write it
EASY_LINES = (
    EasyLine((Run("You can get help with the cost of the bus."),), "bus", "A bus"),
    EasyLine((Run("Ask your "), Run("work coach", bold=True), Run(" for help.")), "chat", "Two people talking"),
    EasyLine((Run("That is all for today."),), "check", ""),  # says nothing the words do not: decoration
)
HARD_WORDS = (EasyLine((Run("Fare: the money you pay for a journey."),), "ticket", "A ticket"),)


# Making books -----------------------------------------------------------------------------------------------


def translated(code: str, topic: str) -> tuple[Deck, RenderOptions]:
    """A bundled session in one of the languages we ship, with the example site's contacts in that language."""
    translator = make_translator(root().templates, language(code))
    site = example_site()
    words = Words(translator)
    options = RenderOptions(
        root().master, root().templates, "standard", contacts_for(in_language(site, translator), words), translator
    )
    return make_deck(root(), site, topic, translator=translator), options


def easy_read_deck() -> Deck:
    """A deck with Easy Read words on its slides, as a template's `::: easy-read` blocks give them."""
    easy = EasyRead("Help with travel", EASY_LINES, (HardWord("Fare", (Run("the money you pay for a journey"),)),))
    slides = (
        Slide(
            "Help with travel costs", (Paragraph((Run("The full words, for the standard handout."),)),), easy_read=easy
        ),
        Slide("Your next step", easy_read=EasyRead("Your next step", (EASY_LINES[1],))),
    )
    return Deck(DeckMeta("transport", "Getting to work", "en-GB", date="2026-02-01"), slides)


def pictures_handout(lang: str) -> Handout:
    """A handout with Easy Read lines (a part under a part too) and a photo, made by hand to show every picture."""
    meta = DeckMeta("transport", "Getting to work", lang, date="2026-02-01")
    parts = (
        Part("Help with travel", (Pictures(EASY_LINES),), (Part("Hard words", (Pictures(HARD_WORDS),)),)),
        Part("A picture", (Image("images/dot.png", "A red dot"),)),
    )
    return Handout(meta, meta.title, (Paragraph((Run("This is an Easy Read handout."),)),), parts)


def content_folder(folder: Path) -> Path:
    """A content folder with one photo in it."""
    (folder / "images").mkdir(parents=True)
    shutil.copy(FIXTURES / "dot.png", folder / "images" / "dot.png")
    return folder


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every book the tests check, written once: standard handouts of a few topics, Arabic, Welsh, Easy Read (from
    a deck of our own and from a bundled topic), and a handout made by hand with every kind of picture."""
    folder = tmp_path_factory.mktemp("epub")
    made = {topic: write_epub(example_deck(topic), example_options()) for topic in TOPICS}
    for code in ("ar", "cy"):
        made[code] = write_epub(*translated(code, "transport"))
    made["easy-read"] = write_epub(easy_read_deck(), example_options("easy-read"))
    made["transport-easy-read"] = write_epub(example_deck("transport"), example_options("easy-read"))
    content = content_folder(folder / "content")
    made["pictures"] = render_epub(pictures_handout("en-GB"), content)
    made["pictures-ar"] = render_epub(pictures_handout("ar"), content)
    paths = {}
    for name, data in made.items():
        paths[name] = folder / f"{name}.epub"
        paths[name].write_bytes(data)
    return paths


# EPUBCheck --------------------------------------------------------------------------------------------------


def epubcheck_command() -> list[str]:
    """Debian's epubcheck is the jar itself, run by the kernel only where jarwrapper is set up: so run it with java."""
    found = shutil.which("epubcheck")
    need_tool(found is not None, "EPUBCheck (apt-get install epubcheck)")
    assert found is not None
    path = Path(found).resolve()
    if path.read_bytes()[:2] != b"PK":
        return [str(path)]  # a wrapper script, as other systems install it
    java = shutil.which("java")
    need_tool(java is not None, "Java (apt-get install default-jre-headless)")
    return [str(java), *JAVA_QUICK_START, "-jar", str(path)]


def epubcheck(book: Path) -> dict:
    """EPUBCheck's report on one book, as JSON."""
    report = book.with_suffix(".json")
    done = subprocess.run([*epubcheck_command(), str(book), "--json", str(report)], capture_output=True, check=False)
    assert report.is_file(), done.stderr.decode("utf-8", "replace")
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports(books: dict[str, Path]) -> dict[str, dict]:
    """EPUBCheck's reports on every book: it takes about ten seconds a book, so they run side by side."""
    epubcheck_command()  # skip, or fail in CI, before starting any
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return dict(zip(books, pool.map(epubcheck, books.values()), strict=True))


def test_epubcheck_finds_no_errors_or_warnings(reports: dict[str, dict]) -> None:
    problems = {
        name: [(m["severity"], m["ID"], m["message"], m["locations"][:1]) for m in report["messages"]]
        for name, report in reports.items()
    }
    assert problems == {name: [] for name in reports}
    for report in reports.values():
        checker = report["checker"]
        assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0)
        assert report["publication"]["ePubVersion"].startswith("3")


def test_epubcheck_reads_the_title_and_language(books: dict[str, Path], reports: dict[str, dict]) -> None:
    assert reports["transport"]["publication"]["title"] == example_deck("transport").meta.title
    assert {name: r["publication"]["language"] for name, r in reports.items()} == {
        "transport": "en-GB",
        "cv": "en-GB",
        "employers": "en-GB",
        "ar": "ar",
        "cy": "cy-GB",
        "easy-read": "en-GB",
        "transport-easy-read": "en-GB",
        "pictures": "en-GB",
        "pictures-ar": "ar",
    }


# Opening a book as a reading app does -----------------------------------------------------------------------


class Book:
    """An EPUB opened as a reading app opens it: the container names the package, the package lists the rest."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.package_path = strings(self.xml("META-INF/container.xml"), "//c:rootfile/@full-path")[0]
        self.base = self.package_path.rpartition("/")[0]
        self.package = self.xml(self.package_path)

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def path(self, href: str) -> str:
        """Where a file the package names is in the zip."""
        return f"{self.base}/{href}" if self.base else href

    def meta(self, prop: str) -> list[str]:
        return strings(self.package, f"//opf:meta[@property='{prop}']/text()")

    def dc(self, name: str) -> list[str]:
        return strings(self.package, f"//dc:{name}/text()")

    def manifest(self, under: str = "") -> dict[str, str]:
        """The href and media type of each file the package lists, or of those in one folder."""
        items = elements(self.package, "//opf:item")
        return {attr(i, "href"): attr(i, "media-type") for i in items if attr(i, "href").startswith(under)}

    def hrefs(self) -> list[str]:
        """The pages in reading order, without the contents page."""
        items = {attr(i, "id"): i for i in elements(self.package, "//opf:item")}
        spine = [items[attr(ref, "idref")] for ref in elements(self.package, "//opf:itemref")]
        return [attr(i, "href") for i in spine if "nav" not in (i.get("properties") or "").split()]

    def pages(self) -> list[etree._Element]:
        return [self.xml(self.path(href)) for href in self.hrefs()]

    def nav(self) -> etree._Element:
        return self.xml(self.path(strings(self.package, "//opf:item[@properties='nav']/@href")[0]))

    def toc(self) -> list[tuple[str, list[str]]]:
        """Each top-level entry of the table of contents, with the entries under it."""
        top = elements(self.nav(), "//x:nav[@epub:type='toc']/x:ol/x:li")
        return [(text(elements(li, "x:a")[0]), [text(a) for a in elements(li, "x:ol//x:a")]) for li in top]


def elements(node: etree._Element, path: str) -> list[etree._Element]:
    found = node.xpath(path, namespaces=NS)
    assert isinstance(found, list)
    return [e for e in found if isinstance(e, etree._Element)]


def strings(node: etree._Element, path: str) -> list[str]:
    found = node.xpath(path, namespaces=NS)
    assert isinstance(found, list)
    return [str(s) for s in found]


def attr(element: etree._Element, name: str) -> str:
    value = element.get(name)
    assert value is not None, (element.tag, name)
    return value


def text(element: etree._Element) -> str:
    return "".join(str(piece) for piece in element.itertext())


@cache
def opened(path: Path) -> Book:
    return Book(path.read_bytes())


def standard_handout(topic: str) -> Handout:
    options = example_options()
    return make_handout(example_deck(topic), options.contacts, options.words)


def test_mimetype_comes_first_and_is_not_compressed(books: dict[str, Path]) -> None:
    for path in books.values():
        entries = opened(path).zip.infolist()
        first = entries[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and not first.extra
        assert opened(path).zip.read("mimetype") == b"application/epub+zip"
        assert {e.date_time for e in entries} == {FIXED_ZIP_TIME}


def test_package_has_accessibility_metadata_title_and_language(books: dict[str, Path]) -> None:
    book = opened(books["transport"])
    deck = example_deck("transport")
    assert book.dc("title") == [deck.meta.title] and book.dc("language") == ["en-GB"]
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", book.dc("identifier")[0])
    assert book.meta("dcterms:modified") == [f"{deck.meta.date}T00:00:00Z"]
    assert book.meta("schema:accessMode") == ["textual"]  # no pictures in this one
    assert book.meta("schema:accessModeSufficient") == ["textual"]
    assert set(book.meta("schema:accessibilityFeature")) == {
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "displayTransformability",
    }
    assert book.meta("schema:accessibilityHazard") == ["none"]
    assert book.meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    summary = book.meta("schema:accessibilitySummary")[0]
    assert "table of contents" in summary and len(summary.split()) < 60


def test_pages_are_in_the_books_language_and_direction(books: dict[str, Path]) -> None:
    for name, lang, direction in (("cv", "en-GB", "ltr"), ("cy", "cy-GB", "ltr"), ("ar", "ar", "rtl")):
        book = opened(books[name])
        for page in [*book.pages(), book.nav()]:
            assert (page.get(XML_LANG), page.get("lang"), page.get("dir")) == (lang, lang, direction), name
        progression = strings(book.package, "//opf:spine/@page-progression-direction")
        assert progression == (["rtl"] if direction == "rtl" else [])


def test_numbers_and_latin_words_stay_left_to_right_in_arabic(books: dict[str, Path]) -> None:
    spans = [text(span) for page in opened(books["ar"]).pages() for span in elements(page, "//x:span[@dir='ltr']")]
    assert "Cardiff North Jobcentre" in spans and any(PHONE.match(s) for s in spans)


@pytest.mark.parametrize("topic", TOPICS)
def test_contents_list_every_part_in_order(books: dict[str, Path], topic: str) -> None:
    handout = standard_handout(topic)
    toc = opened(books[topic]).toc()
    assert [title for title, _ in toc] == [handout.title, *(p.title for p in handout.parts)]
    assert [under for _, under in toc[1:]] == [[c.title for c in p.parts] for p in handout.parts]


def test_each_part_is_a_page_whose_heading_the_contents_link_to(books: dict[str, Path]) -> None:
    book = opened(books["transport"])
    handout = standard_handout("transport")
    headings = [text(elements(page, "//x:h1 | //x:h2")[0]) for page in book.pages()]
    assert headings == [handout.title, *(p.title for p in handout.parts)]
    nav = book.nav()
    for link in strings(nav, "//x:nav[@epub:type='toc']//x:a/@href"):
        href, _, anchor = link.partition("#")
        page = book.xml(book.path(href))
        assert not anchor or elements(page, f"//*[@id='{anchor}']/*[1][self::x:h3 or self::x:h4]"), link
    assert strings(nav, "//x:nav[@epub:type='landmarks']//x:a/@epub:type") == ["toc", "bodymatter"]


def test_words_and_links_come_through() -> None:
    book = Book(write_epub(small_deck(), example_options()))
    words = " ".join(" ".join(text(p).split()) for p in book.pages())
    assert "Tell someone you trust one thing" in words and "Think about this: Which bus do you take?" in words
    assert [link for p in book.pages() for link in strings(p, "//x:body//x:a/@href")] == ["https://www.traveline.info"]
    cells = [text(c) for p in book.pages() for c in elements(p, "//x:th[@scope='col'] | //x:td")]
    assert cells == ["Place", "Time", "Hospital", "15 minutes"]


def test_markup_in_the_content_is_shown_as_words() -> None:
    odd = "<script>alert('x')</script> & <b>bold</b> ]]>"
    deck = Deck(DeckMeta("t", odd, "en-GB"), (Slide(odd, (Paragraph((Run(odd, link="javascript:alert(1)"),)),)),))
    book = Book(write_epub(deck, example_options()))
    assert book.dc("title") == [odd]
    page = book.pages()[1]  # after the title page
    assert text(elements(page, "//x:h2")[0]) == odd and text(elements(page, "//x:p")[0]).startswith(odd)
    assert not elements(page, "//x:script | //x:b | //x:a")


def test_same_deck_gives_same_bytes() -> None:
    deck = example_deck("cv")
    first = write_epub(deck, example_options())
    assert first == write_epub(deck, example_options())
    changed = Book(write_epub(replace(deck, slides=deck.slides[:-1]), example_options()))
    assert changed.dc("identifier") != Book(first).dc("identifier")  # a different book gets a new identifier


def test_a_deck_with_no_date_gets_a_fixed_one() -> None:
    deck = Deck(DeckMeta("t", "A title", "en-GB"), (Slide("One", (Paragraph((Run("Words"),)),)),))
    assert Book(write_epub(deck, example_options())).meta("dcterms:modified") == ["2000-01-01T00:00:00Z"]


# Pictures and Easy Read -------------------------------------------------------------------------------------


def pictures(book: Book) -> list[tuple[str, str | None]]:
    """Each picture on the pages, in reading order: where it is in the book, and its alt text (None if it has none)."""
    return [(attr(img, "src"), img.get("alt")) for page in book.pages() for img in elements(page, "//x:img")]


def test_every_picture_is_in_the_package_with_alt_text_or_marked_as_decoration(books: dict[str, Path]) -> None:
    book = opened(books["pictures"])
    listed = book.manifest("images/")
    assert set(listed.values()) == {"image/png"}
    assert {book.path(href) for href in listed} == {n for n in book.zip.namelist() if "/images/" in n}
    shown = pictures(book)
    assert {src for src, _ in shown} == set(listed)
    names = [Path(src).stem[5:] if Path(src).stem.startswith("icon-") else "picture" for src, _ in shown]
    assert list(zip(names, [alt for _, alt in shown], strict=True)) == [
        *((line.icon, line.alt) for line in (*EASY_LINES, *HARD_WORDS)),
        ("picture", "A red dot"),
    ]
    assert shown[2][1] == ""  # the tick says nothing the words do not: alt="" tells screen readers to skip it
    assert book.zip.read(book.path(shown[-1][0])) == (FIXTURES / "dot.png").read_bytes()


def test_easy_read_lines_have_the_picture_then_the_words(books: dict[str, Path]) -> None:
    lines = [
        line for page in opened(books["easy-read"]).pages() for line in elements(page, "//x:ul[@class='pictures']/x:li")
    ]
    assert all([child.tag for child in line] == [f"{{{NS['x']}}}img", f"{{{NS['x']}}}p"] for line in lines)
    found = [(line[0].get("alt"), " ".join(text(line[1]).split())) for line in lines]
    for easy in EASY_LINES:
        assert (easy.alt, "".join(r.text for r in easy.runs)) in found
    assert all(alt is not None for alt, _ in found)


def test_easy_read_book_has_the_easy_read_parts_in_order(books: dict[str, Path]) -> None:
    toc = [title for title, _ in opened(books["easy-read"]).toc()]
    assert toc[:3] == ["Getting to work", "Help with travel", "Your next step"] and "Hard words" in toc
    assert "Help with travel costs" not in toc  # the standard handout's part


def test_books_with_pictures_say_so_in_their_metadata(books: dict[str, Path]) -> None:
    for name in ("easy-read", "transport-easy-read", "pictures"):
        book = opened(books[name])
        assert book.meta("schema:accessMode") == ["textual", "visual"]
        assert book.meta("schema:accessModeSufficient") == ["textual"]
        assert "alternativeText" in book.meta("schema:accessibilityFeature")


LAYOUT = """() => [...document.querySelectorAll('ul.pictures > li')].map(line => {
  const picture = line.querySelector('img');
  const box = picture.getBoundingClientRect(), words = line.querySelector('p').getBoundingClientRect();
  return {width: box.width, left: box.left, right: box.right, wordsLeft: words.left, wordsRight: words.right,
          loaded: picture.complete && picture.naturalWidth > 0};
})"""


@pytest.mark.parametrize(
    ("name", "rtl"), [("easy-read", False), ("transport-easy-read", False), ("pictures", False), ("pictures-ar", True)]
)
def test_pictures_are_2cm_wide_beside_the_words(
    browser: Any, books: dict[str, Path], tmp_path: Path, name: str, rtl: bool
) -> None:
    """On a phone-sized screen, each picture loads, is at least 2 cm wide, and sits on the left of its words (on
    the right in a right-to-left book)."""
    book = opened(books[name])
    book.zip.extractall(tmp_path)
    page = browser.new_page(viewport={"width": 360, "height": 740})
    lines = []
    for href in book.hrefs():
        page.goto((tmp_path / book.path(href)).as_uri())
        lines += page.evaluate(LAYOUT)
    page.close()
    assert len(lines) >= len(EASY_LINES)
    for line in lines:
        assert line["loaded"] and line["width"] >= 2 / 2.54 * 96, line  # 2 cm in CSS pixels
        assert line["left"] >= line["wordsRight"] if rtl else line["right"] <= line["wordsLeft"], line
