"""What a district's decks look like: colours, a logo and footer text, in a file a content designer edits.

`local_content/theme.yaml` applies to every district; `local_content/<district>/theme.yaml` changes
it key by key. Every colour is checked for WCAG 2.2 AA contrast when the theme is loaded, so no deck
is ever built in colours some people cannot read: a failing theme is refused with one line that
names the file, the line, the ratio and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError, model_validator

from ..colour import contrast, luminance, parse_colour, ratio_text
from ..errors import ToolkitError
from ..files import confined, inside
from ..yamlfile import YamlDoc, read_yaml
from .loader import THEME, check_id, explain, merge
from .models import Strict, Text

MAX_LOGO_BYTES = 5 * 2**20
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG
TEXT_CONTRAST = 4.5  # WCAG 1.4.3, normal-size text
NON_TEXT_CONTRAST = 3.0  # WCAG 1.4.11, icons, lines and shapes
COLOURS = ("primary", "on_primary", "text", "background", "panel", "accent")


@dataclass(frozen=True)
class Theme:
    """The look of one district's decks. Colours are RRGGBB; an empty `accent` means the primary colour."""

    primary: str = "1D70B8"  # cover, section slides and activity headers; `on_primary` text sits on it
    on_primary: str = "FFFFFF"  # text on the primary colour
    text: str = "0B0C0C"
    background: str = "FFFFFF"
    panel: str = "F3F2F1"  # the light background of activity and key-fact panels
    accent: str = ""  # icons, diagram lines and shapes, key-fact numbers
    logo: Path | None = None  # a PNG or JPEG inside the content folder
    logo_alt: str = ""  # what the logo says, for screen readers; empty for a decorative logo
    footer: str = ""  # shown after the jobcentre's name

    def __post_init__(self) -> None:
        for name in COLOURS:
            value = getattr(self, name) or (self.primary if name == "accent" else "")
            object.__setattr__(self, name, parse_colour(value))

    @property
    def logo_decorative(self) -> bool:
        """A logo that says nothing people need: screen readers skip it."""
        return self.logo is not None and not self.logo_alt


DEFAULT_THEME = Theme()


def _colour(value: Any) -> str:
    if not isinstance(value, str):  # YAML reads 000000 as a number, and 001122 as an octal one
        raise ValueError('must be a colour in quotes, like "1D70B8"')
    return parse_colour(value)


Colour = Annotated[str, BeforeValidator(_colour)]


class _Colours(Strict):
    primary: Colour | None = None
    on_primary: Colour | None = None
    text: Colour | None = None
    background: Colour | None = None
    panel: Colour | None = None
    accent: Colour | None = None


class _Logo(Strict):
    file: Text
    alt: str = ""
    decorative: bool = False

    @model_validator(mode="after")
    def _says_what_it_shows(self) -> _Logo:
        if not self.alt.strip() and not self.decorative:
            raise ValueError(
                "must have 'alt' text that says what the logo shows, like \"Jobcentre Plus\""
                " (or 'decorative: true' if it shows nothing people need)"
            )
        return self


class _ThemeFile(Strict):
    colours: _Colours = _Colours()
    logo: _Logo | None = None
    footer: Annotated[str, Field(max_length=60)] = ""


@dataclass(frozen=True)
class _Pair:
    """Two colours that must stand apart, and how to describe each one next to the other."""

    one: str
    two: str
    needed: float
    one_is: str  # how `one` is used next to `two`, which fills {other}
    two_is: str


PAIRS = (
    _Pair("primary", "on_primary", TEXT_CONTRAST, "with {other} text", "on the primary colour {other}"),
    _Pair("text", "background", TEXT_CONTRAST, "on a {other} background", "behind {other} text"),
    _Pair("text", "panel", TEXT_CONTRAST, "on the panel colour {other}", "behind {other} text"),
    _Pair("primary", "background", TEXT_CONTRAST, "as text on a {other} background", "behind {other} text"),
    _Pair(
        "accent",
        "background",
        NON_TEXT_CONTRAST,
        "for icons and lines on a {other} background",
        "behind {other} icons and lines",
    ),
    _Pair(
        "accent",
        "panel",
        NON_TEXT_CONTRAST,
        "for icons and lines on the panel colour {other}",
        "behind {other} icons and lines",
    ),
)


def theme_files(content_dir: Path, district: str) -> list[Path]:
    """The theme files that apply to a district, national first; either may be missing."""
    paths = (content_dir / THEME, content_dir / check_id(district, "district") / THEME)
    found = [p for p in paths if p.is_file()]
    for path in found:
        confined(content_dir, path)  # a link out of the content folder is refused, naming it
    return found


def theme_inputs(content_dir: Path, district: str, theme: Theme) -> list[Path]:
    """Every file a district's look is made from, so a build can tell when it changed."""
    return theme_files(content_dir, district) + ([theme.logo] if theme.logo else [])


def load_theme(content_dir: Path, district: str) -> Theme:
    """The district's theme: the defaults, then the national file, then the district's, key by key.

    Refuses, with one line naming the file and line, a colour that fails WCAG 2.2 AA contrast and a
    logo that is outside the content folder, missing, not a PNG or JPEG, or has no alt text.
    """
    docs = [read_yaml(path) for path in theme_files(content_dir, district)]
    if not docs:
        return DEFAULT_THEME
    merged: dict[str, Any] = {}
    origin: dict[tuple, YamlDoc] = {}
    for doc in docs:
        merged = merge(merged, doc.data, (), doc, origin)
    try:
        found = _ThemeFile.model_validate(merged)
    except ValidationError as err:
        raise explain(err, docs[-1], origin) from None
    colours = {name: value for name, value in found.colours.model_dump().items() if value is not None}
    theme = Theme(**colours, footer=found.footer)
    _check_contrast(theme, docs, origin)
    if found.logo is None:
        return theme
    logo = _logo_file(content_dir, found.logo.file, origin[("logo", "file")])
    return replace(theme, logo=logo, logo_alt="" if found.logo.decorative else found.logo.alt.strip())


def _check_contrast(theme: Theme, docs: list[YamlDoc], origin: dict[tuple, YamlDoc]) -> None:
    """Refuse the first pair of colours that do not stand apart enough, blaming the one set most locally."""
    for pair in PAIRS:
        one, two = getattr(theme, pair.one), getattr(theme, pair.two)
        ratio = contrast(one, two)
        if ratio >= pair.needed:
            continue
        blame_two = _set_in(pair.two, docs, origin) > _set_in(pair.one, docs, origin)
        name, value, other, phrase = (
            (pair.two, two, one, pair.two_is) if blame_two else (pair.one, one, two, pair.one_is)
        )
        which = _way_out(value, other, pair.needed)
        message = (
            f"colour '{name}' #{value} has contrast {ratio_text(ratio)} {phrase.format(other=_describe(other))};"
            f" it needs {pair.needed:g}:1: use a {which} colour"
        )
        location = _where(name, origin)
        doc = origin.get(location, docs[-1])
        raise ToolkitError(message, doc.path, doc.line_of(location))


def _where(name: str, origin: dict[tuple, YamlDoc]) -> tuple[str, ...]:
    """Where a colour was set: its own key; the primary colour's for an accent that follows it; else `colours`."""
    places = [("colours", name), *([("colours", "primary")] if name == "accent" else []), ("colours",)]
    return next((place for place in places if place in origin), ())


def _set_in(name: str, docs: list[YamlDoc], origin: dict[tuple, YamlDoc]) -> int:
    """Which file set a colour: 0 national, 1 district; -1 for a default. An accent not set follows the primary."""
    location = _where(name, origin)
    doc = origin[location] if len(location) == 2 else None
    return next((i for i, d in enumerate(docs) if d is doc), -1)


def _way_out(colour: str, other: str, needed: float) -> str:
    """'lighter' or 'darker': away from the other colour, unless only the other way can reach the contrast."""
    lighter = luminance(colour) >= luminance(other)
    if contrast("FFFFFF" if lighter else "000000", other) < needed:
        lighter = not lighter
    return "lighter" if lighter else "darker"


def _describe(colour: str) -> str:
    return {"FFFFFF": "white", "000000": "black"}.get(colour, f"#{colour}")


def _logo_file(content_dir: Path, file: str, doc: YamlDoc) -> Path:
    """The logo's path: inside the content folder (no ../ or links out), there, and a PNG or JPEG picture."""
    line = doc.line_of(("logo", "file"))
    folder = content_dir.name

    def refuse(problem: str) -> ToolkitError:
        return ToolkitError(f"logo file '{file}' {problem}", doc.path, line)

    try:
        path = inside(content_dir, str(doc.path.parent.relative_to(content_dir) / file))
    except ToolkitError:
        raise refuse(f"is outside the {folder} folder: put the logo in {folder}/, next to this file") from None
    if not path.is_file():
        raise refuse("is not there: check its name, and put it next to this file")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(8)
    except OSError as err:
        raise refuse(f"cannot be read ({err.strerror})") from None
    if size > MAX_LOGO_BYTES:
        raise refuse(f"is over {MAX_LOGO_BYTES // 2**20} MB: save a smaller picture (a logo needs far less)")
    if not start.startswith(IMAGE_SIGNATURES):
        raise refuse("is not a PNG or JPEG picture: save it as PNG")
    return path
