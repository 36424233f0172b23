"""Build at national scale: 96 jobcentres in 8 districts (the size of the research pilot).

Run: python benchmarks/build_scale.py [--districts 8] [--sites-per-district 12]
It prints, as JSON and a table: the full build time (pptx, html and pdf), a rebuild with no
changes, a rebuild after one site's content changes, peak memory, and the floor: the same writers'
time alone in one process, with no planning, templating or checking, divided by the cores.
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
from pathlib import Path

from machine import machine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.content.loader import find_sites, load_site  # noqa: E402
from toolkit.deck.session import make_deck  # noqa: E402
from toolkit.deck.template import SessionTemplates  # noqa: E402
from toolkit.handout.contacts import contacts_for  # noqa: E402
from toolkit.project import ContentRoot  # noqa: E402
from toolkit.render import RenderOptions, all_formats  # noqa: E402

FORMATS = ("pptx", "html", "pdf")


def synthetic_root(folder: Path, districts: int, per_district: int) -> ContentRoot:
    """A content root whose districts and sites copy the examples under new names, so each is distinct."""
    shutil.copytree(ROOT / "templates", folder / "templates")
    content = folder / "local_content"
    content.mkdir()
    shutil.copy(ROOT / "local_content" / "national.yaml", content / "national.yaml")
    examples = sorted(p for p in (ROOT / "local_content").iterdir() if (p / "district.yaml").is_file())
    for d in range(districts):
        source = examples[d % len(examples)]
        target = content / f"district-{d + 1:02d}"
        target.mkdir()
        text = (source / "district.yaml").read_text(encoding="utf-8")
        (target / "district.yaml").write_text(re.sub(r"(?m)^(  name: )(.*)$", rf"\g<1>\2 {d + 1}", text, count=1))
        site_files = sorted(p for p in source.glob("*.yaml") if p.name != "district.yaml")
        for s in range(per_district):
            text = site_files[s % len(site_files)].read_text(encoding="utf-8")
            name = f"Site {d + 1}-{s + 1}"
            text = re.sub(r"(?m)^(  name: )(.*)$", rf"\g<1>{name} \2", text, count=1)  # the jobcentre's name
            (target / f"site-{s + 1:02d}.yaml").write_text(text, encoding="utf-8")
    return ContentRoot.at(folder)


def timed_build(root: ContentRoot, out: Path, *extra: str) -> tuple[float, str]:
    command = [sys.executable, "-m", "toolkit", "--root", str(root.path), "build", "--out", str(out)]
    start = time.perf_counter()
    done = subprocess.run([*command, "--format", ",".join(FORMATS), *extra], capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build failed: {done.stderr[-2000:]}")
    return elapsed, done.stdout


def floor_seconds(root: ContentRoot) -> tuple[float, int]:
    """The writers alone, in this process: decks are made first and not timed."""
    writers = all_formats()
    options = RenderOptions(master=root.master, assets=root.templates)
    decks = []
    for ref in find_sites(root.content):
        site = load_site(root.content, ref)
        for topic in SessionTemplates(root.sessions).topics():
            decks.append((make_deck(root, site, topic), contacts_for(site)))
    start = time.perf_counter()
    for deck, contacts in decks:
        for fmt in FORMATS:
            writers[fmt].write(deck, RenderOptions(options.master, options.assets, contacts=contacts))
    return time.perf_counter() - start, len(decks) * len(FORMATS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=8)
    parser.add_argument("--sites-per-district", type=int, default=12)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as work:
        root = synthetic_root(Path(work) / "root", args.districts, args.sites_per_district)
        out = Path(work) / "output"
        full, _ = timed_build(root, out)
        noop, noop_said = timed_build(root, out)
        changed_site = sorted((root.content / "district-01").glob("site-*.yaml"))[0]
        changed_site.write_text(changed_site.read_text().replace("9am", "8:30am"), encoding="utf-8")
        one, one_said = timed_build(root, out)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        floor, files = floor_seconds(root)
    figures = {
        "sites": args.districts * args.sites_per_district,
        "files": files,
        "formats": list(FORMATS),
        "full_build_seconds": round(full, 1),
        "floor_seconds_one_process": round(floor, 1),
        "floor_divided_by_cores": round(floor / cores, 1),
        "full_build_over_floor_per_core": round(full / (floor / cores), 2),
        "noop_rebuild_seconds": round(noop, 2),
        "noop_share_of_full_build": round(noop / full, 3),
        "noop_build_said": noop_said.strip(),
        "one_site_change_seconds": round(one, 1),
        "one_site_change_said": one_said.strip(),
        "peak_memory_mb_largest_process": round(peak_mb),
        "targets": {"full_over_floor_per_core": 1.5, "noop_share": 0.05},
        "machine": machine(),
    }
    print(json.dumps(figures, indent=2))
    print()
    for key in (
        "full_build_seconds",
        "floor_divided_by_cores",
        "full_build_over_floor_per_core",
        "noop_rebuild_seconds",
        "noop_share_of_full_build",
        "one_site_change_seconds",
        "peak_memory_mb_largest_process",
    ):
        print(f"{key:<36}{figures[key]:>10}")


if __name__ == "__main__":
    main()
