"""Read a YAML file and remember the line of every value, so errors can point at it.

Content files are data a person types, so the reader is strict and bounded: plain YAML values only (no
tags, no `<<` merge keys), each alias (`*name`) filled in once however often it is used, and limits on
the file's size, the values it holds once aliases are filled in, how deep it nests and how long one
value is. Anything else is one error naming the file and line.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ToolkitError
from .text import find_control_character, find_invisible_character

Location = tuple[str | int, ...]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser is many times faster
_CONSTRUCTOR = yaml.SafeLoader("")  # turns one scalar node into a Python value

MAX_FILE_BYTES = 16 * 2**20  # a jobcentre's file is a few KB; above this, a file is not content
MAX_VALUES = 20_000  # values in one file once its aliases are filled in: a site file has a few hundred
MAX_DEPTH = 30  # groups inside groups: content nests 4 deep
MAX_TEXT = 2_000  # characters in one value, about 300 words: a slide needs far less

_TAG = "tag:yaml.org,2002:"
SCALAR_TAGS = {_TAG + kind: kind for kind in ("str", "int", "float", "bool", "null", "timestamp")}
KINDS = {"int": "a whole number", "float": "a number", "bool": "true or false", "timestamp": "a date"}


@dataclass
class YamlDoc:
    """A parsed YAML mapping, plus the line (1-based) of each key path in it."""

    path: Path
    data: dict[str, Any]
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int:
        """The line of the deepest part of `location` that this file holds; line 1 for the file as a whole."""
        for end in range(len(location), -1, -1):
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return 1


def read_yaml(path: Path) -> YamlDoc:
    """Parse `path` safely; a syntax error becomes a ToolkitError with its line."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ToolkitError(
                f"is over {MAX_FILE_BYTES // 2**20} MB, far more than a content file holds: check it is the right file",
                path,
            )
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ToolkitError("is not UTF-8 text: save it as UTF-8 and try again", path) from None
    except OSError as err:
        raise ToolkitError(f"cannot be read ({err.strerror})", path) from None
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> YamlDoc:
    """Parse YAML text as if it were the file at `path`: lets a change be checked before it is written."""
    text = text.removeprefix("\ufeff")  # the byte order mark some Windows editors put first
    if len(text) > MAX_FILE_BYTES:
        raise ToolkitError(f"is over {MAX_FILE_BYTES // 2**20} MB, far more than a content file holds", path)
    _check_characters(text, path)
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        problem = err.problem or err.context or "bad YAML"
        raise ToolkitError(f"YAML error: {problem}: check indentation and colons", path, line) from None
    except yaml.YAMLError as err:
        raise ToolkitError(f"YAML error: {err}: check indentation and colons", path) from None
    except RecursionError:
        raise ToolkitError(f"is nested too deeply: use at most {MAX_DEPTH} levels", path) from None
    if node is None:
        return YamlDoc(path, {})
    doc = YamlDoc(path, {})
    data = _Builder(doc).value(node, (), 0)
    if not isinstance(data, dict):
        raise ToolkitError("must be a YAML mapping of names to values", path, 1)
    doc.data = data
    return doc


def _check_characters(text: str, path: Path, line: int | None = None) -> None:
    """Refuse control characters and invisible ones, at `line`, or for a whole file at the line they are on."""
    bad = find_control_character(text)
    if bad:
        at = line or text[: text.find(chr(int(bad[2:], 16)))].count("\n") + 1
        raise ToolkitError(f"contains a control character ({bad}): delete it", path, at)
    invisible = find_invisible_character(text)
    if invisible:
        index, what = invisible
        at = line or text[:index].count("\n") + 1
        raise ToolkitError(
            f"contains {what}, which cannot be seen but breaks searches and screen readers: delete it", path, at
        )


class _Builder:
    """Turns composed YAML nodes into Python values, recording each value's line.

    An alias is the same node as its anchor: it is built once and shared, so a file of aliases of
    aliases ("billion laughs") cannot make work grow without end. `total` counts every value as if
    each alias were written out, and is kept under MAX_VALUES.
    """

    def __init__(self, doc: YamlDoc):
        self.doc = doc
        self.made: dict[int, tuple[Any, int]] = {}  # node id -> (value, how many values it holds)
        self.open: set[int] = set()
        self.total = 0

    def refuse(self, message: str, node: yaml.Node) -> ToolkitError:
        return ToolkitError(message, self.doc.path, node.start_mark.line + 1)

    def value(self, node: yaml.Node, location: Location, depth: int) -> Any:
        self.doc.lines.setdefault(location, node.start_mark.line + 1)
        key = id(node)
        if key in self.open:
            raise self.refuse("an alias (*name) is used inside the value it names, so it never ends: remove it", node)
        if key in self.made:  # an alias: the value is built already
            value, size = self.made[key]
            self._count(size, node)
            return value
        if depth > MAX_DEPTH:
            raise self.refuse(f"is nested too deeply: use at most {MAX_DEPTH} levels", node)
        self.open.add(key)
        before = self.total
        self._count(1, node)
        if isinstance(node, yaml.MappingNode):
            value = self._mapping(node, location, depth)
        elif isinstance(node, yaml.SequenceNode):
            _plain_tag(node, _TAG + "seq", self)
            value = [self.value(item, (*location, i), depth + 1) for i, item in enumerate(node.value)]
        else:
            assert isinstance(node, yaml.ScalarNode)  # PyYAML composes only these three kinds of node
            value = self.scalar(node, location)
        self.open.discard(key)
        self.made[key] = (value, self.total - before)
        return value

    def _count(self, size: int, node: yaml.Node) -> None:
        self.total += size
        if self.total > MAX_VALUES:
            raise self.refuse(
                f"has more than {MAX_VALUES:,} values once its aliases (*name) are filled in: use fewer aliases, "
                "or split the file",
                node,
            )

    def _mapping(self, node: yaml.MappingNode, location: Location, depth: int) -> dict[str, Any]:
        _plain_tag(node, _TAG + "map", self)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise self.refuse(
                    "'<<' (a merge key) cannot be used in content: write the values out in full", key_node
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.refuse("a key must be plain text", key_node)
            key = str(self.scalar(key_node, location))
            if key in result:
                raise self.refuse(f"'{key}' appears twice: keep one", key_node)
            if id(value_node) in self.made:  # an alias: blame its key's line, not the anchor's
                self.doc.lines[(*location, key)] = key_node.start_mark.line + 1
            result[key] = self.value(value_node, (*location, key), depth + 1)
        return result

    def scalar(self, node: yaml.ScalarNode, location: Location) -> Any:
        kind = _plain_tag(node, None, self)
        try:
            value = _CONSTRUCTOR.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError, KeyError, AttributeError, OverflowError):
            raise self.refuse(_unreadable(node.value, kind, location), node) from None
        finally:
            _CONSTRUCTOR.constructed_objects.clear()
        if isinstance(value, str):
            _check_characters(value, self.doc.path, node.start_mark.line + 1)
            if len(value) > MAX_TEXT:
                field = f"'{location[-1]}' " if location else ""
                raise self.refuse(
                    f"{field}is {len(value):,} characters long: a value can have at most {MAX_TEXT:,} "
                    "(about 300 words): shorten it",
                    node,
                )
            value = unicodedata.normalize("NFC", value)
        return value


def _plain_tag(node: yaml.Node, expected: str | None, builder: _Builder) -> str:
    """Refuse tags (`!!python/name`, `!!set`, `!custom`): content holds plain text, numbers, dates, lists and groups."""
    if expected is None and node.tag in SCALAR_TAGS:
        return SCALAR_TAGS[node.tag]
    if node.tag == expected:
        return ""
    shown = node.tag.replace(_TAG, "!!")
    raise builder.refuse(f"uses the tag '{shown[:60]}', which content files cannot use: remove it", node)


def _unreadable(text: str, kind: str, location: Location) -> str:
    """Why a value could not be read, in Plain English."""
    field = f"'{location[-1]}' is " if location and isinstance(location[-1], str) else ""
    shown = text if len(text) <= 40 else text[:37] + "..."
    if kind == "timestamp":
        return f"{field}'{shown}', which is not a real date: check the month and the day (write it like 2026-11-01)"
    if kind == "int" and len(text) > 100:
        return f"{field}a number with {len(text):,} digits, too long to read: put it in quotes if it is text"
    return f"{field}'{shown}', which cannot be read as {KINDS.get(kind, kind)}: put it in quotes if it is text"
