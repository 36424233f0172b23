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
