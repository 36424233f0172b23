"""The braille handout writer, with the real liblouis: read back into print, and laid out on braille pages.

We read a .brf file back as a braille reader would, page by page: take off the page numbers and the form
feeds, join the lines that were wrapped, and back-translate with the same liblouis tables. Back-translation
is not always exact, as some braille signs stand for more than one thing in print. English comes back
word for word. In liblouis's Welsh tables a full stop comes back as "4" and a comma as "1", so for Welsh we
compare the words only; and a title is compared with its own braille read back in the same way.
"""

from __future__ import annotations

import re
import subprocess
from functools import cache

import pytest

from tests.helpers import TOPICS
from tests.helpers.handouts import SITE, example_deck, example_options, example_root, example_site, small_deck
from tests.helpers.sessions import session
from toolkit.content.translated import in_language
from toolkit.deck.model import Deck, DeckMeta, EasyLine, EasyRead, HardWord, Paragraph, Run, Slide
from toolkit.errors import ToolkitError
from toolkit.handout.contacts import contacts_for
from toolkit.handout.model import Handout, Part, Pictures
from toolkit.i18n import Words, language
from toolkit.i18n.catalogues import make_translator
from toolkit.render import RenderOptions, all_formats, handout_of
from toolkit.render.braille import CELLS, CODES, LINES, render_brf, write_brf

PAGE_NUMBER = re.compile(r"(.*?)( *)#([A-J]+)")
BRAILLE_ASCII = set(map(chr, range(0x20, 0x60)))


# Reading a .brf file back


def pages(data: bytes) -> list[list[str]]:
    """The lines of each page, the page number's line first."""
    text = data.decode("ascii")
    assert "\r" not in text.replace("\r\n", "") and "\n" not in text.replace("\r\n", ""), "lines end CR LF"
    return [page.removesuffix("\r\n").split("\r\n") for page in text.split("\f")]


def page_number(line: str) -> tuple[str, int]:
    """The text on a page's first line, and the page number at its right."""
    found = PAGE_NUMBER.fullmatch(line)
    assert found, f"no page number at the end of {line!r}"
    text, spaces, digits = found.groups()
    assert not text or len(spaces) >= 3, f"the page number needs 3 blank cells before it: {line!r}"
    return text, int("".join(str("JABCDEFGHI".index(d)) for d in digits))


def joined_braille(data: bytes, code: str) -> str:
    """The braille without page numbers or form feeds, its wrapped lines joined: a long word that goes on
    to the next line fills its line to the last cell, with the continuation sign there."""
    continues = CODES[code].continues
    words: list[str] = []
    before = ""
    for page in pages(data):
        for line in [page_number(page[0])[0], *page[1:]]:
            if len(before) == CELLS and before.endswith(continues):
                words[-1] = words[-1][:-1] + line.strip()
            elif line.strip():
                words.append(line.strip())
            before = line
    return " ".join(words)


def louis(direction: str, lines: list[str], code: str) -> list[str]:
    """Each line through lou_translate, with the handout's tables; a backslash is written twice, as it asks."""
    data = "".join(line.replace("\\", "\\\\") + "\n" for line in lines).encode("utf-8")
    args = ["lou_translate", f"--{direction}", CODES[code].tables]
    done = subprocess.run(args, input=data, capture_output=True, check=True)
    assert not done.stderr, done.stderr
    return done.stdout.decode("utf-8").split("\n")[: len(lines)]


def read_back(data: bytes, code: str) -> str:
    """The print a .brf file holds, back-translated in pieces that lou_translate takes whole."""
    pieces: list[str] = []
    for word in joined_braille(data, code).split(" "):
        if pieces and len(pieces[-1]) + len(word) < 1000:
            pieces[-1] += " " + word
        else:
            pieces.append(word)
    return " ".join(louis("backward", pieces, code))


def norm(text: str, code: str) -> str:
    """Text to compare: lower case with single spaces; for Welsh, the words only."""
    if code == "cy":
        return " ".join(re.findall(r"[^\W\d_]+", text.lower()))
    return " ".join(text.lower().split())


def round_trip(text: str, code: str) -> str:
    """The text in braille and back, as liblouis reads it."""
    return louis("backward", louis("forward", [text], code), code)[0]


def assert_reads_back(data: bytes, code: str, handout: Handout, sentences: tuple[str, ...]) -> None:
    """The title and each part's title, and the sentences word for word, are in the braille read back."""
    back = norm(read_back(data, code), code)
    titles = [handout.title, *(title for part in handout.parts for title in part_titles(part))]
    for title in titles:
        assert norm(round_trip(title, code), code) in back, title
    for sentence in sentences:
        assert norm(sentence, code) in back, sentence


def part_titles(part: Part) -> list[str]:
    return [part.title, *(title for child in part.parts for title in part_titles(child))]


def assert_braille_pages(data: bytes) -> None:
    """Braille ASCII only, at most 40 cells a line and 25 lines a page, numbered in order."""
    assert set(data.decode("ascii")) <= BRAILLE_ASCII | {"\r", "\n", "\f"}
    numbered = pages(data)
    assert [page_number(page[0])[1] for page in numbered] == list(range(1, len(numbered) + 1))
    for page in numbered:
        assert len(page) <= LINES
        assert page_number(page[0])[0] or page[1:2] != [""], "a page starts with text, not a blank line"
        for line in page:
            assert len(line) <= CELLS and line == line.rstrip(), line


# Decks in Welsh and Polish


@cache
def translated(topic: str, code: str) -> tuple[Deck, RenderOptions]:
    """An example deck in another language, and options with its translator and the site's contacts."""
    root = example_root()
    translator = make_translator(root.templates, language(code))
    deck, _ = session(SITE, topic, "general", code)
    contacts = contacts_for(in_language(example_site(), translator), Words(translator))
    return deck, RenderOptions(root.master, root.templates, contacts=contacts, translator=translator)


ENGLISH = {
    "transport": (
        "A journey planner shows you the buses, trains and walks you need.",
        "Keep your tickets and receipts. Bring them to your next appointment.",
    ),
    "star": (
        "STAR gives your answer a start, a middle and an end. It stops you going off track.",
        "Answer: The result. Many people stop after saying what they did.",
    ),
    "cv": (
        "Put your newest job first. Employers care most about what you did recently.",
        "Think about this: Is there anything on this list you were not sure about?",
    ),
}


@pytest.mark.parametrize("topic", sorted(ENGLISH))
def test_english_handouts_read_back(topic: str) -> None:
    deck, options = example_deck(topic), example_options()
    data = write_brf(deck, options)
    assert_braille_pages(data)
    assert_reads_back(data, "en", handout_of(deck, options), ENGLISH[topic])


def test_welsh_handout_reads_back() -> None:
    deck, options = translated("transport", "cy")
    data = write_brf(deck, options)
    assert_braille_pages(data)
    sentences = (
        "Darllenwch hi ar eich cyflymder eich hun.",
        "Gall teithio fod y rhan anoddaf o gymryd swydd.",
        "Gofynnwch yn eich dyddlyfr cyn i chi ymweld.",
    )
    assert_reads_back(data, "cy", handout_of(deck, options), sentences)


def test_polish_handout_reads_back() -> None:
    deck, options = translated("transport", "pl")
    data = write_brf(deck, options)
    assert_braille_pages(data)
    sentences = ("Czytaj we własnym tempie.", "Dojazd może być najtrudniejszą częścią podjęcia pracy.")
    assert_reads_back(data, "pl", handout_of(deck, options), sentences)


def test_arabic_is_refused_with_the_languages_that_have_braille() -> None:
    deck, options = translated("transport", "ar")
    with pytest.raises(ToolkitError, match="made in English, Welsh and Polish, not in Arabic"):
        write_brf(deck, options)


def test_every_topic_fits_braille_pages() -> None:
    for topic in sorted(TOPICS):
        assert_braille_pages(write_brf(example_deck(topic), example_options()))


def test_headings_paragraphs_and_lists_are_laid_out_as_in_braille_books() -> None:
    data = write_brf(small_deck(), example_options())
    first = pages(data)[0]
    title = first[1]
    assert title.strip() and abs(len(title) - len(title.lstrip()) - (CELLS - len(title))) <= 1, "centred"
    assert first[2] == "" and first[3].startswith("  ") and not first[3].startswith("   "), "paragraph in cell 3"
    lines = [line for page in pages(data) for line in page[1:]]
    heading = "    " + louis("forward", ["Plan your journey"], "en")[0]
    at = lines.index(heading)
    assert lines[at - 1] == "", "a blank line before a heading"
    items = louis("forward", ["1. Tell someone you trust one thing", "2. Write it down"], "en")
    assert lines[lines.index(items[0]) + 1] == items[1], "each list item starts on its own line, at the margin"


def test_a_word_longer_than_a_line_goes_on_with_the_continuation_sign() -> None:
    address = "www.example.org/" + "-".join(["testford", "jobcentre", "travel", "help"] * 4)
    odd = "A folder like C:\\Users\\Testford, a soft\u00adhyphen and a \u200fmark."  # backslashes, invisible marks
    meta = DeckMeta("t", "Long words", "en-GB")
    data = render_brf(Handout(meta, "Long words", (Paragraph((Run(address),)), Paragraph((Run(odd),))), ()))
    assert_braille_pages(data)
    lines = [line for page in pages(data) for line in page]
    assert any(len(line) == CELLS and line.endswith(CODES["en"].continues) for line in lines)
    back = norm(read_back(data, "en"), "en")
    assert norm(round_trip(address, "en"), "en") in back
    assert "\\users\\testford, a softhyphen and a mark." in back


def test_a_character_liblouis_has_no_braille_for_is_named() -> None:
    handout = Handout(DeckMeta("t", "Smile", "en-GB"), "Smile", (Paragraph((Run("Smile \U0001f600"),)),), ())
    with pytest.raises(ToolkitError, match="U\\+1F600"):
        render_brf(handout)


def test_same_deck_gives_same_bytes() -> None:
    deck = example_deck("star")
    assert write_brf(deck, example_options()) == write_brf(deck, example_options())


def test_without_liblouis_the_error_names_the_debian_package(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolkitError, match="liblouis-bin") as raised:
        write_brf(small_deck(), example_options())
    assert "\n" not in str(raised.value)


def test_registered_as_a_handout_made_on_request() -> None:
    fmt = all_formats()["brf"]
    assert fmt.is_handout and not fmt.styled and fmt.on_request and fmt.write is write_brf


# Easy Read: braille has the words of each line, not its picture


def easy_deck() -> Deck:
    bus = EasyLine((Run("You can take the bus to work."),), "bus", "A red double-decker bus")
    fare = EasyLine((Run("Ask your work coach to pay the "), Run("fare", bold=True), Run(".")), "money", "Coins")
    easy = EasyRead("Getting to work", (bus, fare), (HardWord("fare", (Run("the money you pay to travel"),)),))
    slide = Slide("Getting to work", (Paragraph((Run("A session about travel."),)),), easy_read=easy)
    return Deck(DeckMeta("transport", "Getting to work", "en-GB", date="2026-02-01"), (slide,))


def test_easy_read_braille_has_the_words_not_the_pictures() -> None:
    options = example_options("easy-read")
    data = write_brf(easy_deck(), options)
    assert_braille_pages(data)
    handout = handout_of(easy_deck(), options)
    sentences = ("You can take the bus to work.", "Ask your work coach to pay the fare.", "the money you pay to travel")
    assert_reads_back(data, "en", handout, sentences)
    assert "double-decker" not in read_back(data, "en").lower()


def test_pictures_give_one_line_each() -> None:
    lines = (
        EasyLine((Run("This booklet is about travel."),), "document", "A booklet"),
        EasyLine((Run("Buses can cost less."),), "bus", "A bus"),
    )
    meta = DeckMeta("t", "Travel", "en-GB")
    data = render_brf(Handout(meta, "Travel", (), (Part("Buses", (Pictures(lines),)),)))
    text = [line for page in pages(data) for line in page]
    assert louis("forward", ["This booklet is about travel.", "Buses can cost less."], "en") == text[-2:]
    assert "booklet" in read_back(data, "en").lower() and "a bus" not in read_back(data, "en").lower()
