"""PDF handout writer: the HTML handout printed by WeasyPrint as a tagged PDF/UA-1 file.

WeasyPrint would fetch any address a page names (file:, http:, CSS url()). Our pages carry
everything inside them as data: URLs, and the fetcher below refuses anything else except files in
our own asset folders, so a hostile value in the content can make it read or request nothing.
"""

from __future__ import annotations

import base64
import io
from functools import cache
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit
from urllib.request import url2pathname

from ..deck.model import Deck
from ..handout.styles import handout_assets, style_named
from ..i18n import N_
from . import RenderOptions, handout_of, register
from .html import render_html


@register("pdf", order=1, handout=N_("a PDF file, to read on screen or to print"), styled=True)
def write_pdf(deck: Deck, options: RenderOptions) -> bytes:
    """The deck as a handout PDF: tagged, fonts embedded, title, language and bookmarks from headings."""
    import weasyprint  # imported here: it is slow to load, and only PDF needs it

    handout = handout_of(deck, options)
    page = render_html(handout, style_named(options.style), options.assets, options.words)
    fetcher = own_assets_fetcher((handout_assets(), options.assets))
    document = weasyprint.HTML(string=page, url_fetcher=fetcher).render()
    return document.write_pdf(pdf_variant="pdf/ua-1")


def own_assets_fetcher(folders: tuple[Path, ...]):
    """A WeasyPrint URL fetcher that allows data: URLs, and files under `folders`, and nothing else.

    It never opens a network connection and never follows a redirect: it decodes data: URLs itself
    and reads allowed files directly. It keeps what it refused in `refused`, for tests and logs.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = tuple(f.resolve() for f in folders)

    class OwnAssetsFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
            scheme = urlsplit(url).scheme.lower()
            if scheme == "data":
                kind, body = _data_contents(url)
                return URLFetcherResponse(url, body, {"Content-Type": kind})
            path = _allowed_file(url, allowed) if scheme == "file" else None
            if path is None:
                self.refused.append(url)
                raise ValueError(f"refused {url[:60]}: handouts load nothing but their own files")
            return URLFetcherResponse(url, path.read_bytes())

    return OwnAssetsFetcher()


def _allowed_file(url: str, folders: tuple[Path, ...]) -> Path | None:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(unquote(parts.path))).resolve()
    if path.is_file() and any(path.is_relative_to(folder) for folder in folders):
        return path
    return None


def _data_contents(url: str) -> tuple[str, bytes]:
    """What a data: URL holds, and its kind. A WOFF2 font comes unpacked (the bytes WeasyPrint would unpack
    from it), so each bundled font is unpacked once a process rather than once for every PDF."""
    kind, body = _decode_data_url(url)
    if kind == "font/woff2":
        return "font/sfnt", _unpacked_font(body)
    return kind, body


@cache
def _unpacked_font(woff2_font: bytes) -> bytes:
    """The plain (TrueType or OpenType) font inside a WOFF2 font, unpacked as WeasyPrint unpacks it."""
    from fontTools.ttLib import woff2  # WeasyPrint's own font library

    unpacked = io.BytesIO()
    woff2.decompress(io.BytesIO(woff2_font), unpacked)
    return unpacked.getvalue()


def _decode_data_url(url: str) -> tuple[str, bytes]:
    header, _, data = url[len("data:") :].partition(",")
    kind = header.split(";")[0] or "text/plain"
    if header.endswith(";base64"):
        return kind, base64.b64decode(data)
    return kind, unquote_to_bytes(data)
