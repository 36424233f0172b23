"""Bounds on the work one session template can make: a template mistake fails fast, with its file and line.

A template is a small program. A loop inside a loop, a macro that calls itself, a template that includes
itself or `range(10**9)` would otherwise run for minutes or fill the memory. Each render gets a budget:
loop turns, how deep calls and includes nest, how big a value or the whole output may be. Going over it
is a TemplateError raised inside the template, so the error names the template and the line.
The limits are listed in docs/errors.md.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from jinja2 import FileSystemLoader, TemplateError, nodes
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from ..files import confined
from ..text import find_invisible_character

MAX_LOOP_TURNS = 100_000  # every turn of every loop in one render; our templates take a few hundred
MAX_RANGE = 10_000  # numbers in one range()
MAX_DEPTH = 50  # calls (macros, filters, functions) inside calls
MAX_INCLUDES = 1_000  # templates included in one render
MAX_OUTPUT = 1_000_000  # characters of session Markdown from one render, and in any one value; a deck is ~30,000
MAX_POWER_BITS = 10_000  # how big a ** b may get: 2 ** 10000 has 3,011 digits

_BIG_NUMBER = re.compile(r"\d{7,}")  # a width or count of a million or more in a format string


class LimitError(TemplateError):
    """A template went over one of its limits."""


@dataclass
class Budget:
    """What one render has used so far."""

    turns: int = 0
    depth: int = 0
    includes: int = 0
    output: int = 0


class ConfinedLoader(FileSystemLoader):
    """Loads templates from one folder only: a template, or a part it includes, that is a link out of the
    templates folder is refused, naming the link, before it is read. A template holding an invisible
    character (such as a zero-width space) is refused with its line."""

    def __init__(self, folder: Path, root: Path):
        super().__init__(folder)
        self.root = root

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses '..'
        for folder in self.searchpath:
            candidate = Path(folder, *pieces)
            if candidate.is_file() or candidate.is_symlink():
                confined(self.root, candidate)
        source, filename, uptodate = super().get_source(environment, template)
        invisible = find_invisible_character(source)
        if invisible:
            from ..errors import ToolkitError

            index, what = invisible
            line = source[:index].count("\n") + 1
            raise ToolkitError(f"contains {what}, which cannot be seen: delete it", filename, line)
        return source, filename, uptodate


class LimitedSandbox(SandboxedEnvironment):
    """jinja2's sandbox, with a budget for each render (see `start`)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.budget = Budget()
        self.globals["range"] = self.limited_range

    def start(self) -> Budget:
        """A fresh budget for the next render."""
        self.budget = Budget()
        return self.budget

    # Loops: each `{% for %}` runs over counted(iterable), and each `~` is joined(...), by rewriting the
    # parsed template (see _parse).

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.budget.turns += 1
            if self.budget.turns > MAX_LOOP_TURNS:
                raise LimitError(
                    f"the loops ran more than {MAX_LOOP_TURNS:,} times: check for a loop inside a loop, or a loop "
                    "over something far bigger than meant"
                )
            yield item

    def joined(self, *parts: Any) -> str:
        return _checked("".join(str(p) for p in parts))

    def limited_range(self, *args: int) -> range:
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise LimitError(f"range() asks for {len(numbers):,} numbers: a template may count up to {MAX_RANGE:,}")
        return numbers

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            iterable = cast(nodes.Expr, loop.iter)  # jinja2 types `For.iter` as any node; its parser makes an Expr
            loop.iter = _call(self, "counted", [iterable], loop.lineno)
        for concat in list(tree.find_all(nodes.Concat)):
            _replace(tree, concat, _call(self, "joined", concat.nodes, concat.lineno))
        return tree

    # Calls: macros, functions and methods go through `call`; filters are wrapped when they are added.

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if __obj != __self.limited_range:  # which says itself how many numbers a range may have
            _check_arguments(__obj, args, kwargs)
        budget = __self.budget
        budget.depth += 1
        try:
            if budget.depth > MAX_DEPTH:
                raise LimitError(
                    f"calls go more than {MAX_DEPTH} deep: a macro may be calling itself with no end, "
                    "so make sure it stops"
                )
            return _checked(super().call(__context, __obj, *args, **kwargs))
        finally:
            budget.depth -= 1

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _power_bits(left, right) > MAX_POWER_BITS:
            raise LimitError(f"{left} ** {right} is far too big a number for a template")
        if operator == "*" and _size_times(left, right) > MAX_OUTPUT:
            raise LimitError(f"repeating text or a list this many times would make more than {MAX_OUTPUT:,} items")
        if operator == "%" and isinstance(left, str) and _BIG_NUMBER.search(left):
            raise LimitError("a width of a million or more in a % format is far too big for a template")
        return _checked(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Any:
        """`"{:>1000000000}".format(x)`: refuse a width of a million or more before formatting."""
        wrapped = super().wrap_str_format(value)
        if wrapped is not None and _BIG_NUMBER.search(value.__self__):
            raise LimitError("a width of a million or more in a format is far too big for a template")
        return wrapped

    def get_template(self, name: Any, parent: str | None = None, globals: Any = None) -> Any:
        self.budget.includes += 1
        if self.budget.includes > MAX_INCLUDES:
            raise LimitError(f"more than {MAX_INCLUDES:,} templates were included: a template may be including itself")
        return super().get_template(name, parent, globals)

    def limit_filters(self) -> None:
        """Wrap every filter so its arguments and its result are checked like a call's."""
        self.filters = {name: _limited_filter(f) for name, f in self.filters.items()}


def _call(env: LimitedSandbox, method: str, args: list[nodes.Expr], lineno: int) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(method), list(args), [], None, None, lineno=lineno)


def _replace(tree: nodes.Node, old: nodes.Node, new: nodes.Node) -> None:
    """Put `new` where `old` is in the tree."""
    for parent in tree.find_all(nodes.Node):
        for field in parent.fields:
            value = getattr(parent, field, None)
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list) and any(item is old for item in value):
                setattr(parent, field, [new if item is old else item for item in value])
                return


def _limited_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps jinja2's pass_context marks
    def limited(*args: Any, **kwargs: Any) -> Any:
        _check_arguments(function, args, kwargs)
        return _checked(function(*args, **kwargs))

    return limited


def _check_arguments(function: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a number of a million or more given to a call, like `center(10**9)`."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_OUTPUT:
            raise LimitError(f"a number of a million or more was given to '{_name(function)}': use a smaller one")


def _checked(value: Any) -> Any:
    if isinstance(value, str | list | tuple) and len(value) > MAX_OUTPUT:
        raise LimitError(f"a value grew to {len(value):,} items: a template may make at most {MAX_OUTPUT:,}")
    return value


def _power_bits(left: Any, right: Any) -> float:
    """About how many bits `left ** right` has; 0 when it cannot grow big."""
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (left, right))
    if not numbers or abs(left) <= 1 or right <= 0:
        return 0
    return right * math.log2(abs(left))


def _size_times(left: Any, right: Any) -> int:
    """How big `left * right` would be, for text or a list repeated; 0 for numbers."""
    for items, times in ((left, right), (right, left)):
        if isinstance(items, str | list | tuple) and isinstance(times, int) and not isinstance(times, bool):
            return len(items) * times
    return 0


def _name(function: Any) -> str:
    return getattr(function, "__name__", type(function).__name__).removeprefix("do_")  # jinja2's filters: do_center


def render_limited(template: Any, env: LimitedSandbox, context: dict[str, Any]) -> str:
    """Render `template` within a fresh budget, stopping when the output goes over MAX_OUTPUT characters."""
    budget = env.start()
    parts = []
    events = template.generate(**context)
    for part in events:
        parts.append(part)
        budget.output += len(part)
        if budget.output > MAX_OUTPUT:
            # Raised inside the template, so the error carries the template's line.
            events.throw(
                LimitError(f"the template made more than {MAX_OUTPUT:,} characters: check its loops and includes")
            )
    return "".join(parts)
