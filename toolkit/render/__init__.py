"""Writers: one module per output format, each turning a Deck into the bytes of one file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.theme import DEFAULT_THEME, Theme
from ..deck.model import Deck

if TYPE_CHECKING:
    from ..handout.model import Contact
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
WRITERS: dict[str, Writer] = {}
STYLED: set[str] = set()  # formats whose look depends on RenderOptions.style
THEMED: frozenset[str] = frozenset({"pptx"})  # formats whose look depends on RenderOptions.theme


def register(fmt: str, styled: bool = False) -> Callable[[Writer], Writer]:
    """Add a writer for a format; adding a format means one new module that calls this."""

    def add(writer: Writer) -> Writer:
        WRITERS[fmt] = writer
        if styled:
            STYLED.add(fmt)
        return writer

    return add


def load_writers() -> dict[str, Writer]:
    """Import every writer module so each registers itself."""
    from . import docx, html, pdf, pptx, text  # noqa: F401

    return WRITERS
