"""Languages we make decks and handouts in: a short code for folders and catalogues, a full tag for documents.

The short code (`cy`) names the output folder and the catalogue folder; the tag (`cy-GB`) goes in
every document, so screen readers switch voice. Babel's locale data says which way a script runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..errors import ToolkitError

SOURCE = "en"  # templates and the toolkit are written in English: it needs no catalogue
# The tag each language's documents carry. Others get their short code as the tag.
TAGS = {"en": "en-GB", "cy": "cy-GB", "pl": "pl-PL", "ar": "ar"}


@dataclass(frozen=True)
class Language:
    code: str  # cy
    tag: str  # cy-GB
    name: str  # Welsh, in English
    own_name: str  # Cymraeg: how the library names it in its own language
    rtl: bool = False

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


def code_of(tag: str) -> str:
    """The short code of a language tag: 'cy-GB' -> 'cy', 'en_GB' -> 'en'."""
    return tag.replace("_", "-").split("-")[0].lower()


@cache
def language(tag: str) -> Language:
    """The language a code or tag names ('cy', 'cy-GB', 'ar'), or an error that says what to write."""
    from babel import Locale, UnknownLocaleError

    code = code_of(tag.strip())
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        raise ToolkitError(
            f"no language called '{tag}': use a language code such as cy (Welsh), pl (Polish) or ar (Arabic)"
        ) from None
    given = tag.strip().replace("_", "-")
    full = given if "-" in given else TAGS.get(code, code)  # a tag with a region is kept as it is
    rtl = locale.character_order == "right-to-left"
    return Language(code, full, locale.english_name or code, locale.display_name or code, rtl)


# What goes between list items when a template joins them. Babel's list patterns give the comma for
# most languages ("{0}, {1}"), but Arabic's joins every item with "و" (and), and Babel has no
# semicolons; so these fill the gaps. Anything else joins with ", " and "; ".
COMMAS = {"ar": "، "}
SEMICOLONS = {"ar": "؛ ", "fa": "؛ ", "ur": "؛ "}
_SEPARATOR = re.compile(r"\{0\}(\W+)\{1\}")  # punctuation and spaces only, no word like "and"


@cache
def list_separator(tag: str, semicolon: bool = False) -> str:
    """What a language writes between list items: ", " in English, "، " in Arabic; "; " and "؛ " with `semicolon`."""
    code = code_of(tag)
    if semicolon:
        return SEMICOLONS.get(code, "; ")
    from babel import Locale, UnknownLocaleError

    try:
        middle = Locale.parse(code).list_patterns["standard"]["middle"]
    except (UnknownLocaleError, ValueError, KeyError):
        middle = ""
    found = _SEPARATOR.fullmatch(middle)
    return found.group(1) if found else COMMAS.get(code, ", ")


def semicolon_list(items: tuple[str, ...] | list[str], tag: str) -> str:
    """Items joined as the language writes a list of longer things: "a; b" in English, "a؛ b" in Arabic."""
    return list_separator(tag, semicolon=True).join(items)
