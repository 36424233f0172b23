"""Readers turn any file a user has into text units with locations, so checks work on anyone's content."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from ..checks.model import Document
from ..errors import ToolkitError
from ..files import check_file_size

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_UNZIPPED_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200  # a member that grows more than this when unzipped is a zip bomb, not a document
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

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
    from . import html, markdown, office, pdf, plain  # noqa: F401

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


def check_office_zip(path: Path) -> None:
    """Refuse password-protected, damaged and zip-bomb files before a library opens them."""
    with path.open("rb") as handle:
        if handle.read(8) == OLE_SIGNATURE:
            raise ToolkitError(
                "is password-protected or in an old format: save it without a password as .pptx or .docx", path
            )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise ToolkitError("is damaged or not really an Office file: open and save it again", path) from None
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise ToolkitError(
            "unpacks to far more data than a document holds: it may be harmful, so it was not opened", path
        )
    for member in members:
        if member.compress_size and member.file_size / member.compress_size > MAX_RATIO and member.file_size > 2**20:
            raise ToolkitError("is packed in a suspicious way (a zip bomb?): it was not opened", path)
