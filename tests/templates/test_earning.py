"""The earning session's money figures come from national facts with a source and a checked date, never
from numbers typed into the template: change the facts and every figure changes."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.helpers import REPO
from tests.helpers.sessions import handout_text
from toolkit.content.loader import find_sites, load_site
from toolkit.content.models import SiteContent
from toolkit.deck.audience import declared_audiences
from toolkit.deck.delivery import declared_deliveries
from toolkit.deck.model import deck_text
from toolkit.deck.session import make_deck
from toolkit.handout import make_handout
from toolkit.handout.contacts import contacts_for
from toolkit.i18n import Words
from toolkit.project import ContentRoot

ROOT = ContentRoot.at(REPO)
TEMPLATE = ROOT.sessions / "earning.md.j2"
FIGURE = re.compile(r"£\d(?:[\d,.]*\d)?|\d+(?:\.\d+)?%")
NEW_RATES = {  # every rate moved, as if the content team had checked them again next April
    "national_living_wage": Decimal("13.37"),
    "work_allowance_with_housing": Decimal(433),
    "work_allowance_without_housing": Decimal(719),
    "taper": Decimal(50),
    "childcare": Decimal(80),
}


def site(name: str = "leeds-eastgate") -> SiteContent:
    return load_site(ROOT.content, next(r for r in find_sites(ROOT.content) if r.site == name))


def with_new_rates(content: SiteContent) -> SiteContent:
    assert content.rates is not None
    changed = {}
    for name, value in NEW_RATES.items():
        fact = getattr(content.rates, name)
        changed[name] = fact.model_copy(update={"amount" if hasattr(fact, "amount") else "percent": value})
    return content.model_copy(update={"rates": content.rates.model_copy(update=changed)})


def figures(content: SiteContent, audience: str, delivery: str) -> tuple[list[str], list[str]]:
    """The money figures and percentages in a deck and its handout, in order."""
    deck = make_deck(ROOT, content, "earning", audience, delivery=delivery)
    handout = make_handout(deck, contacts_for(content, Words()), Words())
    return FIGURE.findall(deck_text(deck)), FIGURE.findall(handout_text(handout))


def test_the_template_types_no_money_figure() -> None:
    text = re.sub(r"\{#.*?#\}", "", TEMPLATE.read_text(encoding="utf-8"), flags=re.S)  # comments may give examples
    assert not FIGURE.findall(text), "write money and percentages with the money and percent filters"


@pytest.mark.parametrize("delivery", declared_deliveries(TEMPLATE))
@pytest.mark.parametrize("audience", declared_audiences(TEMPLATE))
def test_every_figure_changes_when_the_rates_change(audience: str, delivery: str) -> None:
    before = figures(site(), audience, delivery)
    after = figures(with_new_rates(site()), audience, delivery)
    for shown, changed in zip(before, after, strict=True):
        assert len(shown) >= 4, "the session shows the rates and works an example"
        assert len(shown) == len(changed)
        kept = [old for old, new in zip(shown, changed, strict=True) if old == new]
        assert not kept, f"these figures did not change with the rates: {kept}"


def test_the_session_shows_this_year_s_rates() -> None:
    text = deck_text(make_deck(ROOT, site(), "earning"))
    for shown in ("£12.71", "£411", "55%"):
        assert shown in text
