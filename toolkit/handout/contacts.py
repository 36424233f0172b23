"""Who a handout tells the reader to contact, taken from the site's content by the build."""

from __future__ import annotations

from ..content.models import Service, SiteContent
from ..deck.unconfirmed import marked
from ..i18n import N_, Words
from ..text import as_shown, clean
from .model import Contact

ASK_HERE = N_("You can ask for your work coach here.")


def contacts_for(site: SiteContent, words: Words | None = None) -> tuple[Contact, ...]:
    """The jobcentre first, then local services, the most local first (as the templates order them).

    Unconfirmed facts carry their note, in the language of `words`, as on the slides.

    The jobcentre's description is the toolkit's own words, translated when a handout is made.
    """
    site = marked(site, words or Words())
    jc = site.jobcentre
    jobcentre = Contact(
        name=clean(jc.name),
        what=ASK_HERE,
        address=clean(f"{as_shown(jc.address)}, {as_shown(jc.postcode)}"),
        opening=clean(as_shown(jc.opening_hours)),
        always=True,
    )
    services: dict[str, Contact] = {}
    for s in reversed(site.services):
        services.setdefault(s.name, _service(s))
    return (jobcentre, *services.values())


def _service(s: Service) -> Contact:
    return Contact(
        name=clean(s.name),
        what=clean(s.what),
        phone=clean(as_shown(s.phone or "")),
        website=clean(as_shown(s.website or "")),
        address=clean(as_shown(s.address)),
        opening=clean(as_shown(s.opening_times)),
    )
