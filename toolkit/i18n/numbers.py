"""Sums of money and percentages in the language a deck is rendered in.

Pounds keep the £ sign before the number in every language, as claimants see them on payslips and in their
Universal Credit account; the number itself follows the language: £12.71 in English, £12,71 in Polish.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal, format_percent

from .clock import rendering_language


def money(amount: Any) -> str:
    """£411, or £12.71 when there are pence. A template writes `{{ site.rates.kept(pay) | money }}`."""
    value = Decimal(str(getattr(amount, "amount", amount)))
    pattern = "#,##0" if value == value.to_integral_value() else "#,##0.00"
    return "£" + format_decimal(value, pattern, locale=rendering_language())


def percent(share: Any) -> str:
    """55%, from a Percent fact or a number of percent, in the language's own form."""
    value = Decimal(str(getattr(share, "percent", share)))
    return format_percent(value / 100, "#,##0.##%", locale=rendering_language())
