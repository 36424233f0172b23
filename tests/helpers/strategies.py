"""Hypothesis settings and odd text, for the property tests of site YAML, session Markdown and spreadsheet rows
(tests/content/test_loader_properties.py, tests/deck/test_markdown_properties.py,
tests/content/test_importer_properties.py).

Whatever comes in, the only outcomes are success or a ToolkitError that names the file (and, for YAML and
templates, the line): never a traceback, never a hang. Each property runs EXAMPLES examples (TEMPLATE_EXAMPLES
and XLSX_EXAMPLES for the slower ones), derandomized (a fixed seed) so a failure in CI can be run again.
"""

from __future__ import annotations

from hypothesis import HealthCheck
from hypothesis import strategies as st

EXAMPLES = 300  # per property
TEMPLATE_EXAMPLES = 200  # each renders a template and parses the result
XLSX_EXAMPLES = 100  # each writes and reads a workbook

SETTINGS = {
    "deadline": None,
    "derandomize": True,  # the same examples on every run: CI is repeatable
    "database": None,  # nothing written to .hypothesis/
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
}

# Text a person might paste: letters from many scripts, emoji, combining marks, right-to-left text and
# marks, zero-width and control characters, the private-use marks the toolkit uses itself, odd spaces.
ODD = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u202e",
    "\u2066",
    "\u200f",
    "\x00",
    "\x07",
    "\x1b",
    "\x85",
    "\ue000",
    "\ue001",
    "\u00a0",
    "\u3000",
    "\t",
    "\r",
    "\n",
    "👩‍💻",
    "é",
    "ŵ",
    "ł",
    "مرحبا",
    "שלום",
    "日本",
    "{{",
    "}}",
    "{%",
    "%}",
    "#",
    "*",
    "&a",
    "*a",
    "!!",
    ":",
    "- ",
    "---",
    ":::",
    "|",
    "[",
    "]",
    "<",
    ">",
    '"',
    "'",
]
# Text that is allowed, however unusual: many scripts, emoji, accents, punctuation. Most examples use it, so
# that good content gets far enough to meet the later checks.
nice_text = st.text(
    st.characters(categories=("L", "N", "P", "Zs", "So", "Mn"), exclude_characters="\u180e"), min_size=1, max_size=20
).filter(str.strip)
odd_mix = st.lists(
    st.one_of(
        st.sampled_from(ODD), st.text(st.characters(exclude_categories=("Cs",)), max_size=8), st.just("Testford")
    ),
    max_size=6,
).map("".join)
odd_text = st.one_of(nice_text, nice_text, nice_text, odd_mix)
