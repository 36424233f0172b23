"""Office files are zips: ours get the same bytes every time, and a user's are checked before a library opens
them, so a damaged file or a zip bomb is one clear error."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .errors import ToolkitError

# Limits for an Office file (a zip) from a user, checked before any library opens it.
MAX_MEMBERS = 5000
MAX_UNZIPPED_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200  # a member that grows more than this when unzipped is a zip bomb, not a document
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Zip entries carry a time; a fixed one keeps output bytes the same from run to run.
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite an Office file's zip with fixed entry times, so saving twice gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


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
