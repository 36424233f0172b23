"""Writing the library: only files whose bytes changed, zips with the same bytes for the same files, and
removing files an earlier run wrote that are no longer wanted.

A second run with nothing changed rewrites nothing, so a copy to the intranet, or a backup, sees no change.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path, PurePosixPath

from ..files import confined, write_atomic
from ..zips import FIXED_ZIP_TIME

RECORD = ".library.json"  # what the last run wrote, its zips' contents and its deck summaries


class Publisher:
    """Writes files into the library folder only when their bytes change, and keeps a list of them."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.record = _read_record(folder / RECORD)
        self.kept: set[str] = set()
        self.zips: dict[str, str] = {}
        self.written: list[str] = []

    def write(self, relative: str, data: bytes) -> None:
        """Write `data` to the file, unless it holds those bytes already."""
        path = confined(self.folder, self.folder / relative)
        self.kept.add(relative)
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return
        write_atomic(self.folder / relative, data, root=self.folder, keep_mode=False)
        self.written.append(relative)

    def copy(self, relative: str, source: Path) -> None:
        """Copy a file in, once a run, however many pages offer it."""
        if relative not in self.kept:
            self.write(relative, source.read_bytes())

    def zip(self, relative: str, members: list[tuple[str, Path]]) -> None:
        """A zip of the files named by their names inside it; made again only when a file changed."""
        contents = [(name, path.read_bytes()) for name, path in sorted(members)]
        key = hashlib.sha256(json.dumps([(n, hashlib.sha256(d).hexdigest()) for n, d in contents]).encode()).hexdigest()
        self.zips[relative] = key
        if relative in self.kept:
            return
        if self.record.get("zips", {}).get(relative) == key and (self.folder / relative).is_file():
            self.kept.add(relative)
            return
        self.write(relative, zip_bytes(contents))

    def finish(self, summaries: dict[str, dict]) -> list[str]:
        """Remove files the last run wrote that this one did not, then save the record; returns those removed."""
        removed = sorted(set(self.record.get("files", [])) - self.kept)
        for relative in removed:
            confined(self.folder, self.folder / relative).unlink(missing_ok=True)
        record = {"files": sorted(self.kept), "zips": dict(sorted(self.zips.items())), "summaries": summaries}
        self.write(RECORD, (json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode())
        self.kept.discard(RECORD)
        return removed


def zip_bytes(contents: list[tuple[str, bytes]]) -> bytes:
    """A zip with fixed times and modes, so the same files always give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents:
            entry = zipfile.ZipInfo(PurePosixPath(name).as_posix(), FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
    return out.getvalue()


def _read_record(path: Path) -> dict:
    """The last run's record; a missing or damaged one counts as empty, so everything is checked again."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}
