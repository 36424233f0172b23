"""Turn one topic template and one site's content into a Deck, in one language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.loader import check_id
from ..content.models import SiteContent
from ..content.translated import in_language
from ..errors import ToolkitError
from ..i18n import N_, Words
from ..i18n.clock import rendering_in
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


@dataclass(frozen=True)
class RenderedSession:
    """A topic's template rendered for one site, audience, delivery and language, before it is parsed."""

    markdown: str
    source: str  # the template file, relative to the content root
    name: str  # the template and whom it was rendered for, for messages and reports
    site: SiteContent  # the site's content in the session's language
    marked: SiteContent  # the same, with unconfirmed facts marked as the template showed them
    language: str  # the language tag the session is in


def choose_sessions(
    templates: SessionTemplates, topics: Sequence[str], audiences: Sequence[str], deliveries: Sequence[str]
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Each topic with each audience and delivery asked for that it is written for, and a note for each left out.

    No topics means every topic; no audiences or deliveries means every one a topic is written for. A topic
    named in `topics` that is not written for an audience or delivery asked for is an error.
    """
    known = templates.topics()
    for topic in topics:
        if check_id(topic, "topic") not in known:
            raise ToolkitError(f"no topic called '{topic}': choose from {', '.join(known)}")
    for audience in audiences:
        check_audience(audience)
    for delivery in deliveries:
        check_delivery(delivery)
    chosen, notes = [], []
    for topic in topics or known:
        declared = declared_audiences(templates.path(topic))
        ways = declared_deliveries(templates.path(topic))
        chosen += [
            (topic, a, d) for a in audiences or declared if a in declared for d in deliveries or ways if d in ways
        ]
        for missing, written in (
            ([a for a in audiences if a not in declared], declared),
            ([d for d in deliveries if d not in ways], ways),
        ):
            if not missing:
                continue
            problem = f"'{topic}' is not written for {' or '.join(missing)}: it is written for {', '.join(written)}"
            if topics:
                raise ToolkitError(f"{problem}. Choose one of those, or leave out --topic")
            notes.append(f"Left out {problem}")
    return chosen, notes


def render_session(
    root: ContentRoot,
    site: SiteContent,
    topic: str,
    audience: str = GENERAL,
    translator: Translator | None = None,
    delivery: str = ROOM,
) -> RenderedSession:
    """The topic's template rendered for the site, audience and delivery, in the translator's language.

    Builds and `toolkit check` both start here, so the checker reads what a deck is made from.
    """
    shown_site = in_language(site, translator)
    marked_site = marked(shown_site, Words(translator))
    templates = _templates(root.sessions)
    source = str(templates.path(topic).relative_to(root.path))
    if check_audience(audience) not in declared_audiences(templates.path(topic)):
        raise ToolkitError(f"is not written for '{audience}': add it to 'audiences' in the front matter", source, 1)
    if check_delivery(delivery) not in declared_deliveries(templates.path(topic)):
        raise ToolkitError(f"cannot be run '{delivery}': add it to 'deliveries' in the front matter", source, 1)
    tag = translator.language.tag if translator else site.language
    context = session_context(marked_site, topic, audience, delivery, code_of(tag))
    markdown = templates.render(topic, translator, **context)
    in_other = f" in {translator.language.name}" if translator and translator.language.tag != site.language else ""
    name = f"{source} for {for_whom(site.id, audience, delivery)}{in_other}"
    return RenderedSession(markdown, source, name, shown_site, marked_site, tag)


def make_deck(
    root: ContentRoot,
    site: SiteContent,
    topic: str,
    audience: str = GENERAL,
    translator: Translator | None = None,
    delivery: str = ROOM,
    easy_read: bool = True,
) -> Deck:
    """Render the topic's template for the site, audience and delivery, and parse the result.

    With a translator, the deck is in its language, local content too; a draft translation, or one with
    local content left in English, gets a note on the first slide. Without `easy_read`, its slides have no
    Easy Read words, which only the Easy Read handout needs.
    """
    words = Words(translator)
    rendered = render_session(root, site, topic, audience, translator, delivery)
    parsed = parse_session(rendered.markdown, rendered.name, delivery, easy_read)
    front = parsed.front_matter
    title = str(front.get("title", "")).strip()
    if not title:
        raise ToolkitError("front matter has no 'title': add one", rendered.source, 1)
    tag = rendered.language
    meta = DeckMeta(
        topic=topic,
        title=title,
        language=tag,
        audience=audience,
        delivery=delivery,
        duration=front.get("duration"),
        source=rendered.source,
        site=site.id,
        district=site.district_id,
        subject=str(front.get("subject", "")),
        jobcentre=rendered.marked.jobcentre.name,
        when=_when(site, topic),
        example=site.example,
    )
    shown = deck_text(Deck(meta, parsed.slides))
    if translator:
        translator.shown(shown)  # count the local content the deck shows
    with rendering_in(code_of(tag)):
        unconfirmed = tuple(unconfirmed_shown(rendered.site, shown, words))
    notices = list(words.notices(DRAFT_NOTE)) if translator and not words.language.is_source else []
    notices += [words(EXAMPLE_NOTE)] if site.example else []
    notices += [words(DECK_NOTICE, facts=semicolon_list(unconfirmed, tag))] if unconfirmed else []
    date = rendered.site.oldest_check_in(shown).isoformat()
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
