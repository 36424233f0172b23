"""Run the enabled rules over a document and collect findings and scores."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .config import CheckConfig
from .local_share import LocalShare, local_share
from .model import Document, Finding
from .readability import Scores, as_sentences, score
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

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
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
        code = language.replace("_", "-").split("-")[0].lower()
        if code == "en":
            return self.words
        if code not in self._other_words:
            self._other_words[code] = load_wordlists(self.config.language_lists.get(code, ()))
        return self._other_words[code]

    def check(self, doc: Document) -> FileReport:
        file_scores, block_scores = self._scores(doc) if self._scoring else (None, {})
        findings: list[Finding] = []
        words = self.words_for(doc.language)
        for name, rule in all_rules().items():
            settings = self.config.rules[name]
            if not settings.enabled or not rule.applies_to(doc.language):
                continue
            context = Context(settings.options, words, block_scores, file_scores)
            for hit in rule.check(doc, context):
                if hit.unit is not None and (name in hit.unit.ignore or rule.code in hit.unit.ignore):
                    continue
                location = hit.location or (dict(hit.unit.location) if hit.unit else {"file": doc.path})
                findings.append(
                    Finding(name, rule.code, settings.severity, hit.message, hit.text, hit.suggestion, location)
                )
        findings.sort(key=lambda f: (_order(f.location), f.code))
        return FileReport(doc.path, doc.language, file_scores, block_scores, tuple(findings), local_share(doc))

    @property
    def _scoring(self) -> bool:
        """Scores cost time; work them out only when a Plain English rule is on (`--select AX` skips them)."""
        return any(s.enabled for name, s in self.config.rules.items() if all_rules()[name].code.startswith("PE"))

    def _scores(self, doc: Document) -> tuple[Scores, dict[str, Scores]]:
        """Readability of the whole file (text for claimants) and of each block."""
        min_words = self.config.rules["reading-age"].options["min_words"]
        blocks: dict[str, list[str]] = defaultdict(list)
        for unit in doc.units:
            blocks[unit.block].append(unit.text)
        block_scores = {name: score(as_sentences(texts), doc.language, min_words) for name, texts in blocks.items()}
        readers_text = [u.text for u in doc.units if not u.for_staff] or [u.text for u in doc.units]
        return score(as_sentences(readers_text), doc.language, min_words), block_scores


def _order(location: dict) -> tuple:
    return tuple(
        location.get(k, 0) if isinstance(location.get(k, 0), int) else 0 for k in ("slide", "paragraph", "line", "row")
    )
