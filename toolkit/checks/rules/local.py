"""How local a deck is

When the checker renders a template for a site (`toolkit check --site S --topic T`), it also works
out the deck's **local share**. That is how many content slides use a fact from the site's own file
or its district's file, rather than only national defaults. Content slides are all the slides after
the first. The checker lists the generic slides.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...readers.document import Document
from ..local_share import local_share
from ..model import Hit
from ..registry import Context, rule


@rule("LC001", "too-generic", "warning", min_share=0.5)
def too_generic(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A deck where too few content slides use the site's own facts.

    Too few means less than `min_share`: half, unless you change it. A deck for a site should be about
    that site: in our research, people felt generic decks were box-ticking. The finding names the
    sections with no local facts, and the file to add them to.
    """
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
