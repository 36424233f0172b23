"""How long `toolkit check` takes on a 100-slide deck, as CPU time of the whole process.

Run: python benchmarks/slides_check_speed.py
The deck is made by our PowerPoint writer from synthetic slides with bullets, tables and notes.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from machine import machine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.deck.model import BulletList, Deck, DeckMeta, ListItem, Run, Slide, Table  # noqa: E402
from toolkit.render import RenderOptions  # noqa: E402
from toolkit.render.pptx import write_pptx  # noqa: E402

SLIDES = 100
RUNS = 5


def deck() -> Deck:
    slides = [Slide("A deck of one hundred slides", notes=("Welcome everyone.",))]
    for n in range(1, SLIDES):
        words = [f"Point {k} about buses, tickets and help with fares on slide {n}." for k in range(4)]
        items = tuple(ListItem((Run(text),)) for text in words)
        table = Table((((Run("Employer"),), (Run("Jobs"),))), (((Run("Asda"),), (Run("Picker, driver"),)),))
        blocks = (BulletList(items), table) if n % 3 == 0 else (BulletList(items),)
        slides.append(Slide(f"Slide number {n}", blocks, (f"Notes for slide {n}. Ask the group what they think.",)))
    return Deck(DeckMeta("bench", "Benchmark", "en-GB"), tuple(slides))


def cpu_seconds(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, capture_output=True, check=False, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    options = RenderOptions(master=ROOT / "templates" / "master.pptx", assets=ROOT / "templates")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hundred.pptx"
        path.write_bytes(write_pptx(deck(), options))
        base = [sys.executable, "-m", "toolkit", "check", "--format", "json"]
        startup = min(cpu_seconds([sys.executable, "-m", "toolkit", "--version"]) for _ in range(RUNS))
        accessibility = min(cpu_seconds([*base, "--select", "AX", str(path)]) for _ in range(RUNS))
        everything = min(cpu_seconds([*base, str(path)]) for _ in range(RUNS))
    figures = {
        "slides": SLIDES,
        "cpu_seconds_accessibility_rules": round(accessibility, 3),
        "cpu_seconds_all_rules": round(everything, 3),
        "cpu_seconds_python_start_up": round(startup, 3),
        "machine": machine(),
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
