"""Builds skip work whose inputs have not changed, survive being stopped, and clean up after themselves."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from toolkit.project import ContentRoot

from .conftest import REPO, toolkit


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
