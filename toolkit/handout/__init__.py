"""Handouts: a Deck rewritten for someone who could not come to the group session."""

from __future__ import annotations

from .content import make_handout
from .model import Contact, Handout, Part

__all__ = ["Contact", "Handout", "Part", "make_handout"]
