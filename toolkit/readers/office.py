"""Readers for PowerPoint and Word files, made by us or by anyone else."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..checks.model import Document, Link, TextUnit
from ..errors import ToolkitError
from ..text import clean
from . import check_office_zip, reader
from .slides import ParagraphLook, SlideLook, inspect

DEFAULT_LANGUAGE = "en-GB"


@reader(".pptx")
def read_pptx(path: Path) -> Document:
    from pptx import Presentation

    check_office_zip(path)
    try:
        prs = Presentation(str(path))
    except Exception as err:  # python-pptx raises many kinds for a damaged file
        raise ToolkitError(
            f"could not be opened as a presentation ({type(err).__name__}): save it again", path
        ) from None
    slides = inspect(prs)
    units = [unit for slide in slides for unit in _slide_units(slide)]
    return Document(str(path), prs.core_properties.language or _main_language(slides), tuple(units), slides)


def _slide_units(slide: SlideLook) -> Iterator[TextUnit]:
    """Each paragraph and table cell, then each line of the notes, located by slide and shape.

    Footers and slide numbers repeat on every slide, and a web address written out is not prose:
    neither is text to score or check for words (the accessibility rules still look at both)."""
    block = f"slide {slide.number}"
    for shape in slide.shapes:
        if shape.kind == "footer":
            continue
        for paragraph in shape.paragraphs:
            text = clean(paragraph.text)
            if text.strip() and not _web_address(paragraph):
                location: dict[str, int | str] = {"slide": slide.number, "shape": shape.name}
                if paragraph.cell:
                    location.update(row=paragraph.cell[0], column=paragraph.cell[1])
                links = tuple(Link(clean(r.text), r.link) for r in paragraph.runs if r.link)
                yield TextUnit(text, location, block, links)
    for line in slide.notes.splitlines():
        if line.strip():
            yield TextUnit(clean(line), {"slide": slide.number, "part": "notes"}, f"{block} notes", for_staff=True)


def _web_address(paragraph: ParagraphLook) -> bool:
    """A paragraph that is only a link whose words are its address, like 'citizensadvice.org.uk'."""
    text = paragraph.text.strip()
    return bool(text) and all(r.link for r in paragraph.runs if r.text.strip()) and " " not in text and "." in text


def _main_language(slides: tuple[SlideLook, ...]) -> str:
    """The language most of the text is tagged with, for decks that do not say."""
    tags = Counter(r.lang for s in slides for shape in s.shapes for p in shape.paragraphs for r in p.runs if r.lang)
    return tags.most_common(1)[0][0] if tags else DEFAULT_LANGUAGE


@reader(".docx")
def read_docx(path: Path) -> Document:
    import docx

    check_office_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises many kinds for a damaged file
        raise ToolkitError(
            f"could not be opened as a Word document ({type(err).__name__}): save it again", path
        ) from None
    units: list[TextUnit] = []
    block = "start"
    for number, paragraph in enumerate(document.paragraphs, start=1):
        text = clean(paragraph.text)
        if not text.strip():
            continue
        if paragraph.style is not None and paragraph.style.name.lower().startswith(("heading", "title")):
            block = f"section '{text[:40]}'"
        links = tuple(Link(clean(h.text), h.address or "") for h in paragraph.hyperlinks)
        units.append(TextUnit(text, {"paragraph": number}, block, links))
    for t, table in enumerate(document.tables, start=1):
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row.cells, start=1):
                if cell.text.strip():
                    units.append(TextUnit(clean(cell.text), {"table": t, "row": r, "column": c}, f"table {t}"))
    return Document(str(path), document.core_properties.language or DEFAULT_LANGUAGE, tuple(units))
