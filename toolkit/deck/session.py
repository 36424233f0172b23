"""Turn one topic template and one site's content into a Deck, in one language."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.models import SiteContent
from ..errors import ToolkitError
from ..i18n import N_, Words
from ..i18n.clock import rendering_in
from ..i18n.content import in_language
from ..i18n.languages import code_of, semicolon_list
from ..project import ContentRoot
from .audience import GENERAL, check_audience, declared_audiences
from .delivery import ONLINE, ROOM, check_delivery, declared_deliveries
from .markdown import parse_session
from .model import Deck, DeckMeta, deck_text
from .template import SessionTemplates
from .unconfirmed import DECK_NOTICE, marked, unconfirmed_shown

if TYPE_CHECKING:
    from ..i18n.catalogues import Translator

DRAFT_NOTE = N_(
    "This translation is a draft: a qualified translator has not checked it yet. Check it before you use it."
)
EXAMPLE_NOTE = N_("This deck is made from example content. Check every local fact before you use it.")


def make_deck(
    root: ContentRoot,
    site: SiteContent,
    topic: str,
    audience: str = GENERAL,
    translator: Translator | None = None,
    delivery: str = ROOM,
) -> Deck:
    """Render the topic's template for the site, audience and delivery, and parse the result.

    With a translator, the deck is in its language, local content too; a draft translation, or one with
    local content left in English, gets a note on the first slide.
    """
    words = Words(translator)
    shown_site = in_language(site, translator)
    site = marked(shown_site, words)
    templates = _templates(root.sessions)
    source = str(templates.path(topic).relative_to(root.path))
    if check_audience(audience) not in declared_audiences(templates.path(topic)):
        raise ToolkitError(f"is not written for '{audience}': add it to 'audiences' in the front matter", source, 1)
    if check_delivery(delivery) not in declared_deliveries(templates.path(topic)):
        raise ToolkitError(f"cannot be run '{delivery}': add it to 'deliveries' in the front matter", source, 1)
    tag = translator.language.tag if translator else site.language
    markdown = templates.render(topic, translator, **session_context(site, topic, audience, delivery, code_of(tag)))
    parsed = parse_session(markdown, f"{source} (rendered for {for_whom(site.id, audience, delivery)})", delivery)
    front = parsed.front_matter
    title = str(front.get("title", "")).strip()
    if not title:
        raise ToolkitError("front matter has no 'title': add one", source, 1)
    meta = DeckMeta(
        topic=topic,
        title=title,
        language=tag,
        audience=audience,
        delivery=delivery,
        duration=front.get("duration"),
        source=source,
        site=site.id,
        district=site.district_id,
        subject=str(front.get("subject", "")),
        jobcentre=site.jobcentre.name,
        when=_when(site, topic),
        example=site.example,
    )
    shown = deck_text(Deck(meta, parsed.slides))
    if translator:
        translator.shown(shown)  # count the local content the deck shows
    with rendering_in(code_of(tag)):
        unconfirmed = tuple(unconfirmed_shown(shown_site, shown, words))
    notices = list(words.notices(DRAFT_NOTE)) if translator and not words.language.is_source else []
    notices += [words(EXAMPLE_NOTE)] if site.example else []
    notices += [words(DECK_NOTICE, facts=semicolon_list(unconfirmed, tag))] if unconfirmed else []
    date = shown_site.oldest_check_in(shown).isoformat()
    return Deck(replace(meta, notices=tuple(notices), unconfirmed=unconfirmed, date=date), parsed.slides)


def session_context(site: SiteContent, topic: str, audience: str, delivery: str, language: str) -> dict[str, Any]:
    """What a session template can use: the site's content, and whom, how and in which language it is for."""
    return {
        "site": site,
        "topic": topic,
        "audience": audience,
        "delivery": delivery,
        "online": delivery == ONLINE,
        "language": language,
    }


def for_whom(site: str, audience: str, delivery: str) -> str:
    """The site, with the audience and delivery where they are not the usual: "leeds-eastgate, in-work, online"."""
    return ", ".join([site] + [audience] * (audience != GENERAL) + [delivery] * (delivery != ROOM))


@cache
def _templates(folder: Path) -> SessionTemplates:
    """One set of templates per folder for the whole run, so jinja2 compiles each template once; it still
    reloads a template whose file has changed."""
    return SessionTemplates(folder)


def _when(site: SiteContent, topic: str) -> str:
    """The day and time of the session, like "Tuesday, 10am to 11:30am", when the timetable has it once."""
    found = [a for a in site.timetable.sessions if a.topic == topic] if site.timetable else []
    return f"{found[0].day_name}, {found[0].times}" if len(found) == 1 else ""
