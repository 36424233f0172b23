"""National pay and Universal Credit rates: facts with a source, and the sums sessions work out from them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from toolkit.content.models import Rates
from toolkit.i18n.clock import rendering_in
from toolkit.i18n.numbers import money, percent

FACT = {"source": "https://www.gov.uk/universal-credit", "checked": "2026-11-01"}


def rates(**changes: object) -> Rates:
    values = {
        "national_living_wage": {"amount": "12.71", "per": "hour"},
        "work_allowance_with_housing": {"amount": 411, "per": "month"},
        "work_allowance_without_housing": {"amount": 684, "per": "month"},
        "taper": {"percent": 55},
        "childcare": {"percent": 85},
        **changes,
    }
    return Rates.model_validate({name: {**value, **FACT} for name, value in values.items()})


def test_the_sums_follow_the_rates() -> None:
    found = rates()
    pay = found.pay_a_month(16)
    assert pay == Decimal(881)  # 12.71 x 16 x 52 / 12 = 881.23
    assert found.universal_credit_cut(pay) == Decimal(485)  # 55% of 881
    assert found.kept(pay) == Decimal(396)
    with_allowance = found.work_allowance_with_housing
    assert found.universal_credit_cut(pay, with_allowance) == Decimal(259)  # 55% of (881 - 411) = 258.50
    assert found.kept(pay, with_allowance) == Decimal(622)
    assert found.universal_credit_cut(300, with_allowance) == 0  # pay under the allowance changes nothing


def test_a_new_taper_changes_every_sum() -> None:
    old, new = rates(), rates(taper={"percent": 50})
    pay = old.pay_a_month(16)
    assert new.universal_credit_cut(pay) < old.universal_credit_cut(pay)
    assert new.kept(pay) > old.kept(pay)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"taper": {"percent": 155}}, "taper.percent"),
        ({"national_living_wage": {"amount": "-1", "per": "hour"}}, "national_living_wage.amount"),
        ({"national_living_wage": {"amount": "12.711", "per": "hour"}}, "national_living_wage.amount"),
        ({"childcare": {"percent": 85, "per": "month"}}, "childcare.per"),
    ],
)
def test_a_rate_that_cannot_be_right_is_refused(change: dict, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        rates(**change)
    assert field in {".".join(str(p) for p in e["loc"]) for e in caught.value.errors()}


def test_a_rate_needs_its_source_and_checked_date() -> None:
    with pytest.raises(ValidationError, match="source"):
        Rates.model_validate({"taper": {"percent": 55, "checked": "2026-11-01"}})


@pytest.mark.parametrize(
    ("code", "pounds", "pence", "share"),
    [("en", "£1,411", "£12.71", "55%"), ("cy", "£1,411", "£12.71", "55%"), ("pl", "£1\xa0411", "£12,71", "55%")],
)
def test_money_and_percentages_are_written_the_language_s_way(code: str, pounds: str, pence: str, share: str) -> None:
    found = rates()
    with rendering_in(code):
        assert money(Decimal(1411)) == pounds
        assert money(found.national_living_wage) == pence
        assert percent(found.taper) == share
