"""Deliveries: how a session is run, in a room at the jobcentre or on a video call.

The research asks for video and phone channels for people who cannot easily come in (rural areas,
childcare, work). Each topic's front matter names the deliveries it supports (`deliveries: [room, online]`);
the template words its room-only lines and activities for the `delivery` it is rendered for.
"""

from __future__ import annotations

from pathlib import Path

from .front_matter import declared, one_of

ROOM = "room"
ONLINE = "online"
DELIVERIES = {ROOM: "in a room at the jobcentre", ONLINE: "on a video call"}


def check_delivery(name: str) -> str:
    """The name, if it is a delivery we know; otherwise an error that lists them."""
    return one_of(name, DELIVERIES, "delivery")


def declared_deliveries(template: Path) -> tuple[str, ...]:
    """The deliveries a topic template's front matter names, like `deliveries: [room, online]`; (room,) if none."""
    return declared(template, "deliveries", DELIVERIES, ROOM)
