"""A build split into parts with --shard, as the jobs of a CI matrix run it, and joined again with `toolkit merge`."""

from __future__ import annotations

import re
import shlex
from glob import glob
from pathlib import Path

import pytest
import yaml

from tests.helpers import REPO, manifest, toolkit
from toolkit.cli import main

SOME = ("--topic", "cv,star", "--format", "pptx,txt")  # every site, a few files each: quick, but many decks
PARTS = 3


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same build made whole (whole/) and in three parts (part-1/ to part-3/)."""
    folder = tmp_path_factory.mktemp("shards")
    result = toolkit("--root", REPO, "build", *SOME, "--out", folder / "whole")
    assert result.exit_code == 0, result.stderr
    for n in range(1, PARTS + 1):
        result = toolkit("--root", REPO, "build", *SOME, "--shard", f"{n}/{PARTS}", "--out", folder / f"part-{n}")
        assert result.exit_code == 0, result.stderr
    return folder


def parts(built: Path) -> list[Path]:
    return [built / f"part-{n}" for n in range(1, PARTS + 1)]


def test_the_parts_share_out_every_file_once(built: Path) -> None:
    made = [{e["path"] for e in manifest(part)} for part in parts(built)]
    assert all(made) and sum(map(len, made)) == len(set().union(*made))  # none empty, none shared
    assert set().union(*made) == {e["path"] for e in manifest(built / "whole")}


def test_a_deck_and_its_other_formats_stay_in_one_part(built: Path) -> None:
    for part in parts(built):
        paths = {e["path"] for e in manifest(part)}
        assert {p.replace(".txt", ".pptx") for p in paths} == {p for p in paths if p.endswith(".pptx")}


def test_merged_parts_are_the_whole_build_byte_for_byte(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "merged"
    result = toolkit("merge", *parts(built), "--out", out)
    assert result.exit_code == 0, result.stderr
    assert f"Merged {len(manifest(built / 'whole'))} files from 3 parts" in result.stdout
    assert (out / "manifest.json").read_bytes() == (built / "whole" / "manifest.json").read_bytes()
    for entry in manifest(out):
        assert (out / entry["path"]).read_bytes() == (built / "whole" / entry["path"]).read_bytes()


def test_a_changed_file_in_a_part_stops_the_merge_before_anything_is_copied(built: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "part-2"
    damaged.mkdir()
    toolkit("merge", built / "part-2", "--out", damaged)
    victim = damaged / manifest(damaged)[0]["path"]
    victim.write_bytes(b"not the deck the build made")
    out = tmp_path / "merged"
    result = toolkit("merge", built / "part-1", damaged, "--out", out)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and f"{victim}: is missing or has changed" in result.stderr
    assert not (out / "manifest.json").exists() and not list(out.rglob("*.pptx"))


def test_the_same_file_made_differently_in_two_parts_is_refused(built: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    result = toolkit("--root", REPO, "build", "--topic", "cv", "--format", "txt", "--lang", "cy", "--out", other)
    assert result.exit_code == 0, result.stderr
    entry = manifest(other)[0]
    (other / "manifest.json").write_text(
        (other / "manifest.json").read_text().replace(entry["path"], entry["path"].replace("/cy/", "/en/"))
    )
    (other / entry["path"].replace("/cy/", "/en/")).parent.mkdir(parents=True, exist_ok=True)
    (other / entry["path"]).rename(other / entry["path"].replace("/cy/", "/en/"))
    result = toolkit("merge", *parts(built), other, "--out", tmp_path / "merged")
    assert result.exit_code == 2 and "build both parts from the same content" in result.stderr


@pytest.mark.parametrize("shard", ["0/3", "4/3", "2", "a/b", "1/0"])
def test_a_shard_that_is_not_k_of_n_is_a_clear_error(shard: str) -> None:
    result = toolkit("--root", REPO, "build", "--shard", shard)
    assert result.exit_code == 2 and "like 2/8" in result.stderr


def test_the_example_workflows_are_yaml_whose_toolkit_commands_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in ("parts/part-1", "parts/part-2", "part-1", "part-2"):  # what the merge jobs download
        Path(folder).mkdir(parents=True)
    text = (REPO / "docs" / "national-builds.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    assert len(blocks) == 2  # GitHub Actions and GitLab CI
    commands = []
    for block in blocks:
        yaml.safe_load(block)
        for line in re.findall(r"^\s*-? ?(?:run: )?(toolkit .*)$", block, re.MULTILINE):
            filled = re.sub(r"\$\{\{ matrix.shard \}\}|\$CI_NODE_INDEX", "3", line).replace("$CI_NODE_TOTAL", "8")
            commands.append([found for word in shlex.split(filled) for found in sorted(glob(word)) or [word]])
    assert {c[1] for c in commands} == {"build", "merge"} and len(commands) == 4
    for _, name, *args in commands:
        group = main.make_context("toolkit", [name, *args])
        command = main.get_command(group, name)
        assert command is not None
        command.make_context(name, args, parent=group)  # a bad option or --shard value raises
