"""Plain English and jargon

The word lists are in `templates/wordlists/`. Each file names its source. Edit them, or add your own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...readers.document import Document
from ..model import Hit
from ..registry import Context, rule

EXPLAIN = "explain it"
_WORD = re.compile(r"[a-z’']+")


def _hits(doc: Document, ctx: Context, kind: str, advice: str) -> Iterator[Hit]:
    explained: set[str] = set()
    for unit in doc.units:
        for match in ctx.words.matches(unit.text):
            if match.entry.kind == kind and match.entry.words not in explained:
                if match.entry.suggestion.startswith(EXPLAIN):
                    explained.add(match.entry.words)  # a term to explain needs explaining once, at first use
                    if _says_what_it_means(match.entry.suggestion, unit.text):
                        continue
                unless = f" (fine if {match.entry.unless})" if match.entry.unless else ""
                yield Hit(unit, match.text, f"'{match.text}' {advice}{unless}", match.entry.suggestion)


def _says_what_it_means(suggestion: str, text: str) -> bool:
    """The text around a term shares at least three of the words that explain it in the word list."""
    meaning = {w for w in _WORD.findall(suggestion.removeprefix(EXPLAIN).lower()) if len(w) > 3}
    return len(meaning & set(_WORD.findall(text.lower()))) >= min(3, len(meaning))


@rule("PE003", "words-to-avoid", "error")
def words_to_avoid(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A word the GOV.UK style guide asks us not to use.

    Each finding says what to write instead. Some words are fine in one sense, and the message says
    which.
    """
    return _hits(doc, ctx, "avoid", "is on the GOV.UK list of words to avoid")


@rule("PE004", "wordy", "warning")
def wordy(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A formal word or wordy phrase with a plain alternative.

    Each finding gives the plainer words to use instead.
    """
    return _hits(doc, ctx, "wordy", "has a plainer alternative")


@rule("JG001", "jargon", "warning")
def jargon(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Benefit and employment-support jargon that people claiming benefits find hard.

    Some official names, like "sanction", are words people need to know. Explain these where the file
    first uses them. The checker reports them only there, and not if the words around them already
    explain them.
    """
    return _hits(doc, ctx, "jargon", "is jargon many claimants will not know")
