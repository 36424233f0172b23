"""Local content in another language: the words of a site's content, looked up in the `content` catalogue.

Fields typed `Words` in content/models.py are translatable: names, descriptions, how to apply,
opening times. Phone numbers, web addresses, postcodes and dates are not. The English text of a
field is its msgid, so when the English changes, the old translation is out of date and not used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..i18n.catalogues import msgid_of
from .models import TRANSLATABLE, SiteContent

if TYPE_CHECKING:
    from ..i18n.catalogues import Translator

Model = TypeVar("Model", bound=BaseModel)


def in_language(site: SiteContent, translator: Translator | None) -> SiteContent:
    """The site's content with every translatable field in the translator's language.

    A field with no translation stays in English, as `Untranslated`, so outputs can say so and tag it.
    """
    if translator is None or translator.language.is_source:
        return site
    return _changed(site, translator.local)


def words_of(site: SiteContent) -> list[str]:
    """Every translatable value in the site's content, as catalogue keys, in the order the model holds them."""
    found: dict[str, None] = {}

    def note(text: str) -> str:
        found[msgid_of(text)] = None
        return text

    _changed(site, note)
    return list(found)


def _changed(model: Model, change: Callable[[str], str]) -> Model:
    """A copy of the model with `change` made to each translatable string, however deep."""
    updates = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if _translatable(info):
            updates[name] = [change(v) for v in value] if isinstance(value, list) else change(value) if value else value
        elif isinstance(value, BaseModel):
            updates[name] = _changed(value, change)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            updates[name] = [_changed(item, change) for item in value]
    return model.model_copy(update=updates)


def _translatable(info: FieldInfo) -> bool:
    inner = get_args(info.annotation)
    return TRANSLATABLE in info.metadata or (bool(inner) and TRANSLATABLE in get_args(inner[0])[1:])
