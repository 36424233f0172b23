"""The command line as a user meets it: it finds the content folder, or says what to do, and runs as
`python -m toolkit` too. Its one-line errors and exit codes are in test_errors.py."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import REPO, toolkit
from toolkit.cli import main
from toolkit.commands import COMMANDS


def test_outside_a_content_root_says_what_to_do(tmp_path: Path) -> None:
    result = toolkit("--root", tmp_path, "build")
    assert result.exit_code == 2
    assert "toolkit init" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run([sys.executable, "-m", "toolkit", "--help"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0 and "group sessions" in result.stdout


@pytest.fixture
def inside(content: Path) -> Iterator[Path]:
    """Work in a folder deep inside the content folder, as someone editing a district's files would."""
    before = Path.cwd()
    os.chdir(content / "local_content" / "west-yorkshire")
    yield content
    os.chdir(before)


def test_commands_find_the_content_folder_from_inside_it(inside: Path) -> None:
    result = toolkit("sites", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "leeds-eastgate" in result.stdout


def test_root_needs_a_folder(content: Path) -> None:
    result = toolkit("sites", "--root")
    assert result.exit_code == 2 and "--root needs a folder" in result.stderr


def test_every_command_loads_under_its_own_name() -> None:
    group = main.make_context("toolkit", ["--help"], resilient_parsing=True)
    for name in COMMANDS:
        command = main.get_command(group, name)
        assert command is not None and command.name == name


def test_checking_a_text_file_loads_no_other_command_and_no_rich(tmp_path: Path) -> None:
    """Each command loads only what it needs, so `toolkit check` starts quickly in an editor or CI."""
    (tmp_path / "one.txt").write_text("Bring your CV to the session.\n", encoding="utf-8")
    probe = (
        "import sys; from toolkit.cli import main\n"
        "try:\n    main(['check', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('rich', 'toolkit.commands.'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "one.txt")], capture_output=True, text=True)
    loaded = ["toolkit.commands.check", "toolkit.commands.progress", "toolkit.commands.shared"]
    assert done.stdout.strip().splitlines()[-1] == str(loaded), done.stderr


def test_output_cut_short_by_a_closed_pipe_is_not_a_bug() -> None:
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    done = subprocess.run(
        [sys.executable, "-m", "toolkit", "check", "README.md"], stdout=reader.stdin, stderr=subprocess.PIPE, cwd=REPO
    )
    reader.communicate()
    assert b"bug" not in done.stderr and done.returncode != 3
