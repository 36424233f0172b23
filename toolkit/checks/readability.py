"""Readability scores, worked out as textstat 0.7.13 works them out, offline and fast.

textstat looks up syllables in NLTK's copy of the CMU dictionary, and calls `nltk.download` when it
is missing: a network call at run time. It also takes a while to load, and keeps its last 128 texts.
We count words and syllables the same way ourselves: syllables from our own compact table of the
same dictionary (syllables.txt), and pyphen's hyphenation for words the dictionary does not have.
Counts add up, so a long file is scored a paragraph at a time, with the same result as all at once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..i18n.languages import code_of

READING_AGE_OFFSET = 5  # UK reading age is about the US grade plus 5 (see docs/checks.md)
# Flesch reading ease for each language: base, per word in a sentence, per syllable in a word (textstat's).
_EASE: dict[str, tuple[float, float, float]] = {
    "en": (206.835, 1.015, 84.6),
    "de": (180, 1, 58.5),
    "es": (206.84, 1.02, 60.0),
    "fr": (207, 1.015, 73.6),
    "it": (217, 1.3, 60.0),
    "nl": (206.835, 0.93, 77),
    "pl": (206.835, 1.015, 84.6),
    "ru": (206.835, 1.3, 60.1),
    "hu": (206.835, 1.015, 58.5),
}
_SENTENCE_BREAK = re.compile(r"(?<=[.!?؟])\s+")  # ؟ is the Arabic question mark
_HAS_WORD = re.compile(r"\w")
_NOT_CONTRACTION = re.compile(r"'(?![tsd]|ve|ll|re)")  # an apostrophe that is not in "don't" or "we'll"
_PUNCTUATION = re.compile(r"[^\w\s']")


@cache
def _table_lines() -> list[str]:
    """The CMU dictionary's words, each "word number" (syllables times two, plus one if people say it as a word).

    Made from the dictionary by scripts/make_syllables.py in word order, and shipped with the toolkit.
    Looking words up by halving the sorted lines needs no dictionary built first: far quicker to load."""
    text = Path(__file__).with_name("syllables.txt").read_text(encoding="utf-8")
    return text.splitlines()[1:]  # after the header line


@lru_cache(maxsize=65_536)
def _table_entry(word: str) -> int | None:
    """The table's number for `word`, or None if the dictionary does not have it."""
    lines, key = _table_lines(), word + " "
    found = bisect_left(lines, key)
    return int(lines[found][len(key) :]) if found < len(lines) and lines[found].startswith(key) else None


def is_ordinary_word(word: str) -> bool:
    """A word people say as a word (NOT, FREE, NATO), not letter by letter (NHS, BBC): the dictionary knows it,
    and at least one way to say it is not just its letters' names."""
    return bool((_table_entry(word.lower()) or 0) & 1)


@cache
def _hyphenator(root: str) -> Any:
    """pyphen's hyphenation for a language; it loads only when a word is not in the dictionary."""
    from .hyphenation import hyphenator

    return hyphenator(root)


@lru_cache(maxsize=65_536)
def _syllables(word: str, root: str) -> int:
    """From the dictionary in English; else one more than the places pyphen would hyphenate the word.

    Kept: most words of a long text are ones it has used before."""
    entry = _table_entry(word) if root == "en" else None
    return entry >> 1 if entry is not None else len(_hyphenator(root).positions(word)) + 1


@dataclass(frozen=True)
class Counts:
    """Words and sentences, which scores are made from. Counts of two texts add up to the counts of both."""

    words: int = 0
    sentences: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.words + other.words, self.sentences + other.sentences)


def count(text: str) -> Counts:
    """Words and sentences in one unit's text. Words are counted as textstat counts them (see `_words`)."""
    found = sentences_of([text])
    return Counts(len(_words(found).split()), len(found))


@lru_cache(maxsize=4096)
def syllables_in(text: str, language: str) -> int:
    """Syllables in one unit's text. Counted only for text long enough to score, as the table takes a while to
    load; kept, as a unit is scored in its block and again in its file."""
    root = code_of(language)
    return sum(_syllables(word, root) for word in _words(sentences_of([text])).lower().split())


def _words(sentences: list[str]) -> str:
    """The sentences without punctuation, and without apostrophes but those in contractions, as textstat has them."""
    return _PUNCTUATION.sub("", _NOT_CONTRACTION.sub("", " ".join(sentences)))


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
    total = Counts()
    for unit in units:
        total += count(unit)
    return scores_of(total, language, min_words, lambda: sum(syllables_in(unit, language) for unit in units))


def scores_of(counts: Counts, language: str, min_words: int, syllables: Callable[[], int]) -> Scores:
    """Scores from the counts of a text, or the counts with a note saying why there is no score.

    `syllables` counts the text's syllables, when there is a score to work out."""
    root = code_of(language)
    words = counts.words
    sentences = counts.sentences if words else 0
    average = round(words / sentences, 1) if sentences else 0.0
    if root not in _EASE:
        return Scores(words, sentences, average, None, None, None, f"not scored: no formula for language '{language}'")
    if words < min_words:
        return Scores(
            words, sentences, average, None, None, None, f"too short to score reliably (under {min_words} words)"
        )
    per_word = syllables() / words
    base, per_sentence_weight, per_syllable_weight = _EASE[root]
    ease = round(base - per_sentence_weight * (words / sentences) - per_syllable_weight * per_word, 1)
    if root != "en":
        return Scores(words, sentences, average, ease, None, None, "reading age is worked out for English only")
    grade = round(0.39 * words / sentences + 11.8 * per_word - 15.59, 1)  # Flesch-Kincaid grade
    return Scores(words, sentences, average, ease, grade, round(grade + READING_AGE_OFFSET, 1))
