"""Read a YAML file and remember the line of every value, so errors can point at it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ToolkitError
from ..text import find_control_character

Location = tuple[str | int, ...]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser is many times faster
_CONSTRUCTOR = yaml.SafeLoader("")  # turns one scalar node into a Python value


@dataclass
class YamlDoc:
    """A parsed YAML mapping, plus the line (1-based) of each key path in it."""

    path: Path
    data: dict[str, Any]
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int | None:
        """The line of the deepest part of `location` that this file holds."""
        for end in range(len(location), -1, -1):
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return None


def read_yaml(path: Path) -> YamlDoc:
    """Parse `path` safely; a syntax error becomes a ToolkitError with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ToolkitError("is not UTF-8 text: save it as UTF-8 and try again", path) from None
    except OSError as err:
        raise ToolkitError(f"cannot be read ({err.strerror})", path) from None
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> YamlDoc:
    """Parse YAML text as if it were the file at `path`: lets a change be checked before it is written."""
    bad = find_control_character(text)
    if bad:
        line = text[: text.find(chr(int(bad[2:], 16)))].count("\n") + 1
        raise ToolkitError(f"contains a control character ({bad}): delete it", path, line)
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        problem = err.problem or err.context or "bad YAML"
        raise ToolkitError(f"YAML error: {problem}: check indentation and colons", path, line) from None
    if node is None:
        return YamlDoc(path, {})
    doc = YamlDoc(path, {})
    data = _to_python(node, (), doc)
    _CONSTRUCTOR.constructed_objects.clear()
    if not isinstance(data, dict):
        raise ToolkitError("must be a YAML mapping of names to values", path, 1)
    doc.data = data
    return doc


def _to_python(node: yaml.Node, location: Location, doc: YamlDoc) -> Any:
    doc.lines[location] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(_scalar(key_node, doc))
            if key in result:
                raise ToolkitError(f"'{key}' appears twice: keep one", doc.path, key_node.start_mark.line + 1)
            result[key] = _to_python(value_node, (*location, key), doc)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*location, i), doc) for i, item in enumerate(node.value)]
    return _scalar(node, doc)


def _scalar(node: yaml.Node, doc: YamlDoc) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise ToolkitError("a key must be plain text", doc.path, node.start_mark.line + 1)
    value = _CONSTRUCTOR.construct_object(node)
    if isinstance(value, str):
        bad = find_control_character(value)
        if bad:
            raise ToolkitError(f"contains a control character ({bad}): delete it", doc.path, node.start_mark.line + 1)
        value = unicodedata.normalize("NFC", value)
    return value
