"""The README tells people to install what CI installs."""

from __future__ import annotations

import re

from .helpers import REPO


def test_readme_lists_the_debian_packages_ci_installs() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    installed = {name for group in re.findall(r"need\+=\(([^)]*)\)", ci) for name in group.split()}
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"sudo apt-get install ([^\n`]+)", readme)
    assert len(commands) == 1
    assert set(commands[0].split()) == installed
