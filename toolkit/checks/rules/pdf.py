"""Accessibility rules for PDFs: what a screen reader needs to read a PDF at all, and to find its way round it."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Document, Hit
from ..registry import Context, rule

WHOLE_FILE: dict[str, int | str] = {}


@rule("AX201", "pdf-untagged", "error", "A PDF without tags, so screen readers cannot tell headings, lists or order.")
def pdf_untagged(doc: Document, ctx: Context) -> Iterator[Hit]:
    if doc.pdf is not None and not doc.pdf.tagged:
        suggestion = "make the PDF again with tags: in Word, tick 'Document structure tags for accessibility'"
        yield Hit(None, "", "the PDF has no tags", suggestion, WHOLE_FILE)


@rule("AX202", "pdf-language-missing", "error", "A PDF that does not say its language.")
def pdf_language_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    if doc.pdf is not None and not doc.pdf.language:
        message = "the PDF does not say its language, so screen readers may use the wrong voice"
        yield Hit(None, "", message, "set the document's language before you save it as PDF", WHOLE_FILE)


@rule("AX203", "pdf-title-missing", "warning", "A PDF with no title, or that shows its file name instead.")
def pdf_title_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
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


@rule("AX204", "pdf-bookmarks-missing", "warning", "A long PDF without bookmarks to find its sections.", min_pages=10)
def pdf_bookmarks_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    look = doc.pdf
    if look is not None and look.pages >= ctx.options["min_pages"] and not look.bookmarks:
        message = f"the PDF has {look.pages} pages and no bookmarks"
        yield Hit(None, "", message, "use headings, and save with 'Create bookmarks using headings'", WHOLE_FILE)


@rule("AX205", "pdf-text-not-readable", "error", "Pages that are pictures of text, or whose text comes out garbled.")
def pdf_text_not_readable(doc: Document, ctx: Context) -> Iterator[Hit]:
    if doc.pdf is not None and doc.pdf.no_text:
        pages = ", ".join(map(str, doc.pdf.no_text))
        message = f"no text a screen reader can read on page {pages}: it may be a scan or a picture of text"
        yield Hit(
            None, "", message, "make the PDF from the original document, not a scan", {"page": doc.pdf.no_text[0]}
        )
