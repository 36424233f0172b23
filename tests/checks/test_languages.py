"""Checks per language: each language's own word lists, English-only rules, and scores only where they work."""

from __future__ import annotations

import json

from tests.helpers import REPO, toolkit
from toolkit.checks.config import load_config
from toolkit.checks.runner import Checker
from toolkit.project import ContentRoot
from toolkit.readers.document import Document, TextUnit


def findings(language: str, text: str) -> dict[str, list[str]]:
    doc = Document("test.md", language, (TextUnit(text, {"paragraph": 1}, "section 1"),))
    found: dict[str, list[str]] = {}
    for finding in Checker(load_config(REPO)).check(doc).findings:
        found.setdefault(finding.rule, []).append(finding.text)
    return found


def test_welsh_text_is_checked_with_the_welsh_list_only() -> None:
    found = findings("cy-GB", "Gallwn eich cynorthwyo ynghylch eich CV. Mae'r cais wedi ei utilise.")
    assert found["words-to-avoid"] == ["cynorthwyo", "ynghylch"]  # not the English 'utilise'
    assert "acronym-unexplained" not in found  # acronym and passive voice rules know English only


def test_english_text_is_not_checked_with_the_welsh_list() -> None:
    found = findings("en-GB", "We will utilise your QQZ form. Please sicrhau it is ready.")
    assert found["words-to-avoid"] == ["utilise"]
    assert "acronym-unexplained" in found


def test_a_language_without_lists_gets_no_word_findings_and_no_score() -> None:
    doc = Document("test.md", "ar", (TextUnit("مرحبا بالجميع. " * 20, {"paragraph": 1}, "section 1"),))
    report = Checker(load_config(REPO)).check(doc)
    assert not report.findings
    assert report.scores is not None and report.scores.note.startswith("not scored")


def test_check_renders_the_templates_in_each_language_asked_for(i18n_root: ContentRoot) -> None:
    result = toolkit("--root", i18n_root.path, "check", "--lang", "cy,pl", "--format", "json")
    assert result.exit_code in (0, 1), result.output + result.stderr
    files = {f["path"]: f for f in json.loads(result.output)["files"]}
    welsh = files["templates/sessions/hello.md.j2 for testford-central in Welsh"]
    assert welsh["language"] == "cy-GB" and welsh["scores"]["note"].startswith("not scored")
    polish = files["templates/sessions/hello.md.j2 for testford-central in Polish"]
    assert polish["language"] == "pl-PL"
