"""Facts you can trust: review periods, unconfirmed facts, the facts report and `build --strict`.

Dates are set relative to today, so these tests mean the same on any day they run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from tests.helpers import toolkit
from toolkit.content.loader import find_sites, load_site
from toolkit.content.review import add_months
from toolkit.project import ContentRoot

TODAY = dt.date.today()


def site_file(root: ContentRoot) -> Path:
    return root.content / "north" / "testford-central.yaml"


def set_dates(root: ContentRoot, jobcentre: dt.date, others: dt.date) -> None:
    """Give the jobcentre (reviewed every 12 months) one checked date and every other fact another."""
    for path in root.content.rglob("*.yaml"):
        path.write_text(re.sub(r"checked: \d{4}-\d\d-\d\d", f"checked: {others}", path.read_text()))
    text = site_file(root).read_text()
    site_file(root).write_text(text.replace(f"checked: {others}\n", f"checked: {jobcentre}\n", 1))


def mark(root: ContentRoot, unconfirmed: str) -> None:
    """Mark the site's jobcentre block with `unconfirmed`."""
    text = site_file(root).read_text()
    site_file(root).write_text(text.replace("  step_free_access: true\n", f"  step_free_access: true\n{unconfirmed}"))


@pytest.fixture
def fresh(mini: ContentRoot) -> ContentRoot:
    """The mini content with every fact checked yesterday."""
    set_dates(mini, TODAY - dt.timedelta(days=1), TODAY - dt.timedelta(days=1))
    return mini


# Unconfirmed facts ---------------------------------------------------------------------------------------


def test_a_field_marked_unconfirmed_can_be_asked_about(fresh: ContentRoot) -> None:
    mark(fresh, "  unconfirmed: [postcode]\n")
    site = load_site(fresh.content, find_sites(fresh.content)[0])
    assert site.jobcentre.is_unconfirmed("postcode")
    assert not site.jobcentre.is_unconfirmed("address")
    assert site.is_unconfirmed("jobcentre.postcode") and not site.is_unconfirmed("jobcentre.name")
    assert not site.is_unconfirmed("employers.0.name")


def test_a_whole_fact_can_be_unconfirmed(fresh: ContentRoot) -> None:
    mark(fresh, "  unconfirmed: true\n")
    site = load_site(fresh.content, find_sites(fresh.content)[0])
    assert site.is_unconfirmed("jobcentre.address") and site.jobcentre.is_unconfirmed()
    assert "postcode" in site.jobcentre.unconfirmed_fields


def test_a_misspelt_unconfirmed_field_names_its_line(fresh: ContentRoot) -> None:
    mark(fresh, "  unconfirmed: [adress]\n")
    result = toolkit("--root", fresh.path, "validate")
    assert result.exit_code == 1
    assert "testford-central.yaml:6: 'jobcentre.unconfirmed' must name fields of this fact, and 'adress'" in (
        result.stderr
    )


def test_validate_lists_unconfirmed_facts_and_still_passes(fresh: ContentRoot) -> None:
    mark(fresh, "  unconfirmed: [address, postcode]\n")
    result = toolkit("--root", fresh.path, "validate")
    assert result.exit_code == 0, result.stderr
    assert (
        "Unconfirmed: " + str(site_file(fresh)) + ":6: 'jobcentre: Testford Central Jobcentre': "
        "address and postcode are not confirmed yet"
    ) in result.stderr
    assert "1 unconfirmed" in result.stdout


def test_the_example_content_keeps_its_not_confirmed_notes_as_data() -> None:
    from tests.helpers import REPO

    root = REPO / "local_content"
    sites = {ref.site: load_site(root, ref) for ref in find_sites(root)}
    assert sites["leeds-eastgate"].is_unconfirmed("jobcentre.postcode")
    assert sites["cardiff-north"].is_unconfirmed("jobcentre.name")
    assert sites["cardiff-north"].timetable.is_unconfirmed("sessions.room")
    assert not sites["leeds-eastgate"].is_unconfirmed("jobcentre.opening_hours")
    left = [p for p in root.rglob("*.yaml") if "NOT confirmed" in p.read_text()]
    assert not left, left


# Review periods ------------------------------------------------------------------------------------------


def test_an_overdue_fact_is_a_warning_naming_its_file_and_line(mini: ContentRoot) -> None:
    seven_months_ago = add_months(TODAY, -7)
    set_dates(mini, TODAY, seven_months_ago)  # employers and services: every 6 months
    result = toolkit("--root", mini.path, "validate")
    assert result.exit_code == 0, result.stderr
    review_by = add_months(seven_months_ago, 6)
    district = mini.content / "north" / "district.yaml"
    assert (
        f"Warning: {district}:21: 'employers: Testford Hospital' was due to be checked again by {review_by}"
        in result.stderr
    )
    assert "'jobcentre: Testford Central Jobcentre'" not in result.stderr  # checked today
    assert "overdue" in result.stdout


def test_a_fact_due_soon_gets_a_note_not_a_warning(mini: ContentRoot) -> None:
    checked = add_months(TODAY, -6) + dt.timedelta(days=10)  # reviewed every 6 months: due in about 10 days
    set_dates(mini, TODAY, checked)
    result = toolkit("--root", mini.path, "validate")
    assert result.exit_code == 0
    assert "Note: " in result.stderr and "'services: Testford Food Bank' needs checking again by" in result.stderr
    assert "Warning:" not in result.stderr


def test_a_checked_date_in_the_future_is_refused_with_its_line(mini: ContentRoot) -> None:
    set_dates(mini, TODAY + dt.timedelta(days=1), TODAY)
    result = toolkit("--root", mini.path, "validate")
    assert result.exit_code == 1
    assert f"{site_file(mini)}:8: 'jobcentre.checked' is in the future" in result.stderr


def test_a_content_team_can_change_review_periods(mini: ContentRoot) -> None:
    set_dates(mini, add_months(TODAY, -2), add_months(TODAY, -2))
    assert "Warning:" not in toolkit("--root", mini.path, "validate").stderr
    (mini.path / "toolkit.toml").write_text("[facts]\ndue_soon_days = 0\n\n[facts.review_months]\njobcentre = 1\n")
    result = toolkit("--root", mini.path, "validate")
    assert "Warning: " in result.stderr and "'jobcentre: Testford Central Jobcentre'" in result.stderr
    assert "review every 1 months" in result.stderr


@pytest.mark.parametrize(
    ("toml", "line", "words"),
    [
        ("[facts.review_months]\nbuses = 3\n", 2, "no kind of fact called 'buses'"),
        ("[facts.review_months]\nfares = 0\n", 2, "'fares' must be a whole number of months"),
        ("[facts]\ndue_soon = 3\n", 2, "[facts] has no setting 'due_soon'"),
    ],
)
def test_a_wrong_review_setting_names_its_line(mini: ContentRoot, toml: str, line: int, words: str) -> None:
    (mini.path / "toolkit.toml").write_text(toml)
    result = toolkit("--root", mini.path, "validate")
    assert result.exit_code == 2
    assert f"toolkit.toml:{line}: {words}" in result.stderr


def test_months_are_calendar_months() -> None:
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 11, 1), 3) == dt.date(2027, 2, 1)


# build --strict -----------------------------------------------------------------------------------------


def test_strict_build_refuses_unconfirmed_and_overdue_facts(mini: ContentRoot, tmp_path: Path) -> None:
    set_dates(mini, TODAY, add_months(TODAY, -7))
    mark(mini, "  unconfirmed: [postcode]\n")
    out = tmp_path / "out"
    result = toolkit("--root", mini.path, "build", "--strict", "--out", out)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert f"Error: {site_file(mini)}:6: 'jobcentre: Testford Central Jobcentre': postcode is not confirmed yet" in (
        result.stderr
    )
    assert any("district.yaml:21: 'employers: Testford Hospital' was due" in line for line in errors)
    assert all("--strict" in line for line in errors)
    assert f"Nothing was built: {len(errors)} facts to check first (--strict)." in result.stderr
    assert not list(out.rglob("*.pptx"))
    assert "--strict" not in toolkit("--root", mini.path, "build", "--out", out).stderr  # without it, no refusal


def test_strict_build_goes_ahead_with_fresh_confirmed_facts(fresh: ContentRoot, tmp_path: Path) -> None:
    result = toolkit("--root", fresh.path, "build", "--strict", "--out", tmp_path)
    assert "Nothing was built" not in result.stderr and "--strict" not in result.stderr


# The facts report ---------------------------------------------------------------------------------------


def test_facts_as_json_lists_each_fact_once_with_its_status(mini: ContentRoot) -> None:
    set_dates(mini, TODAY, add_months(TODAY, -7))
    mark(mini, "  unconfirmed: [postcode]\n")
    rows = json.loads(toolkit("--root", mini.path, "facts", "--format", "json").stdout)
    by_name = {row["name"]: row for row in rows}
    assert by_name["Testford Central Jobcentre"]["status"] == "unconfirmed"
    assert by_name["Testford Central Jobcentre"]["unconfirmed"] == ["postcode"]
    assert by_name["Testford Central Jobcentre"]["file"] == "local_content/north/testford-central.yaml"
    assert by_name["Testford Hospital"]["status"] == "overdue"
    assert by_name["Testford Hospital"]["review_by"] == add_months(TODAY, -1).isoformat()
    assert by_name["Testford Hospital"]["district"] == "north" and by_name["Testford Hospital"]["site"] == ""
    national = [row for row in rows if row["file"] == "local_content/national.yaml"]
    assert national and all(row["district"] == "" for row in national)
    assert len(rows) == len({(row["file"], row["line"]) for row in rows})


def test_facts_as_csv_is_written_to_a_file_a_spreadsheet_opens(fresh: ContentRoot, tmp_path: Path) -> None:
    target = tmp_path / "facts.csv"
    result = toolkit("--root", fresh.path, "facts", "--format", "csv", "--output", target)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert {row["status"] for row in rows} == {"fresh"}
    assert rows[0]["checked"] == (TODAY - dt.timedelta(days=1)).isoformat()
    assert not list(tmp_path.glob(".*.tmp"))


def test_facts_table_fits_80_columns(mini: ContentRoot, tmp_path: Path) -> None:
    set_dates(mini, TODAY, add_months(TODAY, -7))
    target = tmp_path / "facts.txt"
    assert toolkit("--root", mini.path, "facts", "--output", target).exit_code == 0
    text = target.read_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "Testford Hospital" in text and "overdue" in text
    assert "local_content/north/district.yaml" in text
