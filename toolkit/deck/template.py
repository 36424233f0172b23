"""Render a session template (jinja2, sandboxed) into session Markdown for one site."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError, meta
from jinja2.sandbox import SandboxedEnvironment

from ..errors import ToolkitError

SUFFIX = ".md.j2"
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!])")
_LINE_START_SPECIAL = re.compile(r"^(\s*\d*)([#>+.):-])")  # ':' so a value cannot open '::: notes'


class Raw(str):
    """Text a filter has already made safe for where it goes, so it is not escaped again."""


def to_yaml(value: Any) -> Raw:
    """Quote a value for front matter: `title: {{ ("Jobs in " ~ area) | yaml }}`."""
    return Raw(json.dumps(str(value), ensure_ascii=False))


def escape_markdown(value: Any) -> str:
    """Make a content value print as itself, so local content can never add links, images or markup."""
    if isinstance(value, Raw):
        return value
    if value is None:
        return ""
    text = " ".join(str(value).split())
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_SPECIAL.sub(r"\1\\\2", text, count=1)


class SessionTemplates:
    """The topic templates in one folder, rendered with a sandbox so a template cannot reach the system."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.env = SandboxedEnvironment(
            loader=FileSystemLoader(folder),
            undefined=StrictUndefined,
            autoescape=False,
            finalize=escape_markdown,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["yaml"] = to_yaml

    def topics(self) -> list[str]:
        """Every topic with a template, sorted."""
        return sorted(p.name.removesuffix(SUFFIX) for p in self.folder.glob("*" + SUFFIX))

    def path(self, topic: str) -> Path:
        return self.folder / (topic + SUFFIX)

    def sources(self, name: str) -> list[Path]:
        """The template file for a topic and every template it includes or extends: what a build depends on."""
        found: list[Path] = []
        pending = [self.path(name).name]
        while pending:
            file_name = pending.pop()
            path = self.folder / file_name
            if path in found or not path.is_file():
                continue
            found.append(path)
            try:
                tree = self.env.parse(path.read_text(encoding="utf-8"))
            except TemplateSyntaxError:
                continue  # the build reports it, with its line
            pending += [n for n in meta.find_referenced_templates(tree) if n]
        return found

    def render(self, name: str, **context: Any) -> str:
        """Session Markdown for topic `name`; a template mistake names the file and line."""
        path = self.path(name)
        try:
            return self.env.get_template(path.name).render(**context)
        except TemplateNotFound as err:
            raise ToolkitError(
                f"no template called '{err.name}': run 'toolkit build --help' for topics", self.folder
            ) from None
        except TemplateSyntaxError as err:
            raise ToolkitError(f"template error: {err.message}", err.filename or path, err.lineno) from None
        except TemplateError as err:
            raise ToolkitError(
                f"template error: {err.message}: fix the template or add the content", path, _template_line(path)
            ) from None


def _template_line(path: Path) -> int | None:
    """The template line jinja2 was running when it failed: it keeps that in the traceback."""
    tb = sys.exc_info()[2]
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == str(path):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
