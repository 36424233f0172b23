"""Run the enabled rules over a document and collect findings and scores."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import accumulate

from ..i18n.languages import code_of
from ..readers.document import Document, TextUnit
from .config import CheckConfig
from .local_share import LocalShare, local_share
from .model import Finding, Hit
from .readability import Counts, Scores, count, scores_of, syllables_in
from .registry import Context, all_rules
from .wordlists import WordLists, load_wordlists


@dataclass(frozen=True)
class FileReport:
    """What checking one file found: scores and findings, or why it could not be checked."""

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
        source = Source(doc.lines) if doc.lines else None
        for part in _by_language(doc):
            whole = part.language == doc.language
            context_scores = (block_scores, file_scores) if whole else ({}, None)
            findings += self._findings(part, source, *context_scores)
        findings.sort(key=lambda f: (_order(f.location), f.code))
        return FileReport(
            doc.path, doc.language, file_scores, block_scores, tuple(findings), local_share(doc), doc.skipped
        )

    def _findings(
        self, doc: Document, source: Source | None, blocks: dict[str, Scores], whole: Scores | None
    ) -> Iterator[Finding]:
        """What each enabled rule finds in `doc`, with the word lists of the document's language; `source` is the
        text file's lines, to give each finding its line and column."""
        words = self.words_for(doc.language)
        for name, rule in all_rules().items():
            settings = self.config.rules[name]
            if not settings.enabled or not rule.applies_to(doc.language):
                continue
            for hit in rule.check(doc, Context(settings.options, words, blocks, whole)):
                if hit.unit is not None and (name in hit.unit.ignore or rule.code in hit.unit.ignore):
                    continue
                location = _locate(hit, doc, source)
                yield Finding(name, rule.code, settings.severity, hit.message, hit.text, hit.suggestion, location)

    @property
    def _scoring(self) -> bool:
        """Scores cost time; work them out only when a Plain English rule is on (`--select AX` skips them)."""
        return any(s.enabled for name, s in self.config.rules.items() if all_rules()[name].code.startswith("PE"))

    def _scores(self, doc: Document) -> tuple[Scores, dict[str, Scores]]:
        """Readability of the whole file (text for claimants, or all of it if none is) and of each block.

        Each unit is counted once, a unit at a time, into its block and the file."""
        min_words = self.config.rules["reading-age"].options["min_words"]
        blocks: dict[str, _Tally] = defaultdict(_Tally)
        for_readers, everyone = _Tally(), _Tally()
        for unit in doc.units:
            language, found = doc.language_of(unit), count(unit.text)
            blocks[unit.block].add(language, unit.text, found)
            everyone.add(language, unit.text, found)
            if not unit.for_staff:
                for_readers.add(language, unit.text, found)
        whole = for_readers if for_readers.words else everyone
        return whole.scores(doc.language, min_words), {k: v.scores(doc.language, min_words) for k, v in blocks.items()}


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


class _Tally:
    """The counts of a block or a file, a unit at a time, kept apart by language."""

    def __init__(self) -> None:
        self.words: Counter[str] = Counter()  # words in each language, to find the one most are in
        self.counts: dict[str, Counts] = defaultdict(Counts)  # by language code: what the scores are made from
        self.texts: dict[str, list[str]] = defaultdict(list)  # by language code: to count syllables if scored

    def add(self, language: str, text: str, counts: Counts) -> None:
        code = code_of(language)
        self.words[language] += len(text.split())
        self.counts[code] += counts
        self.texts[code].append(text)

    def scores(self, language: str, min_words: int) -> Scores:
        """Scores in the main language, with a note of the words left out; `language` if there is no text."""
        if not self.words:
            return scores_of(Counts(), language, min_words, lambda: 0)
        main = self.words.most_common(1)[0][0]
        texts = self.texts[code_of(main)]
        result = scores_of(
            self.counts[code_of(main)], main, min_words, lambda: sum(syllables_in(t, main) for t in texts)
        )
        left = sum(n for other, n in self.words.items() if code_of(other) != code_of(main))
        if not left:
            return result
        note = f"{left} words in other languages not scored"
        return replace(result, note=f"{result.note}; {note}" if result.note else note)


def _locate(hit: Hit, doc: Document, source: Source | None) -> dict[str, int | str]:
    """Where a finding is: the unit's place, made exact to the line and column in text files."""
    if hit.location is not None or hit.unit is None:
        return hit.location or {"file": doc.path}
    location = dict(hit.unit.location)
    line = location.get("line")
    if source and isinstance(line, int) and hit.text:
        found = source.line_and_column(line, hit.unit.text, hit.text, hit.start)
        if found:
            location["line"], location["column"] = found
    return location


class Source:
    """A text file's lines, joined once: each finding's line and column is then found by one search in C,
    not by scanning line after line in Python, which took a tenth of a second for a long file."""

    SEARCHED = 200  # lines from a unit's first line where its words may be

    def __init__(self, lines: tuple[str, ...]):
        self.lines = lines
        self.text = "\n".join(lines)
        self.starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))

    def line_and_column(self, first: int, unit: str, text: str, start: int | None) -> tuple[int, int] | None:
        """Find the same occurrence of `text` in the source, from the unit's first line; None if the source differs.

        Occurrences are counted as they are found, one character on from the last, and none runs over a line end."""
        start = unit.find(text) if start is None else start
        if start < 0 or "\n" in text or not 1 <= first <= len(self.lines):
            return None
        wanted = unit.count(text, 0, start)  # earlier occurrences of the same words in the unit
        last = min(len(self.lines), first + self.SEARCHED)
        end = self.starts[last - 1] + len(self.lines[last - 1])
        found = self.text.find(text, self.starts[first - 1], end)
        while found >= 0 and wanted:
            wanted -= 1
            found = self.text.find(text, found + 1, end)
        if found < 0:
            return None
        number = bisect_right(self.starts, found)
        return number, found - self.starts[number - 1] + 1


def _order(location: dict) -> tuple:
    return tuple(
        location.get(k, 0) if isinstance(location.get(k, 0), int) else 0
        for k in ("page", "slide", "paragraph", "line", "row", "column")
    )
