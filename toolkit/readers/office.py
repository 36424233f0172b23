"""Readers for PowerPoint and Word files, made by us or by anyone else.

Files from other programs hold parts we may not understand. Each such part is left out with a one-line
note in the report, so one odd table or shape never stops the check of the rest of the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ToolkitError
from ..text import clean
from ..zips import check_office_zip
from .document import Document, Link, TextUnit
from .slides import ParagraphLook, SlideLook, deck_language, inspect

DEFAULT_LANGUAGE = "en-GB"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_pptx(path: Path) -> Document:
    from pptx import Presentation

    check_office_zip(path)
    try:
        prs = Presentation(str(path))
    except Exception as err:  # python-pptx raises many kinds for a damaged file
        raise ToolkitError(
            f"could not be opened as a presentation ({type(err).__name__}): save it again", path
        ) from None
    slides, skipped = inspect(prs)
    units = tuple(unit for slide in slides for unit in _slide_units(slide))
    declared = _safe(lambda: prs.core_properties.language) or deck_language(prs)
    return Document(str(path), main_language(units, declared), units, slides, skipped=skipped)


def _slide_units(slide: SlideLook) -> Iterator[TextUnit]:
    """Each paragraph and table cell, then each line of the notes, located by slide and shape.

    Footers and slide numbers repeat on every slide, and a web address written out is not prose:
    neither is text to score or check for words (the accessibility rules still look at both)."""
    block = f"slide {slide.number}"
    for shape in slide.shapes:
        if shape.kind == "footer":
            continue
        for number, paragraph in enumerate(shape.paragraphs, start=1):
            text = clean(paragraph.text)
            if text.strip() and not _web_address(paragraph):
                location: dict[str, int | str] = {"slide": slide.number, "shape": shape.name}
                if paragraph.cell:
                    location.update(row=paragraph.cell[0], cell=paragraph.cell[1])
                else:
                    location["paragraph"] = number
                links = tuple(Link(clean(r.text), r.link) for r in paragraph.runs if r.link)
                language = _most((r.lang, len(r.text)) for r in paragraph.runs)
                yield TextUnit(text, location, block, links, language=language, heading=shape.kind == "title")
    for number, line in enumerate(slide.notes.splitlines(), start=1):
        if line.strip():
            location = {"slide": slide.number, "part": "notes", "line": number}
            yield TextUnit(clean(line), location, f"{block} notes", for_staff=True)


def _web_address(paragraph: ParagraphLook) -> bool:
    """A paragraph that is only a link whose words are its address, like 'citizensadvice.org.uk'."""
    text = paragraph.text.strip()
    return bool(text) and all(r.link for r in paragraph.runs if r.text.strip()) and " " not in text and "." in text


def main_language(units: Iterable[TextUnit], declared: str | None) -> str:
    """The language the file declares; else the one most of its words are in; else British English.

    Text in other languages is still checked and scored in its own language (see checks/runner.py)."""
    return declared or _most((u.language, len(u.text.split())) for u in units) or DEFAULT_LANGUAGE


def _most(weighted: Iterable[tuple[str | None, int]]) -> str | None:
    """The value with the largest total weight, ignoring None."""
    totals: Counter[str] = Counter()
    for value, weight in weighted:
        if value:
            totals[value] += weight
    return totals.most_common(1)[0][0] if totals else None


def _safe(get: Callable[[], str | None]) -> str | None:
    """A property of the file's metadata, or None where the metadata is damaged."""
    try:
        return get() or None
    except Exception:  # damaged core properties must not stop the check of the text
        return None


def read_docx(path: Path) -> Document:
    import docx

    check_office_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises many kinds for a damaged file
        raise ToolkitError(
            f"could not be opened as a Word document ({type(err).__name__}): save it again", path
        ) from None
    default = _docx_default_language(document)
    units: list[TextUnit] = []
    skipped: list[str] = []
    block = "start"
    for number, paragraph in enumerate(document.paragraphs, start=1):
        try:
            unit = _docx_paragraph(paragraph, number, block, default)
        except Exception as problem:  # a paragraph we do not understand: note it and read the rest
            skipped.append(f"paragraph {number}: skipped ({type(problem).__name__})")
            continue
        if unit is not None:
            block = f"section '{unit.text[:40]}'" if unit.heading else block
            units.append(unit)
    for t, table in enumerate(document.tables, start=1):
        try:
            units += _docx_table(table, t, default)
        except Exception as problem:
            skipped.append(f"table {t}: skipped ({type(problem).__name__})")
    declared = _safe(lambda: document.core_properties.language)
    return Document(str(path), main_language(units, declared or default), tuple(units), skipped=tuple(skipped))


def _docx_paragraph(paragraph: Any, number: int, block: str, default: str | None) -> TextUnit | None:
    text = clean(paragraph.text)
    if not text.strip():
        return None
    style = paragraph.style
    heading = style is not None and str(style.name).lower().startswith(("heading", "title"))
    links = tuple(Link(clean(h.text), h.address or "") for h in paragraph.hyperlinks)
    language = _docx_language(paragraph._p, _style_language(style) or default)
    location: dict[str, int | str] = {"paragraph": number}
    return TextUnit(
        text, location, f"section '{text[:40]}'" if heading else block, links, language=language, heading=heading
    )


def _docx_table(table: Any, t: int, default: str | None) -> Iterator[TextUnit]:
    """Each cell once: python-docx repeats a merged cell for every grid square it covers.

    The cells' elements are kept, not their ids: lxml makes a new object for an element each time it is asked
    for one nobody holds, so an id can come back for another cell, which was then left out now and then."""
    seen: set[Any] = set()
    for r, row in enumerate(table.rows, start=1):
        for c, cell in enumerate(row.cells, start=1):
            if cell._tc in seen or not cell.text.strip():
                continue
            seen.add(cell._tc)
            location: dict[str, int | str] = {"table": t, "row": r, "cell": c}
            yield TextUnit(clean(cell.text), location, f"table {t}", language=_docx_language(cell._tc, default))


def _docx_language(element: Any, fallback: str | None) -> str | None:
    """The language most of the element's runs are tagged with; runs with no tag take `fallback`.

    Right-to-left runs (Arabic, Hebrew) keep their language in `w:bidi`, the rest in `w:val`."""
    weighted = []
    for run in element.iter(W + "r"):
        text = "".join(t.text or "" for t in run.iter(W + "t"))
        lang = run.find(f"{W}rPr/{W}lang")
        rtl = run.find(f"{W}rPr/{W}rtl") is not None
        tag = None if lang is None else lang.get(W + ("bidi" if rtl else "val"))
        weighted.append((tag or fallback, len(text)))
    return _most(weighted) or fallback


def _style_language(style: Any) -> str | None:
    """A paragraph style's language, or the language of the style it is based on."""
    while style is not None:
        lang = style.element.find(f"{W}rPr/{W}lang")
        if lang is not None and lang.get(W + "val"):
            return lang.get(W + "val")
        style = style.base_style
    return None


def _docx_default_language(document: Any) -> str | None:
    """The document's default language (Word's docDefaults), which every run without its own tag inherits."""
    try:
        lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    except Exception:  # a document without a styles part
        return None
    return lang.get(W + "val") if lang is not None else None
