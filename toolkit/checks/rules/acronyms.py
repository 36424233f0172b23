"""Plain English and jargon"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...readers.document import Document, TextUnit
from ..model import Hit
from ..readability import is_ordinary_word
from ..registry import Context, rule

_ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")  # letters only, so postcodes such as LS1 are not acronyms
_SMALL_WORDS = {"of", "and", "for", "the", "a", "an", "to", "in", "on", "at", "by", "with", "&"}
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_BRACKET = re.compile(r"\s*\(([^()]*)\)")


@rule("JG002", "acronym-unexplained", "error", languages=("en",))
def acronym_unexplained(doc: Document, ctx: Context) -> Iterator[Hit]:
    """An acronym not spelt out where the file first uses it.

    An acronym counts as spelt out only when the words in the brackets after it, or just before it,
    start with its letters. "Jobseeker's Allowance (JSA)" and "JSA (Jobseeker's Allowance)" are fine,
    "the DM (see page 3)" is not. Acronyms that nearly everyone knows, like UK and NHS, are fine
    anywhere: they are on the `allowed` list in `templates/wordlists/acronyms.yaml`.
    """
    seen: set[str] = set()
    text_so_far = ""
    for unit in doc.units:
        for found in _ACRONYM.finditer(unit.text):
            acronym = found.group().rstrip("s")  # "CVs" is the plural of "CV"
            if acronym in seen or acronym in ctx.words.allowed_acronyms or _capitals(acronym, ctx):
                continue
            seen.add(acronym)
            expansion = ctx.words.acronyms.get(acronym, "")
            if _explained(acronym, expansion, text_so_far + unit.text[: found.start()], unit.text[found.end() :]):
                continue
            suggestion = (
                f"{expansion} ({acronym})" if expansion else f"spell out what {acronym} stands for, then ({acronym})"
            )
            yield Hit(
                unit, found.group(), f"'{acronym}' is not spelt out at its first use", suggestion, start=found.start()
            )
        text_so_far += unit.text + "\n"


@rule("PE007", "capitals", "suggestion", languages=("en",))
def capitals(doc: Document, ctx: Context) -> Iterator[Hit]:
    """An ordinary word in capitals, which is harder to read.

    GOV.UK asks for sentence case, and a screen reader may spell the word out. A word in capitals that
    people say as a word, like NOT, FREE or NATO, is not an acronym. The checker finds these words in
    the Carnegie Mellon University (CMU) pronouncing dictionary. It reports the first one in each
    title, bullet or paragraph.
    """
    for unit in doc.units:
        word = next((m for m in _ACRONYM.finditer(unit.text) if _capitals(m.group(), ctx)), None)
        if word is not None and not _shouted_heading(unit):
            yield Hit(
                unit,
                word.group(),
                f"'{word.group()}' is an ordinary word in capitals, which is harder to read",
                f"use sentence case ('{word.group().lower()}'); use bold, sparingly, for emphasis",
                start=word.start(),
            )


def _capitals(word: str, ctx: Context) -> bool:
    """An ordinary word written in capitals, not an acronym: not in the acronym lists, and in the dictionary
    with a pronunciation that is not just its letters' names (as NHS or BBC would be)."""
    listed = word in ctx.words.acronyms or word in ctx.words.allowed_acronyms
    return not listed and len(word) >= 3 and is_ordinary_word(word)


def _shouted_heading(unit: TextUnit) -> bool:
    """A heading all in capitals is reported once by the slide rules (AX014) where they apply."""
    return unit.heading and unit.text.upper() == unit.text and len(unit.text.split()) > 2


def _explained(acronym: str, expansion: str, before: str, after: str) -> bool:
    """Spelt out just before ("Universal Credit (UC)"), just after ("UC (Universal Credit)"), or named nearby.

    Brackets count only when the words in them (or before them) start with the acronym's letters."""
    bracket = _BRACKET.match(after)
    if bracket and _initials_match(acronym, bracket.group(1)):
        return True
    stripped = before.rstrip()
    if stripped.endswith("(") and _ends_with_expansion(acronym, stripped[:-1]):
        return True
    if _ends_with_expansion(acronym, re.sub(r"(,?\s*\b(or|called|known as)\s*)$", "", stripped)):
        return True
    return bool(expansion) and expansion.lower() in before[-200:].lower()


def _ends_with_expansion(acronym: str, text: str) -> bool:
    """The last few words of `text` start with the acronym's letters: 'you get Universal Credit'."""
    words = _WORDS.findall(text.split("\n")[-1])[-(len(acronym) * 2 + 2) :]
    return any(_initials_match(acronym, " ".join(words[n:])) for n in range(len(words)))


def _initials_match(acronym: str, words: str) -> bool:
    """Each word of `words` (leaving out small ones like 'and') starts with the acronym's next letter, and
    the letters between may come from inside a word: 'Jobseeker's Allowance' spells JSA."""
    content = [w for w in _WORDS.findall(words) if w.lower() not in _SMALL_WORDS]
    if not content or not 0 < len(content) <= len(acronym):
        return False
    pattern = acronym[0] + "".join(rf"(?:\S*?{c}|\S*\s+{c})" for c in acronym[1:]) + r"\S*"
    return re.fullmatch(pattern, " ".join(content), re.IGNORECASE) is not None
