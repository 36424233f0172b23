"""manifest.json: every file a build wrote, what it is, its bytes' hash and the hash of what it was made from."""

from __future__ import annotations

import json
from pathlib import Path

from .files import write_atomic

MANIFEST = "manifest.json"
Entry = dict[str, str]


def read_manifest(out: Path) -> dict[str, Entry]:
    """Entries by path; a missing or damaged manifest counts as empty, so the next build rewrites it."""
    path = out / MANIFEST
    if not path.is_file():
        return {}
    try:
        return {e["path"]: e for e in json.loads(path.read_text(encoding="utf-8"))["files"]}
    except (ValueError, KeyError, TypeError):
        return {}


def write_manifest(out: Path, entries: dict[str, Entry]) -> None:
    """Write the entries whose files exist, sorted by path, so the same build gives the same manifest."""
    kept = {p: e for p, e in entries.items() if (out / p).is_file()}
    body = {"files": [kept[p] for p in sorted(kept)]}
    write_atomic(out / MANIFEST, (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
