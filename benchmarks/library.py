"""Build the session library for every example jobcentre, after a build: the first run and a second with no changes.

Run: python benchmarks/library.py [--out FOLDER]
With no --out it builds the example decks (pptx, txt) into a temporary folder first; that build is not timed.
It prints, as JSON: the time of the first library run, of a second run with nothing changed, how many
files each wrote, and the machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from machine import machine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.build import plan, run  # noqa: E402
from toolkit.library import write_library  # noqa: E402
from toolkit.project import ContentRoot  # noqa: E402


def timed(root: ContentRoot, out: Path) -> tuple[float, int, int]:
    """Seconds for one library run, the files it wrote and the jobcentres in it."""
    start = time.perf_counter()
    done = write_library(root, out)
    return time.perf_counter() - start, len(done.written), done.sites


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, help="A folder 'toolkit build' already wrote to.")
    args = parser.parse_args()
    root = ContentRoot.at(ROOT)
    with tempfile.TemporaryDirectory() as work:
        out = args.out or Path(work)
        if args.out is None:
            run(root, plan(root, None, None, [], ["pptx", "txt"]).jobs, out)
        first, first_files, sites = timed(root, out)
        second, second_files, _ = timed(root, out)
    figures = {
        "jobcentres": sites,
        "first_run_seconds": round(first, 2),
        "first_run_files_written": first_files,
        "second_run_seconds": round(second, 2),
        "second_run_files_written": second_files,
        "machine": machine(),
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
