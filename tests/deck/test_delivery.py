"""Deliveries: an activity's steps for a room or a video call, and building, naming and refusing a delivery."""

from __future__ import annotations

import json

import pytest
from pptx import Presentation

from tests.helpers import toolkit
from toolkit.deck.delivery import ONLINE
from toolkit.deck.markdown import parse_session
from toolkit.deck.model import Activity, plain
from toolkit.errors import ToolkitError

ACTIVITY = """\
# Practise

::: activity pairs 5

1. Tell the person next to you a story

Online:

1. In your breakout room, tell your partner a story

At home:

1. Tell someone you trust a story

Answer: A story with a result.
:::
"""


def test_an_activity_shows_the_steps_for_its_delivery() -> None:
    room = parse_session(ACTIVITY, "practise.md").slides[0].blocks[0]
    online = parse_session(ACTIVITY, "practise.md", ONLINE).slides[0].blocks[0]
    assert isinstance(room, Activity) and isinstance(online, Activity)
    assert plain(room.blocks[0].items[0].runs) == "Tell the person next to you a story"  # type: ignore[union-attr]
    assert plain(online.blocks[0].items[0].runs) == "In your breakout room, tell your partner a story"  # type: ignore[union-attr]
    assert online.online and not room.online
    assert room.at_home == online.at_home and plain(online.answer) == "A story with a result."


def test_an_activity_with_no_online_steps_stops_an_online_deck() -> None:
    text = ACTIVITY.replace("Online:\n\n1. In your breakout room, tell your partner a story\n\n", "")
    parse_session(text, "practise.md")  # fine in a room
    with pytest.raises(ToolkitError, match="no 'Online:' steps") as caught:
        parse_session(text, "practise.md", ONLINE)
    assert caught.value.line == 3


def test_online_pairs_work_in_breakout_rooms_on_the_slide(tmp_path) -> None:
    result = toolkit(
        "build", "--site", "cardiff-north", "--topic", "star", "--delivery", "online,room", "--out", tmp_path
    )
    assert result.exit_code == 0, result.output

    def texts(name: str) -> str:
        deck = Presentation(str(tmp_path / "south-east-wales" / "cardiff-north" / "en" / name))
        return " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)

    assert "In pairs, in breakout rooms" in texts("star.online.pptx")
    assert "In pairs, in breakout rooms" not in texts("star.pptx") and "In pairs" in texts("star.pptx")


def test_a_topic_asked_for_a_delivery_it_does_not_support_is_an_error(tmp_path) -> None:
    content = tmp_path / "root"
    toolkit("init", str(content))
    template = content / "templates" / "sessions" / "star.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("deliveries: [room, online]\n", ""), "utf-8")
    result = toolkit("--root", content, "build", "--topic", "star", "--delivery", "online")
    assert result.exit_code != 0
    assert "'star' is not written for online: it is written for room" in result.output
    out = tmp_path / "out"
    result = toolkit("--root", content, "build", "--delivery", "online", "--site", "newport", "--out", out)
    assert result.exit_code == 0, result.output
    assert "Left out 'star' is not written for online" in result.output
    assert (out / "south-east-wales" / "newport" / "en" / "cv.online.pptx").is_file()
    assert not (out / "south-east-wales" / "newport" / "en" / "star.online.pptx").exists()


def test_handouts_for_an_online_session_are_named_for_it(tmp_path) -> None:
    args = ("handout", "--site", "leeds-eastgate", "--topic", "star", "--format", "txt", "--out", tmp_path)
    result = toolkit(*args, "--delivery", "online")
    assert result.exit_code == 0, result.output
    made = tmp_path / "west-yorkshire" / "leeds-eastgate" / "en" / "star.online.txt"
    assert made.is_file() and "breakout" not in made.read_text(encoding="utf-8")
    entry = json.loads((tmp_path / "manifest.json").read_text())["files"][0]
    assert (entry["delivery"], entry["path"]) == ("online", "west-yorkshire/leeds-eastgate/en/star.online.txt")
