"""Render a session template (jinja2, sandboxed) into session Markdown for one site, in one language.

Templates are written in English, with no translation markers: each line of words is a message
(see messages.py), and the translator given to `render` looks it up in the language's catalogue.
Words inside jinja2 data, such as a list of the session's steps, use `_("...")`. Translated text is
our own Markdown and is not escaped; the content values put into it are, like every other `{{ value }}`.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import (
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.runtime import Context

from ..errors import ToolkitError
from ..files import confined
from ..i18n.clock import rendering_in, rendering_language
from ..i18n.languages import SOURCE, list_separator
from ..i18n.numbers import money, percent
from ..text import UNTRANSLATED_END, UNTRANSLATED_START, Unconfirmed, Untranslated
from .limits import ConfinedLoader, LimitedSandbox, LimitError, render_limited
from .messages import LinesToTranslate
from .references import referenced_names

if TYPE_CHECKING:
    from ..i18n.catalogues import Translator

SUFFIX = ".md.j2"
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!])")
_LINE_START_SPECIAL = re.compile(r"^(\s*\d*)([#>+.):-])")  # ':' so a value cannot open '::: notes'


# How the session templates' environment is set up; extraction (toolkit translations extract, babel.cfg)
# must parse templates the same way, or the strings it finds would not match the ones looked up.
JINJA_OPTIONS = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}
I18N_OPTIONS = {"newstyle_gettext": True, "extensions": f"{LinesToTranslate.__module__}.{LinesToTranslate.__name__}"}


class Raw(str):
    """Text a filter has already made safe for where it goes, so it is not escaped again."""


class Translated(Raw):
    """Translated Markdown with its content values escaped; `plain` is the same text unescaped, for YAML."""

    plain: str

    def __new__(cls, markdown: str, plain: str) -> Translated:
        made = super().__new__(cls, markdown)
        made.plain = plain
        return made


def to_yaml(value: Any) -> Raw:
    """Quote a value for front matter: `title: {{ ("Jobs in " ~ area) | yaml }}`."""
    text = value.plain if isinstance(value, Translated) else str(value)
    return Raw(json.dumps(text, ensure_ascii=False))


@pass_context
def list_join(context: Context, items: Any, mark: str = ",") -> Translated:
    """Join list items the way the deck's language does: `{{ e.entry_roles[:3] | list_join }}`.

    "a, b, c" in English, Welsh and Polish, "a، b، c" in Arabic; `list_join(";")` gives "a; b" ("a؛ b").
    Each item is escaped as `{{ item }}` would be, so local content left in English is still marked.
    """
    if mark not in (",", ";"):
        raise TemplateError(f"list_join takes ',' or ';', not {mark!r}")
    separator = list_separator(context.get("language") or rendering_language(), semicolon=mark == ";")
    items = list(items)
    return Translated(
        separator.join(escape_markdown(item) for item in items),
        separator.join(item.plain if isinstance(item, Translated) else str(item) for item in items),
    )


def mid_sentence(value: Any) -> Any:
    """A job title or a thing to bring as it reads in the middle of a sentence: "Porter" becomes
    "porter", but "NHS porter" and "ID card" keep their capitals. `{{ role | mid_sentence }}`.

    Local content left in English stays marked as such."""
    text = str(value)
    if len(text) < 2 or text[1] != text[1].lower():
        return value
    lowered = text[0].lower() + text[1:]
    return Untranslated(lowered) if isinstance(value, Untranslated) else lowered


def escape_markdown(value: Any) -> str:
    """Make a content value print as itself, so local content can never add links, images or markup.

    Local content with no translation is marked, so the deck can tag it as English.
    """
    if isinstance(value, Raw):
        return value
    if value is None:
        return ""
    if isinstance(value, Unconfirmed):
        return Raw(f"{escape_markdown(value.original)} ({escape_markdown(value.note)})")
    text = " ".join(str(value).split())
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START_SPECIAL.sub(r"\1\\\2", text, count=1)
    return f"{UNTRANSLATED_START}{text}{UNTRANSLATED_END}" if isinstance(value, Untranslated) and text else text


class SessionTemplates:
    """The topic templates in one folder, rendered with a sandbox so a template cannot reach the system,
    read only from that folder, and kept within limits (see limits.py)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.env = LimitedSandbox(
            loader=ConfinedLoader(folder, folder),
            undefined=StrictUndefined,
            autoescape=False,
            finalize=escape_markdown,
            extensions=[LinesToTranslate],
            **JINJA_OPTIONS,
        )
        self.env.globals.update(gettext_callables(None))
        self.env.filters["yaml"] = to_yaml
        self.env.filters["list_join"] = list_join
        self.env.filters["mid_sentence"] = mid_sentence
        self.env.filters["money"] = money
        self.env.filters["percent"] = percent
        self.env.limit_filters()
        self._sources: dict[str, list[Path]] = {}

    def topics(self) -> list[str]:
        """Every topic with a template, sorted."""
        return sorted(p.name.removesuffix(SUFFIX) for p in self.folder.glob("*" + SUFFIX))

    def path(self, topic: str) -> Path:
        return self.folder / (topic + SUFFIX)

    def sources(self, name: str) -> list[Path]:
        """The template file for a topic and every template it includes or extends: what a build depends on."""
        if name not in self._sources:
            self._sources[name] = self._find_sources(name)
        return self._sources[name]

    def _find_sources(self, name: str) -> list[Path]:
        found: list[Path] = []
        pending = [self.path(name).name]
        while pending:
            file_name = pending.pop()
            path = self.folder / file_name
            if path in found or not path.is_file():
                continue
            confined(self.folder, path)
            found.append(path)
            pending += referenced_names(path.read_text(encoding="utf-8"))
        return found

    def render(self, name: str, translator: Translator | None = None, **context: Any) -> str:
        """Session Markdown for topic `name`, in the translator's language (English without one).

        A template mistake names the file and line.
        """
        path = self.path(name)
        code = translator.language.code if translator else SOURCE
        try:
            with rendering_in(code):
                template = self.env.get_template(path.name)
                return render_limited(template, self.env, {**gettext_callables(translator), **context})
        except TemplateNotFound as err:
            raise ToolkitError(
                f"no template called '{err.name}': run 'toolkit build --help' for topics", self.folder
            ) from None
        except TemplateSyntaxError as err:
            raise ToolkitError(f"template error: {err.message}", err.filename or path, err.lineno) from None
        except LimitError as err:
            raise ToolkitError(f"template stopped: {err.message}", *self._where(path)) from None
        except TemplateError as err:
            raise ToolkitError(
                f"template error: {err.message}: fix the template or add the content", *self._where(path)
            ) from None
        except RecursionError:
            raise ToolkitError(
                "template stopped: it calls or includes itself with no end: make sure it stops",
                *self._where(path, repeated=True),
            ) from None
        except (OverflowError, MemoryError, ArithmeticError) as err:
            raise ToolkitError(f"template stopped: {err}: use smaller numbers", *self._where(path)) from None

    def _where(self, path: Path, repeated: bool = False) -> tuple[Path, int | None]:
        """The template and line jinja2 was running when it failed (an included one, if it failed there).

        `repeated`: the line met most often, for a template that calls or includes itself with no end."""
        tb = sys.exc_info()[2]
        found: list[tuple[Path, int | None]] = []
        folder = str(self.folder) + os.sep
        while tb is not None:
            name = tb.tb_frame.f_code.co_filename
            if name == str(path) or name.startswith(folder):
                found.append((Path(name), tb.tb_lineno))
            tb = tb.tb_next
        if not found:
            return path, None
        return Counter(found).most_common(1)[0][0] if repeated else found[-1]


def gettext_callables(translator: Translator | None) -> dict[str, Any]:
    """gettext, ngettext, pgettext and npgettext for templates, in new style (`%(name)s` placeholders).

    They return the translation as Markdown that is not escaped again, with each value put into it
    escaped as `{{ value }}` would be; without a translator they give back the English.
    """
    from ..i18n.catalogues import SESSIONS

    def look(msgid: str, context: str | None = None) -> str:
        return translator.gettext(SESSIONS, msgid, context) if translator else msgid

    def look_n(singular: str, plural: str, n: int, context: str | None = None) -> str:
        if translator:
            return translator.ngettext(SESSIONS, singular, plural, n, context)
        return singular if n == 1 else plural

    def gettext(__string: str, **variables: Any) -> Translated:
        return _fill(look(__string), __string, variables)

    def ngettext(__singular: str, __plural: str, __num: int, **variables: Any) -> Translated:
        variables.setdefault("num", __num)
        return _fill(look_n(__singular, __plural, __num), __singular, variables)

    def pgettext(__context: str, __string: str, **variables: Any) -> Translated:
        variables.setdefault("context", __context)
        return _fill(look(__string, __context), __string, variables)

    def npgettext(__context: str, __singular: str, __plural: str, __num: int, **variables: Any) -> Translated:
        variables.setdefault("context", __context)
        variables.setdefault("num", __num)
        return _fill(look_n(__singular, __plural, __num, __context), __singular, variables)

    return {"gettext": gettext, "_": gettext, "ngettext": ngettext, "pgettext": pgettext, "npgettext": npgettext}


def _fill(text: str, msgid: str, variables: dict[str, Any]) -> Translated:
    """Put the values into the text: escaped for Markdown, and as they are for `plain`."""
    escaped = {k: v if isinstance(v, (int, float)) else escape_markdown(v) for k, v in variables.items()}
    plain = {k: v.plain if isinstance(v, Translated) else v for k, v in variables.items()}
    try:
        return Translated(text % escaped, text % plain)
    except (KeyError, ValueError, TypeError) as err:
        raise TemplateError(
            f"the text '{msgid[:50]}' or its translation has a placeholder that does not match ({err}): "
            "write %(name)s for a value, and %% for a percent sign"
        ) from None
