"""The content commands: `sites` lists the jobcentres, `validate` checks their files, `init` starts a content
folder, and adding a jobcentre: `new-site` starts a file, `validate --site` says what is missing, and the
filled-in file builds every topic."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from tests.helpers import REPO, TOPICS, toolkit
from toolkit.project import ContentRoot

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


def test_sites_as_json_lists_district_site_and_name() -> None:
    result = toolkit("--root", REPO, "sites", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert any(r["site"] == "leeds-eastgate" and r["district"] == "west-yorkshire" for r in rows)
    assert all(set(r) == {"district", "site", "name"} for r in rows)


def test_validate_passes_on_examples_and_fails_on_a_mistake(mini: ContentRoot) -> None:
    assert toolkit("--root", REPO, "validate").exit_code == 0
    site = mini.content / "north" / "testford-central.yaml"
    site.write_text(site.read_text().replace("step_free_access: true", "step_free_access: perhaps"))
    result = toolkit("--root", mini.path, "validate")
    assert result.exit_code == 1
    assert "testford-central.yaml:5" in result.stderr
    assert "'jobcentre.step_free_access' must be true or false" in result.stderr


def test_init_makes_a_content_root_that_builds(tmp_path: Path) -> None:
    target = tmp_path / "ours"
    assert toolkit("init", target).exit_code == 0
    assert (target / "templates" / "master.pptx").is_file()
    result = toolkit("--root", target, "build", "--site", "newport", "--topic", "star")
    assert result.exit_code == 0, result.stderr
    assert (target / "output" / "south-east-wales" / "newport" / "en" / "star.pptx").is_file()
    assert toolkit("init", target).exit_code == 2  # never overwrites a folder in use


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
