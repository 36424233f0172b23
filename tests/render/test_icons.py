"""The bundled icons exist, take the colour asked for, and fit the content we have."""

from __future__ import annotations

import io
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from PIL import Image

from toolkit.content.icons import ICONS, SECTOR_FALLBACK, sector_icon, service_icon, transport_icon
from toolkit.content.models import Operator, ServiceKind
from toolkit.errors import ToolkitError
from toolkit.render.icons import ICON_DIR, icon_png

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIRS = [ROOT / "local_content", ROOT / "tests" / "fixtures"]


def sectors(value: object) -> Iterator[str]:
    """Every `sector:` value anywhere in a loaded YAML file."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sector" and isinstance(item, str):
                yield item
            else:
                yield from sectors(item)
    elif isinstance(value, list):
        for item in value:
            yield from sectors(item)


EXAMPLE_SECTORS = sorted(
    {s for folder in CONTENT_DIRS for path in folder.rglob("*.yaml") for s in sectors(yaml.safe_load(path.read_text()))}
)


def test_the_example_content_has_sectors():
    """Guards the test below: it would pass vacuously if the content moved."""
    assert len(EXAMPLE_SECTORS) >= 10


@pytest.mark.parametrize("name", sorted(ICONS))
def test_every_icon_has_a_mask(name):
    with Image.open(ICON_DIR / f"{name}.png") as im:
        assert im.mode == "RGBA"
        assert im.size == (256, 256)
        assert im.getextrema()[:3] == ((0, 0), (0, 0), (0, 0)), "masks are black; icon_png sets the colour"
        assert im.info == {}, "masks carry no metadata"


def test_there_are_no_masks_we_do_not_describe():
    assert {p.stem for p in ICON_DIR.glob("*.png")} == set(ICONS)


def test_the_licence_is_beside_the_icons():
    text = (ICON_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "lucide-static" in text.splitlines()[0]
    assert "ISC License" in text


def test_the_masks_are_small():
    assert sum(p.stat().st_size for p in ICON_DIR.glob("*.png")) < 500_000


@pytest.mark.parametrize("name", ["bus", "group", "pound"])
def test_icon_png_takes_the_colour(name):
    data = icon_png(name, "1D70B8")
    with Image.open(io.BytesIO(data)) as im:
        im = im.convert("RGBA")
        alpha = im.getchannel("A")
        lowest, highest = alpha.getextrema()
        assert (lowest, highest) == (0, 255), "the icon needs both transparent and opaque pixels"
        opaque = {px[:3] for _, px in im.getcolors(256 * 256) if px[3] == 255}
        assert opaque == {(0x1D, 0x70, 0xB8)}


def test_icon_png_is_the_same_every_time():
    first = icon_png("train", "00703C")
    icon_png.cache_clear()
    assert icon_png("train", "00703C") == first
    assert icon_png("train", "#00703c") == first
    assert icon_png("train", "D4351C") != first


def test_an_unknown_icon_suggests_the_closest():
    with pytest.raises(ToolkitError) as caught:
        icon_png("buss", "000000")
    message = str(caught.value)
    assert "'buss'" in message
    assert message.split("use one of ")[1].startswith("bus,")
    assert "\n" not in message


def test_a_bad_colour_is_explained():
    with pytest.raises(ToolkitError, match="six hex digits"):
        icon_png("bus", "blue")


@pytest.mark.parametrize("sector", EXAMPLE_SECTORS)
def test_every_example_sector_has_its_own_icon(sector):
    icon = sector_icon(sector)
    assert icon in ICONS
    assert icon != SECTOR_FALLBACK, f"add a keyword for {sector!r} to SECTOR_RULES"


@pytest.mark.parametrize(
    ("sector", "icon"),
    [
        ("Health", "health"),
        ("NHS hospital", "health"),
        ("Customer care", "office"),  # "care" alone means health; customer care is office work
        ("Local government", "public-sector"),
        ("Education", "education"),
        ("Transport", "bus"),
        ("Rail", "train"),
        ("Airport", "plane"),
        ("Shops and cafes", "retail"),  # the first sector named wins
        ("Shops and warehouses", "retail"),
        ("Warehouses and delivery", "warehouse"),
        ("Post and delivery", "warehouse"),
        ("Food making", "factory"),  # making food is factory work, not a cafe
        ("Food and drink making", "factory"),
        ("Hotels and catering", "hospitality"),
        ("Banking and customer service", "office"),
        ("Energy and customer service", "energy"),
        ("Shipbuilding and engineering", "engineering"),
        ("Leisure, libraries and events", "leisure"),
        ("Construction", "construction"),
        ("Something new", SECTOR_FALLBACK),
    ],
)
def test_sector_keywords(sector, icon):
    assert sector_icon(sector) == icon


@pytest.mark.parametrize("kind", typing.get_args(ServiceKind))
def test_every_service_kind_has_an_icon(kind):
    assert service_icon(kind) in ICONS


@pytest.mark.parametrize("mode", typing.get_args(Operator.model_fields["mode"].annotation))
def test_every_transport_mode_has_an_icon(mode):
    assert transport_icon(mode) in ICONS


def test_unknown_kinds_and_modes_are_errors():
    with pytest.raises(ToolkitError, match="use one of mental_health"):
        service_icon("mental health")
    with pytest.raises(ToolkitError, match="use one of rail"):
        transport_icon("rai")
