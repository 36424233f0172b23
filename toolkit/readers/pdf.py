"""PDF: each paragraph (a text block on a page) becomes a unit; the file's accessibility settings are kept.

We read PDFs with pdfminer.six. It is pure Python, so it installs from the package registry on any
machine with no system library, unlike Poppler's pdftotext. It groups characters into lines and
blocks by their position, which gives us paragraphs with a page and a place on it; pypdf gives only
a page's text in one piece. And one library also reads the catalogue, where a PDF says whether it is
tagged, its language, its title and its bookmarks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ToolkitError
from ..text import clean
from .document import Document, TextUnit

MAX_PAGES = 2000  # far more than any handout; a file claiming more is more likely harmful than a document
HEADING_SCALE = 1.15  # text this much larger than the body text is a heading
_GARBLED = re.compile(r"\(cid:\d+\)")  # a character pdfminer cannot map to text: the font has no text map


@dataclass(frozen=True)
class PdfLook:
    """What the PDF accessibility rules look at: the catalogue's settings and which pages have real text."""

    pages: int
    tagged: bool
    language: str | None
    title: str | None
    shows_title: bool  # the viewer shows the title, not the file name, in its title bar
    bookmarks: int
    no_text: tuple[int, ...]  # pages with pictures but no text a screen reader could read


def read_pdf(path: Path) -> Document:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    with path.open("rb") as handle:
        if b"%PDF-" not in handle.read(1024):
            raise ToolkitError("is not a PDF, or is damaged: open and save it as PDF again", path)
        handle.seek(0)
        try:
            document = PDFDocument(PDFParser(handle))
            return _read(path, document)
        except ToolkitError:
            raise
        except Exception as problem:  # pdfminer raises many kinds for damaged or locked files
            raise _open_error(path, problem) from None


def _open_error(path: Path, problem: Exception) -> ToolkitError:
    if "Password" in type(problem).__name__ or "Encryption" in type(problem).__name__:
        return ToolkitError("is password-protected: save a copy without a password and check that", path)
    return ToolkitError(f"could not be read as a PDF ({type(problem).__name__}): save it as PDF again", path)


def _read(path: Path, document: Any) -> Document:
    from pdfminer.pdfpage import PDFPage

    pages = list(PDFPage.create_pages(document))
    if len(pages) > MAX_PAGES:
        raise ToolkitError(f"has {len(pages)} pages, more than {MAX_PAGES}: split it and check the parts", path)
    units: list[TextUnit] = []
    skipped: list[str] = []
    no_text: list[int] = []
    for number, page in enumerate(pages, start=1):
        try:
            blocks, pictures = _page_blocks(document, page)
        except Exception as problem:  # a page we cannot lay out: note it and read the rest
            skipped.append(f"page {number}: skipped ({type(problem).__name__})")
            continue
        if (pictures and not blocks) or _garbled(blocks):
            no_text.append(number)
            continue
        units += _units(number, blocks)
    look = _look(document, len(pages), tuple(no_text))
    language = look.language or "en-GB"
    return Document(str(path), language, tuple(units), skipped=tuple(skipped), pdf=look)


def _page_blocks(document: Any, page: Any) -> tuple[list[tuple[str, float]], bool]:
    """The text blocks in pdfminer's reading order, each with its text size; and whether the page has pictures."""
    from statistics import median

    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTTextBox
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=LAParams(line_margin=0.4))
    PDFPageInterpreter(resources, device).process_page(page)
    layout = device.get_result()
    blocks = []
    for item in layout:
        if isinstance(item, LTTextBox):
            sizes = [c.size for line in item for c in line if isinstance(c, LTChar)]
            text = " ".join(line.get_text().strip() for line in item if line.get_text().strip())
            if text:
                blocks.append((text, median(sizes) if sizes else 0.0))
    pictures = any(isinstance(item, LTFigure | LTImage) for item in layout)
    return blocks, pictures


def _garbled(blocks: list[tuple[str, float]]) -> bool:
    """Text that comes out as character numbers: a screen reader would read nonsense."""
    text = " ".join(b[0] for b in blocks)
    return bool(text) and len("".join(_GARBLED.findall(text))) > len(text) / 3


def _units(page: int, blocks: list[tuple[str, float]]) -> Iterator[TextUnit]:
    from statistics import median  # loads with a PDF, not for every check

    body = median(size for _, size in blocks) if blocks else 0.0
    for number, (text, size) in enumerate(blocks, start=1):
        heading = body > 0 and size >= body * HEADING_SCALE
        location: dict[str, int | str] = {"page": page, "paragraph": number}
        yield TextUnit(clean(text), location, f"page {page}", heading=heading)


def _look(document: Any, pages: int, no_text: tuple[int, ...]) -> PdfLook:
    """The catalogue's accessibility settings: tags, language, title and bookmarks."""
    from pdfminer.pdftypes import resolve1

    catalog = {k: resolve1(v) for k, v in document.catalog.items()}
    mark = catalog.get("MarkInfo") or {}
    tagged = bool(resolve1(mark.get("Marked"))) and catalog.get("StructTreeRoot") is not None
    prefs = catalog.get("ViewerPreferences") or {}
    return PdfLook(
        pages=pages,
        tagged=tagged,
        language=_text(catalog.get("Lang")),
        title=_title(document, catalog),
        shows_title=bool(resolve1(prefs.get("DisplayDocTitle"))),
        bookmarks=_bookmarks(document),
        no_text=no_text,
    )


def _text(value: Any) -> str | None:
    from pdfminer.utils import decode_text

    if isinstance(value, bytes):
        value = decode_text(value)
    return value.strip() or None if isinstance(value, str) else None


def _title(document: Any, catalog: dict) -> str | None:
    """The title from the document information, else from the XMP metadata."""
    from pdfminer.pdftypes import resolve1

    for info in document.info:
        title = _text(resolve1(info.get("Title")))
        if title:
            return title
    metadata = catalog.get("Metadata")
    try:
        xmp = metadata.get_data().decode("utf-8", "replace") if metadata is not None else ""
    except Exception:  # a damaged metadata stream: the title is then simply unknown
        return None
    found = re.search(r"<dc:title>.*?<rdf:li[^>]*>([^<]+)</rdf:li>", xmp, re.DOTALL)
    return found.group(1).strip() if found else None


def _bookmarks(document: Any) -> int:
    try:
        return sum(1 for _ in document.get_outlines())
    except Exception:  # no outlines, or damaged ones: either way, no bookmarks a reader can use
        return 0
