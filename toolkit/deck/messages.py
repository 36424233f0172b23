"""Every line of words in a session template is a message to translate, as in Sphinx's gettext builder.

A content designer writes Markdown with `{{ values }}` and no translation markers. Before jinja2
compiles a template, `LinesToTranslate` turns the words of each line into a gettext call:

    Say: Welcome to {{ jc.name }}.   →   Say: {{ gettext("Welcome to %(jc_name)s.", jc_name=(jc.name)) }}

The Markdown around the words stays outside the message: a heading's `#`, a list's marker, an icon,
a note's type (`Say:`), a title's layout (`{section}`), a table's pipes. Each value becomes a named
placeholder, named after what it shows, so translators see `%(jc_name)s`. A line with no words of its
own, such as `{{ jc.phone }}` or a `{% if %}` tag, is left as it is. Extraction makes the same change
first, so the strings it finds are the strings the deck looks up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import TemplateSyntaxError
from jinja2.ext import Extension

from .markdown import LINE_TYPES  # they are syntax, like a list's "-": English, and outside the message

_TAG = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
# What starts a line and stays outside its message: a heading or list mark and a picture, or a line type
# ("Say:", "At home:"), which starts only a paragraph: "# Example: leading a team" is a title, all of it words.
_LEAD = re.compile(
    r"^(\s*(?:(?:#+\s+|[-*+]\s+|\d+[.)]\s+)(?:!\[\]\([^)]*\)\s*)?|!\[\]\([^)]*\)\s*|(?:"
    + "|".join(map(re.escape, LINE_TYPES))
    + r"))?\s*)"
)
_LAYOUT = re.compile(r"\s*\{[a-z -]+\}\s*$")  # "# Plan for today {section}", "# Ground rules {room}"
_SETTING = re.compile(r"^[A-Za-z_][\w-]*:(\s|$)")  # "title: ..." in front matter
_PICTURE = re.compile(r"^(\s*!\[)(.+)(\]\([^)]*\)\s*)$")  # a picture's alt text is its message
# An Easy Read line: a list item that starts with a picture with alt text, "- ![A bus](icon:bus) Take the bus.",
# is two messages, the alt text and the words.
_PICTURED_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)(!\[[^\]]+\]\([^)]*\)\s*)(.*)$")


@dataclass(frozen=True)
class Message:
    """The words of a template line to translate, with the expression behind each placeholder."""

    text: str  # with %(name)s for each value and %% for a percent sign
    values: tuple[tuple[str, str], ...]  # (placeholder name, jinja2 expression)

    def call(self) -> str:
        """A jinja2 expression that gives the message in the deck's language, with the values put in."""
        args = "".join(f", {name}=({expression})" for name, expression in self.values)
        return "{{ gettext(" + json.dumps(self.text, ensure_ascii=False) + args + ") }}"


def messages_in(source: str) -> Iterator[tuple[int, Message]]:
    """Each line's message, with its line number, for tests and tools."""
    for number, (_, rewritten) in enumerate(_lines(source), start=1):
        for message in rewritten[1] if rewritten else ():
            yield number, message


def with_messages(source: str, name: str | None = None) -> str:
    """The template with each line's words turned into a gettext call; the same number of lines."""
    return "".join(rewritten[0] if rewritten else line for line, rewritten in _lines(source, name))


class LinesToTranslate(Extension):
    """jinja2 extension: translate session templates line by line, with no markers in the source."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return with_messages(source, name)


def _lines(source: str, name: str | None = None) -> Iterator[tuple[str, tuple[str, list[Message]] | None]]:
    """Each line of the source, and its rewritten form and message where it has words to translate."""
    tags = [(m.start(), m.end(), m.group()) for m in _TAG.finditer(source)]
    front_matter = _FrontMatter()
    start = 0
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        end = start + len(line)
        inside = [t for t in tags if t[0] < end and t[1] > start]
        words = _words_outside(line, start, inside)
        start = end
        if front_matter.holds(words) or not _has_words(words):
            yield line, None
            continue
        if any(t[2].startswith(("{%", "{#")) for t in inside):
            raise TemplateSyntaxError(
                "a line has words and a {% %} tag: put the tag on a line of its own, so the words can be translated",
                number,
                name,
            )
        if any(t[0] < end - len(line) or t[1] > end for t in inside):
            raise TemplateSyntaxError("a {{ value }} runs over two lines: keep it on one line", number, name)
        yield line, _rewrite(line, [t[2] for t in inside])


class _FrontMatter:
    """Follows the lines of a template to tell which are its front matter: settings, not words to show.

    The front matter is the text between the first two '---' lines, when nothing but jinja2 tags
    comes before the first and a setting (`title: ...`) comes after it. A shared part starts with
    '---' too, but a slide comes after it."""

    def __init__(self) -> None:
        self.state = "before"  # then "opened" (after the first '---'), "inside", and "after"

    def holds(self, words: str) -> bool:
        line = words.strip()
        if self.state == "before" and line:
            self.state = "opened" if line == "---" else "after"
            return self.state == "opened"
        if self.state == "opened" and line:
            self.state = "inside" if _SETTING.match(line) else "after"
        elif self.state == "inside" and line == "---":
            self.state = "after"
            return True
        return self.state in ("opened", "inside")


def _words_outside(line: str, start: int, inside: list[tuple[int, int, str]]) -> str:
    """The line without its jinja2 tags, comments and values."""
    kept, at = [], start
    for tag_start, tag_end, _ in inside:
        kept.append(line[max(at, start) - start : max(tag_start, start) - start])
        at = tag_end
    kept.append(line[max(at, start) - start :])
    return "".join(kept)


def _has_words(text: str) -> bool:
    stripped = text.strip()
    if stripped.startswith(("<!--", ":::", "|--", "| --", "|:-")) or re.fullmatch(r"[|\s:-]*", stripped):
        return False
    return any(ch.isalpha() for ch in _LAYOUT.sub("", _LEAD.sub("", stripped, count=1)))


def _rewrite(line: str, tags: list[str]) -> tuple[str, list[Message]] | None:
    """The line with its words as a gettext call. Values are masked first, so '|' in a filter or ')' in
    a call cannot be taken for Markdown."""
    mark = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in line)  # stands in for each value
    masked = _TAG.sub(mark, line)
    ending = masked[len(masked.rstrip("\r\n")) :]
    masked = masked[: len(masked) - len(ending)]
    values = iter(tags)
    pictured = _PICTURED_ITEM.match(masked)
    joint, cells = (
        ("|", masked.split("|"))
        if masked.lstrip().startswith("|")
        else ("", list(pictured.groups()))
        if pictured
        else ("", [masked])
    )
    parts = [_part(cell, values, mark) for cell in cells]
    messages = [m for _, m in parts if m]
    return (joint.join(text for text, _ in parts) + ending, messages) if messages else None


def _part(text: str, values: Iterator[str], mark: str) -> tuple[str, Message | None]:
    """One line or table cell: its Markdown lead and tail kept, its words made a message."""
    picture = _PICTURE.match(text)
    if picture:
        lead, body, tail = picture.groups()
    else:
        lead = _LEAD.match(text).group(1)  # type: ignore[union-attr]
        rest = text[len(lead) :]
        layout = _LAYOUT.search(rest) if lead.lstrip().startswith("#") else None
        tail = rest[layout.start() :] if layout else rest[len(rest.rstrip()) :]
        body = rest[: len(rest) - len(tail)]
    lead_values, body_values, tail_values = ([next(values) for _ in range(p.count(mark))] for p in (lead, body, tail))
    if not _has_words(body.replace(mark, "")):
        return _unmask(text, [*lead_values, *body_values, *tail_values], mark), None
    message = _message(body.split(mark), [v[2:-2].strip() for v in body_values])
    return _unmask(lead, lead_values, mark) + message.call() + _unmask(tail, tail_values, mark), message


def _message(pieces: list[str], expressions: list[str]) -> Message:
    """The words between values, with a named placeholder for each value and %% for a percent sign."""
    names: dict[str, str] = {}
    text = pieces[0].replace("%", "%%")
    for expression, piece in zip(expressions, pieces[1:], strict=True):
        if expression not in names:
            names[expression] = _unique(_name_of(expression), set(names.values()))
        text += f"%({names[expression]})s" + piece.replace("%", "%%")
    return Message(text, tuple((name, expression) for expression, name in names.items()))


def _name_of(expression: str) -> str:
    """A placeholder name from what the value shows: `jc.name` → jc_name, `roles[0] | lower` → roles."""
    shown = re.sub(r"\[[^\]]*\]", "", expression.split("|")[0])  # `roles[:3]` shows roles
    name = re.sub(r"\W+", "_", shown).strip("_")
    return name if name and not name[0].isdigit() else "value"


def _unique(name: str, taken: set[str]) -> str:
    found, n = name, 2
    while found in taken:
        found, n = f"{name}_{n}", n + 1
    return found


def _unmask(text: str, values: list[str], mark: str) -> str:
    pieces = text.split(mark)
    return pieces[0] + "".join(v + p for v, p in zip(values, pieces[1:], strict=True))
