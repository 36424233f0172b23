"""The `toolkit` sub-commands, grouped by what they are for; cli.py adds every one to the `toolkit` group."""

from .build import build, clean, handout, merge
from .check import check, rules
from .content import import_, init, new_district, new_site, sites, validate
from .facts import facts
from .library import library, serve
from .review import preview, report
from .translations import translations

COMMANDS = (
    build,
    merge,
    handout,
    clean,
    check,
    rules,
    sites,
    validate,
    init,
    import_,
    new_site,
    new_district,
    facts,
    library,
    serve,
    preview,
    report,
    translations,
)
