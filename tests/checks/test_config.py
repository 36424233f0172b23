"""toolkit.toml tunes rules: on or off, severity, thresholds, extra word lists, ignored files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import toolkit
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


SENTENCE = " ".join(["word"] * 22) + ".\n"


def sentence_findings(path: Path) -> list[str]:
    result = toolkit("check", "--format", "json", path)
    return [str(f["severity"]) for f in json.loads(result.stdout)["files"][0]["findings"] if f["code"] == "PE002"]


def test_the_nearest_toolkit_toml_applies_outside_a_content_folder(tmp_path: Path) -> None:
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "drafts").mkdir()
    (tmp_path / "team" / "toolkit.toml").write_text(
        '[check.rules.sentence-too-long]\nmax_words = 20\nseverity = "error"\n'
    )
    (tmp_path / "team" / "drafts" / "notes.txt").write_text(SENTENCE)
    (tmp_path / "other.txt").write_text(SENTENCE)
    assert sentence_findings(tmp_path / "team" / "drafts" / "notes.txt") == ["error"]
    assert sentence_findings(tmp_path / "other.txt") == []  # no settings above it: the defaults (25 words)


def test_a_tool_toolkit_table_in_pyproject_toml_is_found(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.toolkit.check.rules.sentence-too-long]\nmax_words = 20\n'
    )
    (tmp_path / "notes.txt").write_text(SENTENCE)
    assert sentence_findings(tmp_path / "notes.txt") == ["warning"]


def test_a_pyproject_toml_without_our_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "toolkit.toml").write_text("[check.rules.sentence-too-long]\nmax_words = 20\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    (tmp_path / "docs" / "notes.txt").write_text(SENTENCE)
    assert sentence_findings(tmp_path / "docs" / "notes.txt") == ["warning"]


def test_ignore_files_in_a_found_toolkit_toml_skip_files_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "toolkit.toml").write_text('[check]\nignore_files = ["drafts/*"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "old.txt").write_text(SENTENCE)
    (tmp_path / "new.txt").write_text(SENTENCE)
    result = toolkit("check", "--format", "json", tmp_path)
    assert [Path(f["path"]).name for f in json.loads(result.stdout)["files"]] == ["new.txt"]


def test_a_mistake_in_a_found_toolkit_toml_names_it_and_other_files_are_checked(tmp_path: Path) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "toolkit.toml").write_text("[check.rules.sentence-to-long]\nmax_words = 20\n")
    (tmp_path / "bad" / "notes.txt").write_text(SENTENCE)
    (tmp_path / "good.txt").write_text(SENTENCE)
    result = toolkit("check", "--format", "json", tmp_path / "bad" / "notes.txt", tmp_path / "good.txt")
    assert result.exit_code == 2
    bad, good = json.loads(result.stdout)["files"]
    assert (
        bad["error"]
        == f"{tmp_path / 'bad' / 'toolkit.toml'}:1: no rule called 'sentence-to-long': run 'toolkit rules' to list them"
    )
    assert good["error"] is None
