"""Audiences and deliveries are read from a template's front matter before it is rendered, to plan a build."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.deck.audience import declared_audiences
from toolkit.deck.delivery import declared_deliveries
from toolkit.errors import ToolkitError


def template(tmp_path: Path, front: str) -> Path:
    path = tmp_path / "cv.md.j2"
    path.write_text(f"{{% set jc = site.jobcentre %}}\n---\ntopic: cv\n{front}---\n\n# Title\n", encoding="utf-8")
    return path


def test_a_template_names_its_deliveries(tmp_path: Path) -> None:
    path = template(tmp_path, "audiences: [general, in-work]\ndeliveries: [room, online]\n")
    assert declared_deliveries(path) == ("room", "online")
    assert declared_audiences(path) == ("general", "in-work")


def test_a_template_that_names_none_is_for_the_room_and_everyone(tmp_path: Path) -> None:
    path = template(tmp_path, "")
    assert declared_deliveries(path) == ("room",)
    assert declared_audiences(path) == ("general",)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("deliveries: [room, zoom]", "'deliveries' names 'zoom': choose from room, online"),
        ("deliveries: online", "'deliveries' must be a list on one line, like [room, online]"),
        ("deliveries: [room", "'deliveries' must be a list on one line"),
    ],
)
def test_a_wrong_list_names_the_line(tmp_path: Path, line: str, message: str) -> None:
    with pytest.raises(ToolkitError, match=message.replace("[", r"\[")) as caught:
        declared_deliveries(template(tmp_path, line + "\n"))
    assert caught.value.line == 4
