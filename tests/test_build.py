"""Whole builds: what a work coach gets, and what happens when the input is wrong."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from toolkit.project import ContentRoot

from .conftest import toolkit

TOPICS = {"cv", "star", "transport", "employers", "support", "welcome", "health-and-work", "earning"}
ENTRY_KEYS = {
    "path",
    "district",
    "site",
    "topic",
    "audience",
    "delivery",
    "language",
    "format",
    "style",
    "sha256",
    "inputs",
    "translation_status",
    "example",
}
LEFTOVER = re.compile(r"\{\{|\{%|%\}|\}\}|^:::|\]\(")


def manifest(out: Path) -> list[dict]:
    return json.loads((out / "manifest.json").read_text())["files"]


def slide_texts(path: Path) -> list[str]:
    prs = Presentation(str(path))
    return [shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame]


def test_example_build_makes_a_deck_of_each_topic_for_every_site(example_build: Path) -> None:
    sites = json.loads(toolkit("sites", "--format", "json").stdout)
    assert len(sites) >= 9 and {s["district"] for s in sites} >= {"west-yorkshire", "south-east-wales", "glasgow"}
    entries = manifest(example_build)
    assert len(entries) == len(TOPICS) * len(sites)
    for entry in entries:
        assert set(entry) == ENTRY_KEYS
        assert entry["audience"] == "general"
        assert entry["delivery"] == "room"
        assert entry["style"] == "standard"
        data = (example_build / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert entry["path"] == f"{entry['district']}/{entry['site']}/en/{entry['topic']}.pptx"
    assert {e["topic"] for e in entries} == TOPICS


def test_every_deck_has_titles_notes_and_no_template_syntax(example_build: Path) -> None:
    for entry in manifest(example_build):
        prs = Presentation(str(example_build / entry["path"]))
        titles = [slide.shapes.title.text for slide in prs.slides]
        assert all(titles), entry["path"]
        assert len(set(titles)) == len(titles), entry["path"]
        assert 11 <= len(titles) <= 21, (entry["path"], len(titles))  # a cover, then the session
        assert titles[2] == "Plan for today", entry["path"]
        with_notes = sum(1 for s in prs.slides if s.has_notes_slide and s.notes_slide.notes_text_frame.text.strip())
        assert with_notes >= 0.9 * len(titles), entry["path"]
        for text in slide_texts(example_build / entry["path"]):
            assert not LEFTOVER.search(text), (entry["path"], text)


def test_decks_open_in_libreoffice(example_build: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install LibreOffice (see .ci/run)")
        pytest.skip("LibreOffice is not installed")
    decks = [example_build / f"south-east-wales/cardiff-north/en/{t}.pptx" for t in sorted(TOPICS)]
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    result = subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, decks)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for deck in decks:
        pdf = tmp_path / (deck.stem + ".pdf")
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


def test_building_twice_gives_identical_bytes(mini: ContentRoot, tmp_path: Path) -> None:
    for name in ("one", "two"):
        assert toolkit("--root", mini.path, "build", "--out", tmp_path / name).exit_code == 0
    one, two = manifest(tmp_path / "one"), manifest(tmp_path / "two")
    assert one == two
    for entry in one:
        assert (tmp_path / "one" / entry["path"]).read_bytes() == (tmp_path / "two" / entry["path"]).read_bytes()


def _break(root: ContentRoot, kind: str) -> None:
    site = root.content / "north" / "testford-central.yaml"
    template = root.sessions / "demo.md.j2"
    if kind == "yaml":
        site.write_text(site.read_text().replace("  postcode: TE1 1ST", "  postcode: [TE1"))
    elif kind == "missing":
        site.write_text(site.read_text().replace("  postcode: TE1 1ST\n", ""))
    elif kind == "control":
        site.write_text(site.read_text().replace("1 High Street", "1 High\x1b Street"))
    elif kind == "template":
        template.write_text(template.read_text().replace("{{ site.jobcentre.name }}", "{{ site.jobcentre.manager }}"))


@pytest.mark.parametrize(
    ("kind", "where"),
    [
        ("yaml", "testford-central.yaml:5"),
        ("missing", "testford-central.yaml"),
        ("control", "testford-central.yaml:3"),
        ("template", "demo.md.j2:11"),
    ],
)
def test_bad_input_keeps_last_good_output(mini: ContentRoot, tmp_path: Path, kind: str, where: str) -> None:
    out = tmp_path / "out"
    assert toolkit("--root", mini.path, "build", "--out", out).exit_code == 0
    deck = out / "north/testford-central/en/demo.pptx"
    before = deck.read_bytes()
    _break(mini, kind)
    result = toolkit("--root", mini.path, "build", "--out", out)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and where in errors[0], result.stderr
    assert "Traceback" not in result.output
    assert deck.read_bytes() == before
    assert sorted(p.name for p in deck.parent.iterdir()) == ["demo.pptx"]  # no temporary files left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "--site", "nowhere"], "no site called 'nowhere'"),
        (["build", "--site", "../../etc"], "not a valid site id"),
        (["build", "--topic", "cooking"], "no topic called 'cooking'"),
        (["build", "--format", "odp"], "no format called 'odp'"),
    ],
)
def test_bad_choices_are_one_line_errors(mini: ContentRoot, args: list[str], message: str) -> None:
    result = toolkit("--root", mini.path, *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
