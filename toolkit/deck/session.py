"""Turn one topic template and one site's content into a Deck."""

from __future__ import annotations

from ..content.models import SiteContent
from ..errors import ToolkitError
from ..project import ContentRoot
from .audience import GENERAL, check_audience, declared_audiences
from .markdown import parse_session
from .model import Deck, DeckMeta
from .template import SessionTemplates


def make_deck(root: ContentRoot, site: SiteContent, topic: str, audience: str = GENERAL) -> Deck:
    """Render the topic's template for the site and audience, and parse the result."""
    templates = SessionTemplates(root.sessions)
    source = str(templates.path(topic).relative_to(root.path))
    if check_audience(audience) not in declared_audiences(templates.path(topic)):
        raise ToolkitError(f"is not written for '{audience}': add it to 'audiences' in the front matter", source, 1)
    markdown = templates.render(topic, site=site, topic=topic, audience=audience)
    for_whom = site.id if audience == GENERAL else f"{site.id}, {audience}"
    parsed = parse_session(markdown, f"{source} (rendered for {for_whom})")
    front = parsed.front_matter
    title = str(front.get("title", "")).strip()
    if not title:
        raise ToolkitError("front matter has no 'title': add one", source, 1)
    meta = DeckMeta(
        topic=topic,
        title=title,
        language=site.language,
        audience=audience,
        duration=front.get("duration"),
        source=source,
        site=site.id,
        district=site.district_id,
        subject=str(front.get("subject", "")),
        date=site.latest_check.isoformat(),
    )
    return Deck(meta, parsed.slides)
