"""Word lists are data the content team edits (templates/wordlists/*.yaml); this reads and matches them."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import ToolkitError
from ..files import read_cached, save_cached

_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")

# key in a word list file -> (kind of entry, the field naming the words)
SECTIONS = {"words": ("avoid", "word"), "phrases": ("wordy", "phrase"), "terms": ("jargon", "term")}


@dataclass(frozen=True)
class Entry:
    """One listed word, phrase or term, and what to write instead."""

    kind: str  # avoid, wordy or jargon
    words: str
    suggestion: str
    unless: str = ""


@dataclass(frozen=True)
class Match:
    """A listed word where it is in a text."""

    text: str  # exactly as written
    start: int
    entry: Entry


@dataclass
class WordLists:
    """A language's word lists, merged: words to avoid, wordy phrases, jargon and acronyms."""

    entries: dict[str, Entry] = field(default_factory=dict)  # lower-case form -> entry
    allowed_phrases: set[str] = field(default_factory=set)  # phrases that contain a listed word but are fine
    acronyms: dict[str, str] = field(default_factory=dict)
    allowed_acronyms: set[str] = field(default_factory=set)
    _cache: tuple[dict[str, Entry | None], dict[str, int]] | None = field(default=None, repr=False)
    _memo: dict[str, list[Match]] = field(default_factory=dict, repr=False)

    def add_file(self, path: Path) -> None:
        data = _read_list(path)
        for section, (kind, key) in SECTIONS.items():
            for item in data.get(section) or []:
                entry = Entry(kind, str(item[key]), str(item["suggestion"]), str(item.get("unless", "")))
                for form in [item[key], *(item.get("forms") or [])]:
                    self.entries[_key(form)] = entry
                self.allowed_phrases.update(_key(p) for p in item.get("allow") or [])
        self.acronyms.update({str(k): str(v) for k, v in (data.get("acronyms") or {}).items()})
        self.allowed_acronyms.update(str(a) for a in data.get("allowed") or [])
        self._cache = None
        self._memo.clear()

    def matches(self, text: str) -> list[Match]:
        """Listed words in `text`, longest first where they overlap, skipping allowed phrases.

        Three rules ask about the same text, so answers are kept for the document being checked.
        """
        if text not in self._memo:
            if len(self._memo) > 50_000:
                self._memo.clear()
            self._memo[text] = list(self._find(text))
        return self._memo[text]

    def _find(self, text: str) -> Iterator[Match]:
        lookup, starts = self._lookup()
        words = [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _WORD.finditer(text)]
        i = 0
        while i < len(words):
            step = 1
            for n in range(min(starts.get(words[i][2], 0), len(words) - i), 0, -1):
                span = words[i : i + n]
                if any(text[a[1] : b[0]].strip() for a, b in pairwise(span)):
                    continue  # a phrase must not run across punctuation
                key = " ".join(w[2] for w in span)
                if key in lookup:
                    entry = lookup[key]
                    if entry is not None:
                        yield Match(text[span[0][0] : span[-1][1]], span[0][0], entry)
                    step = n
                    break
            i += step

    def _lookup(self) -> tuple[dict[str, Entry | None], dict[str, int]]:
        """Every listed form and allowed phrase, and for each first word the most words a phrase has."""
        if self._cache is None:
            lookup: dict[str, Entry | None] = dict.fromkeys(self.allowed_phrases)
            lookup.update(self.entries)
            starts: dict[str, int] = {}
            for key in lookup:
                first, length = key.split(" ", 1)[0], key.count(" ") + 1
                starts[first] = max(starts.get(first, 0), length)
            self._cache = (lookup, starts)
        return self._cache


def _read_list(path: Path) -> dict[str, Any]:
    """A word list's data, checked. Reading YAML with line numbers takes longer than checking a short file,
    so a list once read is kept as JSON in the cache folder, with the path, size and time it was read at."""
    place = _place(path)
    name = f"wordlists/{zlib.crc32(place.encode('utf-8', 'surrogateescape')):08x}.json"
    saved = read_cached(name) if place else None
    if isinstance(saved, dict) and saved.get("place") == place and isinstance(saved.get("data"), dict):
        return saved["data"]
    from ..yamlfile import read_yaml

    doc = read_yaml(path)
    for section, (_, key) in SECTIONS.items():
        for n, item in enumerate(doc.data.get(section) or []):
            if not isinstance(item, dict) or not item.get(key) or not item.get("suggestion"):
                line = doc.line_of((section, n))
                raise ToolkitError(f"each entry in '{section}' needs '{key}' and 'suggestion'", path, line)
    if place:
        save_cached(name, {"place": place, "data": doc.data})
    return doc.data


def _place(path: Path) -> str:
    """Which file, as it is now, and read by which toolkit; empty if it cannot be looked at (reading it says why)."""
    try:
        stat = path.stat()
    except OSError:
        return ""
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{__version__}"


def _key(words: str) -> str:
    return " ".join(str(words).lower().replace("’", "'").split())


def load_wordlists(paths: Iterable[Path]) -> WordLists:
    lists = WordLists()
    for path in paths:
        lists.add_file(path)
    return lists
