"""The too-generic check: a deck should use the site's own facts, and say which facts are missing."""

from __future__ import annotations

import json

from tests.helpers import toolkit
from toolkit.project import ContentRoot

THIN_DISTRICT = """district:
  name: Thin Test
  nation: England
  area: Thinford
"""
THIN_SITE = """jobcentre:
  name: Thinford Jobcentre
  address: 1 Road, Thinford
  postcode: TH1 1TH
  step_free_access: true
  opening_hours: Monday to Friday, 9am to 5pm
  source: test
  checked: 2026-01-01
"""
NATIONAL_EXTRAS = """transport:
  operators:
    - name: National Coaches
      mode: bus
      website: https://coaches.example.org
      tickets: Book online.
      source: test
      checked: 2026-01-01
employers:
  - name: National Retailer
    sector: Retail
    entry_roles: [Shop assistant]
    how_to_apply: Apply online.
    website: https://retail.example.org
    getting_there: By bus.
    source: test
    checked: 2026-01-01
"""


def report(root: ContentRoot, site: str) -> dict:
    result = toolkit("--root", root.path, "check", "--site", site, "--topic", "demo", "--format", "json")
    return json.loads(result.stdout)["files"][0]


def test_site_with_local_facts_passes_and_reports_its_share(mini: ContentRoot) -> None:
    found = report(mini, "testford-central")
    assert found["local"]["share"] >= 0.5
    assert not [f for f in found["findings"] if f["rule"] == "too-generic"]


def test_site_with_no_local_content_is_told_what_to_add(mini: ContentRoot) -> None:
    (mini.content / "national.yaml").write_text((mini.content / "national.yaml").read_text() + NATIONAL_EXTRAS)
    thin = mini.content / "thin"
    thin.mkdir()
    (thin / "district.yaml").write_text(THIN_DISTRICT)
    (thin / "thinford.yaml").write_text(THIN_SITE)
    found = report(mini, "thinford")
    generic = [f for f in found["findings"] if f["rule"] == "too-generic"]
    assert len(generic) == 1 and generic[0]["severity"] == "warning"
    assert "generic slides: 2, 3" in generic[0]["message"]
    assert "transport.operators" in generic[0]["suggestion"] and "employers" in generic[0]["suggestion"]
    assert "thinford.yaml" in generic[0]["suggestion"]
    assert found["local"]["generic_slides"] == [2, 3]
