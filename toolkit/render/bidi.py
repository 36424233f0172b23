"""Right-to-left text: keep numbers and Latin words readable inside Arabic (or any right-to-left) text.

In a right-to-left paragraph, the Unicode bidi algorithm lays out "0113 496 0000" as "0000 496 0113"
(the spaces between the groups take the paragraph's direction), and a web address or "CV" next to
punctuation can jump to the wrong side. So each stretch of Latin letters and digits is marked as
left-to-right: an HTML element with dir="ltr", or, in Office files, a separate run between
left-to-right marks (U+200E), which make the digits and spaces between them run left to right.
"""

from __future__ import annotations

import re

LRM = "\u200e"
_LATIN = "A-Za-z0-9\u00c0-\u024f"  # Latin letters (with accents) and digits
_TOKEN = rf"[+(]?[{_LATIN}](?:[{_LATIN}.,:;/@+\-_#&%=?~'’()]*[{_LATIN})/'’])?"  # ' for "Carers' Resource"
LTR_RUN = re.compile(rf"{_TOKEN}(?:[ \u00a0]+{_TOKEN})*")
RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew and Arabic scripts


def segments(text: str) -> list[tuple[str, bool]]:
    """The text cut into pieces, each with True if it is a left-to-right stretch (Latin words, numbers).

    Text with no right-to-left letters at all (an English sentence shown where a translation is
    missing) is one left-to-right piece, so its full stops and commas stay where they belong.
    """
    if not RTL_LETTER.search(text):
        return [(text, True)] if text.strip() else [(text, False)]
    pieces: list[tuple[str, bool]] = []
    at = 0
    for found in LTR_RUN.finditer(text):
        if found.start() > at:
            pieces.append((text[at : found.start()], False))
        pieces.append((found.group(), True))
        at = found.end()
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def isolate_ltr(text: str) -> str:
    """Plain text with left-to-right marks around each Latin or number stretch, for Office files."""
    return "".join(f"{LRM}{piece}{LRM}" if ltr else piece for piece, ltr in segments(text))
