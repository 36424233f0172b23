"""pyphen's hyphenation, with its parsed patterns kept in the user's cache folder.

Syllables of words our table lacks come from pyphen, which parses a language's patterns from text
each time it loads: a fifth of a second for English, in every check of a long file. The parsed
patterns are saved once, as JSON, and read back in a few milliseconds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..files import read_cached, save_cached


def hyphenator(language: str) -> Any:
    """A pyphen.Pyphen for the language, made from the saved patterns when there are some."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(language)]
    if path not in pyphen.hdcache:
        name = _cache_name(pyphen.__version__, path)
        pyphen.hdcache[path] = _from_saved(pyphen, read_cached(name)) or _parse_and_save(pyphen, path, name)
    return pyphen.Pyphen(lang=language)


def _cache_name(version: str, path: Path) -> str:
    """Named by pyphen's version and the patterns file's size and time, so a new pyphen is never read stale."""
    stat = path.stat()
    return f"hyphenation-{version}-{path.stem}-{stat.st_size}-{stat.st_mtime_ns}.json"


def _from_saved(pyphen: Any, data: Any) -> Any:
    """The saved patterns as pyphen's own HyphDict, or None if there are none or they are damaged."""
    try:
        patterns = {tag: (int(start), tuple(map(int, values))) for tag, (start, values) in data.items()}
    except (AttributeError, TypeError, ValueError):
        return None
    if not patterns:
        return None
    found = pyphen.HyphDict.__new__(pyphen.HyphDict)  # what HyphDict.__init__ makes, without parsing the text
    found.patterns, found.cache, found.maxlen = patterns, {}, max(len(tag) for tag in patterns)
    return found


def _parse_and_save(pyphen: Any, path: Path, name: str) -> Any:
    """pyphen's own parse, saved for next time when every value is a plain number (as in every language we
    check: other languages may hold hyphenation rules JSON cannot keep)."""
    parsed = pyphen.HyphDict(path)
    if all(type(v) is int for _, values in parsed.patterns.values() for v in values):
        save_cached(name, parsed.patterns)
    return parsed
