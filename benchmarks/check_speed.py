"""How fast `toolkit check` is on about 45,000 words, beside write-good on the same text.

Run: python benchmarks/check_speed.py
It installs write-good from npm into benchmarks/.npm the first time (needs Node.js and npm).
Both tools run as whole processes, as a user would run them; each is timed over 3 runs.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import machine

HERE = Path(__file__).resolve().parent
RESEARCH = HERE.parents[1] / "shared" / "research"
TARGET_WORDS = 45_000
RUNS = 3


def corpus() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(RESEARCH.glob("*.txt"))]
    if not texts:
        sys.exit(f"no research texts in {RESEARCH}: the shared folder must sit beside the repository")
    block = "\n\n".join(texts)
    copies = max(1, round(TARGET_WORDS / len(block.split())))
    return "\n\n".join([block] * copies)


def write_good() -> list[str]:
    npm_dir = HERE / ".npm"
    binary = npm_dir / "node_modules" / ".bin" / "write-good"
    if not binary.exists():
        if not shutil.which("npm"):
            sys.exit("write-good needs Node.js and npm: install them and run this again")
        subprocess.run(["npm", "install", "--silent", "--prefix", str(npm_dir), "write-good@1"], check=True)
    return [str(binary)]


def timed(command: list[str]) -> tuple[float, str]:
    times, output = [], ""
    for _ in range(RUNS):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, cwd=HERE.parent)
        times.append(time.perf_counter() - start)
        output = result.stdout
    return statistics.median(times), output


def main() -> None:
    text = corpus()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "research.txt"
        path.write_text(text, encoding="utf-8")
        ours, ours_out = timed([sys.executable, "-m", "toolkit", "check", "--format", "json", str(path)])
        theirs, theirs_out = timed([*write_good(), str(path)])
    report = json.loads(ours_out)
    figures = {
        "words": len(text.split()),
        "toolkit_check_seconds": round(ours, 2),
        "toolkit_findings": sum(report["summary"].values()),
        "toolkit_reading_age": report["files"][0]["scores"]["reading_age"],
        "write_good_seconds": round(theirs, 2),
        "write_good_findings": len(re.findall(r" on line \d+ at column \d+", theirs_out)),
        "machine": machine(),
    }
    print(json.dumps(figures, indent=2))
    print(f"\n{'tool':<16}{'seconds':>10}{'findings':>10}")
    print(f"{'toolkit check':<16}{ours:>10.2f}{figures['toolkit_findings']:>10}")
    print(f"{'write-good':<16}{theirs:>10.2f}{figures['write_good_findings']:>10}")


if __name__ == "__main__":
    main()
