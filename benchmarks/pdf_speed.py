"""PDF handouts beside the floor: WeasyPrint alone, making PDFs as long, in the same fonts, from the same words.

Run: .venv/bin/python benchmarks/pdf_speed.py [--repeats 5]
Decks for a few example sites and topics are made first and not timed. Each round then times, in this one
process, (a) the toolkit's PDF writer making every deck's handout, each deck in the next style in turn, and
(b) the floor: for each of those handouts, WeasyPrint making a plain page of the same deck's words with the
same page count, the same bundled font files (loaded with @font-face from the files on disk) and the same kind
of PDF (tagged PDF/UA-1). Figures are the median CPU time (time.process_time) of the rounds, after one warm-up
round, divided by the pages made. The target is at most 1.5 times the floor per page (issue 19).
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import cycle
from pathlib import Path

from machine import machine, versions

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import weasyprint  # noqa: E402

from toolkit.content.loader import find_sites, load_site  # noqa: E402
from toolkit.deck.model import Deck  # noqa: E402
from toolkit.deck.session import make_deck  # noqa: E402
from toolkit.handout.contacts import contacts_for  # noqa: E402
from toolkit.handout.styles import STYLES, handout_assets  # noqa: E402
from toolkit.project import ContentRoot  # noqa: E402
from toolkit.render import RenderOptions, all_formats  # noqa: E402

SITES = ("glasgow-govan", "cardiff-north", "leeds-eastgate")
TOPICS = ("cv", "transport")
TARGET = 1.5
PDF_VARIANT = "pdf/ua-1"  # what the toolkit makes: a tagged PDF
FLOOR_CSS = """
@page { size: A4; margin: 20mm 18mm 22mm; }
body { font-family: "Atkinson Hyperlegible", "Atkinson Hyperlegible Latin Extended", "Atkinson Hyperlegible Next",
       Arial, sans-serif; font-size: 1.125rem; line-height: 1.5; margin: 0; }
h1 { font-size: 2rem; }
"""


def example_jobs(root: ContentRoot) -> list[tuple[Deck, RenderOptions]]:
    """A deck and its options for each site and topic, each in the next handout style in turn."""
    refs = {ref.site: ref for ref in find_sites(root.content)}
    styles = cycle(STYLES)
    jobs = []
    for name in SITES:
        site = load_site(root.content, refs[name])
        for topic in TOPICS:
            options = RenderOptions(root.master, root.templates, next(styles), contacts_for(site))
            jobs.append((make_deck(root, site, topic), options))
    return jobs


def page_count(pdf: bytes) -> int:
    """Pages in a PDF, as pdfinfo (poppler) counts them."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def floor_page(title: str, paragraphs: list[str], count: int) -> str:
    """A plain page: the bundled fonts from their files, a heading, then `count` paragraphs of the deck's words."""
    fonts = (handout_assets() / "fonts" / "fonts.css").read_text(encoding="utf-8")
    body = "\n".join(f"<p>{html.escape(paragraphs[n % len(paragraphs)])}</p>" for n in range(count))
    return (
        f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{fonts}{FLOOR_CSS}</style></head><body><h1>{html.escape(title)}</h1>\n{body}</body></html>"
    )


def floor_html(page: str) -> weasyprint.HTML:
    """WeasyPrint alone, used plainly: relative font addresses resolve to the files in the fonts folder."""
    return weasyprint.HTML(string=page, base_url=(handout_assets() / "fonts").as_uri() + "/")


def write_floor(page: str) -> bytes:
    return floor_html(page).write_pdf(pdf_variant=PDF_VARIANT)


def matching_floor(deck: Deck, options: RenderOptions, pages: int) -> str:
    """A floor page of this deck's words as many pages long as its handout: the fewest paragraphs that fill them."""
    text = all_formats()["txt"].write(deck, options).decode("utf-8")
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]

    def laid_out(count: int) -> int:  # pages, without making the PDF
        return len(floor_html(floor_page(deck.meta.title, paragraphs, count)).render().pages)

    low, high = 1, len(paragraphs)
    while laid_out(high) < pages:
        low, high = high, high * 2
    while low < high:  # the fewest paragraphs that make at least `pages` pages
        middle = (low + high) // 2
        if laid_out(middle) < pages:
            low = middle + 1
        else:
            high = middle
    return floor_page(deck.meta.title, paragraphs, low)


def cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed rounds, after one warm-up round")
    args = parser.parse_args()
    write_pdf = all_formats()["pdf"].write
    jobs = example_jobs(ContentRoot.at(ROOT))
    handouts = [write_pdf(deck, options) for deck, options in jobs]  # also the warm-up round
    pages = [page_count(pdf) for pdf in handouts]
    floors = [matching_floor(deck, options, n) for (deck, options), n in zip(jobs, pages, strict=True)]
    floor_pages = [page_count(write_floor(page)) for page in floors]  # also the floor's warm-up round
    toolkit_times, floor_times = [], []
    for _ in range(args.repeats):  # in turn, so a busy moment on the machine touches both alike
        toolkit_times.append(cpu_seconds(lambda: [write_pdf(deck, options) for deck, options in jobs]))
        floor_times.append(cpu_seconds(lambda: [write_floor(page) for page in floors]))
    toolkit_per_page = statistics.median(toolkit_times) / sum(pages)
    floor_per_page = statistics.median(floor_times) / sum(floor_pages)
    figures = {
        "pdfs": len(jobs),
        "styles": [options.style for _, options in jobs],
        "pages_toolkit": sum(pages),
        "pages_floor": sum(floor_pages),
        "repeats": args.repeats,
        "toolkit_seconds_per_pdf": round(statistics.median(toolkit_times) / len(jobs), 3),
        "floor_seconds_per_pdf": round(statistics.median(floor_times) / len(jobs), 3),
        "toolkit_ms_per_page": round(toolkit_per_page * 1000, 1),
        "floor_ms_per_page": round(floor_per_page * 1000, 1),
        "toolkit_over_floor_per_page": round(toolkit_per_page / floor_per_page, 2),
        "target": TARGET,
        "versions": versions("weasyprint", "pydyf", "fonttools"),
        "machine": machine(),
    }
    print(json.dumps(figures, indent=2))
    print()
    for key in (
        "pages_toolkit",
        "pages_floor",
        "toolkit_seconds_per_pdf",
        "floor_seconds_per_pdf",
        "toolkit_ms_per_page",
        "floor_ms_per_page",
        "toolkit_over_floor_per_page",
        "target",
    ):
        print(f"{key:<32}{figures[key]:>10}")
    verdict = "meets" if figures["toolkit_over_floor_per_page"] <= TARGET else "over"
    print(f"{'verdict':<32}{verdict + ' target':>10}")


if __name__ == "__main__":
    main()
