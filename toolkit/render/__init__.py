"""Writers: one module per output format, each turning a Deck into the bytes of one file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.theme import DEFAULT_THEME, Theme
from ..deck.model import Deck
from ..handout.styles import EASY_READ
from ..plugins import import_all

if TYPE_CHECKING:
    from ..handout.model import Contact, Handout
    from ..i18n import Words
    from ..i18n.catalogues import Translator


@dataclass(frozen=True)
class RenderOptions:
    """What a writer may use besides the Deck: the slide master, the folder images come from, the
    handout style, who a handout says to contact (made from the site's content by the build), the
    translator for the deck's language, which gives the handout's own words, and the district's
    theme (colours already checked for contrast, logo, footer text)."""

    master: Path
    assets: Path
    style: str = "standard"
    contacts: tuple[Contact, ...] = ()
    translator: Translator | None = None
    theme: Theme = DEFAULT_THEME

    @property
    def words(self) -> Words:
        from ..i18n import Words

        return Words(self.translator)


Writer = Callable[[Deck, RenderOptions], bytes]


def handout_of(deck: Deck, options: RenderOptions) -> Handout:
    """The handout every handout writer prints: the Easy Read one in that style, otherwise the full one."""
    from ..handout import make_easy_read, make_handout

    maker = make_easy_read if options.style == EASY_READ else make_handout
    return maker(deck, options.contacts, options.words)


@dataclass(frozen=True)
class Format:
    """All the toolkit knows about one output format, given where its writer is defined."""

    name: str  # the file ending, and the word for --format
    write: Writer
    order: int  # where it comes in lists of files: the slide deck first, then the handout most people want
    handout: str = ""  # for a handout format, what a covering message calls it; empty for the slide deck
    styled: bool = False  # its look follows the handout style: standard, large-print or dyslexia
    themed: bool = False  # its look follows the district's theme: colours, logo, footer
    on_request: bool = False  # made only when asked for by name: it needs a system program, or is rarely wanted

    @property
    def is_handout(self) -> bool:
        return bool(self.handout)


FORMATS: dict[str, Format] = {}


def register(
    name: str, order: int, handout: str = "", styled: bool = False, themed: bool = False, on_request: bool = False
) -> Callable[[Writer], Writer]:
    """Add a writer for a format; adding a format means one new module that calls this."""

    def add(writer: Writer) -> Writer:
        FORMATS[name] = Format(name, writer, order, handout, styled, themed, on_request)
        ordered = sorted(FORMATS.values(), key=lambda fmt: fmt.order)  # kept in list order, so readers need not sort
        FORMATS.clear()
        FORMATS.update((fmt.name, fmt) for fmt in ordered)
        return writer

    return add


def all_formats() -> dict[str, Format]:
    """Every format, in the order lists show them, after importing the modules that register them."""
    import_all(__name__)
    return FORMATS


def handout_formats() -> dict[str, Format]:
    """The formats for someone who cannot come to the group session."""
    return {name: fmt for name, fmt in all_formats().items() if fmt.is_handout}


def is_deck(name: str) -> bool:
    """Whether files of this format are slide decks: what the review site and library check and preview."""
    known = all_formats()
    return name in known and not known[name].is_handout


def format_order(name: str) -> int:
    """Where files of this format come in a list: the deck first, then handouts, most wanted first."""
    known = all_formats()
    return known[name].order if name in known else len(known)
