"""Make toolkit/deck/arial_metrics.json: character widths for measuring slide text.

Liberation Sans (SIL Open Font License) has the same widths as Arial, our house font, so text
measured with it wraps as it will in PowerPoint. Needs fontTools and Debian's fonts-liberation2:
`python scripts/make_metrics.py`.
"""

from __future__ import annotations

import json
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/liberation2")
OUT = Path(__file__).resolve().parents[1] / "toolkit" / "deck" / "arial_metrics.json"
# Latin, Latin-1, Latin Extended-A (Welsh, Polish), general punctuation and currency.
RANGES = [(0x20, 0x7F), (0xA0, 0x180), (0x2010, 0x2027), (0x20AC, 0x20AD), (0x0174, 0x0178)]


def widths(path: Path) -> dict[str, int]:
    font = TTFont(path)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    return {chr(c): hmtx[cmap[c]][0] for lo, hi in RANGES for c in range(lo, hi) if c in cmap}


def main() -> None:
    regular = widths(FONTS / "LiberationSans-Regular.ttf")
    data = {
        "about": "Advance widths of Liberation Sans (SIL OFL 1.1), metric-compatible with Arial.",
        "units_per_em": TTFont(FONTS / "LiberationSans-Regular.ttf")["head"].unitsPerEm,
        "regular": regular,
        "bold": widths(FONTS / "LiberationSans-Bold.ttf"),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
