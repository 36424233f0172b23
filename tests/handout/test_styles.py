"""Handout styles: standard, large print, dyslexia-friendly and Easy Read, as the guidance asks."""

from __future__ import annotations

import pytest

from toolkit.errors import ToolkitError
from toolkit.handout.styles import STYLES, style_named


def test_styles_follow_the_guidance() -> None:
    assert set(STYLES) == {"standard", "large-print", "dyslexia", "easy-read"}
    assert STYLES["large-print"].body_pt >= 18
    easy_read = STYLES["easy-read"]  # Mencap: at least 16 point, in a clear font, with space between lines
    assert easy_read.body_pt >= 16 and easy_read.line_spacing >= 1.5 and easy_read.rewrites
    assert not any(s.rewrites for s in STYLES.values() if s is not easy_read)
    dyslexia = STYLES["dyslexia"]
    assert dyslexia.body_pt >= 12 and dyslexia.line_spacing == 1.5 and dyslexia.background
    assert not dyslexia.underline_links and dyslexia.word_font in ("Arial", "Verdana")
    for style in STYLES.values():
        assert style.heading_pt(3) >= 1.2 * style.body_pt
        assert style.heading_pt(2) >= 1.2 * style.heading_pt(3) * 0.99
    with pytest.raises(ToolkitError, match="no style called 'huge'"):
        style_named("huge")
