"""Build at national scale: does the cost of each file stay flat as jobcentres grow to Britain's 640?

Run: python benchmarks/build_scale.py [--sites 10,80,640] [--sample-sites 4]

For each number of sites, it builds every topic's deck for that many made-up jobcentres (copies of
the examples under new names, 12 to a district) and prints the CPU time per file, which must stay
flat, then a rebuild with nothing changed (its share of the full build), a rebuild after one site's
content changes, and the peak memory of the largest process. Beside that: the pptx writer alone on
the same decks, in one process. benchmarks/deck_speed.py compares that writer with python-pptx.

Then it projects a national build of every format: it times each format and style on a few sites,
counts the files a build of all formats, styles, audiences, deliveries and the four languages would
make for 640 sites, and gives the CPU time and the time on this machine, whole or in 8 CI parts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from machine import machine, versions

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.build import plan  # noqa: E402
from toolkit.content.loader import find_sites, load_site  # noqa: E402
from toolkit.deck.audience import AUDIENCES  # noqa: E402
from toolkit.deck.delivery import DELIVERIES  # noqa: E402
from toolkit.deck.session import make_deck  # noqa: E402
from toolkit.deck.template import SessionTemplates  # noqa: E402
from toolkit.handout.styles import STYLES  # noqa: E402
from toolkit.project import ContentRoot  # noqa: E402
from toolkit.render import RenderOptions, all_formats  # noqa: E402

PER_DISTRICT = 12
NATIONAL = 640
LANGUAGES = ["en", "cy", "pl", "ar"]
CI_PARTS = 8


def synthetic_root(folder: Path, sites: int) -> ContentRoot:
    """A content root of `sites` jobcentres, 12 to a district, copying the examples under new names."""
    shutil.copytree(ROOT / "templates", folder / "templates")
    content = folder / "local_content"
    content.mkdir()
    shutil.copy(ROOT / "local_content" / "national.yaml", content / "national.yaml")
    examples = sorted(p for p in (ROOT / "local_content").iterdir() if (p / "district.yaml").is_file())
    for n in range(sites):
        d, s = divmod(n, PER_DISTRICT)
        source = examples[d % len(examples)]
        target = content / f"district-{d + 1:02d}"
        if s == 0:
            target.mkdir()
            text = (source / "district.yaml").read_text(encoding="utf-8")
            (target / "district.yaml").write_text(re.sub(r"(?m)^(  name: )(.*)$", rf"\g<1>\2 {d + 1}", text, count=1))
        site_files = sorted(p for p in source.glob("*.yaml") if p.name != "district.yaml")
        text = site_files[s % len(site_files)].read_text(encoding="utf-8")
        text = re.sub(r"(?m)^(  name: )(.*)$", rf"\g<1>Site {d + 1}-{s + 1} \2", text, count=1)  # the jobcentre's name
        (target / f"site-{s + 1:02d}.yaml").write_text(text, encoding="utf-8")
    return ContentRoot.at(folder)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(root: ContentRoot, out: Path, *options: str) -> dict[str, float | str]:
    """Run `toolkit build` as a user would; its wall time, the CPU time of it and its workers, and what it said."""
    command = [sys.executable, "-m", "toolkit", "--root", str(root.path), "build", "--out", str(out), *options]
    cpu, start = children_cpu(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    wall, cpu = time.perf_counter() - start, children_cpu() - cpu
    if done.returncode != 0:
        sys.exit(f"build failed: {done.stderr[-2000:]}")
    return {"wall": wall, "cpu": cpu, "said": done.stdout.strip().splitlines()[0]}


def files_in(out: Path) -> int:
    return len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"])


def writer_floor(root: ContentRoot, topics: list[str], sites: int) -> float:
    """CPU seconds per deck for the pptx writer alone, on decks made first and not timed."""
    refs = find_sites(root.content)[:sites]
    decks = [make_deck(root, load_site(root.content, ref), topic) for ref in refs for topic in topics]
    options = RenderOptions(master=root.master, assets=root.templates)
    start = time.process_time()
    for deck in decks:
        all_formats()["pptx"].write(deck, options)
    return (time.process_time() - start) / len(decks)


def scale_run(work: Path, sites: int) -> dict[str, object]:
    """Decks of every topic for `sites` jobcentres: a full build, a rebuild of nothing, one site changed."""
    root = synthetic_root(work / f"root-{sites}", sites)
    out = work / f"output-{sites}"
    full = timed_build(root, out)
    files = files_in(out)
    noop = timed_build(root, out)
    changed = sorted((root.content / "district-01").glob("site-*.yaml"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("9am", "8:30am"), encoding="utf-8")
    one = timed_build(root, out)
    topics = SessionTemplates(root.sessions).topics()
    return {
        "sites": sites,
        "files": files,
        "cpu_seconds": round(full["cpu"], 1),
        "wall_seconds": round(full["wall"], 1),
        "cpu_ms_per_file": round(1000 * full["cpu"] / files, 1),
        "writer_alone_ms_per_deck": round(1000 * writer_floor(root, topics, 2), 1),
        "noop_cpu_seconds": round(noop["cpu"], 2),
        "noop_share_of_full": round(noop["cpu"] / full["cpu"], 4),
        "one_site_changed_cpu_seconds": round(one["cpu"], 2),
        "one_site_changed_said": one["said"],
        # The largest process of this run or an earlier, smaller one: it grows only if memory does.
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }


def projection(work: Path, sample_sites: int, cores: int) -> dict[str, object]:
    """Every format and style timed on a few sites, and the files a national build of everything would make."""
    root = synthetic_root(work / "root-sample", sample_sites)
    formats = list(all_formats())
    cpu_per_file: dict[str, float] = {}
    for fmt in formats:
        styles = list(STYLES) if all_formats()[fmt].styled else ["standard"]
        for style in styles:
            done = timed_build(root, work / f"sample-{fmt}-{style}", "--format", fmt, "--style", style, "--jobs", "1")
            cpu_per_file[f"{fmt} {style}"] = done["cpu"] / files_in(work / f"sample-{fmt}-{style}")
    national = synthetic_root(work / "root-national", NATIONAL)
    every = plan(national, None, None, [], formats, list(STYLES), list(AUDIENCES), LANGUAGES, False, list(DELIVERIES))
    counts = Counter(f"{job.fmt} {job.style}" for job in every.jobs)
    cpu = sum(counts[kind] * cpu_per_file[kind] for kind in counts)
    return {
        "sample_sites": sample_sites,
        "cpu_ms_per_file": {kind: round(1000 * seconds, 1) for kind, seconds in cpu_per_file.items()},
        "national_files": sum(counts.values()),
        "national_files_by_kind": dict(sorted(counts.items())),
        "national_cpu_hours": round(cpu / 3600, 1),
        "hours_on_this_machine": round(cpu / cores / 3600, 1),
        f"hours_in_{CI_PARTS}_ci_parts_like_this_machine": round(cpu / cores / CI_PARTS / 3600, 2),
        "note": "an upper bound: each format was timed alone, so its decks were made once per format",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", default="10,80,640", help="numbers of sites to build, separated by commas")
    parser.add_argument("--sample-sites", type=int, default=4, help="sites to time each format on; 0 to skip")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        runs = [scale_run(work, int(n)) for n in args.sites.split(",")]
        projected = projection(work, args.sample_sites, cores) if args.sample_sites else None
    figures = {"decks": runs, "all_formats": projected, "machine": machine()}
    figures["versions"] = versions("group-session-toolkit", "python-pptx", "weasyprint", "jinja2")
    print(json.dumps(figures, indent=2))
    print()
    print(
        f"{'sites':>6}{'files':>7}{'CPU ms/file':>13}{'writer ms':>10}{'no change':>11}{'one site':>10}{'peak MB':>9}"
    )
    for run in runs:
        print(
            f"{run['sites']:>6}{run['files']:>7}{run['cpu_ms_per_file']:>13}{run['writer_alone_ms_per_deck']:>10}"
            f"{run['noop_share_of_full']:>11.1%}{run['one_site_changed_cpu_seconds']:>9}s{run['peak_memory_mb']:>9}"
        )
    if projected:
        print(
            f"\nEvery format, style, audience, delivery and 4 languages for {NATIONAL} sites: "
            f"{projected['national_files']:,} files, {projected['national_cpu_hours']} CPU hours; "
            f"{projected['hours_on_this_machine']} h on this machine, "
            f"{projected[f'hours_in_{CI_PARTS}_ci_parts_like_this_machine']} h in {CI_PARTS} CI parts like it."
        )


if __name__ == "__main__":
    main()
