"""Who a handout tells the reader to contact, taken from the site's content by the build."""

from __future__ import annotations

from ..content.models import Service, SiteContent
from ..i18n import N_
from ..text import clean
from .model import Contact

ASK_HERE = N_("You can ask for your work coach here.")


def contacts_for(site: SiteContent) -> tuple[Contact, ...]:
    """The jobcentre first, then local services, the most local first (as the templates order them).

    The jobcentre's description is the toolkit's own words, translated when a handout is made.
    """
    jc = site.jobcentre
    jobcentre = Contact(
        name=clean(jc.name),
        what=ASK_HERE,
        address=clean(f"{jc.address}, {jc.postcode}"),
        opening=clean(jc.opening_hours),
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
        phone=clean(s.phone or ""),
        website=clean(s.website or ""),
        address=clean(s.address),
        opening=clean(s.opening_times),
    )
