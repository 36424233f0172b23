"""manifest.json: every file a build wrote, what it is, its bytes' hash and the hash of what it was made from.

Every entry names a file inside the output folder; an entry that points outside it (`../x`, a link out)
is never followed. After any failure, each entry still describes the file on disk: see `run` in build.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import ToolkitError
from .files import check_writable, confined, file_sha256, write_atomic

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


def merge(out: Path, parts: Iterable[Path]) -> int:
    """Copy the files of several build folders (the shards of one build) into `out`, with one manifest for all.

    Each file must still be what its part's manifest says, and no two parts may make the same file
    differently; otherwise nothing is copied. Files already in `out` that no part made stay listed.
    Returns how many files the parts hold.
    """
    check_writable(out)
    entries: dict[str, Entry] = read_manifest(out)
    made_in: dict[str, Path] = {}
    for part in parts:
        for path, entry in read_manifest(part, strict=True).items():
            source = part / path
            if not source.is_file() or file_sha256(source) != entry["sha256"]:
                raise ToolkitError("is missing or has changed since its build wrote it: build that part again", source)
            if path in made_in and entries[path]["sha256"] != entry["sha256"]:
                raise ToolkitError(
                    f"differs from the one in {made_in[path]}: build both parts from the same content", source
                )
            entries[path], made_in[path] = entry, part
    for path, part in made_in.items():
        target = out / path
        if not target.is_file() or file_sha256(target) != entries[path]["sha256"]:
            write_atomic(target, (part / path).read_bytes(), root=out, keep_mode=False)
    write_manifest(out, entries)
    return len(made_in)
