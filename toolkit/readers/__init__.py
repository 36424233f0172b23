"""Readers turn any file a user has into text units with locations, so checks work on anyone's content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import ToolkitError
from ..files import check_file_size
from ..plugins import import_all
from .document import Document

MAX_FILE_BYTES = 100 * 1024 * 1024

Reader = Callable[[Path], Document]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    def add(read: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = read
        return read

    return add


def readers() -> dict[str, Reader]:
    """Every reader, by file ending, after importing the modules that register them."""
    import_all(__name__)
    return READERS


def read_document(path: Path) -> Document:
    """Read any supported file, after checks that keep damaged or hostile files from doing harm."""
    read = readers().get(path.suffix.lower())
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
