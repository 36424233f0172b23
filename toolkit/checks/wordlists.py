"""Word lists are data the content team edits (templates/wordlists/*.yaml); this reads and matches them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..content.yamlfile import read_yaml
from ..errors import ToolkitError

_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")

# key in a word list file -> (kind of entry, the field naming the words)
SECTIONS = {"words": ("avoid", "word"), "phrases": ("wordy", "phrase"), "terms": ("jargon", "term")}


@dataclass(frozen=True)
class Entry:
    kind: str  # avoid, wordy or jargon
    words: str
    suggestion: str
    unless: str = ""


@dataclass(frozen=True)
class Match:
    text: str  # exactly as written
    start: int
    entry: Entry


@dataclass
class WordLists:
    entries: dict[str, Entry] = field(default_factory=dict)  # lower-case form -> entry
    allowed_phrases: set[str] = field(default_factory=set)  # phrases that contain a listed word but are fine
    acronyms: dict[str, str] = field(default_factory=dict)
    allowed_acronyms: set[str] = field(default_factory=set)
    _cache: tuple[dict[str, Entry | None], int] | None = field(default=None, repr=False)

    def add_file(self, path: Path) -> None:
        doc = read_yaml(path)
        for section, (kind, key) in SECTIONS.items():
            for n, item in enumerate(doc.data.get(section) or []):
                if not isinstance(item, dict) or not item.get(key) or not item.get("suggestion"):
                    line = doc.line_of((section, n))
                    raise ToolkitError(f"each entry in '{section}' needs '{key}' and 'suggestion'", path, line)
                entry = Entry(kind, str(item[key]), str(item["suggestion"]), str(item.get("unless", "")))
                for form in [item[key], *(item.get("forms") or [])]:
                    self.entries[_key(form)] = entry
                self.allowed_phrases.update(_key(p) for p in item.get("allow") or [])
        self.acronyms.update({str(k): str(v) for k, v in (doc.data.get("acronyms") or {}).items()})
        self.allowed_acronyms.update(str(a) for a in doc.data.get("allowed") or [])
        self._cache = None

    def matches(self, text: str) -> Iterator[Match]:
        """Listed words in `text`, longest first where they overlap, skipping allowed phrases."""
        lookup, longest = self._lookup()
        words = list(_WORD.finditer(text))
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                span = words[i : i + n]
                if n > 1 and any(text[a.end() : b.start()].strip() for a, b in itertools.pairwise(span)):
                    continue  # a phrase must not run across punctuation
                key = " ".join(w.group().lower() for w in span)
                if key in lookup:
                    entry = lookup[key]
                    if entry is not None:
                        yield Match(text[span[0].start() : span[-1].end()], span[0].start(), entry)
                    i += n - 1
                    break
            i += 1

    def _lookup(self) -> tuple[dict[str, Entry | None], int]:
        """Every listed form and allowed phrase, and the most words any of them has."""
        if self._cache is None:
            lookup: dict[str, Entry | None] = {p: None for p in self.allowed_phrases}
            lookup.update(self.entries)
            self._cache = (lookup, max((k.count(" ") + 1 for k in lookup), default=1))
        return self._cache


def _key(words: str) -> str:
    return " ".join(str(words).lower().replace("’", "'").split())


def load_wordlists(paths: Iterable[Path]) -> WordLists:
    lists = WordLists()
    for path in paths:
        lists.add_file(path)
    return lists
