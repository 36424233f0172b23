"""Audiences: a topic says who it is written for, and a build makes a deck for each audience asked for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pptx import Presentation

from tests.helpers import manifest, toolkit
from toolkit.deck.audience import declared_audiences
from toolkit.errors import ToolkitError
from toolkit.project import ContentRoot

IN_WORK_SLIDE = """
{% if audience == "in-work" %}

---

# Fitting job search around shifts

Look for more hours where you work now.

::: notes
Say: Many people here already work.
:::
{% endif %}
"""


def for_in_work(root: ContentRoot) -> None:
    """Let the test topic be built for people in work too, with a slide only they see."""
    template = root.sessions / "demo.md.j2"
    text = template.read_text().replace("audiences: [general]", "audiences: [general, in-work]")
    template.write_text(text + IN_WORK_SLIDE)


def test_a_build_for_an_audience_names_and_records_it(mini: ContentRoot, tmp_path: Path) -> None:
    for_in_work(mini)
    out = tmp_path / "out"
    args = ["build", "--audience", "general,in-work", "--format", "pptx,txt", "--out", out]
    result = toolkit("--root", mini.path, *args)
    assert result.exit_code == 0, result.output + result.stderr
    entries = {Path(e["path"]).name: e for e in manifest(out)}
    assert sorted(entries) == ["demo.in-work.pptx", "demo.in-work.txt", "demo.pptx", "demo.txt"]
    assert entries["demo.in-work.pptx"]["audience"] == "in-work" and entries["demo.pptx"]["audience"] == "general"
    folder = out / "north/testford-central/en"
    deck = Presentation(str(folder / "demo.in-work.pptx"))
    assert "in-work" in deck.core_properties.keywords
    titles = [s.shapes.title.text for s in deck.slides]
    assert "Fitting job search around shifts" in titles
    assert "Fitting job search around shifts" not in (folder / "demo.txt").read_text()
    assert entries["demo.in-work.pptx"]["inputs"] != entries["demo.pptx"]["inputs"]


def test_building_another_audience_keeps_the_first(mini: ContentRoot, tmp_path: Path) -> None:
    for_in_work(mini)
    out = tmp_path / "out"
    toolkit("--root", mini.path, "build", "--out", out)
    result = toolkit("--root", mini.path, "build", "--audience", "general,in-work", "--out", out)
    assert "Wrote 1 file for 1 site" in result.stdout and "1 file unchanged" in result.stdout


def test_a_topic_not_written_for_the_audience_is_left_out_with_a_note(mini: ContentRoot, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = toolkit("--root", mini.path, "build", "--audience", "over-50", "--out", out)
    assert result.exit_code == 0
    assert "Left out 'demo' is not written for over-50: it is written for general" in result.stderr
    assert not (out / "manifest.json").exists()


def test_asking_for_the_topic_by_name_is_an_error(mini: ContentRoot) -> None:
    args = ["handout", "--site", "testford-central", "--topic", "demo", "--audience", "over-50"]
    result = toolkit("--root", mini.path, *args)
    assert result.exit_code == 2
    assert "'demo' is not written for over-50" in result.stderr and "leave out --topic" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_unknown_audience_is_an_error_that_lists_them(mini: ContentRoot) -> None:
    result = toolkit("--root", mini.path, "build", "--audience", "students")
    assert result.exit_code == 2
    assert "no audience called 'students': choose from general, new-to-work, experienced, in-work, over-50" in (
        result.stderr
    )


def test_a_template_that_names_an_unknown_audience_says_where(mini: ContentRoot) -> None:
    template = mini.sessions / "demo.md.j2"
    template.write_text(template.read_text().replace("audiences: [general]", "audiences: [general, pensioners]"))
    with pytest.raises(ToolkitError, match="'audiences' names 'pensioners'") as problem:
        declared_audiences(template)
    assert problem.value.line == 6


def test_send_packs_are_named_for_the_audience(mini: ContentRoot, tmp_path: Path) -> None:
    for_in_work(mini)
    out = tmp_path / "out"
    args = ["handout", "--site", "testford-central", "--audience", "in-work", "--format", "txt", "--pack"]
    assert toolkit("--root", mini.path, *args, "--out", out).exit_code == 0
    pack = out / "north/testford-central/en/demo.in-work-pack"
    assert sorted(p.name for p in pack.iterdir()) == ["demo.in-work.txt", "message.txt"]


def test_clean_removes_decks_for_an_audience_the_topic_dropped(mini: ContentRoot, tmp_path: Path) -> None:
    for_in_work(mini)
    out = tmp_path / "out"
    toolkit("--root", mini.path, "build", "--audience", "general,in-work", "--out", out)
    template = mini.sessions / "demo.md.j2"
    template.write_text(template.read_text().replace("audiences: [general, in-work]", "audiences: [general]"))
    result = toolkit("--root", mini.path, "clean", "--out", out)
    assert "Removed north/testford-central/en/demo.in-work.pptx" in result.stdout
    assert [e["audience"] for e in manifest(out)] == ["general"]


def test_check_covers_every_audience_a_topic_is_written_for(mini: ContentRoot) -> None:
    for_in_work(mini)
    result = toolkit("--root", mini.path, "check", "--format", "json")
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert paths == [
        "templates/sessions/demo.md.j2 for testford-central",
        "templates/sessions/demo.md.j2 for testford-central, in-work",
    ]
    one = toolkit("--root", mini.path, "check", "--audience", "in-work", "--format", "json")
    assert [f["path"] for f in json.loads(one.stdout)["files"]] == paths[1:]
    wrong = toolkit("--root", mini.path, "check", "--topic", "demo", "--audience", "over-50")
    assert wrong.exit_code == 2 and "'demo' is not written for over-50" in wrong.stderr
