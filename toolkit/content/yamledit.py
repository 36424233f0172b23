"""Change lists of named items in a YAML file, keeping its comments, key order and layout.

The loader reads YAML with PyYAML, which forgets comments. Edits go through ruamel.yaml's
round-trip mode instead, so a content team's notes in a file survive an import.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import SingleQuotedScalarString
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from ..errors import ToolkitError

# The loader reads YAML 1.1, where a bare `yes` or `0123` is not text: quote such text when writing it.
_PYYAML = yaml.resolver.Resolver()
_TEXT_TAG = "tag:yaml.org,2002:str"

_Node = TypeVar("_Node", CommentedMap, CommentedSeq)


@dataclass(frozen=True)
class NamedItem:
    """One item to put in a list: its values, and the fields to take out of it (left empty)."""

    values: dict[str, Any]
    cleared: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return self.values["name"]


@dataclass(frozen=True)
class ItemChange:
    name: str
    status: str  # added, changed, unchanged, kept or removed
    fields: tuple[str, ...] = ()


class RoundTrip:
    """A YAML file loaded for editing: `text()` gives it back with the edits and nothing else changed."""

    def __init__(self, text: str, path: Path):
        try:
            self._yaml, self.keeps_layout = _yaml_keeping_layout(text)
            data = self._yaml.load(text)
        except YAMLError as err:
            raise ToolkitError(f"YAML error: {err}", path) from None
        if data is None:
            data = CommentedMap()
        if not isinstance(data, CommentedMap):
            raise ToolkitError("must be a YAML mapping of names to values", path, 1)
        self.data = data
        self.path = path

    def named_list(self, location: tuple[str, ...]) -> CommentedSeq:
        """The list at `location`, such as ('transport', 'operators'); an empty one if it is not there yet."""
        node = self.data
        for depth, key in enumerate(location[:-1]):
            node = self._child(node, key, CommentedMap, location[: depth + 1])
        return self._child(node, location[-1], CommentedSeq, location)

    def _child(self, node: CommentedMap, key: str, kind: type[_Node], where: tuple[str, ...]) -> _Node:
        """`node[key]`, set to an empty `kind` if it is not there; an error if it is something else."""
        if node.get(key) is None:
            node[key] = kind()
        child = node[key]
        if not isinstance(child, kind):
            raise ToolkitError(f"'{'.'.join(where)}' is not a list or group we can add to", self.path)
        return child

    def get(self, location: tuple[str, ...]) -> Any:
        """The value at `location`, or None if it is not there."""
        node: Any = self.data
        for key in location:
            if not isinstance(node, CommentedMap) or key not in node:
                return None
            node = node[key]
        return node

    def drop_if_empty(self, location: tuple[str, ...]) -> None:
        """Take out the empty list at `location`, and any group that it leaves empty."""
        for end in range(len(location), 0, -1):
            parent, key = self.get(location[: end - 1]), location[end - 1]
            if not isinstance(parent, CommentedMap) or key not in parent or parent[key]:
                return
            tail = _pop_tail(parent)
            del parent[key]
            _push_tail(parent, tail)

    def text(self) -> str:
        return _dump(self._yaml, self.data)


def merge_named(seq: CommentedSeq, items: list[NamedItem], order: tuple[str, ...], replace: bool) -> list[ItemChange]:
    """Update the items with the same name in place and add new ones at the end.

    Items not in `items` stay, unless `replace` is set. New keys go where `order` puts them.
    """
    tail = _pop_tail(seq)
    if not seq:
        seq.fa.set_block_style()
    existing = {item.get("name"): item for item in seq if isinstance(item, CommentedMap)}
    changes = []
    for item in items:
        if item.name in existing:
            fields = _update(existing[item.name], item, order)
            changes.append(ItemChange(item.name, "changed" if fields else "unchanged", fields))
        else:
            seq.append(_new_map(item.values))
            changes.append(ItemChange(item.name, "added"))
    wanted = {item.name for item in items}
    others = [i for i, node in enumerate(seq) if isinstance(node, CommentedMap) and node.get("name") not in wanted]
    changes += [ItemChange(str(seq[i].get("name")), "removed" if replace else "kept") for i in others]
    if replace:
        for index in reversed(others):
            _remove(seq, index)
    _push_tail(seq, tail)
    return changes


def _update(node: CommentedMap, item: NamedItem, order: tuple[str, ...]) -> tuple[str, ...]:
    """Change the fields that differ; return their names."""
    tail = _pop_tail(node)
    changed = []
    for key, value in item.values.items():
        if key not in node or _plain(node[key]) != value:
            _set(node, key, value, order)
            changed.append(key)
    for key in item.cleared:
        if key in node:
            del node[key]
            changed.append(key)
    _push_tail(node, tail)
    rank = {key: i for i, key in enumerate(order)}
    return tuple(sorted(changed, key=lambda k: rank.get(k, len(rank))))


def _set(node: CommentedMap, key: str, value: Any, order: tuple[str, ...]) -> None:
    old = node.get(key)
    if isinstance(old, CommentedSeq) and isinstance(value, list):
        tail = _pop_tail(old)
        old[:] = [_scalar(v) for v in value]  # the same list keeps its style: [a, b] or one item a line
        _push_tail(old, tail)
    elif key in node:
        node[key] = _value(value)
    else:
        rank = {k: i for i, k in enumerate(order)}
        before = [i + 1 for i, k in enumerate(node) if rank.get(k, len(rank)) < rank.get(key, len(rank))]
        node.insert(max(before, default=0), key, _value(value))


def _remove(seq: CommentedSeq, index: int) -> None:
    """Delete an item; comments after it (before the next item) move up to the item before it."""
    tail = _pop_tail(seq[index])
    del seq[index]
    if index > 0:
        _pop_tail(seq[index - 1])  # its old tail described the item that has gone
        _push_tail(seq[index - 1], tail)


def _new_map(values: dict[str, Any]) -> CommentedMap:
    return CommentedMap((key, _value(value)) for key, value in values.items())


def _value(value: Any) -> Any:
    if isinstance(value, list):
        seq = CommentedSeq(_scalar(v) for v in value)
        seq.fa.set_block_style()
        return seq
    return _scalar(value)


def _scalar(value: Any) -> Any:
    if isinstance(value, str) and _PYYAML.resolve(yaml.ScalarNode, value, (True, False)) != _TEXT_TAG:
        return SingleQuotedScalarString(value)
    return value


def _plain(node: Any) -> Any:
    """A loaded value as plain Python, to compare with a new one."""
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


# Comments and blank lines after a block are kept on its last value. When that value moves or goes,
# they must be moved too, or a blank line between two lists would end up in the wrong place.


def _tail_slot(node: Any) -> tuple[dict[Any, list[Any]], Any, int] | None:
    """Where ruamel keeps the comment after the last line of `node`: (comment table, key, position)."""
    if not isinstance(node, CommentedMap | CommentedSeq) or not node or node.fa.flow_style():
        return None
    key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
    return _tail_slot(node[key]) or (node.ca.items, key, 2 if isinstance(node, CommentedMap) else 0)


def _pop_tail(node: Any) -> str:
    """Take the lines after `node` away from it, leaving a comment on its last line in place."""
    slot = _tail_slot(node)
    if slot is None:
        return ""
    comments, key, position = slot
    entry = comments.get(key) or []
    token = entry[position] if len(entry) > position else None
    if token is None:
        return ""
    if token.value.startswith("\n"):
        entry[position] = None
        return token.value
    same_line, _, rest = token.value.partition("\n")
    token.value = same_line + "\n"
    return "\n" + rest if rest else ""


def _push_tail(node: Any, tail: str) -> None:
    slot = _tail_slot(node)
    if not tail or not slot:
        return
    entry = slot[0].setdefault(slot[1], [None, None, None, None])
    token = entry[slot[2]]
    if token is None:
        entry[slot[2]] = CommentToken(tail, CommentMark(0), None)
    else:
        token.value += tail[1:]


def _yaml(mapping: int, sequence: int, offset: int) -> YAML:
    handler = YAML(typ="rt")
    handler.preserve_quotes = True
    handler.width = 1_000_000  # never fold a long line
    handler.indent(mapping=mapping, sequence=sequence, offset=offset)
    return handler


def _dump(handler: YAML, data: Any) -> str:
    out = io.StringIO()
    handler.dump(data, out)
    return out.getvalue()


def _yaml_keeping_layout(text: str) -> tuple[YAML, bool]:
    """A YAML handler whose indents match the file's, so untouched lines come out the same; and if they do."""
    _, sequence, offset = load_yaml_guess_indent(text)
    tries = [(2, sequence or 2, offset or 0), (2, 2, 0), (2, 4, 2), (4, 4, 0), (4, 6, 2), (4, 4, 2)]
    for mapping, seq_indent, seq_offset in dict.fromkeys(tries):
        handler = _yaml(mapping, seq_indent, seq_offset)
        if _dump(handler, handler.load(text)) == text:
            return handler, True
    return _yaml(*tries[0]), False
