"""Each line of words in a session template is a message: no markers, Markdown kept outside."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.deck.messages import messages_in
from toolkit.deck.template import SessionTemplates
from toolkit.errors import ToolkitError

TEMPLATE = """{# A comment
over two lines #}
{% set steps = [
  [5, _("welcome")],
] %}
---
topic: demo
title: "Jobs in {{ area }}"
---

# Jobs in {{ area | upper }} {section room}

Fares are 50% off with {{ card.name }} and {{ card.name }}.

- ![](icon:bus) **Address:** {{ jc.address }}
1. Find {{ roles[0] }} and {{ other.roles[1] }}

| Day | Time at {{ jc.name }} |
|---|---|
| {{ day }} | {{ time }} |

![A map of {{ area }}](map.png)

::: notes
{{ clock }}

Say: Welcome to {{ jc.name }}.
:::

::: easy-read
## Getting there
- ![A bus](icon:bus) Take the **bus** to {{ jc.name }}.
:::

- ![](icon:web) Apply at [Access to Work](https://www.gov.uk/access-to-work)
"""


def test_each_line_of_words_is_one_message_with_its_markdown_left_out() -> None:
    found = [(line, m.text) for line, m in messages_in(TEMPLATE)]
    assert found == [
        (11, "Jobs in %(area)s"),
        (13, "Fares are 50%% off with %(card_name)s and %(card_name)s."),
        (15, "**Address:** %(jc_address)s"),
        (16, "Find %(roles)s and %(other_roles)s"),
        (18, "Day"),
        (18, "Time at %(jc_name)s"),
        (22, "A map of %(area)s"),
        (27, "Welcome to %(jc_name)s."),
        (31, "Getting there"),
        (32, "A bus"),  # an Easy Read picture's alt text, and its words, are two messages
        (32, "Take the **bus** to %(jc_name)s."),
        (
            35,
            "Apply at [Access to Work](https://www.gov.uk/access-to-work)",
        ),  # an icon with no alt text is not a message
    ]


def test_english_comes_out_as_written(tmp_path: Path) -> None:
    (tmp_path / "demo.md.j2").write_text(
        "# Jobs in {{ area | upper }} {section}\n\nFares are 50% off at {{ shop }}.\n\nSay: A *tip* at {{ shop }}.\n"
    )
    text = SessionTemplates(tmp_path).render("demo", area="Leeds", shop="Asda_1")
    assert text == "# Jobs in LEEDS {section}\n\nFares are 50% off at Asda\\_1.\n\nSay: A *tip* at Asda\\_1.\n"


def test_words_and_a_tag_on_one_line_are_refused_with_the_line(tmp_path: Path) -> None:
    (tmp_path / "demo.md.j2").write_text("# Title\n\nBuses {% if night %}at night{% endif %}.\n")
    with pytest.raises(ToolkitError, match="put the tag on a line of its own") as caught:
        SessionTemplates(tmp_path).render("demo", night=True)
    assert caught.value.line == 3 and caught.value.path.endswith("demo.md.j2")


def test_a_shared_part_that_starts_with_a_slide_break_has_its_words_found() -> None:
    part = '{# The plan for today. #}\n\n---\n\n# Plan for today {room}\n\n- {{ ngettext("a", "b", 1) }}\n'
    assert [(line, m.text) for line, m in messages_in(part)] == [(5, "Plan for today")]


def test_a_title_that_starts_like_a_note_line_is_all_words() -> None:
    """Only a paragraph starts with a line type: a translator must see the whole title."""
    found = [m.text for _, m in messages_in("# Example: leading a team\n\n::: notes\nExample: I led a team.\n:::\n")]
    assert found == ["Example: leading a team", "I led a team."]
