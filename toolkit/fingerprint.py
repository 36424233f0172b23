"""Fingerprints of a build job's inputs: if none changed, the output need not be made again."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from . import __version__
from .files import file_sha256


def digest(*parts: str | bytes) -> str:
    """One SHA-256 of several parts, each kept apart so ('ab', 'c') and ('a', 'bc') differ."""
    total = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        total.update(len(data).to_bytes(8, "big") + data)
    return total.hexdigest()


@cache
def file_digest(path: Path, size: int, mtime_ns: int) -> str:
    """The digest of a file's bytes; size and time are in the key so an edited file is read again."""
    return file_sha256(path)


def files_digest(paths: Iterable[Path]) -> str:
    """One digest of many files' names and bytes, in a stable order."""
    parts: list[str] = [__version__]
    for path in sorted(set(paths)):
        stat = path.stat()
        parts += [path.as_posix(), file_digest(path, stat.st_size, stat.st_mtime_ns)]
    return digest(*parts)


def folder_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
