"""The check commands: `toolkit rules` lists every rule `toolkit check` runs."""

from __future__ import annotations

from tests.helpers import toolkit


def test_rules_lists_every_rule() -> None:
    result = toolkit("rules")
    for name in (
        "reading-age",
        "sentence-too-long",
        "words-to-avoid",
        "wordy",
        "jargon",
        "acronym-unexplained",
        "passive-voice",
        "link-text",
    ):
        assert name in result.stdout
