"""A deck rendered for a site should be about that site: the research found generic decks felt like box-ticking."""

from __future__ import annotations

from collections.abc import Iterator

from ..local_share import local_share
from ..model import Document, Hit
from ..registry import Context, rule


@rule("LC001", "too-generic", "warning", "A deck where too few slides use the site's own facts.", min_share=0.5)
def too_generic(doc: Document, ctx: Context) -> Iterator[Hit]:
    share = local_share(doc)
    if share is None or doc.local is None or share.share >= ctx.options["min_share"]:
        return
    counted = len(share.local_slides) + len(share.generic_slides)
    generic = ", ".join(map(str, share.generic_slides))
    message = f"only {len(share.local_slides)} of {counted} content slides use local facts; generic slides: {generic}"
    if doc.local.missing:
        advice = f"add local {', '.join(doc.local.missing)} to {doc.local.site_file} or its district.yaml"
    else:
        advice = "use the site's own facts (employers, routes, services) on the generic slides"
    yield Hit(None, "", message, advice, {"file": doc.path})
