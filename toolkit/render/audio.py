"""Audio handout writer: the handout read aloud by a computer voice, as one Ogg Vorbis file.

For someone who finds reading hard, or who listens on a phone while doing something else. Made offline
(toolkit/render/speech.py), and small: speech quality, mono. Each top-level part is a chapter, named by
Vorbis comments in the common chapter form (CHAPTER001=00:00:00.000, CHAPTER001NAME=...), so players that
know chapters can jump straight to a part. The title and introduction are the first chapter.

What a reader sees as layout, a listener hears as quiet: a short pause between paragraphs, a longer one
between parts. List items and table rows are each a sentence, each row naming its columns, as in the plain
text handout. A picture is read by its alt text only where the words around it do not already say it; in
Easy Read, only the words are read, as the pictures are there to help with reading.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..deck.model import BulletList, Deck, Image, Paragraph, Table, plain
from ..errors import one_line
from ..handout.model import Handout, HandoutBlock, Part, Pictures
from ..i18n import N_, Words
from . import RenderOptions, handout_of, register
from .programs import program, run_program
from .speech import MAKING, SAMPLE_BYTES, VOICE, Speech, Voice, silence
from .text import PICTURE, list_lines, row_lines

PARAGRAPH_PAUSE = 0.9  # seconds between paragraphs: longer than espeak-ng's pause at a full stop (half a second)
PART_PAUSE = 1.5  # seconds of quiet between parts, after the speech's own quiet at its end
QUALITY = 0  # oggenc's quality, from -1 to 10: 0 is about 24 kilobits a second, plenty for a computer voice
_ENDS = ".!?:;…؟"  # a sentence that ends with one of these needs no full stop added
_SCHEME = re.compile(r"\bhttps?://", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Chapter:
    """What one chapter says: its name, as a player lists it, and its paragraphs in order."""

    name: str
    paragraphs: tuple[str, ...]


@register("ogg", order=7, handout=N_("an audio file (Ogg), read aloud by a computer voice"), on_request=True)
def write_audio(deck: Deck, options: RenderOptions) -> bytes:
    """The deck's handout read aloud, as an Ogg Vorbis file with a chapter for each part."""
    return render_audio(handout_of(deck, options), options.words)


def render_audio(handout: Handout, words: Words, voice: Voice = VOICE) -> bytes:
    """A handout read aloud by `voice`: one run of the voice a chapter, then one Ogg Vorbis file.

    The same handout gives the same bytes: the voice says the same text the same way, and the stream's
    serial number, which oggenc would otherwise pick at random, comes from the text.
    """
    chapters = script(handout, words)
    speech, starts = join([voice.speak(chapter.paragraphs, handout.language, PARAGRAPH_PAUSE) for chapter in chapters])
    comments = [f"TITLE={one_line(handout.title)}", f"LANGUAGE={handout.language}"]
    for number, (chapter, start) in enumerate(zip(chapters, starts, strict=True), start=1):
        name = f"CHAPTER{number:03d}"
        comments += [f"{name}={timestamp(start, speech.rate)}", f"{name}NAME={one_line(chapter.name)}"]
    return _ogg(speech, comments, _serial(handout.language, chapters))


def join(speeches: list[Speech]) -> tuple[Speech, list[int]]:
    """The chapters' speech as one stream, with quiet between them, and the sample each chapter starts at:
    where its speech starts, after the quiet that ends the chapter before."""
    rate = speeches[0].rate
    if any(speech.rate != rate for speech in speeches):
        raise ValueError("the voice spoke the chapters at different sample rates")
    gap = silence(rate, PART_PAUSE)
    pcm, starts = bytearray(), []
    for number, speech in enumerate(speeches):
        pcm += gap.pcm if number else b""
        starts.append(len(pcm) // SAMPLE_BYTES)
        pcm += speech.pcm
    return Speech(rate, bytes(pcm)), starts


def script(handout: Handout, words: Words) -> tuple[Chapter, ...]:
    """What the voice says, chapter by chapter: the title and introduction, then each top-level part."""
    opening = Chapter(handout.title, tuple(_said([handout.title, *_blocks(handout.intro, handout.title, words)])))
    return (opening, *(Chapter(part.title, tuple(_said(_part(part, words)))) for part in handout.parts))


def timestamp(samples: int, rate: int) -> str:
    """A time in a chapter comment, HH:MM:SS.mmm, to the nearest millisecond."""
    ms = (samples * 1000 + rate // 2) // rate
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _part(part: Part, words: Words) -> Iterator[str]:
    """A part's heading, its blocks, then its smaller parts, each with its heading."""
    yield part.title
    yield from _blocks(part.blocks, part.title, words)
    for child in part.parts:
        yield from _part(child, words)


def _blocks(blocks: tuple[HandoutBlock, ...], title: str, words: Words) -> Iterator[str]:
    """One paragraph for each block; an Easy Read block gives one paragraph a line, as it is printed."""
    said = _plain_words(" ".join([title, *(t for b in blocks if not isinstance(b, Image) for t in _texts(b))]))
    for block in blocks:
        if isinstance(block, Image):
            if not block.decorative and _plain_words(block.alt) not in said:
                yield _sentence(words(PICTURE, alt=block.alt))
        else:
            yield from _texts(block)


def _texts(block: HandoutBlock) -> Iterator[str]:
    if isinstance(block, Paragraph):
        yield _sentence(plain(block.runs))
    elif isinstance(block, BulletList):
        yield " ".join(_sentence(words) for _, words in list_lines(block))
    elif isinstance(block, Table):
        yield " ".join(_sentence(row) for row in row_lines(block))
    elif isinstance(block, Pictures):
        yield from (_sentence(plain(line.runs)) for line in block.lines)


def _sentence(text: str) -> str:
    """Text as the voice should read it: on one line, web addresses without "https://" (nobody says it
    aloud), and ending like a sentence, so the voice drops its tone and pauses, as a reader would."""
    text = _SPACES.sub(" ", _SCHEME.sub("", text)).strip()
    return text + "." if text and text[-1] not in _ENDS else text


def _said(paragraphs: Iterable[str]) -> Iterator[str]:
    return (p for p in paragraphs if p.strip())


def _plain_words(text: str) -> str:
    """Text to compare with alt text: lower case, whole words only, so punctuation and spacing do not count."""
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def _serial(language: str, chapters: tuple[Chapter, ...]) -> int:
    """The Ogg stream's serial number, from what it says: the same for the same handout."""
    text = "\n".join([language, *(p for chapter in chapters for p in (chapter.name, *chapter.paragraphs))])
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big") & 0x7FFFFFFF


def _ogg(speech: Speech, comments: list[str], serial: int) -> bytes:
    """Speech as Ogg Vorbis at speech quality, with the comments; oggenc reads raw samples from a pipe."""
    oggenc = program("oggenc", "vorbis-tools", MAKING)
    raw = ["-r", "-B", "16", "-C", "1", "-R", str(speech.rate), "--raw-endianness", "0"]
    tags = [arg for comment in comments for arg in ("-c", comment)]
    args = [oggenc, "-Q", *raw, "-q", str(QUALITY), "-s", str(serial), "--utf8", *tags, "-o", "-", "-"]
    return run_program(args, speech.pcm, MAKING)
