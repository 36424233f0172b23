"""Readers for PowerPoint and Word files, made by us or by anyone else."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..checks.model import Document, Link, TextUnit
from ..errors import ToolkitError
from ..text import clean
from . import check_office_zip, reader
from .slides import inspect

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
    units: list[TextUnit] = []
    for number, slide in enumerate(prs.slides, start=1):
        block = f"slide {number}"
        for shape in _shapes(slide.shapes):
            units.extend(_shape_units(shape, {"slide": number, "shape": shape.name}, block))
        if slide.has_notes_slide:
            frame = slide.notes_slide.notes_text_frame
            if frame is not None:
                units.extend(_frame_units(frame, {"slide": number, "part": "notes"}, f"{block} notes", staff=True))
    slides = inspect(prs)
    return Document(str(path), prs.core_properties.language or _main_language(slides), tuple(units), slides)


def _main_language(slides) -> str:
    """The language most of the text is tagged with, for decks that do not say."""
    tags = Counter(r.lang for s in slides for shape in s.shapes for p in shape.paragraphs for r in p.runs if r.lang)
    return tags.most_common(1)[0][0] if tags else DEFAULT_LANGUAGE


def _shapes(shapes) -> Iterator:
    """Every shape, looking inside groups."""
    for shape in shapes:
        if shape.shape_type == 6:  # MSO_SHAPE_TYPE.GROUP
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _shape_units(shape, location: dict, block: str) -> Iterator[TextUnit]:
    if getattr(shape, "has_table", False) and shape.has_table:
        for r, row in enumerate(shape.table.rows):
            for c, cell in enumerate(row.cells):
                yield from _frame_units(cell.text_frame, {**location, "row": r + 1, "column": c + 1}, block)
    elif shape.has_text_frame:
        yield from _frame_units(shape.text_frame, location, block)


def _frame_units(frame, location: dict, block: str, staff: bool = False) -> Iterator[TextUnit]:
    for paragraph in frame.paragraphs:
        text = clean("".join(run.text for run in paragraph.runs))
        if text.strip():
            links = tuple(Link(clean(r.text), r.hyperlink.address) for r in paragraph.runs if r.hyperlink.address)
            yield TextUnit(text, location, block, links, for_staff=staff)


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
