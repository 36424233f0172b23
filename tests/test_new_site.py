"""Adding a jobcentre: `new-site` starts a file, `validate --site` says what is missing, and the filled-in
file builds every topic. Also: commands find the content folder from any folder inside it."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import toolkit
from .test_build import TOPICS

# A value for each field `validate --site` can ask for, as YAML.
SAMPLES = {
    "name": "Testville Jobcentre",
    "address": "1 Market Street, Testville",
    "postcode": "TV1 1AA",
    "step_free_access": "true",
    "opening_hours": "Monday to Friday, 9am to 5pm",
    "source": "https://www.gov.uk/contact-jobcentre-plus",
    "checked": dt.date.today().isoformat(),
    "how": "Take the number 5 bus from the market.",
    "time": "About 20 minutes",
    "sector": "Health",
    "entry_roles": "[Porter, Cleaner]",
    "how_to_apply": "Apply online.",
    "website": "https://www.example.org",
    "getting_there": "Take the number 5 bus.",
    "kind": "food",
    "what": "Food parcels with a referral.",
    "notice": "The days and times go in your journal.",
    "day": "Monday",
    "start": '"10:00"',
    "end": '"11:00"',
    "title": "Plan your week",
    "covers": "What work you want and your plan for the week.",
    "room": "Room 1",
    "timetable.sessions.kind": "group",  # a service's kind is "food"; a session's is one-to-one or group
}
PROBLEM = re.compile(r"^Error: (?P<path>.+):(?P<line>\d+): '(?P<field>[\w.]+)'", re.M)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder made from the examples, as a content team would start."""
    root = tmp_path / "ours"
    assert toolkit("init", root).exit_code == 0
    return root


@pytest.fixture
def inside(content: Path) -> Iterator[Path]:
    """Work in a folder deep inside the content folder, as someone editing a district's files would."""
    before = Path.cwd()
    os.chdir(content / "local_content" / "west-yorkshire")
    yield content
    os.chdir(before)


def fill_in(stderr: str) -> int:
    """Put a value on each line `validate` names, as a person following its messages would; returns how many."""
    found = list(PROBLEM.finditer(stderr))
    for problem in found:
        path = Path(problem["path"])
        lines = path.read_text().splitlines(keepends=True)
        line = lines[int(problem["line"]) - 1]
        parts = [part for part in problem["field"].split(".") if not part.isdigit()]
        key = parts[-1]
        value = SAMPLES.get(".".join(parts), SAMPLES[key])
        lines[int(problem["line"]) - 1] = line[: line.index(key)] + f"{key}: {value}\n"
        path.write_text("".join(lines))
    return len(found)


def test_a_new_site_filled_in_as_validate_asks_builds_every_topic(content: Path) -> None:
    made = toolkit("--root", content, "new-site", "testville", "--district", "west-yorkshire")
    assert made.exit_code == 0, made.stderr
    path = content / "local_content" / "west-yorkshire" / "testville.yaml"
    assert "unconfirmed: true" in path.read_text()
    first = toolkit("--root", content, "validate", "--site", "testville")
    assert first.exit_code == 1
    assert "welcome: needs jobcentre, timetable" in first.stdout
    assert fill_in(first.stderr) > 20
    second = toolkit("validate", "--site", "testville", "--root", content)  # --root after the command
    assert second.exit_code == 0, second.stderr
    assert "transport: has what it needs" in second.stdout
    assert "Unconfirmed: " in second.stderr  # still marked: nobody has confirmed the facts yet
    built = toolkit("--root", content, "build", "--site", "testville", "--format", "pptx", "--out", content / "out")
    assert built.exit_code == 0, built.stderr
    topics = {p.stem for p in (content / "out" / "west-yorkshire" / "testville" / "en").glob("*.pptx")}
    assert topics == TOPICS
    strict = toolkit("--root", content, "build", "--site", "testville", "--strict", "--out", content / "out")
    assert strict.exit_code == 1 and "testville.yaml" in strict.stderr


def test_new_site_never_overwrites_and_stays_in_the_content_folder(content: Path) -> None:
    assert toolkit("--root", content, "new-site", "leeds-eastgate", "--district", "west-yorkshire").exit_code == 2
    escape = toolkit("--root", content, "new-site", "../../evil", "--district", "west-yorkshire")
    assert escape.exit_code == 2 and "not a valid site id" in escape.stderr
    assert toolkit("--root", content, "new-site", "x", "--district", "nowhere").exit_code == 2
    assert not list(content.rglob("evil*"))


def test_a_new_district_gets_a_district_file_to_fill_in(content: Path) -> None:
    assert toolkit("--root", content, "new-district", "north-wales").exit_code == 0
    text = (content / "local_content" / "north-wales" / "district.yaml").read_text()
    assert "nation:" in text and "unconfirmed: true" in text
    assert toolkit("--root", content, "new-district", "north-wales").exit_code == 2
    assert toolkit("--root", content, "new-site", "rhyl", "--district", "north-wales").exit_code == 0


def test_commands_find_the_content_folder_from_inside_it(inside: Path) -> None:
    result = toolkit("sites", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "leeds-eastgate" in result.stdout


def test_root_needs_a_folder(content: Path) -> None:
    result = toolkit("sites", "--root")
    assert result.exit_code == 2 and "--root needs a folder" in result.stderr
