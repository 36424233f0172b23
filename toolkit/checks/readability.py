"""Readability scores with textstat, offline and fast.

textstat 0.7.x looks up syllables in NLTK's copy of the CMU dictionary and calls `nltk.download`
when it is missing: a network call at run time. We give textstat the syllable counts of the same
dictionary from our own compact table (syllables.txt), and keep NLTK out of the process.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources

from ..i18n.languages import code_of

READING_AGE_OFFSET = 5  # UK reading age is about the US grade plus 5 (see docs/checks.md)
FORMULA_LANGUAGES = {"de", "es", "fr", "it", "nl", "pl", "ru", "hu"}  # textstat has their own constants
_SENTENCE_BREAK = re.compile(r"(?<=[.!?؟])\s+")  # ؟ is the Arabic question mark
_HAS_WORD = re.compile(r"\w")


class _CmuSyllables(Mapping[str, list[list[str]]]):
    """CMU dictionary syllable counts shaped as textstat expects: word -> [[phones]], one "1" a syllable."""

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["1"] * (_syllable_table()[word] >> 1)]

    def __iter__(self) -> Iterator[str]:
        return iter(_syllable_table())

    def __len__(self) -> int:
        return len(_syllable_table())


@cache
def _textstat() -> types.ModuleType:
    """Import textstat with its syllable source swapped for ours, so it never imports or calls NLTK."""
    sys.modules.setdefault("nltk", types.ModuleType("nltk"))  # textstat imports it; we never use it
    import textstat
    from textstat.backend.counts import _count_syllables

    syllables = _CmuSyllables()
    _count_syllables.get_cmudict = lambda lang: syllables if lang.split("_")[0] == "en" else None
    return textstat


@cache
def _syllable_table() -> dict[str, int]:
    """For each word in the CMU dictionary, its syllables times two, plus one if people say it as a word.

    Made from the dictionary by scripts/make_syllables.py and shipped with the toolkit: reading it takes
    a twentieth of the time of parsing the dictionary, and a tenth of the memory."""
    text = resources.files(__package__).joinpath("syllables.txt").read_text(encoding="utf-8")
    words = text.split("\n", 1)[1].split()  # after the header line: word, number, word, number...
    return dict(zip(words[::2], map(int, words[1::2]), strict=True))


def is_ordinary_word(word: str) -> bool:
    """A word people say as a word (NOT, FREE, NATO), not letter by letter (NHS, BBC): the dictionary knows it,
    and at least one way to say it is not just its letters' names."""
    return bool(_syllable_table().get(word.lower(), 0) & 1)


@dataclass(frozen=True)
class Scores:
    """Readability of one block of text; grade-based figures are None where they mean nothing."""

    words: int
    sentences: int
    average_sentence_length: float
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    reading_age: float | None
    note: str = ""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def split_sentences(text: str) -> list[str]:
    """Split at . ! ? unless the next word starts with a small letter (as after "e.g."); scripts without
    capitals, such as Arabic, split at every full stop."""
    found: list[str] = []
    for piece in _SENTENCE_BREAK.split(text):
        if found and piece.lstrip("\"'‘“(")[:1].islower():
            found[-1] += " " + piece
        else:
            found.append(piece)
    return found


def sentences_of(units: list[str]) -> list[str]:
    """The sentences a reader sees: a title, bullet, cell or note line ends a sentence, full stop or not.

    We count them ourselves. textstat's own count skips "sentences" of one or two words, so a title
    with fifteen two-word bullets would score as one long sentence."""
    return [s.strip() for unit in units for s in split_sentences(unit) if _HAS_WORD.search(s)]


def score(units: list[str], language: str, min_words: int) -> Scores:
    """Scores for the text of `units`, or counts with a note saying why there is no score."""
    stats = _textstat()
    found = sentences_of(units)
    text = " ".join(found)
    root = code_of(language)
    words = stats.lexicon_count(text)
    sentences = len(found) if words else 0
    average = round(words / sentences, 1) if sentences else 0.0
    if root != "en" and root not in FORMULA_LANGUAGES:
        return Scores(words, sentences, average, None, None, None, f"not scored: no formula for language '{language}'")
    if words < min_words:
        return Scores(
            words, sentences, average, None, None, None, f"too short to score reliably (under {min_words} words)"
        )
    stats.set_lang(root)
    per_word = stats.syllable_count(text) / words
    ease = round(_flesch_ease(root, words / sentences, per_word), 1)
    if root != "en":
        return Scores(words, sentences, average, ease, None, None, "reading age is worked out for English only")
    grade = round(0.39 * words / sentences + 11.8 * per_word - 15.59, 1)  # Flesch-Kincaid grade
    return Scores(words, sentences, average, ease, grade, round(grade + READING_AGE_OFFSET, 1))


def _flesch_ease(root: str, per_sentence: float, per_word: float) -> float:
    """Flesch reading ease with the language's own constants, as textstat keeps them."""
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg

    base, length, syllables = (get_lang_cfg(root, k) for k in ("fre_base", "fre_sentence_length", "fre_syll_per_word"))
    return base - length * per_sentence - syllables * per_word
