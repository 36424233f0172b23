"""Make toolkit/render/icons/*.png, the icon masks that toolkit/render/icons.py tints for slides.

Run it only to add or change an icon (how is below). It fetches the Lucide icon set (ISC licence; clear
outlines, 2 units thick on a 24-unit grid, and good coverage) with `npm pack` from the npm registry, draws
each icon we use as a 256 by 256 PNG whose alpha channel is the icon and whose colour is black,
and copies Lucide's licence beside them. The output is the same, byte for byte, every time it runs with
the same versions, and the PNGs carry no metadata.

It needs npm, and cairosvg to draw the SVGs: `.venv/bin/pip install cairosvg` (it uses Debian's libcairo2),
then `.venv/bin/python scripts/make_icons.py`. They are for this script only: the toolkit just reads the
PNGs, so neither is a dependency in pyproject.toml.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import cairosvg
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from toolkit.content.icons import ICONS
from toolkit.render.icons import ICON_DIR

PACKAGE = "lucide-static"
VERSION = "1.62.0"  # pinned, so running the script again gives the same icons
SIZE = 256
STROKE_WIDTH = 2  # on Lucide's 24-unit grid: about 21 px at 256 px, easy to see from the back of a room

# Our icon name -> Lucide's name (see https://lucide.dev/icons/). Where Lucide has no exact match we use
# the clearest neighbour: footprints for walking, a shop front for retail.
SOURCES: dict[str, str] = {
    "bus": "bus",
    "train": "train-front",
    "tram": "tram-front",
    "subway": "train-front-tunnel",
    "ferry": "ship",
    "walk": "footprints",
    "route": "route",
    "map-pin": "map-pin",
    "ticket": "ticket",
    "card": "credit-card",
    "plane": "plane",
    "clock": "clock",
    "person": "user",
    "pair": "users",
    "group": "user-round-group",
    "calendar": "calendar",
    "coffee": "coffee",
    "lightbulb": "lightbulb",
    "question": "circle-question-mark",
    "check": "circle-check",
    "star": "star",
    "target": "target",
    "chat": "messages-square",
    "handshake": "handshake",
    "document": "file-user",
    "briefcase": "briefcase-business",
    "phone": "phone",
    "web": "globe",
    "pound": "circle-pound-sterling",
    "food": "utensils",
    "heart": "heart",
    "home": "house",
    "language": "languages",
    "laptop": "laptop",
    "hands": "hand-heart",
    "accessible": "accessibility",
    "support": "life-buoy",
    "health": "stethoscope",
    "retail": "store",
    "warehouse": "warehouse",
    "hospitality": "concierge-bell",
    "public-sector": "landmark",
    "education": "graduation-cap",
    "construction": "hard-hat",
    "factory": "factory",
    "engineering": "wrench",
    "energy": "zap",
    "leisure": "drama",
    "office": "building-complex",
}


def fetch(workdir: Path) -> Path:
    """Download and unpack the npm package; npm checks it against the registry's integrity hash."""
    out = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--json", "--silent"],
        cwd=workdir,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    tarball = workdir / json.loads(out)[0]["filename"]
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def draw(svg: str) -> bytes:
    """Draw one SVG as a black PNG mask with the icon in the alpha channel, and nothing else in the file."""
    svg = svg.replace("currentColor", "#000000")
    svg = re.sub(r'stroke-width="[\d.]+"', f'stroke-width="{STROKE_WIDTH}"', svg)
    png = cairosvg.svg2png(bytestring=svg.encode(), output_width=SIZE, output_height=SIZE)
    with Image.open(io.BytesIO(png)) as drawn:
        alpha = drawn.convert("RGBA").getchannel("A")
    mask = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    mask.putalpha(alpha)
    out = io.BytesIO()
    mask.save(out, format="PNG", optimize=True)  # Pillow writes no dates or text chunks unless asked
    return out.getvalue()


def main() -> None:
    if set(SOURCES) != set(ICONS):
        raise SystemExit(
            "SOURCES here and ICONS in toolkit/content/icons.py must name the same icons; "
            f"only in SOURCES: {sorted(set(SOURCES) - set(ICONS))}, only in ICONS: {sorted(set(ICONS) - set(SOURCES))}"
        )
    ICON_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        package = fetch(Path(tmp))
        canonical = set(json.loads((package / "tags.json").read_text(encoding="utf-8")))
        total = 0
        for name, source in sorted(SOURCES.items()):
            if source not in canonical:
                print(f"warning: {source!r} is an old alias in {PACKAGE} {VERSION}; use its new name", file=sys.stderr)
            png = draw((package / "icons" / f"{source}.svg").read_text(encoding="utf-8"))
            (ICON_DIR / f"{name}.png").write_bytes(png)
            total += len(png)
        licence = (package / "LICENSE").read_text(encoding="utf-8")
    for stale in ICON_DIR.glob("*.png"):
        if stale.stem not in SOURCES:
            stale.unlink()
            print(f"removed {stale.name}, which is no longer in SOURCES")
    header = (
        f"The icons in this folder are from {PACKAGE} {VERSION} (Lucide, https://lucide.dev),\n"
        f"https://www.npmjs.com/package/{PACKAGE}/v/{VERSION}, source https://github.com/lucide-icons/lucide.\n"
        "scripts/make_icons.py drew them as PNG masks. Lucide's licence follows.\n\n"
    )
    (ICON_DIR / "LICENSE").write_text(header + licence, encoding="utf-8")
    print(f"wrote {len(SOURCES)} icons ({total // 1024} KB) and LICENSE to {ICON_DIR}")


if __name__ == "__main__":
    main()
