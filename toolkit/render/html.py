"""HTML handout writer: one self-contained web page, readable on a phone and good on paper.

Everything the page needs is inside it (stylesheets, the font and any images, as data: URLs), and a
Content-Security-Policy forbids loading anything else, so opening it makes no request.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from ..deck.model import BulletList, Deck, Image, ListItem, Paragraph, Table
from ..errors import ToolkitError
from ..files import inside
from ..handout import Handout, Pictures
from ..handout.styles import Style, handout_assets, style_named
from ..i18n import N_, Words, language
from . import RenderOptions, handout_of, register
from .bidi import segments
from .icons import PICTURE_COLOUR, icon_png

TEMPLATE = "handout.html.j2"
FONT_URL = re.compile(r"url\(([A-Za-z0-9_.-]+\.woff2)\)")
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
PAGE_OF = N_("Page %(page)s of %(pages)s")  # the page number at the foot of each printed page


@register("html", order=3, handout=N_("a web page, which works well on a phone"), styled=True)
def write_html(deck: Deck, options: RenderOptions) -> bytes:
    """The deck as a handout web page, in the style the options name."""
    handout = handout_of(deck, options)
    return render_html(handout, style_named(options.style), options.assets, options.words).encode("utf-8")


def render_html(handout: Handout, style: Style, images: Path, words: Words | None = None) -> str:
    """The page as text; `images` is the folder image paths in the deck are relative to.

    A right-to-left language gets dir="rtl" (the stylesheet mirrors the page), a font with its
    letters, and each stretch of Latin words or numbers marked left-to-right so it reads correctly.
    """
    lang = language(handout.language)
    template = handout_environment(handout_assets()).get_template(TEMPLATE)
    return template.render(
        handout=handout,
        style=style,
        css=stylesheet(style, lang.rtl) + page_numbers(words or Words()),
        direction=lang.direction,
        bidi=ltr_spans if lang.rtl else escape,
        image_source=lambda image: _image_source(image, images),
        icon_source=lambda name: "data:image/png;base64," + base64.b64encode(icon_png(name, PICTURE_COLOUR)).decode(),
    )


def stylesheet(style: Style, rtl: bool = False) -> Markup:
    """The bundled fonts, the base styles and the chosen style's changes, as one stylesheet."""
    assets = handout_assets()
    fonts = _font_faces(assets / "fonts", rtl)
    return Markup("\n".join((fonts, _read(assets / "base.css"), _read(assets / style.css))))


def page_numbers(words: Words) -> Markup:
    """'Page 1 of 3' at the foot of printed pages, in the handout's language, as CSS generated content."""
    text = words(PAGE_OF, page="\0page\0", pages="\0pages\0")
    parts = []
    for n, piece in enumerate(text.split("\0")):
        if n % 2 and piece in ("page", "pages"):
            parts.append(f"counter({piece})")
        elif not n % 2 and piece:
            safe = piece.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
            parts.append('"' + safe.replace("<", "\\3C ").replace(">", "\\3E ") + '"')  # cannot end the <style>
    return Markup("\n@page {{ @bottom-right {{ content: {}; }} }}\n").format(Markup(" ".join(parts)))


def ltr_spans(text: str) -> Markup:
    """Text for a right-to-left page, with each Latin or number stretch in a left-to-right span."""
    return Markup("").join(
        Markup('<span dir="ltr">{}</span>').format(piece) if ltr else escape(piece) for piece, ltr in segments(text)
    )


@cache
def _font_faces(folder: Path, rtl: bool) -> str:
    """The @font-face rules with each font file inside them as a data: URL: made once, as the files never change."""
    names = ("fonts.css", "fonts-arabic.css") if rtl else ("fonts.css",)
    css = "\n".join(_read(folder / name) for name in names)
    return FONT_URL.sub(lambda m: f"url({_data_url(folder / m.group(1), 'font/woff2')})", css)


@cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@cache
def handout_environment(folder: Path) -> SandboxedEnvironment:
    """Sandboxed, escaping every value, with tests for each kind of block: for the web page and the e-book."""
    env = SandboxedEnvironment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.tests.update(
        paragraph=lambda b: isinstance(b, Paragraph),
        bullet_list=lambda b: isinstance(b, BulletList),
        table=lambda b: isinstance(b, Table),
        image=lambda b: isinstance(b, Image),
        pictures=lambda b: isinstance(b, Pictures),
        safe_link=is_safe_link,
    )
    env.filters["nest"] = nest
    return env


def is_safe_link(address: str) -> bool:
    """Only web, email and phone links become links; anything else stays as words."""
    try:
        return urlsplit(address).scheme.lower() in LINK_SCHEMES
    except ValueError:
        return False


def nest(items: tuple[ListItem, ...]) -> list[tuple[ListItem, list[ListItem]]]:
    """List items as (item, the items under it), since session Markdown allows one level of nesting."""
    nested: list[tuple[ListItem, list[ListItem]]] = []
    for item in items:
        if item.level > 0 and nested:
            nested[-1][1].append(item)
        else:
            nested.append((item, []))
    return nested


def _image_source(image: Image, folder: Path) -> str:
    return _data_url(*image_file(image, folder))


def image_file(image: Image, folder: Path) -> tuple[Path, str]:
    """A picture's file under `folder`, and its media type: only PNG, JPEG and GIF files inside it."""
    path = inside(folder, image.path)
    kind = IMAGE_TYPES.get(path.suffix.lower())
    if kind is None:
        raise ToolkitError(f"image '{image.path}' must be a PNG, JPEG or GIF file", folder)
    if not path.is_file():
        raise ToolkitError(f"image '{image.path}' not found: put it under {folder.name}/", folder)
    return path, kind


def _data_url(path: Path, kind: str) -> str:
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
