"""manifest.json: every file a build wrote, what it is, its bytes' hash and the hash of what it was made from.

Every entry names a file inside the output folder; an entry that points outside it (`../x`, a link out)
is never followed. After any failure, each entry still describes the file on disk: see `run` in build.py.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import ToolkitError
from .files import confined, write_atomic

MANIFEST = "manifest.json"
Entry = dict[str, Any]  # one file's record, as JSON: mostly strings, with the translation status and example flag
REQUIRED = ("path", "district", "site", "topic", "format", "sha256")
REBUILD = "delete it and run 'toolkit build' to make it again"


class Manifest(dict[str, Entry]):
    """Entries by path; `tidy` is False when entries were left out because they were damaged or led outside."""

    tidy: bool = True


def read_manifest(out: Path, strict: bool = False) -> Manifest:
    """Entries by path; a missing manifest counts as empty.

    With `strict` (commands that read or delete the files it names), an entry that points outside `out`
    is an error. Otherwise such entries, and a damaged manifest, are left out, so the next build rewrites it.
    """
    path = out / MANIFEST
    found = Manifest()
    if not path.is_file():
        return found
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))["files"]
        if not isinstance(raw, list):
            raise TypeError
    except (OSError, ValueError, KeyError, TypeError):
        if strict:
            raise ToolkitError(f"is damaged: {REBUILD}", path) from None
        found.tidy = False
        return found
    for number, entry in enumerate(raw, start=1):
        problem = _problem(out, entry)
        if problem and strict:
            raise ToolkitError(f"entry {number} {problem}: {REBUILD}", path)
        if problem:
            found.tidy = False
            continue
        found[entry["path"]] = entry
    return found


def _problem(out: Path, entry: Any) -> str | None:
    """What is wrong with one entry, if anything: a missing field, or a path that leads outside `out`."""
    if not isinstance(entry, dict) or not all(isinstance(entry.get(key), str) for key in REQUIRED):
        return "is damaged"
    relative = PurePosixPath(entry["path"])
    if relative.is_absolute() or ".." in relative.parts or "\\" in entry["path"] or not relative.parts:
        return f"names '{entry['path']}', which is outside {out.name}/"
    try:
        confined(out, out / relative)
    except ToolkitError:
        return f"names '{entry['path']}', which leads outside {out.name}/ through a link"
    return None


def write_manifest(out: Path, entries: dict[str, Entry]) -> None:
    """Write the entries whose files exist, sorted by path, so the same build gives the same manifest."""
    kept = {p: e for p, e in entries.items() if (out / p).is_file()}
    body = {"files": [kept[p] for p in sorted(kept)]}
    data = (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    write_atomic(out / MANIFEST, data, root=out, keep_mode=False)
