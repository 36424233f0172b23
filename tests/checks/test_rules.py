"""Every rule, with text that must be found and text that must pass (a table per rule, like proselint)."""

from __future__ import annotations

import pytest

from toolkit.checks.config import load_config
from toolkit.checks.runner import Checker, FileReport
from toolkit.readers.markdown import markdown_document


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_config(None))


def check(checker: Checker, markdown: str) -> FileReport:
    return checker.check(markdown_document(markdown, "example.md"))


def found(report: FileReport, rule: str) -> list[str]:
    return [f.text for f in report.findings if f.rule == rule]


CASES = {
    "words-to-avoid": [
        ("We will utilise the room.", ["utilise"]),
        ("We will Leverage our links and facilitate a chat.", ["Leverage", "facilitate"]),
        ("This is a key skill going forward.", ["key", "going forward"]),
        ("We will use the room.", []),
        ("Book your place in advance.", []),
    ],
    "wordy": [
        ("Come in order to learn.", ["in order to"]),
        ("Please ensure you commence prior to noon.", ["ensure", "commence", "prior to"]),
        ("Come to learn. Start before noon.", []),
    ],
    "jargon": [
        ("Know the labour market and the conditionality regime.", ["labour market", "conditionality", "regime"]),
        ("Ask about the Flexible Support Fund.", ["Flexible Support Fund"]),
        (
            "Your work coach may pay your fare to an interview. The money comes from the Flexible Support Fund."
            " You do not pay it back.",
            [],
        ),
        ("Find out about jobs near you.", []),
    ],
    "acronym-unexplained": [
        ("Your UC payment goes up.", ["UC"]),
        ("Universal Credit (UC) is paid monthly. Your UC payment goes up.", []),
        ("UC (Universal Credit) is paid monthly.", []),
        ("Bring your CV to the NHS open day.", []),
        ("Ask about the XYZ scheme.", ["XYZ"]),
        ("Your postcode is LS1 4HR.", []),
    ],
    "link-text": [
        ("For buses [click here](https://www.firstbus.co.uk).", ["click here"]),
        ("See [https://www.traveline.info](https://www.traveline.info).", ["https://www.traveline.info"]),
        ("Use [Traveline's journey planner](https://www.traveline.info).", []),
    ],
    "passive-voice": [
        ("Your fare will be paid by us.", ["be paid"]),
        ("We will pay your fare.", []),
        ("I am interested in the job.", []),
    ],
    "sentence-too-long": [
        (" ".join(["word"] * 26) + ".", [" ".join(["word"] * 26) + "."]),
        (" ".join(["word"] * 25) + ".", []),
    ],
}


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [(rule, text, expected) for rule, rows in CASES.items() for text, expected in rows],
)
def test_rule_examples(checker: Checker, rule: str, text: str, expected: list[str]) -> None:
    assert found(check(checker, text), rule) == expected


def test_each_finding_has_code_severity_and_suggestion(checker: Checker) -> None:
    report = check(checker, "We will utilise the room.")
    finding = next(f for f in report.findings if f.rule == "words-to-avoid")
    assert finding.code == "PE003" and str(finding.severity) == "error"
    assert finding.suggestion == "use"
    assert finding.location == {"line": 1, "column": 9}  # where "utilise" starts


JARGON_SLIDE = """---
title: Test
---

# Your obligations under the regime

- In order to remain compliant with conditionality, claimants must utilise the facilitated sessions provided.
- Prior to commencing, you should endeavour to ascertain whether your UC award has been subject to a sanction, \
because failure to do so could impact your entitlement.
"""

PLAIN_SLIDE = """---
title: Test
---

# What you need to do

- Come to the sessions we agreed with you.
- Before you start, check your payment with your work coach.
- Ask us if anything has changed.
"""


def test_jargon_slide_is_caught_and_plain_twin_passes(checker: Checker) -> None:
    bad = check(checker, JARGON_SLIDE)
    rules = {f.rule for f in bad.findings}
    assert {"words-to-avoid", "wordy", "jargon", "acronym-unexplained", "sentence-too-long"} <= rules
    assert all(f.suggestion for f in bad.findings if f.rule != "passive-voice")
    good = check(checker, PLAIN_SLIDE)
    assert [f for f in good.findings if f.severity >= 2] == []


def test_ignore_comment_with_reason_silences_one_rule(checker: Checker) -> None:
    text = "<!-- toolkit: ignore words-to-avoid -- the job title is Key Worker -->\nApply to be a Key Worker.\n"
    assert found(check(checker, text), "words-to-avoid") == []
    no_reason = "<!-- toolkit: ignore words-to-avoid -->\nApply to be a Key Worker.\n"
    assert found(check(checker, no_reason), "words-to-avoid") == ["Key"]


def test_notes_are_located_on_their_slide(checker: Checker) -> None:
    report = check(
        checker, "---\ntitle: T\n---\n\n# One\n\nHi.\n\n---\n\n# Two\n\n::: notes\nWe will utilise this.\n:::\n"
    )
    finding = next(f for f in report.findings if f.rule == "words-to-avoid")
    assert finding.location == {"line": 14, "column": 9, "slide": 2, "part": "notes"}
