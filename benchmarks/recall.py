"""Recall and false alarms: toolkit check, write-good and proselint on the same held-out text.

Run: python benchmarks/recall.py
benchmarks/samples/problems.txt has one known Plain English problem on each line (the words are in
key.txt); plain.txt says the same with none. A tool catches a problem when it reports something that
starts inside those words. Every finding on plain.txt is a false alarm (for toolkit check, those at
warning or error: suggestions are advice). write-good comes from npm (installed into benchmarks/.npm
the first time) and proselint from PyPI (pip install proselint).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from check_speed import write_good
from machine import machine

SAMPLES = Path(__file__).resolve().parent / "samples"
Found = list[tuple[int, int]]  # (line, column), both counted from 1


def toolkit(path: Path) -> Found:
    result = subprocess.run([sys.executable, "-m", "toolkit", "check", "--format", "json", str(path)], **_RUN)
    findings = json.loads(result.stdout)["files"][0]["findings"]
    serious = [f for f in findings if f["severity"] != "suggestion" or path.name != "plain.txt"]
    return [(f["location"]["line"], f["location"]["column"]) for f in serious]


def writegood(path: Path) -> Found:
    result = subprocess.run([*write_good(), str(path)], **_RUN)
    return [(int(m[1]), int(m[2]) + 1) for m in re.finditer(r"on line (\d+) at column (\d+)", result.stdout)]


def proselint(path: Path) -> Found:
    binary = shutil.which("proselint") or str(Path(sys.executable).with_name("proselint"))
    if not Path(binary).exists():
        sys.exit("proselint is not installed: run 'pip install proselint' and run this again")
    result = subprocess.run([binary, "-o", "compact", "check", str(path)], **_RUN)
    return [(int(m[1]), int(m[2])) for m in re.finditer(r":(\d+):(\d+): ", result.stdout)]


_RUN = {"capture_output": True, "text": True, "cwd": SAMPLES.parents[1]}


def caught(found: Found, lines: list[str], key: list[str]) -> int:
    """How many lines have a finding that starts inside the line's known problem."""
    total = 0
    for number, (line, words) in enumerate(zip(lines, key, strict=True), start=1):
        start = line.find(words) + 1
        total += any(n == number and start <= column < start + len(words) for n, column in found)
    return total


def main() -> None:
    lines = (SAMPLES / "problems.txt").read_text(encoding="utf-8").splitlines()
    key = [k for k in (SAMPLES / "key.txt").read_text(encoding="utf-8").splitlines() if k and not k.startswith("#")]
    rows = {}
    for name, tool in (("toolkit check", toolkit), ("write-good", writegood), ("proselint", proselint)):
        found = tool(SAMPLES / "problems.txt")
        rows[name] = {"caught": caught(found, lines, key), "false_alarms": len(tool(SAMPLES / "plain.txt"))}
    print(json.dumps({"problems": len(key), "tools": rows, "machine": machine()}, indent=2))
    print(f"\n| Tool | Problems caught (of {len(key)}) | False alarms on the plain twin |\n|---|---|---|")
    for name, row in rows.items():
        print(f"| {name} | {row['caught']} | {row['false_alarms']} |")


if __name__ == "__main__":
    main()
