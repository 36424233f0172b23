"""Readers turn any file a user has into text units with locations, so checks work on anyone's content."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from ..errors import ToolkitError
from ..files import check_file_size
from .document import Document

MAX_FILE_BYTES = 100 * 1024 * 1024

Reader = Callable[[Path], Document]

# Each file ending we read: the module in this package with its reader, and the reader's name. A table, not
# plug-ins that register themselves, so checking a text file loads only the text reader, not HTML, Office or PDF.
READERS = {
    ".txt": ("plain", "read_txt"),
    ".md": ("markdown", "read_markdown"),
    ".markdown": ("markdown", "read_markdown"),
    ".html": ("html", "read_html"),
    ".htm": ("html", "read_html"),
    ".pptx": ("office", "read_pptx"),
    ".docx": ("office", "read_docx"),
    ".pdf": ("pdf", "read_pdf"),
}


def reader_for(path: Path) -> Reader | None:
    """The reader for the file's ending, its module loaded now; None for an ending we cannot read."""
    found = READERS.get(path.suffix.lower())
    if found is None:
        return None
    module, name = found
    read: Reader = getattr(import_module(f"{__name__}.{module}"), name)
    return read


def read_document(path: Path) -> Document:
    """Read any supported file, after checks that keep damaged or hostile files from doing harm."""
    read = reader_for(path)
    if read is None:
        raise ToolkitError(
            f"cannot check {path.suffix or 'files without an ending'}: use {', '.join(sorted(READERS))}", path
        )
    check_file_size(path, MAX_FILE_BYTES, "check")
    return read(path)


def read_text_file(path: Path) -> str:
    """The file as text, refusing anything that is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ToolkitError("is not UTF-8 text: save it as UTF-8 and try again", path) from None
