"""Audiences: who a session is written for.

Research found one generic session did not suit everyone: people with long work histories, people
already in work and people over 50 wanted different help. So each topic's front matter names the
audiences it is written for (`audiences: [general, experienced]`), and the template changes its
slides for the `audience` it is rendered for.
"""

from __future__ import annotations

from pathlib import Path

from .front_matter import declared, one_of

GENERAL = "general"
AUDIENCES = {
    GENERAL: "everyone",
    "new-to-work": "people with little work or job-search experience",
    "experienced": "people with a long work history or high qualifications",
    "in-work": "people in part-time or zero-hours work",
    "over-50": "people aged 50 or over",
}


def check_audience(name: str) -> str:
    """The name, if it is an audience we know; otherwise an error that lists them."""
    return one_of(name, AUDIENCES, "audience")


def declared_audiences(template: Path) -> tuple[str, ...]:
    """The audiences a topic template's front matter names, like `audiences: [general, in-work]`; (general,) if none."""
    return declared(template, "audiences", AUDIENCES, GENERAL)
