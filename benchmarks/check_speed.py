"""How fast `toolkit check` is, and how much memory it needs, beside proselint and write-good on the same text.

Run: .venv/bin/python benchmarks/check_speed.py
The text is the research in ../shared/research, repeated to about 45,000 and 455,000 words. Each tool runs
as a whole process, as a user would run it, with its usual output. The figures are the median CPU time
(user and system) and the median peak memory of its runs, as GNU time (/usr/bin/time) counts them.
Python keeps compiled modules in a cache of the benchmark's own, as an installed package has them.
write-good is timed if it is in benchmarks/.npm: `npm install --prefix benchmarks/.npm write-good@1`.

Targets (issue 19): the checker needs at most half proselint's CPU time on 45,000 words, and under 100 MiB
of memory on 455,000 words.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from machine import machine, versions
from startup import cached_bytecode

HERE = Path(__file__).resolve().parent
RESEARCH = HERE.parents[1] / "shared" / "research"
BIN = Path(sys.executable).parent
TIME = Path("/usr/bin/time")  # GNU time
WRITE_GOOD = HERE / ".npm" / "node_modules" / ".bin" / "write-good"
SIZES = {45_000: 3, 455_000: 1}  # words -> runs of each tool: the long text takes a while
SPEED_TARGET = 2.0  # proselint's CPU time over ours, on the shorter text
MEMORY_TARGET_MIB = 100  # on the longer text


@dataclass(frozen=True)
class Run:
    seconds: float  # CPU time, user and system
    mib: float  # peak memory (maximum resident set size)
    output: str


def corpus(target_words: int) -> str:
    """The research texts, repeated to about `target_words` words."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(RESEARCH.glob("*.txt"))]
    if not texts:
        sys.exit(f"no research texts in {RESEARCH}: the shared folder must sit beside the repository")
    block = "\n\n".join(texts)
    copies = max(1, round(target_words / len(block.split())))
    return "\n\n".join([block] * copies)


def tools(path: Path) -> dict[str, list[str]]:
    """The command for each tool, as a user would type it; write-good only where it is installed."""
    toolkit = [str(BIN / "toolkit"), "check"]
    found = {
        "toolkit check": [*toolkit, str(path)],
        "toolkit check (json)": [*toolkit, "--format", "json", str(path)],
        "proselint": [str(BIN / "proselint"), "check", str(path)],
    }
    if WRITE_GOOD.exists():
        found["write-good"] = [str(WRITE_GOOD), str(path)]
    return found


def run(command: list[str], env: dict[str, str]) -> Run:
    """One run of `command`: its CPU time and peak memory, as GNU time counts them.

    GNU time starts the tool from its own small process: a child started straight from this script
    would count this script's own peak memory as its own."""
    with tempfile.NamedTemporaryFile("w+", encoding="utf-8") as out, tempfile.NamedTemporaryFile("r") as usage:
        timed = [str(TIME), "--format", "%U %S %M", "--output", usage.name, *command]
        subprocess.run(timed, stdout=out, stderr=subprocess.DEVNULL, cwd=HERE.parent, env=env, check=False)
        user, system, kib = usage.read().split()[-3:]
        out.seek(0)
        return Run(float(user) + float(system), int(kib) / 1024, out.read())


def measure(command: list[str], runs: int, env: dict[str, str]) -> Run:
    """The median CPU time and memory of `runs` runs, with the last run's output."""
    found = [run(command, env) for _ in range(runs)]
    return Run(statistics.median(r.seconds for r in found), statistics.median(r.mib for r in found), found[-1].output)


def findings(name: str, output: str) -> int:
    """How many findings a tool reported, read from its output."""
    if name == "toolkit check (json)":
        return sum(json.loads(output)["summary"].values())
    if name == "toolkit check":
        summary = output.strip().splitlines()[-1].split(": ", 1)[1]  # "1 files checked: 2 errors, 3 warnings, ..."
        return sum(int(part.split()[0]) for part in summary.split(", "))
    if name == "write-good":
        return output.count(" on line ")
    return len(output.splitlines())


def tool_versions() -> dict[str, str]:
    found = versions("group-session-toolkit", "proselint")
    if WRITE_GOOD.exists():
        package = WRITE_GOOD.parents[1] / "write-good" / "package.json"
        found["write-good"] = json.loads(package.read_text(encoding="utf-8"))["version"]
    return found


def main() -> None:
    if not TIME.exists():
        sys.exit(f"this needs GNU time at {TIME}: install it (on Debian or Ubuntu, apt-get install time)")
    results: dict[int, dict[str, tuple[Run, int]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        env = cached_bytecode(Path(folder) / "bytecode")
        for target, runs in SIZES.items():
            path = Path(folder) / f"research-{target}.txt"
            text = corpus(target)
            path.write_text(text, encoding="utf-8")
            print(f"\n{len(text.split()):,} words, median of {runs} run(s)")
            print(f"  {'tool':<22}{'CPU s':>8}{'peak MiB':>10}{'findings':>10}")
            results[target] = {}
            for name, command in tools(path).items():
                if target == next(iter(SIZES)):
                    run(command, env)  # to warm up, and to compile and cache the modules
                measured = measure(command, runs, env)
                count = findings(name, measured.output)
                results[target][name] = (measured, count)
                print(f"  {name:<22}{measured.seconds:>8.2f}{measured.mib:>10.1f}{count:>10}")
    _verdict(results)
    print("Versions:", ", ".join(f"{name} {version}" for name, version in tool_versions().items()))
    print("Machine:", ", ".join(f"{key} {value}" for key, value in machine().items()))


def _verdict(results: dict[int, dict[str, tuple[Run, int]]]) -> None:
    """Each target, the figure that meets or misses it, and whether it does."""
    short, long = (results[size] for size in SIZES)
    print()
    for name in ("toolkit check", "toolkit check (json)"):
        ratio = short["proselint"][0].seconds / short[name][0].seconds
        verdict = "meets target" if ratio >= SPEED_TARGET else "over target"
        print(f"{name}: {ratio:.1f} x faster than proselint on the short text (target {SPEED_TARGET:g} x): {verdict}")
        mib = long[name][0].mib
        verdict = "meets target" if mib < MEMORY_TARGET_MIB else "over target"
        print(f"{name}: {mib:.0f} MiB on the long text (target under {MEMORY_TARGET_MIB} MiB): {verdict}")


if __name__ == "__main__":
    main()
