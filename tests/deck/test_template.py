"""Templates render in a sandbox; content cannot add markup; mistakes name the template line."""

from __future__ import annotations

import pytest

from toolkit.deck.template import SessionTemplates, escape_markdown, mid_sentence
from toolkit.errors import ToolkitError
from toolkit.project import ContentRoot
from toolkit.text import Untranslated


@pytest.mark.parametrize(
    "value",
    [
        "![x](file:///etc/passwd)",
        "<img src='file:///etc/passwd'>",
        "[click](javascript:alert(1))",
        "# Heading",
        "1. item",
    ],
)
def test_content_values_print_as_themselves(value: str) -> None:
    from toolkit.deck.markdown import parse_session

    slide = parse_session(f"# T\n\nName: {escape_markdown(value)}\n", "x.md").slides[0]
    paragraph = slide.blocks[0]
    assert "".join(r.text for r in paragraph.runs) == f"Name: {value}"
    assert all(r.link is None for r in paragraph.runs)


def test_undefined_variable_names_template_and_line(mini: ContentRoot) -> None:
    path = mini.sessions / "demo.md.j2"
    lines = path.read_text().splitlines()
    lines.insert(11, "{{ site.jobcentre.fax }}")
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(ToolkitError, match="fax") as caught:
        SessionTemplates(mini.sessions).render("demo", site=_site(mini))
    assert caught.value.path == str(path)
    assert caught.value.line == 12


def test_syntax_error_names_line(mini: ContentRoot) -> None:
    path = mini.sessions / "demo.md.j2"
    path.write_text(path.read_text().replace("{% endfor %}", "{% endfro %}", 1))
    with pytest.raises(ToolkitError, match="template error") as caught:
        SessionTemplates(mini.sessions).render("demo", site=_site(mini))
    assert caught.value.line is not None


def test_sandbox_blocks_reaching_python_internals(mini: ContentRoot) -> None:
    (mini.sessions / "evil.md.j2").write_text("# T\n\n{{ site.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(ToolkitError, match="template error"):
        SessionTemplates(mini.sessions).render("evil", site=_site(mini))


def _site(root: ContentRoot):
    from toolkit.content.loader import find_sites, load_site

    return load_site(root.content, find_sites(root.content)[0])


def test_a_job_title_reads_as_it_would_mid_sentence() -> None:
    assert [mid_sentence(t) for t in ("Porter", "NHS porter", "ID card", "A")] == [
        "porter",
        "NHS porter",
        "ID card",
        "A",
    ]
    kept = mid_sentence(Untranslated("Cook"))
    assert kept == "cook" and isinstance(kept, Untranslated)  # still tagged English in a translated deck
