"""Writing files safely: all at once or not at all, and the same bytes for the same inputs."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

from .errors import ToolkitError

# Zip entries carry a time; a fixed one keeps output bytes the same from run to run.
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_leftovers(folder: Path) -> None:
    """Delete temporary files a build left when it was stopped part-way through writing them."""
    if folder.is_dir():
        for leftover in folder.rglob(".*.tmp"):
            leftover.unlink(missing_ok=True)


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


def inside(folder: Path, relative: str) -> Path:
    """Join `relative` onto `folder`, refusing any path that would end up outside it."""
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder.resolve()):
        raise ToolkitError(f"'{relative}' points outside {folder.name}/: use a path inside it", folder)
    return target


def check_file_size(path: Path, limit: int, doing: str) -> None:
    """Refuse a file that cannot be read, is empty or is too big, before any library opens it."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise ToolkitError(f"cannot be read ({err.strerror})", path) from None
    if size == 0:
        raise ToolkitError("is empty: check you chose the right file", path)
    if size > limit:
        raise ToolkitError(f"is too big to {doing} (over {limit // 2**20} MB): check you chose the right file", path)
