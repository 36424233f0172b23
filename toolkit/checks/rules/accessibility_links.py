"""Plain English and jargon"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...readers.document import Document, TextUnit
from ..model import Hit
from ..registry import Context, rule

VAGUE = {
    "click here",
    "here",
    "read more",
    "more",
    "this link",
    "link",
    "this page",
    "click",
    "find out more",
    "more info",
}
_URL = re.compile(r"^(https?://|www\.)", re.IGNORECASE)
_VAGUE_IN_TEXT = re.compile(
    r"\b(?:(?:click|tap|press)\s+(?:on\s+)?(?:here|this\s+link|the\s+link(?:\s+below)?|below)"
    r"|follow\s+(?:this|the)\s+link|(?:read|find\s+out)\s+more\s+here)\b",
    re.IGNORECASE,
)


@rule("AX101", "link-text", "warning")
def link_text(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Link words that do not say where the link goes.

    Screen reader users often hear a page's links on their own, without the words around them. The
    rule finds words like "click here" and "tap the link below" anywhere in the text, not only in a
    link. A PDF, a pasted email or a slide may hold these words without the link, and they still tell
    the reader nothing. It also finds a link whose words are its web address.
    """
    for unit in doc.units:
        yield from _links(unit)
        yield from _words(unit)


def _words(unit: TextUnit) -> Iterator[Hit]:
    """'Click here' in the text, unless a link's own words are just that (reported with the link)."""
    links = {" ".join(link.words.split()).strip(" .:").lower() for link in unit.links}
    for found in _VAGUE_IN_TEXT.finditer(unit.text):
        if found.group().lower() not in links:
            yield Hit(
                unit,
                found.group(),
                f"'{found.group()}' does not say where the link goes, and not everyone clicks",
                "name the page, for example 'use Traveline's journey planner'",
                start=found.start(),
            )


def _links(unit: TextUnit) -> Iterator[Hit]:
    """Links whose whole words are vague, or are the web address itself."""
    for link in unit.links:
        words = " ".join(link.words.split()).strip(" .:")
        if words.lower() in VAGUE:
            yield Hit(
                unit,
                link.words,
                f"link words '{words}' do not say where the link goes",
                "name the page, for example 'Traveline's journey planner'",
            )
        elif _URL.match(words):
            yield Hit(
                unit,
                link.words,
                "a web address is used as the words of a link",
                "use words that name the page; write the address out separately if people need it",
            )
