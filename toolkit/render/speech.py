"""Speech made on this computer, with no network: the voice behind the audio handout.

Every engine sits behind one small interface, `Voice`, so a better offline voice can replace espeak-ng
by adding one class here and naming it in `VOICE`; nothing else moves. espeak-ng is the one we have:
robotic but clear, in every language we ship, and it gives the same sound for the same text every time.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol
from xml.sax.saxutils import escape

from .programs import program, run_program

MAKING = "the audio handout"
SAMPLE_BYTES = 2  # 16-bit samples


@dataclass(frozen=True)
class Speech:
    """Some speech as sound: 16-bit signed little-endian mono samples (PCM), `rate` of them a second."""

    rate: int
    pcm: bytes

    @property
    def samples(self) -> int:
        return len(self.pcm) // SAMPLE_BYTES

    @property
    def seconds(self) -> float:
        return self.samples / self.rate


def silence(rate: int, seconds: float) -> Speech:
    """Quiet, to put between paragraphs and parts: a listener needs the gaps a reader gets from the layout."""
    return Speech(rate, bytes(SAMPLE_BYTES * round(rate * seconds)))


class Voice(Protocol):
    """A speech engine that works offline. The audio handout uses nothing else of it."""

    def voice_for(self, language: str) -> str:
        """The engine's name for its voice in a language (a BCP 47 tag such as en-GB), for errors and tests."""
        ...

    def speak(self, paragraphs: Sequence[str], language: str, pause: float) -> Speech:
        """The paragraphs read aloud in order, with `pause` seconds of quiet between each two."""
        ...


# espeak-ng's voice for each language we ship. Another language uses espeak-ng's voice with its code, if it has one.
ESPEAK_VOICES = {"en": "en-gb", "en-gb": "en-gb", "cy": "cy", "pl": "pl", "ar": "ar"}

# espeak-ng's default is 175 words a minute. 140 is easier to follow, above all for someone listening in a
# second language or with a learning disability.
ESPEAK_RATE = 140


class Espeak:
    """espeak-ng (Debian package espeak-ng): one run for each stretch of speech, text in and a WAV file out."""

    def __init__(self, rate: int = ESPEAK_RATE) -> None:
        self.rate = rate

    def voice_for(self, language: str) -> str:
        tag = language.lower().replace("_", "-")
        return ESPEAK_VOICES.get(tag) or ESPEAK_VOICES.get(tag.split("-")[0]) or tag.split("-")[0]

    def speak(self, paragraphs: Sequence[str], language: str, pause: float) -> Speech:
        # espeak-ng's small SSML (-m) gives exact pauses in one run; the text is escaped so < and & are read as words.
        breaks = f'\n<break time="{round(pause * 1000)}ms"/>\n'
        text = breaks.join(escape(paragraph) for paragraph in paragraphs)
        args = [program("espeak-ng", "espeak-ng", MAKING), "--stdout", "-m", "-v", self.voice_for(language)]
        wav = run_program([*args, "-s", str(self.rate)], text.encode("utf-8"), MAKING)
        return _wav_speech(wav)


VOICE: Voice = Espeak()  # the voice the audio handout uses


def _wav_speech(wav: bytes) -> Speech:
    """The samples of a WAV file espeak-ng wrote to a pipe, where it cannot go back to fill in the sizes:
    they say 0x7FFFFFFF, so the data runs to the end of the file."""
    if wav[:4] != b"RIFF" or wav[8:12] != b"WAVE":
        raise ValueError("espeak-ng did not write a WAV file")
    at, rate = 12, 0
    while at + 8 <= len(wav):
        chunk, size = wav[at : at + 4], struct.unpack_from("<I", wav, at + 4)[0]
        if chunk == b"fmt ":
            encoding, channels, rate = struct.unpack_from("<HHI", wav, at + 8)
            bits = struct.unpack_from("<H", wav, at + 22)[0]
            if (encoding, channels, bits) != (1, 1, 16):
                raise ValueError(f"espeak-ng wrote {bits}-bit sound with {channels} channels, not 16-bit mono")
        elif chunk == b"data":
            pcm = wav[at + 8 :]
            return Speech(rate, pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES])
        at += 8 + size + size % 2
    raise ValueError("espeak-ng wrote a WAV file with no sound in it")
