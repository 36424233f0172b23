"""Our templates pass our own checks: every deck, for every site, audience and delivery, and every handout."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import REPO, TOPICS, manifest, toolkit
from toolkit.content.loader import find_sites
from toolkit.deck.audience import declared_audiences
from toolkit.deck.delivery import declared_deliveries


def test_our_templates_pass_our_own_checks() -> None:
    result = toolkit("--root", REPO, "check", "--fail-on", "warning", "--format", "json")
    report = json.loads(result.stdout)
    assert report["summary"]["errors"] == 0 and report["summary"]["warnings"] == 0, [
        (f["path"], x["rule"], x["text"])
        for f in report["files"]
        for x in f["findings"]
        if x["severity"] != "suggestion"
    ]
    # every template, for every audience and delivery it is written for, as rendered for every site
    templates = list((REPO / "templates" / "sessions").glob("*.md.j2"))
    decks = sum(len(declared_audiences(p)) * len(declared_deliveries(p)) for p in templates)
    assert len(report["files"]) == len(find_sites(REPO / "local_content")) * decks
    assert result.exit_code == 0


def test_every_example_handout_passes_the_checker(tmp_path: Path) -> None:
    """Every topic and style for one example site, and its send packs: no errors from `toolkit check`."""
    out = tmp_path / "out"
    args = [
        "handout",
        "--site",
        "cardiff-north",
        "--style",
        "standard,large-print,dyslexia",
        "--format",
        "html,docx,txt",
    ]
    result = toolkit("--root", REPO, *args, "--pack", "--out", out)
    assert result.exit_code == 0, result.output + result.stderr
    assert len(manifest(out)) == len(TOPICS) * 7  # each topic in 3 styles of html and docx, and plain text
    report = toolkit("--root", REPO, "check", "--format", "json", "--fail-on", "error", out)
    assert report.exit_code == 0, report.output
    checked = json.loads(report.stdout)["files"]
    assert len(checked) == len(TOPICS) * (7 + 3 * 4)  # the handouts, and each pack's copies and message
    assert not [f for r in checked for f in r["findings"] if f["severity"] == "error"]
