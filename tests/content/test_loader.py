"""Local content: inheritance, and a clear error for each kind of mistake."""

from __future__ import annotations

import pytest

from toolkit.content.loader import find_sites, load_site, select_sites
from toolkit.errors import ToolkitError
from toolkit.project import ContentRoot


def site_file(root: ContentRoot):
    return root.content / "north" / "testford-central.yaml"


def load(root: ContentRoot):
    return load_site(root.content, find_sites(root.content)[0])


def test_site_inherits_district_and_national(mini: ContentRoot) -> None:
    site = load(mini)
    assert site.jobcentre.name == "Testford Central Jobcentre"
    assert site.district.area == "Testford"  # from district.yaml
    assert site.travel_costs.interviews.text.startswith("Your work coach")  # from national.yaml
    # named lists add up: the national debt line and the site's food bank
    assert [s.name for s in site.services] == ["National Debtline", "Testford Food Bank"]


def test_site_overrides_a_named_item(mini: ContentRoot) -> None:
    path = site_file(mini)
    path.write_text(
        path.read_text()
        + """
  - name: National Debtline
    kind: debt
    what: Local number for the debt line.
    phone: 0113 000 0000
    source: test
    checked: 2026-01-01
""",
        encoding="utf-8",
    )
    services = {s.name: s for s in load(mini).services}
    assert services["National Debtline"].phone == "0113 000 0000"
    assert len(services) == 2


@pytest.mark.parametrize(
    ("mistake", "expected", "line"),
    [
        ("jobcentre:\n  name: [unclosed\n  postcode: X\n", "YAML error", 3),
        ("jobcentre:\n  nme: Typo\n", "'jobcentre.nme' is not a field we know", 2),
        ("extra_field: 1\n", "'extra_field' is not a field we know", 1),
        ("jobcentre:\n  name: Bell \a here\n", "control character (U+0007)", 2),
    ],
)
def test_mistakes_name_file_line_and_fix(mini: ContentRoot, mistake: str, expected: str, line: int) -> None:
    path = site_file(mini)
    original = path.read_text()
    if mistake.startswith("jobcentre:"):
        path.write_text(mistake, encoding="utf-8")
    else:
        path.write_text(mistake + original, encoding="utf-8")
    with pytest.raises(ToolkitError) as caught:
        load(mini)
    assert expected in caught.value.message
    assert caught.value.path == str(path)
    assert caught.value.line == line


def test_missing_field_is_named(mini: ContentRoot) -> None:
    path = site_file(mini)
    path.write_text(path.read_text().replace("  postcode: TE1 1ST\n", ""), encoding="utf-8")
    with pytest.raises(ToolkitError, match=r"'jobcentre.postcode' is missing: add it"):
        load(mini)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("website: https://hospital.example.org", "website: hospital.example.org", "full web address"),
        ("checked: 2026-01-01\n", "checked: 2999-01-01\n", "in the future"),
        ("phone: 0808 808 4000", "phone: call us", "phone number"),
    ],
)
def test_bad_values_are_explained(mini: ContentRoot, old: str, new: str, message: str) -> None:
    for path in (mini.content / "national.yaml", mini.content / "north" / "district.yaml"):
        text = path.read_text()
        if old in text:
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            break
    with pytest.raises(ToolkitError, match=message) as caught:
        load(mini)
    assert caught.value.line is not None


@pytest.mark.parametrize("bad", ["../../etc", "Leeds Eastgate", "a/b", ""])
def test_ids_that_could_escape_are_refused(mini: ContentRoot, bad: str) -> None:
    with pytest.raises(ToolkitError, match="not a valid site id"):
        select_sites(find_sites(mini.content), site=bad)


def test_unknown_site_says_how_to_list_sites(mini: ContentRoot) -> None:
    with pytest.raises(ToolkitError, match="run 'toolkit sites'"):
        select_sites(find_sites(mini.content), site="nowhere")
