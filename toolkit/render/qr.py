"""QR codes for the web addresses on slides, made offline with segno.

Claimants can scan a code instead of typing a long address; the short form shown beside it
stays readable for anyone who cannot scan.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache

import segno

_HEX = re.compile(r"[0-9A-Fa-f]{6}")
_TARGET_PX = 500  # wide enough to scan from the back of a room, small enough to keep the deck light
_QUIET_ZONE = 4  # modules of white around the code: the QR standard's minimum, so every reader finds it


@lru_cache(maxsize=256)
def qr_png(address: str, colour: str = "0B0C0C") -> bytes:
    """A PNG QR code for the full `address`, dark modules in RRGGBB `colour` on opaque white.

    Opaque white keeps it scannable on any slide background; error correction M survives a
    smudged projector or a photo at an angle. The PNG has no timestamp or other metadata,
    so the same address always gives the same bytes (and the same deck).
    """
    if not _HEX.fullmatch(colour):
        raise ValueError(f"colour must be six hex digits RRGGBB, not {colour!r}")
    code = segno.make_qr(address, error="m", boost_error=False)
    width, _ = code.symbol_size(scale=1, border=_QUIET_ZONE)
    out = io.BytesIO()
    code.save(
        out,
        kind="png",
        scale=max(1, round(_TARGET_PX / width)),
        border=_QUIET_ZONE,
        dark=f"#{colour}",
        light="#ffffff",
    )
    return out.getvalue()


def short_address(address: str) -> str:
    """The address as people would say it, e.g. gov.uk/universal-credit, to print beside its code."""
    short = re.sub(r"^https?://", "", address.strip(), flags=re.IGNORECASE)
    short = re.sub(r"^www\.", "", short, flags=re.IGNORECASE)
    return short.removesuffix("/")
