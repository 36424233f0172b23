"""How long the toolkit takes to make and write a slide deck, beside python-pptx alone writing the same slides.

Run: .venv/bin/python benchmarks/deck_speed.py [--sites 3] [--repeats 5]
The toolkit makes each deck from the bundled example content (template, Markdown, Deck) and writes it with
the pptx writer, for the first site of each district (or --sites of them) and every topic. The floor is
python-pptx alone writing, on the same slide master and the same layouts, every slide the toolkit wrote:
its title, its other words as one text box, and its speaker notes. Figures are CPU time per slide, the
median of --repeats runs, toolkit and floor in turn, after one run of each to warm up. The target is at
most 1.5 times the floor per slide.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from machine import machine, versions
from pptx import Presentation

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.content.loader import find_sites, load_site  # noqa: E402
from toolkit.content.models import SiteContent  # noqa: E402
from toolkit.content.theme import load_theme  # noqa: E402
from toolkit.deck.session import make_deck  # noqa: E402
from toolkit.deck.template import SessionTemplates  # noqa: E402
from toolkit.project import ContentRoot  # noqa: E402
from toolkit.render import RenderOptions, all_formats  # noqa: E402

TARGET = 1.5


@dataclass(frozen=True)
class PlainSlide:
    """What the floor writes for one slide: the layout, the title, the other words and the notes."""

    layout: str
    title: str
    body: str
    notes: str


def jobs(root: ContentRoot, per_district: int) -> list[tuple[SiteContent, str, RenderOptions]]:
    """Each chosen site with each topic, and the options the build would give its writer."""
    chosen, seen = [], {}
    for ref in find_sites(root.content):
        seen[ref.district] = seen.get(ref.district, 0) + 1
        if seen[ref.district] <= per_district:
            chosen.append(ref)
    topics = SessionTemplates(root.sessions).topics()
    found = []
    for ref in chosen:
        site = load_site(root.content, ref)
        options = RenderOptions(root.master, root.templates, theme=load_theme(root.content, ref.district))
        found += [(site, topic, options) for topic in topics]
    return found


def plain_slides(data: bytes) -> list[PlainSlide]:
    """The words of every slide of a written deck, read back with python-pptx."""
    slides = []
    for slide in Presentation(io.BytesIO(data)).slides:
        title = slide.shapes.title
        heading = title.text_frame.text if title is not None else ""
        others = [s for s in slide.shapes if s.has_text_frame and (title is None or s.shape_id != title.shape_id)]
        words = "\n".join(s.text_frame.text for s in others)
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append(PlainSlide(slide.slide_layout.name, heading, words, notes))
    return slides


def floor_deck(master: Path, slides: list[PlainSlide]) -> bytes:
    """python-pptx alone: a title, a text box of the words, and notes on each slide."""
    prs = Presentation(str(master))
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    for plain in slides:
        slide = prs.slides.add_slide(layouts[plain.layout])
        if slide.shapes.title is not None:
            slide.shapes.title.text_frame.text = plain.title
        box = slide.shapes.add_textbox(457200, 1371600, 8229600, 4525963)
        box.text_frame.text = plain.body
        if plain.notes:
            slide.notes_slide.notes_text_frame.text = plain.notes
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def cpu_medians(toolkit: Callable[[], object], floor: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median CPU seconds of each, run in turn `repeats` times after one run each to warm up (compiled
    templates, imports), so a busy moment on the machine touches both alike."""
    toolkit()
    floor()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        times[0].append(cpu_seconds(toolkit))
        times[1].append(cpu_seconds(floor))
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=1, help="sites from each district")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    root = ContentRoot.at(ROOT)
    writer = all_formats()["pptx"].write
    chosen = jobs(root, args.sites)

    def toolkit() -> list[bytes]:
        # As a build of decks alone does: no Easy Read handout, so no Easy Read words to parse.
        return [writer(make_deck(root, site, topic, easy_read=False), options) for site, topic, options in chosen]

    plain = [plain_slides(data) for data in toolkit()]
    slides = sum(len(deck) for deck in plain)

    def floor() -> None:
        for deck in plain:
            floor_deck(root.master, deck)

    made, least = cpu_medians(toolkit, floor, args.repeats)
    figures = {
        "decks": len(chosen),
        "slides": slides,
        "repeats": args.repeats,
        "toolkit_ms_per_deck": round(made / len(chosen) * 1000, 1),
        "toolkit_ms_per_slide": round(made / slides * 1000, 2),
        "floor_ms_per_slide": round(least / slides * 1000, 2),
        "ratio_per_slide": round(made / least, 2),
        "target": TARGET,
        "versions": versions("python-pptx", "jinja2", "lxml"),
        "machine": machine(),
    }
    print(json.dumps(figures, indent=2))
    print()
    for key in ("toolkit_ms_per_slide", "floor_ms_per_slide", "ratio_per_slide", "target"):
        print(f"{key:<24}{figures[key]:>10}")
    print("meets target" if made / least <= TARGET else "over target")


if __name__ == "__main__":
    main()
