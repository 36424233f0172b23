"""Colours as RRGGBB text, and WCAG 2.2 contrast between two of them.

Low in the layers on purpose: the checks measure contrast in decks people give us, and the content
layer refuses a theme whose colours some people could not read. Both use these same numbers.
"""

from __future__ import annotations

import math
import re

_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")


def parse_colour(value: str) -> str:
    """'1D70B8' or '#1d70b8' as 'RRGGBB' in capitals; anything else is a ValueError saying what to write."""
    found = _HEX.match(value.strip()) if isinstance(value, str) else None
    if not found:
        raise ValueError(f'must be a colour written as 6 hex digits, like "1D70B8" or "#1D70B8", not {value!r}')
    return found.group(1).upper()


def luminance(rgb: str) -> float:
    """WCAG relative luminance of an RRGGBB colour: 0 for black, 1 for white."""
    channels = [int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, two: str) -> float:
    """WCAG 2.2 contrast ratio of two RRGGBB colours, from 1 (the same) to 21 (black on white)."""
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ratio_text(ratio: float) -> str:
    """A ratio as people write it, rounded down so a near miss never reads as a pass: 4.49 is '4.4:1'."""
    return f"{math.floor(ratio * 10) / 10:.1f}:1"
