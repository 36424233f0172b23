"""Accessibility of PDFs

These rules look at `.pdf` files: what a screen reader needs to read a PDF at all, and to find its
way round it. They check what the PDF/UA (Universal Accessibility) standard and the Web Content
Accessibility Guidelines (WCAG) ask of a PDF. Some things only a person can judge. Our own PDF
handouts pass all these rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...readers.document import Document
from ..model import Hit
from ..registry import Context, rule

WHOLE_FILE: dict[str, int | str] = {}


@rule("AX201", "pdf-untagged", "error")
def pdf_untagged(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A PDF without tags.

    Without tags, screen readers cannot tell the headings, lists or reading order. Make the PDF again
    with tags: in Word, tick 'Document structure tags for accessibility' when you save it as PDF.
    """
    if doc.pdf is not None and not doc.pdf.tagged:
        suggestion = "make the PDF again with tags: in Word, tick 'Document structure tags for accessibility'"
        yield Hit(None, "", "the PDF has no tags", suggestion, WHOLE_FILE)


@rule("AX202", "pdf-language-missing", "error")
def pdf_language_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A PDF that does not say its language.

    Screen readers choose a voice by the language, so they may read the text in the wrong one. Set the
    document's language before you save it as PDF.
    """
    if doc.pdf is not None and not doc.pdf.language:
        message = "the PDF does not say its language, so screen readers may use the wrong voice"
        yield Hit(None, "", message, "set the document's language before you save it as PDF", WHOLE_FILE)


@rule("AX203", "pdf-title-missing", "warning")
def pdf_title_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A PDF with no title, or one set to show its file name instead.

    Without a title, people hear the file name. Give the document a title in its properties, and set
    the PDF to show it (Initial View > Document Title).
    """
    if doc.pdf is None:
        return
    if not doc.pdf.title:
        message = "the PDF has no title, so people hear its file name"
        yield Hit(None, "", message, "give the document a title in its properties before you save it", WHOLE_FILE)
    elif not doc.pdf.shows_title:
        message = f"the PDF's title '{doc.pdf.title}' is not shown: viewers show the file name instead"
        yield Hit(
            None, doc.pdf.title, message, "set the PDF to show its title (Initial View > Document Title)", WHOLE_FILE
        )


@rule("AX204", "pdf-bookmarks-missing", "warning", min_pages=10)
def pdf_bookmarks_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A long PDF without bookmarks to find its sections.

    Long means `min_pages` pages or more. Use headings, and save with 'Create bookmarks using
    headings'.
    """
    look = doc.pdf
    if look is not None and look.pages >= ctx.options["min_pages"] and not look.bookmarks:
        message = f"the PDF has {look.pages} pages and no bookmarks"
        yield Hit(None, "", message, "use headings, and save with 'Create bookmarks using headings'", WHOLE_FILE)


@rule("AX205", "pdf-text-not-readable", "error")
def pdf_text_not_readable(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Pages that are pictures of text, such as scans, or whose text comes out garbled.

    A screen reader cannot read these pages at all. Make the PDF from the original document, not from
    a scan.
    """
    if doc.pdf is not None and doc.pdf.no_text:
        pages = ", ".join(map(str, doc.pdf.no_text))
        message = f"no text a screen reader can read on page {pages}: it may be a scan or a picture of text"
        yield Hit(
            None, "", message, "make the PDF from the original document, not a scan", {"page": doc.pdf.no_text[0]}
        )
