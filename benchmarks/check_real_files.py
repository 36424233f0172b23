"""Check every .pptx and .docx in python-pptx's and python-docx's source releases: none may crash the checker.

Run: python benchmarks/check_real_files.py   (CI runs it from .ci/run)
It downloads the two source releases from PyPI with pip, as CI installs packages. Their test files were
made in PowerPoint, Word and LibreOffice by other people, with shapes and parts our own files never have.
It prints the figures, and exits with 1 if the checker hit a bug (exit code 3) on any file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from machine import machine

PACKAGES = ("python-pptx", "python-docx")
EXIT_BUG = 3


def download(folder: Path) -> list[Path]:
    """The source releases, unpacked; returns every .pptx and .docx in them."""
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-binary", ":all:", "--no-deps"]
    subprocess.run([*command, "--dest", str(folder), *PACKAGES], check=True)
    for archive in folder.glob("*.tar.gz"):
        with tarfile.open(archive) as source:
            source.extractall(folder, filter="data")
    return sorted(p for p in folder.rglob("*") if p.suffix in (".pptx", ".docx"))


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        files = download(Path(name))
        start = time.perf_counter()
        command = [sys.executable, "-m", "toolkit", "check", "--format", "json", *map(str, files)]
        result = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - start
    report = json.loads(result.stdout)["files"]
    figures = {
        "files": len(files),
        "checked": sum(1 for f in report if f["error"] is None),
        "could_not_be_read": [f["error"] for f in report if f["error"] and "bug" not in f["error"]],
        "crashes": [f["error"] for f in report if f["error"] and "bug" in f["error"]],
        "parts_skipped": sum(len(f["skipped"]) for f in report),
        "exit_code": result.returncode,
        "seconds": round(seconds, 1),
        "machine": machine(),
    }
    print(json.dumps(figures, indent=2))
    if result.returncode == EXIT_BUG or figures["crashes"] or len(report) != len(files):
        sys.exit("the checker crashed on a file made outside this project: see the bug logs named above")


if __name__ == "__main__":
    main()
