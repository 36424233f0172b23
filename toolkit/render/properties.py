"""Document properties for Office files, set from the content so the same inputs give the same bytes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..deck.model import DeckMeta

AUTHOR = "Group session toolkit"


def set_core_properties(
    props: Any, meta: DeckMeta, *, title: str, subject: str, language: str, keywords: str, category: str, comments: str
) -> None:
    """Fill python-pptx's or python-docx's core properties; dates come from the content, not the clock."""
    props.title, props.subject, props.language = title, subject, language
    props.author = props.last_modified_by = AUTHOR
    props.keywords, props.category, props.comments = keywords, category, comments
    props.revision = 1
    stamp = dt.datetime.fromisoformat(meta.date) if meta.date else dt.datetime(2000, 1, 1)
    props.created = props.modified = props.last_printed = stamp
