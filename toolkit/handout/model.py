"""The handout: a Deck rewritten for someone reading alone, as headings with blocks under them."""

from __future__ import annotations

from dataclasses import dataclass

from ..deck.model import BulletList, DeckMeta, EasyLine, Image, Paragraph, Table


@dataclass(frozen=True)
class Pictures:
    """Easy Read lines: each a picture on the left, with alt text, and its words on the right."""

    lines: tuple[EasyLine, ...]


# A handout holds no activities: they become a part called "Try this at home".
HandoutBlock = Paragraph | BulletList | Table | Image | Pictures


@dataclass(frozen=True)
class Part:
    """A heading, what goes under it, and smaller parts, each one heading level down."""

    title: str
    blocks: tuple[HandoutBlock, ...] = ()
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Handout:
    """What every handout writer prints: the title as the top heading, then the parts in order."""

    meta: DeckMeta
    title: str
    intro: tuple[HandoutBlock, ...]
    parts: tuple[Part, ...]

    @property
    def language(self) -> str:
        return self.meta.language or "en-GB"


@dataclass(frozen=True)
class Contact:
    """Someone a reader can get in touch with: made from the site's content by the build."""

    name: str
    what: str = ""
    phone: str = ""
    website: str = ""
    address: str = ""
    opening: str = ""
    always: bool = False  # the jobcentre is always listed; services only when the session names them
