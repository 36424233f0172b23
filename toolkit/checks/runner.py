"""Run the enabled rules over a document and collect findings and scores."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..i18n.languages import code_of
from ..readers.document import Document, TextUnit
from .config import CheckConfig
from .local_share import LocalShare, local_share
from .model import Finding, Hit
from .readability import Scores, score
from .registry import Context, all_rules
from .wordlists import WordLists, load_wordlists


@dataclass(frozen=True)
class FileReport:
    path: str
    language: str
    scores: Scores | None  # None when no Plain English rule was selected
    blocks: dict[str, Scores]
    findings: tuple[Finding, ...]
    local: LocalShare | None = None
    skipped: tuple[str, ...] = ()  # parts of the file the reader left out, each in one line
    error: str | None = None  # why the file could not be checked at all
    bug: bool = False  # the error is a bug in the toolkit, not a problem with the file

    @classmethod
    def failed(cls, path: str, error: str, bug: bool = False) -> FileReport:
        """A file that could not be checked: it sits in the report beside the files that could."""
        return cls(path, "", None, {}, (), error=error, bug=bug)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "error": self.error,
            "skipped": list(self.skipped),
            "language": self.language,
            "scores": None
            if self.scores is None
            else {**self.scores.as_dict(), "blocks": {k: v.as_dict() for k, v in self.blocks.items()}},
            "findings": [f.as_dict() for f in self.findings],
            **({"local": self.local.as_dict()} if self.local else {}),
        }


class Checker:
    """Holds the config and word lists, so checking many files loads them once."""

    def __init__(self, config: CheckConfig, words: WordLists | None = None):
        self.config = config
        self.words = words or load_wordlists(config.word_lists)
        self._other_words: dict[str, WordLists] = {}

    def words_for(self, language: str) -> WordLists:
        """English word lists for English; another language's own lists (templates/wordlists/<code>/) for it."""
        code = code_of(language)
        if code == "en":
            return self.words
        if code not in self._other_words:
            self._other_words[code] = load_wordlists(self.config.language_lists.get(code, ()))
        return self._other_words[code]

    def check(self, doc: Document) -> FileReport:
        file_scores, block_scores = self._scores(doc) if self._scoring else (None, {})
        findings: list[Finding] = []
        for part in _by_language(doc):
            whole = part.language == doc.language
            context_scores = (block_scores, file_scores) if whole else ({}, None)
            findings += self._findings(part, *context_scores)
        findings.sort(key=lambda f: (_order(f.location), f.code))
        return FileReport(
            doc.path, doc.language, file_scores, block_scores, tuple(findings), local_share(doc), doc.skipped
        )

    def _findings(self, doc: Document, blocks: dict[str, Scores], whole: Scores | None) -> Iterator[Finding]:
        """What each enabled rule finds in `doc`, with the word lists of the document's language."""
        words = self.words_for(doc.language)
        for name, rule in all_rules().items():
            settings = self.config.rules[name]
            if not settings.enabled or not rule.applies_to(doc.language):
                continue
            for hit in rule.check(doc, Context(settings.options, words, blocks, whole)):
                if hit.unit is not None and (name in hit.unit.ignore or rule.code in hit.unit.ignore):
                    continue
                location = _locate(doc, hit)
                yield Finding(name, rule.code, settings.severity, hit.message, hit.text, hit.suggestion, location)

    @property
    def _scoring(self) -> bool:
        """Scores cost time; work them out only when a Plain English rule is on (`--select AX` skips them)."""
        return any(s.enabled for name, s in self.config.rules.items() if all_rules()[name].code.startswith("PE"))

    def _scores(self, doc: Document) -> tuple[Scores, dict[str, Scores]]:
        """Readability of the whole file (text for claimants) and of each block."""
        min_words = self.config.rules["reading-age"].options["min_words"]
        blocks: dict[str, list[TextUnit]] = defaultdict(list)
        for unit in doc.units:
            blocks[unit.block].append(unit)
        block_scores = {name: _score(doc, units, min_words) for name, units in blocks.items()}
        for_readers = [u for u in doc.units if not u.for_staff] or list(doc.units)
        return _score(doc, for_readers, min_words), block_scores


def _by_language(doc: Document) -> Iterator[Document]:
    """The document in its own language (with its slides, PDF and local facts), then its text in each other one.

    Each part is checked with its own language's word lists and rules, so Welsh is never checked as English.
    Parts in other languages carry only their text, so the rules about slides and files run once."""
    own = code_of(doc.language)
    others: dict[str, list[TextUnit]] = defaultdict(list)
    for unit in doc.units:
        language = doc.language_of(unit)
        if code_of(language) != own:
            others[language].append(unit)
    moved = {id(u) for units in others.values() for u in units}
    yield replace(doc, units=tuple(u for u in doc.units if id(u) not in moved))
    for language, units in others.items():
        yield replace(doc, language=language, units=tuple(units), slides=(), local=None, pdf=None)


def _score(doc: Document, units: list[TextUnit], min_words: int) -> Scores:
    """Scores for the units in the language most of their words are in; words in other languages are left out."""
    counts: Counter[str] = Counter()
    for unit in units:
        counts[doc.language_of(unit)] += len(unit.text.split())
    if not counts:
        return score([], doc.language, min_words)
    main = counts.most_common(1)[0][0]
    chosen = [u.text for u in units if code_of(doc.language_of(u)) == code_of(main)]
    result = score(chosen, main, min_words)
    left = sum(n for language, n in counts.items() if code_of(language) != code_of(main))
    if not left:
        return result
    note = f"{left} words in other languages not scored"
    return replace(result, note=f"{result.note}; {note}" if result.note else note)


def _locate(doc: Document, hit: Hit) -> dict[str, int | str]:
    """Where a finding is: the unit's place, made exact to the line and column in text files."""
    if hit.location is not None or hit.unit is None:
        return hit.location or {"file": doc.path}
    location = dict(hit.unit.location)
    line = location.get("line")
    if doc.lines and isinstance(line, int) and hit.text:
        found = _line_and_column(doc.lines, line, hit.unit.text, hit.text, hit.start)
        if found:
            location["line"], location["column"] = found
    return location


def _line_and_column(
    lines: tuple[str, ...], first: int, unit: str, text: str, start: int | None
) -> tuple[int, int] | None:
    """Find the same occurrence of `text` in the source, from the unit's first line; None if the source differs."""
    start = unit.find(text) if start is None else start
    if start < 0:
        return None
    wanted = unit.count(text, 0, start)  # earlier occurrences of the same words in the unit
    for number in range(first, min(len(lines), first + 200) + 1):
        line = lines[number - 1]
        column = line.find(text)
        while column >= 0:
            if wanted == 0:
                return number, column + 1
            wanted -= 1
            column = line.find(text, column + 1)
    return None


def _order(location: dict) -> tuple:
    return tuple(
        location.get(k, 0) if isinstance(location.get(k, 0), int) else 0
        for k in ("page", "slide", "paragraph", "line", "row", "column")
    )
