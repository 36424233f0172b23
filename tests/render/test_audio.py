"""The audio handout: the handout read aloud by espeak-ng, as one Ogg Vorbis file with a chapter for each part.

Nobody can listen in a test, so each file is opened the way a player would: decoded by oggdec and its comments
listed by vorbiscomment (vorbis-tools). Its length must fit its words, and each chapter mark must fall where
the quiet between two parts ends and the next part's speech starts.
"""

from __future__ import annotations

import io
import re
import subprocess
import wave
from array import array
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from shutil import which

import pytest

from tests.helpers.handouts import example_options, small_deck
from toolkit.deck.model import (
    Deck,
    DeckMeta,
    EasyLine,
    EasyRead,
    HardWord,
    Image,
    Paragraph,
    Run,
    Slide,
)
from toolkit.errors import ToolkitError
from toolkit.handout import Handout, Part, Pictures
from toolkit.i18n import Words
from toolkit.render import all_formats, handout_of
from toolkit.render import speech as speech_module
from toolkit.render.audio import PARAGRAPH_PAUSE, PART_PAUSE, render_audio, script, timestamp, write_audio
from toolkit.render.speech import ESPEAK_RATE, VOICE

TEXT = (
    "Plan your journey before the day of the interview. Check the bus times, and leave early. "
    "If the bus is late, call the employer and tell them. Keep your ticket, as you may get the money back."
)


@dataclass(frozen=True)
class Ogg:
    """An Ogg Vorbis file as a player sees it: its sound, decoded, and its comments."""

    rate: int
    samples: array
    comments: list[tuple[str, str]]

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate

    def comment(self, name: str) -> str:
        return next(value for key, value in self.comments if key == name)

    @property
    def chapters(self) -> list[tuple[str, str]]:
        """(time, name) for each chapter, in the order of the comments."""
        marks = dict(self.comments)
        times = [key for key, _ in self.comments if re.fullmatch(r"CHAPTER\d{3}", key)]
        return [(marks[key], marks[f"{key}NAME"]) for key in times]

    def loudness(self, start: float, end: float) -> float:
        """The root mean square of the samples between two times, in seconds."""
        chunk = self.samples[round(start * self.rate) : round(end * self.rate)]
        return (sum(s * s for s in chunk) / len(chunk)) ** 0.5


def open_ogg(data: bytes, folder: Path) -> Ogg:
    path = folder / "handout.ogg"
    path.write_bytes(data)
    decoded = subprocess.run(["oggdec", "-Q", "-o", "-", str(path)], capture_output=True, check=True).stdout
    with wave.open(io.BytesIO(decoded)) as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
        rate, frames = sound.getframerate(), sound.readframes(sound.getnframes())
    listed = subprocess.run(["vorbiscomment", "-l", "-R", str(path)], capture_output=True, check=True).stdout
    comments = [line.partition("=")[::2] for line in listed.decode("utf-8").splitlines()]
    return Ogg(rate, array("h", frames), comments)


def seconds(mark: str) -> float:
    hours, minutes, rest = mark.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def word_count(handout: Handout) -> int:
    return sum(len(p.split()) for chapter in script(handout, Words()) for p in chapter.paragraphs)


def handout(parts: int) -> Handout:
    """A handout of `parts` parts, each with the same paragraph, and no introduction."""
    meta = DeckMeta("transport", "Travel", "en-GB")
    return Handout(
        meta, "Travel", (), tuple(Part(f"Part {n}", (Paragraph((Run(TEXT),)),)) for n in range(1, parts + 1))
    )


@pytest.fixture
def espeak_runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], str]]:
    """Each run of espeak-ng: its arguments and the words it was given, with the pauses taken out."""
    runs: list[tuple[list[str], str]] = []
    real = speech_module.run_program

    def spy(args: list[str], data: bytes, making: str) -> bytes:
        runs.append((args, unescape(re.sub(r"<[^>]+>", " ", data.decode("utf-8")))))
        return real(args, data, making)

    monkeypatch.setattr(speech_module, "run_program", spy)
    return runs


def test_the_format_is_a_handout_without_styles() -> None:
    fmt = all_formats()["ogg"]
    assert fmt.is_handout and not fmt.styled and "audio" in fmt.handout


def test_length_is_in_proportion_to_the_words(tmp_path: Path) -> None:
    deck, options = small_deck(), example_options()
    ogg = open_ogg(write_audio(deck, options), tmp_path)
    per_word = ogg.seconds / word_count(handout_of(deck, options))
    # 140 words a minute is 0.43 seconds a word; pauses at headings, list items and parts add a little.
    assert 60 / ESPEAK_RATE < per_word < 0.65, per_word
    short, long = handout(2), handout(4)
    words = word_count(long) / word_count(short)
    length = (
        open_ogg(render_audio(long, Words()), tmp_path).seconds
        / open_ogg(render_audio(short, Words()), tmp_path).seconds
    )
    assert 1.8 < words < 2.2 and abs(length / words - 1) < 0.05, (words, length)


def test_each_part_is_a_chapter_that_starts_where_its_speech_does(tmp_path: Path) -> None:
    deck, options = small_deck(), example_options()
    printed = handout_of(deck, options)
    ogg = open_ogg(write_audio(deck, options), tmp_path)
    assert ogg.comment("TITLE") == "Getting to work in Testford" and ogg.comment("LANGUAGE") == "en-GB"
    marks = ogg.chapters
    assert [name for _, name in marks] == [printed.title] + [part.title for part in printed.parts]
    times = [seconds(mark) for mark, _ in marks]
    assert times[0] == 0 and times == sorted(set(times)) and times[-1] < ogg.seconds
    # Each chapter lasts as long as its own speech, said on its own, and the quiet after it.
    said = [VOICE.speak(c.paragraphs, "en-GB", PARAGRAPH_PAUSE) for c in script(printed, options.words)]
    gap = round(ogg.rate * PART_PAUSE)
    start = 0
    for (mark, _), speech in zip(marks, said, strict=True):
        assert mark == timestamp(start, ogg.rate)
        start += speech.samples + gap
    assert len(ogg.samples) == start - gap  # Vorbis keeps the exact length
    for at in times[1:]:  # quiet before each mark, and speech straight after it
        assert ogg.loudness(at - PART_PAUSE, at - 0.05) < 30 < 500 < ogg.loudness(at, at + 0.5)


def test_lists_tables_and_pictures_are_read_as_sentences() -> None:
    said = [p for chapter in script(handout_of(small_deck(), example_options()), Words()) for p in chapter.paragraphs]
    assert "Use Traveline's journey planner (www.traveline.info). Ask for help." in said  # no "https://"
    assert "Place: Hospital; Time: 15 minutes." in said
    assert "1. Tell someone you trust one thing. 2. Write it down." in said
    blocks = (
        Paragraph((Run("This map shows the bus routes in Testford."),)),
        Image("icon:map", "The bus routes in Testford"),  # the paragraph says it already
        Image("timetable.png", "A timetable for the number 4 bus"),
        Image("line.png", ""),  # decorative
    )
    pictured = Handout(DeckMeta("transport", "Buses", "en-GB"), "Buses", (), (Part("Routes", blocks),))
    assert script(pictured, Words())[1].paragraphs == (
        "Routes",
        "This map shows the bus routes in Testford.",
        "Picture: A timetable for the number 4 bus.",
    )


def test_same_deck_gives_same_bytes() -> None:
    deck = small_deck()
    assert write_audio(deck, example_options()) == write_audio(deck, example_options())


@pytest.mark.parametrize(
    ("language", "voice", "title", "text"),
    [
        ("cy", "cy", "Teithio i'r gwaith", "Mae'r bws yn mynd o'r tŷ i'r dref bob awr. Ewch â dŵr gyda chi."),
        ("pl", "pl", "Dojazd do pracy", "Autobus jedzie z domu do miasta co godzinę. Zabierz ze sobą bilet."),
        ("ar", "ar", "الذهاب إلى العمل", "تذهب الحافلة من البيت إلى المدينة كل ساعة. خذ تذكرتك معك."),
    ],
)
def test_each_language_is_read_by_its_own_voice(
    tmp_path: Path, espeak_runs: list[tuple[list[str], str]], language: str, voice: str, title: str, text: str
) -> None:
    deck = Deck(DeckMeta("transport", title, language), (Slide(title, (Paragraph((Run(text),)),)),))
    ogg = open_ogg(write_audio(deck, example_options()), tmp_path)
    assert VOICE.voice_for(language) == voice
    assert espeak_runs and all(args[args.index("-v") + 1] == voice for args, _ in espeak_runs)
    assert any(text in words for _, words in espeak_runs)
    assert ogg.comment("LANGUAGE") == language and ogg.comment("TITLE") == title
    assert ogg.chapters[1][1] == title  # the slide's part, named in its own letters
    assert ogg.seconds > len(text.split()) * 60 / ESPEAK_RATE


def test_english_is_read_by_the_british_voice_and_other_languages_by_espeak_ngs_own() -> None:
    assert VOICE.voice_for("en-GB") == VOICE.voice_for("en") == "en-gb"
    assert VOICE.voice_for("fr-FR") == "fr"


def test_easy_read_says_the_words_not_the_pictures(tmp_path: Path, espeak_runs: list[tuple[list[str], str]]) -> None:
    lines = (
        EasyLine(
            (Run("You can get help with the cost of the "), Run("fare", bold=True), Run(".")), "bus", "A red coach"
        ),
        EasyLine((Run("Ask your work coach."),), "chat", "Two smiling faces"),
    )
    slide = Slide(
        "Help with travel costs",
        (Paragraph((Run("The Flexible Support Fund can pay for travel to an interview."),)),),
        easy_read=EasyRead("Money for the bus", lines, (HardWord("fare", (Run("the money you pay for a ticket"),)),)),
    )
    deck = Deck(DeckMeta("transport", "Getting to work", "en-GB", date="2026-02-01"), (slide,))
    options = example_options("easy-read")
    ogg = open_ogg(write_audio(deck, options), tmp_path)
    said = " ".join(words for _, words in espeak_runs)
    assert "You can get help with the cost of the fare." in said and "Ask your work coach." in said
    assert "fare: the money you pay for a ticket." in said
    assert "A red coach" not in said and "Two smiling faces" not in said and "Picture" not in said
    assert "Flexible Support Fund" not in said  # Easy Read has its own words
    printed = handout_of(deck, options)
    assert [name for _, name in ogg.chapters] == [printed.title] + [part.title for part in printed.parts]
    assert "Money for the bus" in [name for _, name in ogg.chapters]


def test_pictures_block_reads_each_line_as_a_paragraph() -> None:
    lines = (
        EasyLine((Run("Take the bus"),), "bus", "A bus"),
        EasyLine((Run("Keep your ticket."),), "ticket", "A ticket"),
    )
    easy = Handout(DeckMeta("transport", "Travel", "en-GB"), "Travel", (), (Part("The bus", (Pictures(lines),)),))
    assert script(easy, Words())[1].paragraphs == ("The bus", "Take the bus.", "Keep your ticket.")


def test_no_espeak_ng_is_a_one_line_error_naming_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolkitError, match=r"needs espeak-ng: install the Debian package espeak-ng") as caught:
        write_audio(small_deck(), example_options())
    assert "\n" not in str(caught.value)


def test_no_oggenc_is_a_one_line_error_naming_vorbis_tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    espeak = which("espeak-ng")
    assert espeak
    (tmp_path / "espeak-ng").symlink_to(espeak)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolkitError, match=r"needs oggenc: install the Debian package vorbis-tools"):
        render_audio(handout(1), Words())
