"""Link words must say where the link goes: screen reader users often hear links on their own."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Hit
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


@rule("AX101", "link-text", "warning", "Link words that do not say where the link goes.")
def link_text(doc: Document, ctx: Context) -> Iterator[Hit]:
    for unit in doc.units:
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
