"""Starting files for a new jobcentre or district: every field a session uses, empty and marked unconfirmed.

Copying another jobcentre's file and editing it leaves that jobcentre's facts behind wherever someone
forgets to change them. A starting file has none: `toolkit validate --site` names each empty field
until it is filled in, and `unconfirmed: true` keeps a strict build from using a fact nobody has checked.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ToolkitError
from ..files import confined, write_atomic
from .loader import DISTRICT, NATIONAL, THEME, check_id

# The lines every fact ends with, and what each means.
FACT = (
    ('source: ""', "where the fact came from: a web address or a document's name"),
    ("checked:", "the date you checked it, like 2026-11-01"),
    ("unconfirmed: true", "take this line out when you have confirmed every field"),
)
COMMENT_AT = 25  # the column comments start at, so they line up

SITE = """\
# {site}: the facts group sessions at this jobcentre use. Made by 'toolkit new-site'.
#
# Fill in each empty value, then run 'toolkit validate --site {site}': it names each field still
# missing, with its line, and says what each session topic still needs. See docs/content.md.
# National and district facts (travel costs, bus companies, helplines) come from national.yaml
# and district.yaml. Add the ones for this jobcentre here.

example: false

jobcentre:
  name: ""               # like "Laurieston Jobcentre"
  address: ""            # the street address, without the postcode
  postcode: ""
  step_free_access:      # true or false: can someone in a wheelchair get in and around without steps?
  access_notes: ""       # where the lift or the accessible entrance is (you can leave it empty)
  opening_hours: ""      # like "Monday to Friday, 9am to 5pm"
{fact_2}
transport:
  routes:                # how to get from the jobcentre to places where many people work
    - name: ""           # the place, like "Cardiff Bay"
      how: ""            # which bus or train to take
      time: ""           # like "About 20 minutes"
{fact_6}
employers:               # big employers near this jobcentre; the district's are used too
  - name: ""
    sector: ""           # like "Health"
    entry_roles: [""]    # jobs people can start in, like [Porter, Cleaner]
    how_to_apply: ""
    website: ""          # a full web address starting with https://
    recruitment_events: ""
    event_date:          # the next open day, like 2027-03-14 (you can leave it empty)
    getting_there: ""
{fact_4}
services:                # local help; national and district services are used too
  - name: ""
    kind: ""             # debt, food, mental_health, housing, english, digital, carers, disability or other
    what: ""             # what it does, in one or two short sentences
    phone:               # digits and spaces, like 0808 808 4000 (you can leave it empty)
    website:             # starting with https:// (you can leave it empty)
    address: ""
    opening_times: ""
{fact_4}
timetable:               # the week of support; delete this block if the jobcentre has none
  notice: ""             # how and when people hear about the week
  adjustments: ""        # how to ask for changes, such as a quiet room
{fact_2}  sessions:
    - day: ""            # Monday to Sunday
      start: ""          # on the 24-hour clock, in quotes, like "10:00"
      end: ""
      kind: ""           # one-to-one or group
      title: ""
      topic: ""          # the session it goes with, like cv (you can leave it empty)
      covers: ""         # what happens, in one short sentence
      room: ""
      bring: []
"""

DISTRICT_TEXT = """\
# {district}: facts for every jobcentre in this district. Made by 'toolkit new-district'.
#
# Fill in each empty value. Then add a jobcentre with 'toolkit new-site SITE --district {district}',
# and run 'toolkit validate --site SITE'. See docs/content.md.

example: false

district:
  name: ""               # like "West Yorkshire"
  nation: ""             # England, Wales or Scotland
  area: ""               # the places it covers, like "Leeds, Bradford and Wakefield"

transport:
  operators:             # bus, train, tram, subway and ferry companies
    - name: ""
      mode: ""           # bus, rail, tram, subway or ferry
      website: ""        # a full web address starting with https://
      phone:             # you can leave it empty
      tickets: ""        # how to buy a ticket
{fact_6}"""


def new_site(content_dir: Path, district: str, site: str) -> Path:
    """Write a starting file for jobcentre `site` in `district`'s folder; returns its path."""
    folder = _district_folder(content_dir, district)
    if not (folder / DISTRICT).is_file():
        raise ToolkitError(f"no district called '{district}': make it first with 'toolkit new-district {district}'")
    if check_id(site, "site") in (DISTRICT.removesuffix(".yaml"), THEME.removesuffix(".yaml")):
        raise ToolkitError(f"'{site}' is a name the toolkit uses for its own files: choose another site id")
    clash = [p for p in content_dir.glob(f"*/{site}.yaml") if (p.parent / DISTRICT).is_file()]
    if clash:
        raise ToolkitError("a site with this id is already here: choose another id", clash[0])
    text = SITE.format(site=site, **FACT_LINES)
    return _write_new(content_dir, folder / f"{site}.yaml", text)


def new_district(content_dir: Path, district: str) -> Path:
    """Write a starting district.yaml in a new folder for `district`; returns its path."""
    if not (content_dir / NATIONAL).is_file():
        raise ToolkitError(f"{NATIONAL} is missing: run 'toolkit init' to start a content folder", content_dir)
    text = DISTRICT_TEXT.format(district=district, **FACT_LINES)
    return _write_new(content_dir, _district_folder(content_dir, district) / DISTRICT, text)


def _fact(indent: int) -> str:
    """The lines every fact ends with, indented to sit in its block."""
    return "".join(f"{' ' * indent}{code}".ljust(COMMENT_AT - 1) + f" # {comment}\n" for code, comment in FACT)


FACT_LINES = {f"fact_{indent}": _fact(indent) for indent in (2, 4, 6)}


def _district_folder(content_dir: Path, district: str) -> Path:
    return content_dir / check_id(district, "district")


def _write_new(content_dir: Path, path: Path, text: str) -> Path:
    """Write `path` inside the content folder, never over a file that is there already."""
    confined(content_dir, path)
    if path.exists():
        raise ToolkitError("is already there: choose another id, or edit this file", path)
    write_atomic(path, text.encode("utf-8"), root=content_dir)
    return path
