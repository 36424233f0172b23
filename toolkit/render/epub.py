"""EPUB handout writer: an e-book for reading apps and e-readers (EPUB 3, checked with EPUBCheck).

An EPUB file is a zip of web pages (XHTML) with a package document that lists them and says what the
book is, and a navigation page that is its table of contents. We write one page per part of the
handout, so a reader's app can jump to each part, and the accessibility metadata (schema.org and
EPUB Accessibility 1.1) that bookshops, libraries and reading apps show before someone opens it.

The look is left to the reader: we embed no fonts and set no sizes in pixels, as reading apps let
people choose their own font, size, spacing and colours. Our small stylesheet only lays things out.

The same handout always gives the same bytes: the zip entries have a fixed time, the identifier is
made from the handout itself, and the date is when its facts were checked, never today's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from markupsafe import escape

from ..deck.model import Deck, Image
from ..handout import Handout, Part, Pictures
from ..handout.model import HandoutBlock
from ..handout.styles import handout_assets
from ..i18n import N_, Words, language
from ..zips import FIXED_ZIP_TIME
from . import RenderOptions, handout_of, register
from .html import handout_environment, image_file, ltr_spans
from .icons import PICTURE_COLOUR, icon_png

MIMETYPE = b"application/epub+zip"
FOLDER = "EPUB"  # everything but the mimetype and META-INF/ lives here, so the package's own paths are short
CONTENTS = N_("Contents")  # the heading of the table of contents
# Made once for this writer; the identifier of each book is made from it and the book's own content.
NAMESPACE = uuid.UUID("6f0c1c7e-3f1d-5b57-9a55-2f8f3c2d8e41")
FIXED_MODIFIED = dt.datetime(*FIXED_ZIP_TIME, tzinfo=dt.UTC)
# For catalogues and reading apps, in English, like the rest of the package's metadata.
SUMMARY = (
    "This e-book has headings for each part and a table of contents. You can change the font, text size "
    "and colours in your reading app. Every picture has a text description, or is marked as decoration."
)
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"


@register("epub", order=5, handout=N_("an e-book (EPUB), for reading apps and e-readers"), on_request=True)
def write_epub(deck: Deck, options: RenderOptions) -> bytes:
    """The deck's handout as an EPUB 3 e-book: the Easy Read one in that style, otherwise the full one."""
    return render_epub(handout_of(deck, options), options.assets, options.words)


def render_epub(handout: Handout, images: Path, words: Words | None = None) -> bytes:
    """The e-book's bytes; `images` is the folder image paths in the handout are relative to."""
    book = _Book(handout, images, words or Words())
    pages = [(page.name, book.page(page)) for page in book.pages]  # first, as they gather the pictures
    content = [("nav.xhtml", book.nav()), ("style.css", _read(_templates() / "style.css")), *pages, *book.media.files()]
    container = ("META-INF/container.xml", _read(_templates() / "container.xml"))
    package = (f"{FOLDER}/package.opf", book.package(_digest(content)))
    return _zip([container, package, *((f"{FOLDER}/{name}", data) for name, data in content)])


@dataclass(frozen=True)
class _Page:
    """One XHTML file of the book: the title and introduction first, then one for each top-level part."""

    name: str
    title: str
    blocks: tuple[HandoutBlock, ...]
    parts: tuple[Part, ...]
    number: int  # 0 for the title page; the part's number otherwise, which its headings' ids start with


@dataclass
class _Media:
    """The pictures the pages show, each stored once in the book, in the order the pages first show them."""

    folder: Path
    stored: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # href: (media type, bytes)

    def image(self, image: Image) -> str:
        """Where the book keeps a picture from the deck, or one of our icons."""
        if image.icon:
            return self.icon(image.icon)
        path, kind = image_file(image, self.folder)
        data = path.read_bytes()
        suffix = ".jpg" if kind == "image/jpeg" else path.suffix.lower()
        return self._keep(f"images/picture-{hashlib.sha256(data).hexdigest()[:12]}{suffix}", kind, data)

    def icon(self, name: str) -> str:
        # GOV.UK blue on a clear background: it stands out from white (5.2 to 1) and from a reading app's black
        # background in dark mode (4.1 to 1), more than the 3 to 1 pictures need.
        return self._keep(f"images/icon-{name}.png", "image/png", icon_png(name, PICTURE_COLOUR))

    def _keep(self, href: str, kind: str, data: bytes) -> str:
        self.stored.setdefault(href, (kind, data))
        return href

    def files(self) -> list[tuple[str, bytes]]:
        return [(href, data) for href, (_, data) in self.stored.items()]


class _Book:
    """The handout cut into pages, and the templates that write each file of the book."""

    def __init__(self, handout: Handout, images: Path, words: Words) -> None:
        self.handout = handout
        self.lang = language(handout.language)
        self.words = words
        self.media = _Media(images)
        width = max(2, len(str(len(handout.parts))))
        self.pages = [_Page("start.xhtml", handout.title, handout.intro, (), 0)] + [
            _Page(f"part-{n:0{width}d}.xhtml", part.title, (), (part,), n) for n, part in enumerate(handout.parts, 1)
        ]

    def _render(self, template: str, **values: object) -> bytes:
        env = handout_environment(_templates())
        return (
            env.get_template(template)
            .render(
                handout=self.handout,
                lang=self.handout.language,
                direction=self.lang.direction,
                bidi=ltr_spans if self.lang.rtl else escape,
                image_source=self.media.image,
                icon_source=self.media.icon,
                **values,
            )
            .encode("utf-8")
        )

    def page(self, page: _Page) -> bytes:
        return self._render("page.xhtml.j2", page=page)

    def nav(self) -> bytes:
        contents = self.words(CONTENTS)
        # Untranslated, the heading is English in a book in another language: say so, for screen readers.
        english = contents == CONTENTS and not self.lang.is_source
        return self._render(
            "nav.xhtml.j2", pages=self.pages, contents=contents, contents_lang=language("en").tag if english else ""
        )

    def package(self, digest: str) -> bytes:
        meta = self.handout.meta
        key = "\n".join((self.handout.language, self.handout.title, meta.topic, meta.audience, digest))
        return self._render(
            "package.opf.j2",
            pages=self.pages,
            identifier=f"urn:uuid:{uuid.uuid5(NAMESPACE, key)}",
            modified=_modified(meta.date),
            media=[(href, kind) for href, (kind, _) in self.media.stored.items()],
            visual=bool(self.media.stored),
            described=any(_described(b) for b in _all_blocks(self.handout)),
            summary=SUMMARY,
            conforms_to=CONFORMS_TO,
        )


def _all_blocks(handout: Handout) -> Iterator[HandoutBlock]:
    yield from handout.intro
    for part in handout.parts:
        yield from _part_blocks(part)


def _part_blocks(part: Part) -> Iterator[HandoutBlock]:
    yield from part.blocks
    for child in part.parts:
        yield from _part_blocks(child)


def _described(block: HandoutBlock) -> bool:
    """Whether a block shows a picture with alt text, so the book has text alternatives to claim."""
    if isinstance(block, Image):
        return not block.decorative
    return isinstance(block, Pictures) and any(line.alt.strip() for line in block.lines)


def _modified(date: str) -> str:
    """When the book last changed, as EPUB wants it: the day its facts were checked, or a fixed day, never the clock."""
    try:
        day = dt.datetime.combine(dt.date.fromisoformat(date[:10]), dt.time(), dt.UTC)
    except ValueError:
        day = FIXED_MODIFIED
    return day.strftime("%Y-%m-%dT%H:%M:%SZ")


def _digest(files: list[tuple[str, bytes]]) -> str:
    """A fingerprint of the book's content, so a changed handout gets a new identifier."""
    hashed = hashlib.sha256()
    for name, data in files:
        hashed.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return hashed.hexdigest()


def _zip(files: list[tuple[str, bytes]]) -> bytes:
    """The EPUB container: the mimetype first and not compressed, as reading apps look for it there."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(_entry("mimetype", zipfile.ZIP_STORED), MIMETYPE)
        for name, data in files:
            archive.writestr(_entry(name), data)
    return out.getvalue()


def _entry(name: str, compression: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
    entry.compress_type = compression
    entry.external_attr = 0o644 << 16
    return entry


def _templates() -> Path:
    return handout_assets() / "epub"


@cache
def _read(path: Path) -> bytes:
    return path.read_bytes()
