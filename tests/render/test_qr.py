"""QR codes: every code must scan back to exactly its address, checked with zbarimg from zbar-tools."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.helpers import need_tool
from toolkit.render.qr import qr_png, short_address

ADDRESSES = [
    "https://www.gov.uk",
    "https://www.gov.uk/universal-credit/",
    "https://www.traveline.info",
    "https://findajob.dwp.gov.uk/search?q=warehouse+operative&w=LS9+8AA&d=10&pp=25",
    "https://nationalcareers.service.gov.uk/find-a-course/course-details?CourseId=3f1c2a&r=8d4e"
    "&referralPath=%2Ffind-a-course%2Fsearch%3FsearchTerm%3Dforklift%26distance%3D15%2520miles",
    "http://example.org/a/" + "very-long-path-segment/" * 20 + "end.html?page=2#contents",
]


def decode(png: bytes, tmp_path: Path) -> str:
    """What a phone would read from the code: zbarimg's text for every symbol in the image."""
    zbarimg = shutil.which("zbarimg")
    need_tool(zbarimg is not None, "zbarimg (apt-get install zbar-tools)")
    image = tmp_path / "code.png"
    image.write_bytes(png)
    result = subprocess.run(
        [zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout.decode("utf-8").removesuffix("\n")


@pytest.mark.parametrize("address", ADDRESSES)
def test_code_scans_to_exactly_the_address(address: str, tmp_path: Path) -> None:
    assert decode(qr_png(address), tmp_path) == address


def test_code_in_another_colour_still_scans(tmp_path: Path) -> None:
    assert decode(qr_png(ADDRESSES[3], colour="1D70B8"), tmp_path) == ADDRESSES[3]


@pytest.mark.parametrize("address", ADDRESSES)
def test_size_and_quiet_zone(address: str) -> None:
    image = Image.open(io.BytesIO(qr_png(address))).convert("RGB")
    width, height = image.size
    assert width == height
    assert 400 <= width <= 600
    # The corner finder pattern starts after 4 white modules: the top-left pixel and the
    # whole first rows are white, and dark appears on the diagonal before a third of the way in.
    assert image.getpixel((0, 0)) == (255, 255, 255)
    assert all(image.getpixel((x, 2)) == (255, 255, 255) for x in range(width))
    assert any(image.getpixel((i, i)) != (255, 255, 255) for i in range(width // 3))


def test_colour_is_used_and_background_is_opaque_white() -> None:
    image = Image.open(io.BytesIO(qr_png(ADDRESSES[1], colour="1D70B8"))).convert("RGBA")
    colours = {colour for _, colour in image.getcolors()}
    assert colours == {(0x1D, 0x70, 0xB8, 255), (255, 255, 255, 255)}
    default = Image.open(io.BytesIO(qr_png(ADDRESSES[1]))).convert("RGBA")
    assert {colour for _, colour in default.getcolors()} == {(0x0B, 0x0C, 0x0C, 255), (255, 255, 255, 255)}


def test_same_input_same_bytes() -> None:
    first = qr_png(ADDRESSES[3])
    qr_png.cache_clear()
    assert qr_png(ADDRESSES[3]) == first
    assert qr_png(ADDRESSES[3], colour="1D70B8") != first
    assert b"tIME" not in first and b"tEXt" not in first


@pytest.mark.parametrize("colour", ["#0B0C0C", "0B0C0", "black", "0B0C0CFF"])
def test_bad_colour_is_refused(colour: str) -> None:
    with pytest.raises(ValueError, match="RRGGBB"):
        qr_png(ADDRESSES[0], colour=colour)


@pytest.mark.parametrize(
    ("address", "short"),
    [
        ("https://www.gov.uk/universal-credit/", "gov.uk/universal-credit"),
        ("https://www.traveline.info", "traveline.info"),
        ("http://www.traveline.info/", "traveline.info"),
        ("https://findajob.dwp.gov.uk/search?q=cook", "findajob.dwp.gov.uk/search?q=cook"),
        ("https://nationalcareers.service.gov.uk/", "nationalcareers.service.gov.uk"),
        ("https://www.gov.uk/browse/benefits/", "gov.uk/browse/benefits"),
    ],
)
def test_short_address(address: str, short: str) -> None:
    assert short_address(address) == short
