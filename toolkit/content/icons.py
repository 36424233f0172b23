"""Which icon stands for what: the names of the bundled icons, and the icon for an employer's sector,
a kind of support service or a kind of transport.

This is content knowledge, so it lives in the content layer: templates and content properties name
icons; the PowerPoint writer (render/icons.py) draws them.
"""

from __future__ import annotations

import difflib
import re

from ..errors import ToolkitError

ICONS: dict[str, str] = {
    # Travel
    "bus": "a bus, seen from the side",
    "train": "the front of a train",
    "tram": "the front of a tram",
    "subway": "a train coming out of a tunnel (subway or underground)",
    "ferry": "a ship on waves (ferry)",
    "walk": "footprints (walking)",
    "route": "a winding path between two points (a route)",
    "map-pin": "a map pin (a place)",
    "ticket": "a ticket",
    "card": "a bank card or travel card",
    "plane": "an aeroplane",
    # Activities and the session
    "clock": "a clock face (time)",
    "person": "one person (work alone)",
    "pair": "two people (work in pairs)",
    "group": "three people (work in groups)",
    "calendar": "a calendar (a date)",
    "coffee": "a cup of coffee (a break)",
    "lightbulb": "a light bulb (a tip or idea)",
    "question": "a question mark in a circle",
    "check": "a tick in a circle (done, or correct)",
    "star": "a star",
    "target": "a target (a goal or next step)",
    "chat": "two speech bubbles (a conversation or interview)",
    "handshake": "two hands shaking",
    "document": "a page with a person on it (a CV)",
    "briefcase": "a briefcase (work, or an employer we have no sector icon for)",
    # Contacts
    "phone": "a telephone handset",
    "web": "a globe (a website)",
    # Support services
    "pound": "a coin with a pound sign (money or debt)",
    "food": "a knife and fork (food)",
    "heart": "a heart (mental health and wellbeing)",
    "home": "a house (housing)",
    "language": "two letters from different alphabets (languages, English lessons)",
    "laptop": "a laptop (digital skills)",
    "hands": "a hand holding a heart (carers, or helping)",
    "accessible": "a person in a wheelchair (disability and access)",
    "support": "a lifebuoy (help and support)",
    # Employer sectors
    "health": "a stethoscope (health and care)",
    "retail": "a shop front (shops and retail)",
    "warehouse": "a warehouse with a roller door (warehouses and delivery)",
    "hospitality": "a service bell (hotels, cafes and restaurants)",
    "public-sector": "a building with columns (government and councils)",
    "education": "a graduation cap (schools, colleges and universities)",
    "construction": "a hard hat (building work)",
    "factory": "a factory (making things)",
    "engineering": "a spanner (engineering)",
    "energy": "a lightning bolt (energy and utilities)",
    "leisure": "theatre masks (leisure, arts and events)",
    "office": "an office block (offices, banks and call centres)",
}

# The employer sector is free text, so we look for keywords. Rules are tried in order and the first
# that matches wins: "Food making" is a factory, not a cafe, and "Shops and cafes" is retail. Each
# keyword is a regular expression matched as whole words, case-insensitively.
SECTOR_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "health",
        (
            r"health\w*",
            "nhs",
            r"hospitals?",
            r"(?<!customer )care",
            r"nurs(e|es|ing)",
            "medical",
            "dental",
            r"pharmac\w*",
            "gps?",
            r"clinics?",
            r"doctors?",
        ),
    ),
    (
        "education",
        (
            r"educat\w*",
            r"universit(y|ies)",
            r"schools?",
            r"colleges?",
            "teaching",
            r"nurser(y|ies)",
            "childcare",
            "early years",
        ),
    ),
    ("plane", (r"airports?", "aviation", r"airlines?")),
    ("train", (r"rail\w*", r"trains?")),
    ("bus", (r"transport\w*", r"bus(es)?", r"trams?", r"coach(es)?", r"taxis?")),
    (
        "public-sector",
        (
            r"councils?",
            r"government\w*",
            "public sector",
            "public services?",
            "civil service",
            r"local authorit(y|ies)",
            "police",
            "fire and rescue",
            "armed forces",
            "dwp",
            "hmrc",
        ),
    ),
    (
        "construction",
        (r"construct\w*", r"builders?", r"building sites?", "civil engineering", "roofing", "plumbing", "scaffolding"),
    ),
    ("energy", ("energy", r"utilit(y|ies)", "electricity", "gas", "power", r"renewables?", "solar", "water")),
    (
        "leisure",
        (
            "leisure",
            r"sports?",
            r"gyms?",
            r"librar(y|ies)",
            r"events?",
            "arts",
            "culture",
            r"museums?",
            r"theatres?",
            r"cinemas?",
        ),
    ),
    ("retail", ("retail", r"shop(s|ping)?", r"supermarkets?", r"stores?", "sales", r"checkouts?")),
    (
        "warehouse",
        (
            r"warehous\w*",
            "logistics",
            "distribution",
            r"deliver\w*",
            r"couriers?",
            "postal",
            r"parcels?",
            "fulfilment",
            "storage",
        ),
    ),
    ("engineering", (r"engineer\w*", r"shipbuild\w*", r"mechanics?", "maintenance")),
    ("factory", (r"manufactur\w*", r"factor(y|ies)", "making", "production", "processing", r"packing", "assembly")),
    (
        "hospitality",
        (
            "hospitality",
            "food",
            r"restaurants?",
            r"caf[eé]s?",
            "catering",
            r"hotels?",
            r"pubs?",
            r"bars?",
            r"kitchens?",
            "tourism",
            r"chefs?",
        ),
    ),
    (
        "office",
        (
            r"offices?",
            r"financ\w*",
            r"bank\w*",
            "insurance",
            r"call cent(re|er)s?",
            r"contact cent(re|er)s?",
            r"customer (service|care|contact)s?",
            r"admin\w*",
            "clerical",
            r"account(s|ancy|ing)",
            "legal",
            "professional services",
            "building societ(y|ies)",
        ),
    ),
)
_SECTOR_PATTERNS = tuple(
    (icon, re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)) for icon, words in SECTOR_RULES
)
SECTOR_FALLBACK = "briefcase"

# content.models.ServiceKind -> icon
SERVICE_ICONS: dict[str, str] = {
    "debt": "pound",
    "food": "food",
    "mental_health": "heart",
    "housing": "home",
    "english": "language",
    "digital": "laptop",
    "carers": "hands",
    "disability": "accessible",
    "other": "support",
}

# content.models.Operator.mode -> icon
TRANSPORT_ICONS: dict[str, str] = {
    "bus": "bus",
    "rail": "train",
    "tram": "tram",
    "subway": "subway",
    "ferry": "ferry",
}


def unknown_icon(what: str, name: str, choices: list[str]) -> ToolkitError:
    """One line saying the name is wrong, with the closest right names first so a typo is easy to fix."""
    close = difflib.get_close_matches(name, choices, n=3, cutoff=0.5)
    rest = [c for c in choices if c not in close]
    return ToolkitError(f"there is no {what} called {name!r}: use one of {', '.join(close + rest)}")


def sector_icon(sector: str) -> str:
    """The icon for an employer's free-text sector, such as "Shops and cafes"; a briefcase if nothing fits."""
    for icon, pattern in _SECTOR_PATTERNS:
        if pattern.search(sector):
            return icon
    return SECTOR_FALLBACK


def service_icon(kind: str) -> str:
    """The icon for a kind of support service (content.models.ServiceKind)."""
    if kind not in SERVICE_ICONS:
        raise unknown_icon("kind of service", kind, list(SERVICE_ICONS))
    return SERVICE_ICONS[kind]


def transport_icon(mode: str) -> str:
    """The icon for a kind of transport (content.models.Operator.mode)."""
    if mode not in TRANSPORT_ICONS:
        raise unknown_icon("kind of transport", mode, list(TRANSPORT_ICONS))
    return TRANSPORT_ICONS[mode]
