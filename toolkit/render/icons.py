"""Icons for slides and handouts: a bus beside a bus company, a sector icon beside an employer, and so on.

The icons come from Lucide (ISC licence; see icons/LICENSE), drawn once by scripts/make_icons.py as
256 by 256 PNG masks: black, with the icon's shape in the alpha channel. We tint a mask to any colour
here, so the decks can use the house colours without shipping one file per colour.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image

from ..colour import parse_colour
from ..content.icons import ICONS, unknown_icon
from ..errors import ToolkitError

# Easy Read pictures in handouts: GOV.UK blue, 5.2 to 1 on white and 4.9 to 1 on cream, above the 3 to 1 that
# pictures need (WCAG 1.4.11).
PICTURE_COLOUR = "1D70B8"
ICON_DIR = Path(__file__).with_name("icons")  # scripts/make_icons.py draws exactly the icons in ICONS


def icon_path(name: str) -> Path:
    """Where the mask for `name` is, for code that wants the file itself."""
    if name not in ICONS:
        raise unknown_icon("icon", name, list(ICONS))
    return ICON_DIR / f"{name}.png"


@cache
def icon_png(name: str, colour: str) -> bytes:
    """The icon in colour RRGGBB on a transparent background, as PNG bytes.

    The same name and colour always give the same bytes, so decks built twice are identical.
    """
    path = icon_path(name)
    try:
        rgb = bytes.fromhex(parse_colour(colour))
    except ValueError:
        raise ToolkitError(f"an icon colour must be six hex digits, like 1D70B8, not {colour!r}") from None
    with Image.open(path) as mask:
        alpha = mask.getchannel("A")
    tinted = Image.new("RGBA", alpha.size, (*rgb, 0))
    tinted.putalpha(alpha)
    out = io.BytesIO()
    tinted.save(out, format="PNG", optimize=True)
    return out.getvalue()
