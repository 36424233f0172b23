"""What each session topic needs from a site's content, read from the topic's templates.

Someone filling in a new jobcentre's file wants to know what is still missing for each session. The
templates already say what they use (`site.employers`, `site.services_of("debt")`), so the answer comes
from them, and stays right when a template changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import SiteContent

_SITE_FIELD = re.compile(r"\bsite\.([a-z_]+)(?:\.([a-z_]+))?")
_SERVICE_KINDS = re.compile(r"\bsite\.services_of\(([^)]*)\)")
_QUOTED = re.compile(r"[\"']([a-z_]+)[\"']")
SPLIT = "transport"  # a section whose lists are named one by one: transport.routes, transport.fares


@dataclass(frozen=True)
class TopicNeeds:
    """The sections of content one topic uses, and the kinds of service it looks for."""

    topic: str
    sections: frozenset[str]
    service_kinds: frozenset[str]

    def uses(self, section: str) -> bool:
        """Whether the topic uses `section`; using "transport" means using all of its lists."""
        return section in self.sections or section.split(".")[0] in self.sections

    def gaps(self, site: SiteContent) -> list[str]:
        """What the topic uses that the site has none of: an empty list, or no service of a kind it names."""
        empty = [f"no {section}" for section in sorted(self.sections) if _is_empty(site, section)]
        kinds = sorted(kind for kind in self.service_kinds if not site.services_of(kind))
        return empty + [f"no service of kind {kind}" for kind in kinds]


def topic_needs(topic: str, texts: list[str]) -> TopicNeeds:
    """What a topic uses, from the text of its template and the parts it includes."""
    sections = set()
    for text in texts:
        for first, second in _SITE_FIELD.findall(text):
            if first == "services_of":
                sections.add("services")
            elif first in SiteContent.model_fields:
                sections.add(f"{first}.{second}" if first == SPLIT and second else first)
    kinds = {kind for text in texts for args in _SERVICE_KINDS.findall(text) for kind in _QUOTED.findall(args)}
    return TopicNeeds(topic, frozenset(sections), frozenset(kinds))


def section_of(location: tuple) -> str:
    """The section a problem's location is in: ("transport", "routes", 2, "name") is "transport.routes"."""
    if not location:
        return ""
    first = str(location[0])
    if first == SPLIT and len(location) > 1 and isinstance(location[1], str):
        return f"{first}.{location[1]}"
    return first


def _is_empty(site: SiteContent, section: str) -> bool:
    value: object = site
    for part in section.split("."):
        value = getattr(value, part)
    return value is None or value == []
