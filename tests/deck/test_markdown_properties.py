"""Property-based tests of session Markdown, made by Hypothesis: odd front matter and blocks give slides or one
error naming the file, parsed alone and as a template rendered for a site (see tests/helpers/strategies.py)."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from tests.helpers.strategies import EXAMPLES, SETTINGS, TEMPLATE_EXAMPLES, odd_text
from toolkit.content.loader import find_sites, load_site
from toolkit.deck.markdown import parse_session
from toolkit.deck.session import make_deck
from toolkit.errors import ToolkitError
from toolkit.project import ContentRoot

FRONT = st.dictionaries(
    st.sampled_from(["title", "subject", "duration", "audiences", "topic", "odd"]),
    st.one_of(odd_text, st.integers(-5, 500), st.lists(odd_text, max_size=2)),
    max_size=4,
)
BLOCK = st.one_of(
    odd_text,
    odd_text.map(lambda t: f"# {t}"),
    st.sampled_from(["{cover}", "{section}", "{two-columns}", "{keyfact}", "{nonsense}"]).map(lambda t: f"# Title {t}"),
    st.lists(odd_text, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(odd_text, min_size=1, max_size=4).map(lambda items: "\n".join(f"1. {i}" for i in items)),
    st.lists(odd_text, min_size=1, max_size=3).map(lambda cells: "| a | b |\n|---|---|\n| " + " | ".join(cells) + " |"),
    odd_text.map(lambda t: f"::: notes\nSay: {t}\n:::"),
    st.sampled_from(["pairs 5", "groups 10", "alone", "", "everyone x"]).map(
        lambda how: f"::: activity {how}\n1. Do it.\n\nYou end with: a thing.\n:::"
    ),
    odd_text.map(lambda t: f"::: keyfact\n{t}\n:::"),
    odd_text.map(lambda t: f"![{t}](images/{t}.png)"),
    odd_text.map(lambda t: f"![](icon:{t}) {t}"),
    odd_text.map(lambda t: f"[{t}](https://example.org/{t})"),
    odd_text.map(lambda t: f"<!-- toolkit: ignore PE001 -- {t} -->"),
    st.sampled_from(["## Sub", "> quote", "```\ncode\n```", "    indented", "<b>html</b>", "***", "- - nested"]),
)


@st.composite
def session_markdown(draw: Any) -> str:
    parts = []
    if draw(st.booleans()):
        front = draw(FRONT)
        parts.append("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---")
    for _ in range(draw(st.integers(0, 4))):
        parts.append(f"# {draw(odd_text)}")
        parts += draw(st.lists(BLOCK, max_size=4))
        parts.append("---")
    return "\n\n".join(parts) + "\n"


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(text=session_markdown())
def test_session_markdown_gives_slides_or_one_error_with_the_file(text: str) -> None:
    try:
        parse_session(text, "sessions/odd.md.j2")
        event("slides")
    except ToolkitError as err:
        event("error")
        assert err.path == "sessions/odd.md.j2", err
        assert "\n" not in err.message


@settings(max_examples=TEMPLATE_EXAMPLES, **SETTINGS)
@given(text=session_markdown())
def test_session_templates_give_a_deck_or_one_error_with_file_and_line(mini: ContentRoot, text: str) -> None:
    """The same Markdown, as a topic template rendered for a site: jinja2 and the parser together."""
    site = load_site(mini.content, find_sites(mini.content)[0])
    (mini.sessions / "odd.md.j2").write_text(
        "---\ntitle: Odd\n---\n\n" + text.replace("{{", "{{ site.district.area }}{{")
    )
    try:
        make_deck(mini, site, "odd")
        event("deck")
    except ToolkitError as err:
        event("error")
        assert err.path and "odd.md.j2" in err.path, err
        assert "\n" not in err.message
