"""The command line as a user meets it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from toolkit.content.loader import find_sites
from toolkit.deck.audience import declared_audiences
from toolkit.deck.delivery import declared_deliveries
from toolkit.project import ContentRoot

from .conftest import REPO, toolkit


def test_sites_as_json_lists_district_site_and_name() -> None:
    result = toolkit("--root", REPO, "sites", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert any(r["site"] == "leeds-eastgate" and r["district"] == "west-yorkshire" for r in rows)
    assert all(set(r) == {"district", "site", "name"} for r in rows)


def test_validate_passes_on_examples_and_fails_on_a_mistake(mini: ContentRoot) -> None:
    assert toolkit("--root", REPO, "validate").exit_code == 0
    site = mini.content / "north" / "testford-central.yaml"
    site.write_text(site.read_text().replace("step_free_access: true", "step_free_access: perhaps"))
    result = toolkit("--root", mini.path, "validate")
    assert result.exit_code == 1
    assert "testford-central.yaml:5" in result.stderr
    assert "'jobcentre.step_free_access' must be true or false" in result.stderr


def test_init_makes_a_content_root_that_builds(tmp_path: Path) -> None:
    target = tmp_path / "ours"
    assert toolkit("init", target).exit_code == 0
    assert (target / "templates" / "master.pptx").is_file()
    result = toolkit("--root", target, "build", "--site", "newport", "--topic", "star")
    assert result.exit_code == 0, result.stderr
    assert (target / "output" / "south-east-wales" / "newport" / "en" / "star.pptx").is_file()
    assert toolkit("init", target).exit_code == 2  # never overwrites a folder in use


def test_outside_a_content_root_says_what_to_do(tmp_path: Path) -> None:
    result = toolkit("--root", tmp_path, "build")
    assert result.exit_code == 2
    assert "toolkit init" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run([sys.executable, "-m", "toolkit", "--help"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0 and "group sessions" in result.stdout


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
