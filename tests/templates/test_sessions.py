"""Our session templates: decks for each audience, the support and welcome sessions, and the plan slide."""

from __future__ import annotations

import io
import json
import re
from functools import cache
from pathlib import Path

import pikepdf
import pytest
from docx import Document
from pptx import Presentation

from tests.helpers import REPO, body_lines, manifest, toolkit
from toolkit.checks.config import load_config
from toolkit.checks.runner import Checker
from toolkit.content.loader import find_sites, load_site
from toolkit.content.models import SiteContent
from toolkit.deck.audience import AUDIENCES, declared_audiences
from toolkit.deck.model import BulletList, Deck, plain
from toolkit.deck.session import make_deck
from toolkit.deck.template import SessionTemplates
from toolkit.project import ContentRoot
from toolkit.readers import read_document

SITE = "huddersfield"
CLOCK = re.compile(r"^(Break: )?(\d+) minutes \((\d+) minutes so far\)")
STEP = re.compile(r"^(\d+) minutes: (.+)$")


@cache
def root() -> ContentRoot:
    return ContentRoot.at(REPO)


@cache
def sites() -> dict[str, SiteContent]:
    return {ref.site: load_site(root().content, ref) for ref in find_sites(root().content)}


def every_deck() -> list[tuple[str, str]]:
    templates = SessionTemplates(root().sessions)
    return [(topic, a) for topic in templates.topics() for a in declared_audiences(templates.path(topic))]


@pytest.fixture(scope="module")
def every_audience(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every topic for every audience it is written for, for one example site."""
    out = tmp_path_factory.mktemp("audiences")
    result = toolkit("--root", REPO, "build", "--site", SITE, "--audience", ",".join(AUDIENCES), "--out", out)
    assert result.exit_code == 0, result.output + result.stderr
    return out


def shared(one: set[str], other: set[str]) -> tuple[float, float]:
    """The share of distinct lines the two decks have in common, by count and by length."""
    both, either = one & other, one | other
    return len(both) / len(either), sum(map(len, both)) / sum(map(len, either))


def test_star_for_experienced_people_is_a_different_session(every_audience: Path) -> None:
    folder = every_audience / "west-yorkshire" / SITE / "en"
    general, experienced = body_lines(folder / "star.pptx"), body_lines(folder / "star.experienced.pptx")
    assert max(shared(general, experienced)) < 0.5, sorted(general & experienced)
    titles = [s.shapes.title.text for s in Presentation(str(folder / "star.experienced.pptx")).slides]
    assert {"STAR in depth", "Example: leading a team", "Example: handling a complaint"} <= set(titles)
    assert "Where to find your examples" not in titles  # the basics are left out
    assert len(titles) < len(Presentation(str(folder / "star.pptx")).slides)


def test_each_topic_builds_for_every_audience_it_declares(every_audience: Path) -> None:
    built = {(e["topic"], e["audience"]): e for e in manifest(every_audience)}
    assert set(built) == set(every_deck())
    assert {"experienced", "in-work", "over-50", "new-to-work"} <= {a for _, a in built}
    checker = Checker(load_config(None).only(["AX"]))
    for (topic, audience), entry in built.items():
        suffix = "" if audience == "general" else f".{audience}"
        assert entry["path"] == f"west-yorkshire/{SITE}/en/{topic}{suffix}.pptx"
        deck = Presentation(str(every_audience / entry["path"]))
        titles = [s.shapes.title.text for s in deck.slides]
        assert 11 <= len(titles) <= 21, (entry["path"], len(titles))  # a cover, then the session
        assert titles[2] == "Plan for today" and not [t for t in titles if "continued" in t.lower()]
        assert audience in deck.core_properties.keywords
        serious = [f for f in checker.check(read_document(every_audience / entry["path"])).findings if f.severity >= 2]
        assert serious == [], (entry["path"], [(f.code, f.location, f.message) for f in serious])


@pytest.mark.parametrize(("topic", "audience"), every_deck())
def test_every_deck_opens_with_a_plan_that_adds_up(topic: str, audience: str) -> None:
    """The plan slide's timings, the notes' running clock and the session length agree, for every site."""
    for site in sites().values():
        deck = make_deck(root(), site, topic, audience)
        plan = deck.slides[1]
        steps = [STEP.match(plain(i.runs)) for b in plan.blocks if isinstance(b, BulletList) for i in b.items]
        assert plan.title == "Plan for today" and all(steps), [plain(i.runs) for i in plan.blocks[0].items]
        assert "break" in [s.group(2) for s in steps]
        assert sum(int(s.group(1)) for s in steps) == deck.meta.duration, (site.id, topic, audience)
        assert clock_total(deck) == deck.meta.duration, (site.id, topic, audience)
        tips = " ".join(n.text for n in plan.notes if n.kind == "tip")
        for words in ("little English", "autistic", "Never pick on people", "quiet option", "one instruction"):
            assert words in tips


def clock_total(deck: Deck) -> int:
    total = 0
    for slide in deck.slides:
        for note in slide.notes:
            found = CLOCK.match(note.text) if note.kind == "time" else None
            if found:
                total += int(found.group(2))
                assert total == int(found.group(3)), (slide.title, note)
    return total


def most_local(site: SiteContent, kind: str) -> str:
    """The name of the site's most local service of a kind: site and district files come last."""
    return site.services_of(kind)[-1].name


def test_support_and_welcome_build_for_every_site_with_its_own_services_and_timetable(example_build: Path) -> None:
    for site in sites().values():
        folder = example_build / site.district_id / site.id / "en"
        support = "\n".join(body_lines(folder / "support.pptx"))
        for kind in ("debt", "food", "mental_health", "housing", "english", "digital"):
            assert most_local(site, kind) in support, (site.id, kind)
        welcome = "\n".join(body_lines(folder / "welcome.pptx"))
        for appointment in site.timetable.sessions:
            assert appointment.room in welcome and appointment.times in welcome, (site.id, appointment.title)
        assert site.timetable.notice in welcome
        others = [s for s in sites().values() if s.district_id != site.district_id]
        assert not [s.id for s in others if most_local(s, "food") in support]


def test_handouts_work_for_the_new_topics_and_for_audiences(tmp_path: Path) -> None:
    site = sites()["leeds-eastgate"]
    out = tmp_path / "out"
    for topics, audiences in (("support,welcome", "general"), ("star,cv", "experienced,in-work")):
        args = ["handout", "--site", site.id, "--topic", topics, "--audience", audiences, "--pack", "--out", out]
        result = toolkit("--root", REPO, *args)
        assert result.exit_code == 0, result.output + result.stderr
    folder = out / "west-yorkshire" / "leeds-eastgate" / "en"
    names = {Path(e["path"]).name for e in manifest(out)}
    for stem in ("support", "welcome", "star.experienced", "star.in-work", "cv.experienced", "cv.in-work"):
        assert {f"{stem}.{ext}" for ext in ("html", "docx", "pdf", "txt")} <= names, stem
        assert (folder / f"{stem}-pack" / "message.txt").is_file()
        with pikepdf.open(io.BytesIO((folder / f"{stem}.pdf").read_bytes())) as pdf:
            assert len(pdf.pages) >= 2
    room = site.timetable.sessions[0].room
    food = most_local(site, "food")
    assert room in (folder / "welcome.txt").read_text() and room in (folder / "welcome.html").read_text()
    assert food in "\n".join(p.text for p in Document(str(folder / "support.docx")).paragraphs)
    assert "STAR in depth" in (folder / "star.experienced.txt").read_text()
    report = toolkit("--root", REPO, "check", "--format", "json", "--fail-on", "error", out)
    assert report.exit_code == 0, report.output


def test_welcome_without_a_timetable_still_builds_and_says_what_to_add(tmp_path: Path) -> None:
    import shutil

    for folder in ("templates", "local_content"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    site_file = tmp_path / "local_content" / "west-yorkshire" / "leeds-eastgate.yaml"
    text = site_file.read_text()
    site_file.write_text(text[: text.index("\ntimetable:")] + "\n")
    out = tmp_path / "out"
    result = toolkit("--root", tmp_path, "build", "--site", "leeds-eastgate", "--topic", "welcome", "--out", out)
    assert result.exit_code == 0, result.output + result.stderr
    deck = Presentation(str(out / "west-yorkshire/leeds-eastgate/en/welcome.pptx"))
    assert "What happens in the week" in [s.shapes.title.text for s in deck.slides]
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide)
    assert "Add a timetable for Leeds Park Place Jobcentre to the local content" in notes
    check = toolkit("--root", tmp_path, "check", "--site", "leeds-eastgate", "--topic", "welcome", "--format", "json")
    local = json.loads(check.stdout)["files"][0]["local"]
    assert local["share"] <= 0.5, local  # without its timetable, the deck is half generic
