"""How long `toolkit` takes to start, beside a bare click program: the floor for any click command line.

Run: .venv/bin/python benchmarks/startup.py
Each command runs as a whole process, as a user runs it, RUNS times in turn, after one run to warm up;
the figures are the median CPU time (user and system) of each. The target is at most twice the bare click
program. Python keeps compiled modules in a cache of the benchmark's own, as an installed package has
them, even where PYTHONDONTWRITEBYTECODE is set: compiling every module on every run is not what users see.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from machine import machine, versions

RUNS = 15
TARGET = 2.0
BIN = Path(sys.executable).parent
BARE_CLICK = """
import click

@click.group()
def main():
    "A click program that does nothing."

@main.command()
@click.argument("files", nargs=-1)
def check(files):
    "Does nothing with the files."

main()
"""


def cached_bytecode(folder: Path) -> dict[str, str]:
    """An environment where Python keeps compiled modules in `folder`, as an installed package has them."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(folder)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cpu_seconds(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """The CPU time one run of `command` takes, children included.

    From getrusage, to the microsecond: os.times counts whole clock ticks (10 ms on Linux), a seventh of a bare
    click program, so each figure and ratio jumped in steps too coarse to judge a margin by."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        (here / "bare_click.py").write_text(BARE_CLICK, encoding="utf-8")
        (here / "one-line.txt").write_text("You can get help with the cost of getting to work.\n", encoding="utf-8")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "bare click --help": [sys.executable, "bare_click.py", "--help"],
            "toolkit --help": [str(BIN / "toolkit"), "--help"],
            "toolkit check one-line.txt": [str(BIN / "toolkit"), "check", "one-line.txt"],
        }
        env = cached_bytecode(here / "bytecode")
        for command in commands.values():
            cpu_seconds(command, here, env)  # to warm up, and to compile and cache the modules
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(RUNS):  # in turn, so a busy moment on the machine touches every command alike
            for name, command in commands.items():
                times[name].append(cpu_seconds(command, here, env))
    medians = {name: statistics.median(found) for name, found in times.items()}
    floor = medians["bare click --help"]
    print(f"Start-up, median CPU time of {RUNS} runs each")
    for name, seconds in medians.items():
        ratio = seconds / floor
        verdict = ("  (meets target)" if ratio <= TARGET else "  (over target)") if name.startswith("toolkit") else ""
        print(f"  {name:28} {seconds * 1000:6.1f} ms  {ratio:5.2f} x bare click{verdict}")
    found = versions("click", "rich", "group-session-toolkit")
    print("Target: at most", TARGET, "x bare click")
    print("Versions:", ", ".join(f"{name} {version}" for name, version in found.items()))
    print("Machine:", ", ".join(f"{key} {value}" for key, value in machine().items()))


if __name__ == "__main__":
    main()
