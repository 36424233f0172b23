"""The theme file: defaults, national then district key by key, contrast refused in one line, a safe logo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, REPO, toolkit
from toolkit.colour import contrast, parse_colour, ratio_text
from toolkit.content import theme as theme_module
from toolkit.content.theme import DEFAULT_THEME, Theme, load_theme
from toolkit.errors import ToolkitError
from toolkit.project import ContentRoot

DISTRICT = "north"
LOGO = FIXTURES / "dot.png"


def national(root: ContentRoot, text: str) -> Path:
    path = root.content / "theme.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def district(root: ContentRoot, text: str, name: str = DISTRICT) -> Path:
    path = root.content / name / "theme.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(root: ContentRoot, name: str = DISTRICT) -> ToolkitError:
    with pytest.raises(ToolkitError) as caught:
        load_theme(root.content, name)
    assert "\n" not in str(caught.value)
    return caught.value


def test_no_theme_files_give_the_defaults(mini: ContentRoot) -> None:
    assert load_theme(mini.content, DISTRICT) == DEFAULT_THEME
    assert DEFAULT_THEME.primary == "1D70B8" and DEFAULT_THEME.on_primary == "FFFFFF"
    assert (DEFAULT_THEME.text, DEFAULT_THEME.background, DEFAULT_THEME.panel) == ("0B0C0C", "FFFFFF", "F3F2F1")
    assert DEFAULT_THEME.accent == DEFAULT_THEME.primary
    assert DEFAULT_THEME.logo is None and DEFAULT_THEME.footer == ""


def test_the_example_theme_is_the_defaults() -> None:
    assert load_theme(REPO / "local_content", "west-yorkshire") == DEFAULT_THEME


def test_the_accent_follows_the_primary_colour_unless_it_is_set() -> None:
    assert Theme(primary="#003078").accent == "003078"
    assert Theme(primary="003078", accent="1d70b8").accent == "1D70B8"


def test_district_overrides_national_key_by_key(mini: ContentRoot) -> None:
    national(mini, 'colours:\n  primary: "003078"\n  panel: "F8F8F8"\nfooter: "England"\n')
    district(mini, 'colours:\n  primary: "#0b0c0c"\nfooter: "North"\n')
    theme = load_theme(mini.content, DISTRICT)
    assert theme.primary == "0B0C0C"  # the district's
    assert theme.panel == "F8F8F8"  # the national file's, kept
    assert theme.accent == "0B0C0C"  # follows the primary colour
    assert theme.text == DEFAULT_THEME.text  # neither file sets it
    assert theme.footer == "North"


def test_a_theme_without_a_district_file_is_the_national_one(mini: ContentRoot) -> None:
    national(mini, 'colours:\n  primary: "003078"\n')
    assert load_theme(mini.content, DISTRICT).primary == "003078"


# Each rule, a colour that fails it (and no rule before it), the colour named, the other colour, what it needs.
RULES = [
    ('primary: "FFDD00"', "primary", "FFDD00", "FFFFFF", 4.5, "with white text", "darker"),
    ('on_primary: "4C8CC8"', "on_primary", "4C8CC8", "1D70B8", 4.5, "on the primary colour #1D70B8", "lighter"),
    ('text: "B1B4B6"', "text", "B1B4B6", "FFFFFF", 4.5, "on a white background", "darker"),
    ('text: "767676"', "text", "767676", "F3F2F1", 4.5, "on the panel colour #F3F2F1", "darker"),
    (
        'primary: "FFDD00"\n  on_primary: "0B0C0C"',
        "primary",
        "FFDD00",
        "FFFFFF",
        4.5,
        "as text on a white background",
        "darker",
    ),
    ('accent: "B1B4B6"', "accent", "B1B4B6", "FFFFFF", 3.0, "for icons and lines on a white background", "darker"),
    (
        'accent: "949494"',
        "accent",
        "949494",
        "F3F2F1",
        3.0,
        "for icons and lines on the panel colour #F3F2F1",
        "darker",
    ),
]


@pytest.mark.parametrize(("colours", "name", "value", "other", "needed", "phrase", "advice"), RULES)
def test_each_contrast_rule_refuses_a_failing_colour(
    mini: ContentRoot, colours: str, name: str, value: str, other: str, needed: float, phrase: str, advice: str
) -> None:
    ratio = contrast(value, other)
    assert ratio < needed  # the colour really fails this rule
    path = district(mini, f"# a comment\ncolours:\n  {colours}\n")
    err = refused(mini)
    assert err.path == str(path)
    assert err.line == 1 + next(i for i, line in enumerate(path.read_text().splitlines()) if f"{name}:" in line)
    assert err.message == (
        f"colour '{name}' #{value} has contrast {ratio_text(ratio)} {phrase}; "
        f"it needs {needed:g}:1: use a {advice} colour"
    )


def test_a_yellow_cover_is_refused_in_one_plain_line(mini: ContentRoot) -> None:
    district(mini, 'colours:\n  primary: "FFDD00"\n')
    assert refused(mini).message == (
        "colour 'primary' #FFDD00 has contrast 1.3:1 with white text; it needs 4.5:1: use a darker colour"
    )


def test_the_colour_set_most_locally_is_blamed(mini: ContentRoot) -> None:
    national(mini, 'colours:\n  text: "595959"\n')
    path = district(mini, 'footer: "North"\ncolours:\n  panel: "C0C0C0"\n')
    ratio = contrast("595959", "C0C0C0")
    assert ratio < 4.5 <= contrast("595959", "FFFFFF")
    err = refused(mini)
    assert (err.path, err.line) == (str(path), 3)
    assert err.message == (
        f"colour 'panel' #C0C0C0 has contrast {ratio_text(ratio)} behind #595959 text; it needs 4.5:1: "
        "use a lighter colour"
    )


def test_a_near_miss_is_not_rounded_up_to_a_pass() -> None:
    assert ratio_text(4.49) == "4.4:1"
    assert ratio_text(4.5) == "4.5:1"


@pytest.mark.parametrize(
    ("text", "expected", "line"),
    [
        ('colours:\n  primary: "blue"\n', "'colours.primary' must be a colour written as 6 hex digits", 2),
        ('colours:\n  primary: "1D70B"\n', "'colours.primary' must be a colour written as 6 hex digits", 2),
        ("colours:\n  text: 000000\n", "'colours.text' must be a colour in quotes", 2),
        ('colours:\n  primry: "1D70B8"\n', "'colours.primry' is not a field we know", 2),
        ('footer: ""\ncolour:\n  primary: "1D70B8"\n', "'colour' is not a field we know", 3),
        ("footer: " + "x" * 61 + "\n", "'footer' is too long: use at most 60 characters", 1),
        ("colours: [1D70B8]\n", "'colours' must be a group", 1),
    ],
)
def test_mistakes_name_the_file_and_line(mini: ContentRoot, text: str, expected: str, line: int) -> None:
    path = district(mini, text)
    err = refused(mini)
    assert expected in err.message
    assert (err.path, err.line) == (str(path), line)


def test_parse_colour_accepts_hex_with_or_without_a_hash() -> None:
    assert parse_colour("1D70B8") == parse_colour("#1d70b8") == "1D70B8"
    for bad in ("blue", "#1D70B", "1D70B8FF", "##1D70B8", "0x1D70B8", ""):
        with pytest.raises(ValueError, match="6 hex digits"):
            parse_colour(bad)


def logo_theme(file: str, alt: str = 'alt: "Jobcentre Plus"') -> str:
    return f'footer: "North"\nlogo:\n  file: {file}\n  {alt}\n'


def test_a_logo_next_to_the_theme_file(mini: ContentRoot) -> None:
    shutil.copy(LOGO, mini.content / DISTRICT / "logo.png")
    district(mini, logo_theme("logo.png"))
    theme = load_theme(mini.content, DISTRICT)
    assert theme.logo == (mini.content / DISTRICT / "logo.png").resolve()
    assert theme.logo_alt == "Jobcentre Plus" and not theme.logo_decorative


def test_a_district_can_use_the_national_logo_and_change_its_alt_text(mini: ContentRoot) -> None:
    shutil.copy(LOGO, mini.content / "logo.png")
    national(mini, logo_theme("logo.png"))
    district(mini, 'logo:\n  alt: "Jobcentre Plus North"\n')
    theme = load_theme(mini.content, DISTRICT)
    assert theme.logo == (mini.content / "logo.png").resolve()
    assert theme.logo_alt == "Jobcentre Plus North"


def test_a_decorative_logo_needs_no_alt_text(mini: ContentRoot) -> None:
    shutil.copy(LOGO, mini.content / DISTRICT / "logo.png")
    district(mini, logo_theme("logo.png", 'alt: ""\n  decorative: true'))
    theme = load_theme(mini.content, DISTRICT)
    assert theme.logo_alt == "" and theme.logo_decorative


def test_a_jpeg_logo_is_accepted(mini: ContentRoot) -> None:
    (mini.content / DISTRICT / "logo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    district(mini, logo_theme("logo.jpg"))
    assert load_theme(mini.content, DISTRICT).logo.name == "logo.jpg"


def test_a_logo_outside_the_content_folder_is_refused(mini: ContentRoot) -> None:
    shutil.copy(LOGO, mini.path / "logo.png")  # beside local_content/, not in it
    path = district(mini, logo_theme("../../logo.png"))
    err = refused(mini)
    assert "logo file '../../logo.png' is outside the local_content folder" in err.message
    assert (err.path, err.line) == (str(path), 3)


def test_an_absolute_logo_path_is_refused(mini: ContentRoot) -> None:
    district(mini, logo_theme(str(LOGO)))
    assert "is outside the local_content folder" in refused(mini).message


def test_a_link_to_a_logo_outside_the_content_folder_is_refused(mini: ContentRoot) -> None:
    (mini.content / DISTRICT / "logo.png").symlink_to(LOGO)
    path = district(mini, logo_theme("logo.png"))
    err = refused(mini)
    assert "is outside the local_content folder" in err.message
    assert (err.path, err.line) == (str(path), 3)


def test_a_missing_logo_is_refused(mini: ContentRoot) -> None:
    path = district(mini, logo_theme("logo.png"))
    err = refused(mini)
    assert err.message.startswith("logo file 'logo.png' is not there")
    assert (err.path, err.line) == (str(path), 3)


def test_a_logo_that_is_not_a_picture_is_refused(mini: ContentRoot) -> None:
    (mini.content / DISTRICT / "logo.png").write_text("<svg></svg>")
    path = district(mini, logo_theme("logo.png"))
    err = refused(mini)
    assert "is not a PNG or JPEG picture" in err.message
    assert (err.path, err.line) == (str(path), 3)


def test_a_logo_too_big_is_refused(mini: ContentRoot, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(LOGO, mini.content / DISTRICT / "logo.png")
    district(mini, logo_theme("logo.png"))
    monkeypatch.setattr(theme_module, "MAX_LOGO_BYTES", 100)
    message = refused(mini).message
    assert message.startswith("logo file 'logo.png' is over") and "save a smaller picture" in message


def test_a_logo_without_alt_text_is_refused(mini: ContentRoot) -> None:
    shutil.copy(LOGO, mini.content / DISTRICT / "logo.png")
    for alt in ("", 'alt: "  "'):
        path = district(mini, logo_theme("logo.png", alt))
        err = refused(mini)
        assert err.message.startswith("'logo' must have 'alt' text that says what the logo shows")
        assert (err.path, err.line) == (str(path), 3)


def test_a_theme_file_is_not_a_site(mini: ContentRoot) -> None:
    district(mini, 'footer: "North"\n')
    result = toolkit("--root", mini.path, "sites", "--format", "json")
    assert result.exit_code == 0 and '"theme"' not in result.stdout


def test_validate_reports_a_bad_theme(mini: ContentRoot) -> None:
    assert toolkit("--root", mini.path, "validate").exit_code == 0
    path = district(mini, 'colours:\n  primary: "FFDD00"\n')
    result = toolkit("--root", mini.path, "validate")
    assert result.exit_code == 1
    assert f"{path}:2: colour 'primary' #FFDD00 has contrast" in " ".join(result.stderr.split())


# Incremental builds: as in tests/test_incremental.py


def build(root: ContentRoot, out: Path):
    return toolkit("--root", root.path, "build", "--out", out, "--format", "pptx,txt")


def built(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.*") if p.suffix != ".json"}


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {p for p in after if after[p] != before.get(p)}


def two_districts(root: ContentRoot) -> None:
    shutil.copytree(root.content / DISTRICT, root.content / "south")


def test_changing_a_district_theme_rebuilds_only_its_decks(mini: ContentRoot, tmp_path: Path) -> None:
    two_districts(mini)
    out = tmp_path / "out"
    assert build(mini, out).exit_code == 0
    before = built(out)
    district(mini, 'colours:\n  primary: "#003078"\n')
    result = build(mini, out)
    assert result.exit_code == 0
    assert "Wrote 1 file for 1 site" in result.stdout
    assert changed(before, built(out)) == {"north/testford-central/en/demo.pptx"}  # not the text, nor the south
    assert "Nothing to do" in build(mini, out).stdout


def test_changing_the_national_theme_or_the_logo_rebuilds_every_deck(mini: ContentRoot, tmp_path: Path) -> None:
    two_districts(mini)
    out = tmp_path / "out"
    build(mini, out)
    before = built(out)
    shutil.copy(LOGO, mini.content / "logo.png")
    national(mini, logo_theme("logo.png"))
    assert "Wrote 2 files for 2 sites" in build(mini, out).stdout
    after = built(out)
    assert changed(before, after) == {f"{d}/testford-central/en/demo.pptx" for d in ("north", "south")}
    (mini.content / "logo.png").write_bytes(LOGO.read_bytes() + b"\0" * 16)  # a new picture, same file name
    assert "Wrote 2 files for 2 sites" in build(mini, out).stdout


def test_a_bad_theme_stops_its_district_only(mini: ContentRoot, tmp_path: Path) -> None:
    two_districts(mini)
    path = district(mini, 'colours:\n  text: "B1B4B6"\n', name="south")
    out = tmp_path / "out"
    result = build(mini, out)
    assert result.exit_code == 1
    assert f"{path}:2: colour 'text' #B1B4B6" in " ".join(result.stderr.split())
    assert (out / "north/testford-central/en/demo.pptx").is_file()
    assert not (out / "south").exists()
