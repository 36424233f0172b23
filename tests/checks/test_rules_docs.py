"""Each rule's docstring is its documentation, and docs/checks.md shows what `toolkit rules` prints."""

from __future__ import annotations

import pytest

from tests.helpers import REPO, toolkit
from toolkit.checks.docs import groups
from toolkit.checks.registry import all_rules, rule

DOCS = REPO / "docs" / "checks.md"
START = '<!-- rules: made by "toolkit rules --format markdown"; do not edit by hand -->'
END = "<!-- end of rules -->"


def test_docs_show_the_rules_as_toolkit_rules_prints_them() -> None:
    result = toolkit("rules", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    page = DOCS.read_text(encoding="utf-8")
    assert page.count(START) == 1 and page.count(END) == 1, f"docs/checks.md needs the markers {START} and {END}"
    written = page.split(START)[1].split(END)[0]
    assert written.strip() == result.stdout.strip(), (
        "docs/checks.md is out of step with the rules: put the output of 'toolkit rules --format markdown' "
        "between its two markers"
    )


def test_every_rule_has_a_docstring_that_says_what_it_finds() -> None:
    for each in all_rules().values():
        assert each.check.__doc__ and each.summary, f"{each.code} has no docstring"
        assert each.summary[0].isupper() and each.summary.endswith("."), f"{each.code}: {each.summary!r}"


def test_every_rule_is_in_one_group_with_a_heading() -> None:
    listed = [r.code for group in groups() for r in group.rules]
    assert sorted(listed) == sorted(r.code for r in all_rules().values())
    assert all(group.heading and group.rules for group in groups())


def test_a_rule_without_a_docstring_fails_when_it_registers() -> None:
    def no_docstring(doc: object, ctx: object) -> list:
        return []

    with pytest.raises(TypeError, match="docstring"):
        rule("ZZ999", "no-docstring", "warning")(no_docstring)
    assert "no-docstring" not in all_rules()


def test_the_text_format_lists_every_rule_code() -> None:
    result = toolkit("rules")
    assert result.exit_code == 0, result.stderr
    for code in (r.code for r in all_rules().values()):
        assert code in result.stdout
