"""Which other templates a template names, found without parsing it.

A build asks this of every topic to fingerprint it. Parsing each template with jinja2 just to find
its includes cost more than half of a build with nothing to do, so a pattern finds them instead.
"""

from __future__ import annotations

import re

# A tag that brings in another template: {% include %}, {% extends %}, {% import %} or {% from ... import %}.
_TAG = re.compile(r"\{%[-+]?\s*(?:include|extends|import|from)\b(.*?)[-+]?%\}", re.DOTALL)
_NAME = re.compile(r"""'([^'\\]*)'|"([^"\\]*)\"""")


def referenced_names(source: str) -> list[str]:
    """Every quoted name in the template's include, extends, import and from tags, in order.

    It may find more than jinja2 would (a tag inside a comment or a raw block; both names in
    `include "a" if x else "b"`): that only makes a build more careful. A name built from a
    variable is missed, as it is by jinja2's own `meta.find_referenced_templates`.
    """
    return [single or double for tag in _TAG.findall(source) for single, double in _NAME.findall(tag)]
