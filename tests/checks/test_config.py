"""toolkit.toml tunes rules: on or off, severity, thresholds, extra word lists, ignored files."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.checks.config import load_config
from toolkit.checks.runner import Checker
from toolkit.errors import ToolkitError
from toolkit.project import ContentRoot
from toolkit.readers.markdown import markdown_document

LONG = " ".join(["word"] * 22) + "."


def findings(root: Path, text: str) -> list[tuple[str, str]]:
    report = Checker(load_config(root)).check(markdown_document(text, "x.md"))
    return [(f.rule, str(f.severity)) for f in report.findings]


def test_thresholds_and_severities_come_from_toolkit_toml(mini: ContentRoot) -> None:
    assert ("sentence-too-long", "warning") not in findings(mini.path, LONG)
    (mini.path / "toolkit.toml").write_text(
        '[check.rules.sentence-too-long]\nmax_words = 20\nseverity = "error"\n'
        "[check.rules.passive-voice]\nenabled = false\n"
    )
    assert ("sentence-too-long", "error") in findings(mini.path, LONG)
    assert not [f for f in findings(mini.path, "It was paid.") if f[0] == "passive-voice"]


def test_a_team_adds_its_own_words(mini: ContentRoot) -> None:
    (mini.path / "our-words.yaml").write_text(
        "source: our team\nwords:\n  - word: synergy\n    suggestion: working together\n"
    )
    (mini.path / "toolkit.toml").write_text('[check]\nword_lists = ["our-words.yaml"]\n')
    assert ("words-to-avoid", "error") in findings(mini.path, "Find the synergy.")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[check.rules.no-such-rule]\nenabled = false\n", "no rule called 'no-such-rule'"),
        ("[check.rules.wordy]\nseverity = 'loud'\n", "severity must be"),
        ("[check.rules.wordy]\nmax = 3\n", "has no setting 'max'"),
        ("[check\n", "not valid TOML"),
    ],
)
def test_config_mistakes_are_explained(mini: ContentRoot, toml: str, message: str) -> None:
    (mini.path / "toolkit.toml").write_text(toml)
    with pytest.raises(ToolkitError, match=message):
        load_config(mini.path)
