"""Right-to-left text: keep numbers and Latin words readable inside Arabic (or any right-to-left) text.

In a right-to-left paragraph, the Unicode bidi algorithm lays out "0113 496 0000" as "0000 496 0113"
(the spaces between the groups take the paragraph's direction), and a web address or "CV" next to
punctuation can jump to the wrong side. So each stretch of Latin letters and digits is marked as
left-to-right: an HTML element with dir="ltr", or, in Office files, a separate run between
left-to-right marks (U+200E), which make the digits and spaces between them run left to right.

Writers cut each run of a paragraph on its own, so a run may be only part of an Arabic sentence: a
bold label "**Asda:**" before Arabic text, or " 0113 496 0000" after an Arabic label. The colon and
the spaces at the edges of such a run belong to the Arabic sentence, not to the Latin word, or the
colon shows on the far side of "Asda" and the number sits against the colon.

An Arabic comma between two Latin stretches ("Asda، Amazon") would take their direction, and the list
would read left to right; a right-to-left mark (U+200F) after it keeps the items in right-to-left order.
"""

from __future__ import annotations

import re

LRM = "\u200e"
RLM = "\u200f"
_LATIN = "A-Za-z0-9\u00c0-\u024f"  # Latin letters (with accents) and digits
_TOKEN = rf"[+(]?[{_LATIN}](?:[{_LATIN}.,:;/@+\-\u2013_#&%=?~'’()]*[{_LATIN})/'’])?"  # ' for "Carers' Resource"
LTR_RUN = re.compile(rf"{_TOKEN}(?:[ \u00a0]+{_TOKEN})*")
RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew and Arabic scripts
LATIN = re.compile(f"[{_LATIN}]")
RTL_SEPARATOR = re.compile("([\u060c\u061b])")  # the Arabic comma and semicolon: "،" and "؛"
# Spaces before, and spaces with a colon, semicolon or comma after: they join a run to the rest of its paragraph.
_EDGES = re.compile(r"(\s*)(.*?)([\s:;,]*)", re.DOTALL)


def segments(text: str) -> list[tuple[str, bool]]:
    """The text cut into pieces, each with True if it is a left-to-right stretch (Latin words, numbers).

    Text with no right-to-left letters at all (an English sentence shown where a translation is
    missing, a name in a bold label) is one left-to-right piece, so its full stops and commas stay
    where they belong; but the spaces at its edges and a colon, semicolon or comma at its end are
    pieces of their own, which take the paragraph's direction: "Asda:" before Arabic text is "Asda"
    then ":", so the colon stays between the label and what follows it.
    """
    if not RTL_LETTER.search(text):
        return _latin_only(text)
    pieces: list[tuple[str, bool]] = []
    at = 0
    for found in LTR_RUN.finditer(text):
        if found.start() > at:
            pieces.append((_anchored(text[at : found.start()]), False))
        pieces.append((found.group(), True))
        at = found.end()
    if at < len(text):
        pieces.append((_anchored(text[at:]), False))
    return pieces


def _anchored(between: str) -> str:
    """An Arabic comma or semicolon with no Arabic letter beside it, followed by a right-to-left mark."""
    if RTL_LETTER.search(RTL_SEPARATOR.sub("", between)):
        return between
    return RTL_SEPARATOR.sub(rf"\1{RLM}", between)


def _latin_only(text: str) -> list[tuple[str, bool]]:
    found = _EDGES.fullmatch(text)
    assert found is not None  # every part of the pattern can be empty
    before, middle, after = found.groups()
    if not LATIN.search(middle):
        return [(text, False)]  # only spaces and punctuation
    return [(piece, ltr) for piece, ltr in ((before, False), (middle, True), (after, False)) if piece]


def isolate_ltr(text: str) -> str:
    """Plain text with left-to-right marks around each Latin or number stretch, for Office files."""
    return "".join(f"{LRM}{piece}{LRM}" if ltr else piece for piece, ltr in segments(text))
