"""Handouts: a Deck rewritten for someone who could not come to the group session."""

from __future__ import annotations

from .content import make_handout
from .easy_read import make_easy_read
from .model import Contact, Handout, Part, Pictures

__all__ = ["Contact", "Handout", "Part", "Pictures", "make_easy_read", "make_handout"]
