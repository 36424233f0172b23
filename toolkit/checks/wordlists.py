"""Word lists are data the content team edits (templates/wordlists/*.yaml); this reads and matches them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..content.yamlfile import read_yaml
from ..errors import ToolkitError

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

    def matches(self, text: str) -> Iterator[Match]:
        """Listed words in `text`, longest first where they overlap, skipping allowed phrases."""
        for found in _compiled(self._alternatives()).finditer(text):
            entry = self.entries.get(_key(found.group()))
            if entry is not None:
                yield Match(found.group(), found.start(), entry)

    def _alternatives(self) -> tuple[str, ...]:
        return tuple(sorted({*self.entries, *self.allowed_phrases}, key=lambda w: (-len(w), w)))


def _key(words: str) -> str:
    return " ".join(str(words).lower().replace("’", "'").split())


@lru_cache(maxsize=8)
def _compiled(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(r"\s+".join(re.escape(part) for part in words.split()) for words in alternatives)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)


def load_wordlists(paths: Iterable[Path]) -> WordLists:
    lists = WordLists()
    for path in paths:
        lists.add_file(path)
    return lists
