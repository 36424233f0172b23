"""Whole builds: what a work coach gets, what happens when the input is wrong, and builds that skip work whose
inputs have not changed, survive being stopped, and clean up after themselves."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from tests.helpers import REPO, TOPICS, manifest, toolkit
from toolkit.project import ContentRoot

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


# Incremental builds -------------------------------------------------------------------------------------


def state(out: Path) -> dict[str, tuple[int, str]]:
    """Each built file's modification time and hash."""
    return {
        p.relative_to(out).as_posix(): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != "manifest.json"
    }


def build(root: ContentRoot, out: Path, *extra: str):
    return toolkit("--root", root.path, "build", "--out", out, "--format", "pptx,txt", *extra)


def add_site(root: ContentRoot) -> Path:
    second = root.content / "north" / "testford-east.yaml"
    text = (root.content / "north" / "testford-central.yaml").read_text()
    second.write_text(text.replace("Testford Central", "Testford East"))
    return second


def test_second_build_rewrites_nothing_and_says_so(mini: ContentRoot, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(mini, out).exit_code == 0
    before = state(out)
    result = build(mini, out)
    assert result.exit_code == 0
    assert "Nothing to do: 2 files" in result.stdout
    assert state(out) == before


def test_one_site_change_rebuilds_only_that_site(mini: ContentRoot, tmp_path: Path) -> None:
    second = add_site(mini)
    out = tmp_path / "out"
    assert build(mini, out).exit_code == 0
    before = state(out)
    second.write_text(second.read_text().replace("Monday to Friday", "Monday to Saturday"))
    result = build(mini, out)
    assert "Wrote 2 files for 1 site" in result.stdout and "2 files unchanged" in result.stdout
    after = state(out)
    changed = {p for p in after if after[p] != before[p]}
    assert changed == {"north/testford-east/en/demo.pptx", "north/testford-east/en/demo.txt"}


def test_a_second_build_in_one_process_uses_the_changed_content(mini: ContentRoot, tmp_path: Path) -> None:
    """Decks are made from content loaded where they are made; in one process, it is never one build's stale copy."""
    out = tmp_path / "out"
    site = mini.content / "north" / "testford-central.yaml"
    assert build(mini, out, "--jobs", "1").exit_code == 0
    site.write_text(site.read_text().replace("Testford Central Jobcentre", "Testford Central Work Hub"))
    assert build(mini, out, "--jobs", "1").exit_code == 0
    handout = (out / "north" / "testford-central" / "en" / "demo.txt").read_text()
    assert "Testford Central Work Hub" in handout and "Testford Central Jobcentre" not in handout


def test_template_change_rebuilds_that_topic_everywhere(mini: ContentRoot, tmp_path: Path) -> None:
    add_site(mini)
    out = tmp_path / "out"
    build(mini, out)
    template = mini.sessions / "demo.md.j2"
    template.write_text(template.read_text().replace("Welcome everyone.", "Welcome, everyone."))
    assert "Wrote 4 files for 2 sites" in build(mini, out).stdout
    assert "Wrote 4 files" in build(mini, out, "--force").stdout


def test_one_bad_deck_does_not_stop_the_others(mini: ContentRoot, tmp_path: Path) -> None:
    (mini.sessions / "broken.md.j2").write_text("# Broken\n\n{{ site.nothing_here }}\n")
    result = build(mini, tmp_path / "out", "--jobs", "2")
    assert result.exit_code == 1
    assert "broken.md.j2:3" in result.stderr
    assert (tmp_path / "out" / "north/testford-central/en/demo.pptx").is_file()


def test_clean_removes_files_of_sites_that_are_gone(mini: ContentRoot, tmp_path: Path) -> None:
    second = add_site(mini)
    out = tmp_path / "out"
    build(mini, out)
    second.unlink()
    result = toolkit("--root", mini.path, "clean", "--out", out)
    assert "Removed north/testford-east/en/demo.pptx" in result.stdout
    assert not (out / "north/testford-east/en/demo.pptx").exists()
    manifest = json.loads((out / "manifest.json").read_text())["files"]
    assert {e["site"] for e in manifest} == {"testford-central"}


def test_a_killed_build_leaves_only_whole_files(tmp_path: Path) -> None:
    """Stop a build part-way: each deck is either last build's or the new one, never a broken mix."""
    root = tmp_path / "root"
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "local_content", root / "local_content")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "toolkit", "--root", str(root), "build", "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    old = {p: h for p, (_, h) in state(out).items()}
    template = root / "templates" / "sessions" / "parts" / "plan.md.j2"  # in every deck: many files to remake
    template.write_text(template.read_text().replace("::: notes", "::: notes\nDo: Say this session was updated.", 1))
    fresh = tmp_path / "fresh"
    subprocess.run([*command[:-1], str(fresh)], check=True, capture_output=True, cwd=REPO)
    new = {p: h for p, (_, h) in state(fresh).items()}
    process = subprocess.Popen(
        [*command, "--jobs", "1"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and sum(state(out)[p][1] != old[p] for p in old if p in state(out)) < 2:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    now = {p: h for p, (_, h) in state(out).items() if not Path(p).name.startswith(".")}
    assert set(now) == set(old)
    assert any(now[p] != old[p] for p in now), "the build was stopped before it changed anything"
    assert any(now[p] == old[p] != new[p] for p in now), "the build finished before it was stopped"
    for path, digest in now.items():
        assert digest in (old[path], new[path]), path
        with zipfile.ZipFile(out / path) as deck:
            assert deck.testzip() is None
    # the next build finishes the job and removes what the stopped one left
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    assert {p: h for p, (_, h) in state(out).items()} == new
