"""A district's theme as the slide master's colour scheme, so PowerPoint's own colour picker offers it.

The bundled master draws every band and background in scheme colours (dk2 the brand colour, lt2 the
light panel, accent1 icons and lines, accent2 footer text), so writing the theme into the scheme
recolours every layout at once. A team's own master keeps its own colours.
"""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation

from ..colour import contrast
from ..content.theme import Theme

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
FOOTER_GREY = "505A5F"  # GOV.UK's secondary text colour


def scheme_colours(theme: Theme) -> dict[str, str]:
    """The master's colour slots for a theme."""
    readable = min(contrast(FOOTER_GREY, theme.background), contrast(FOOTER_GREY, theme.panel)) >= 4.5
    return {
        "dk1": theme.text,
        "lt1": theme.background,
        "dk2": theme.primary,
        "lt2": theme.panel,
        "accent1": theme.accent,
        "accent2": FOOTER_GREY if readable else theme.text,
        "accent3": "00703C",
        "accent4": "4C2C92",
        "accent5": "D4351C",
        "accent6": "F47738",
        "hlink": theme.primary,
        "folHlink": "4C2C92",
    }


def footer_colour(theme: Theme) -> str:
    return scheme_colours(theme)["accent2"]


def apply_theme(prs: Presentation, theme: Theme) -> None:
    """Write the theme's colours into the colour scheme of the presentation's first master."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    for name, rgb in scheme_colours(theme).items():
        slot = root.find(f".//{{{A}}}clrScheme/{{{A}}}{name}")
        if slot is None:
            continue
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=rgb)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
