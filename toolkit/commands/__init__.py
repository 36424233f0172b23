"""The `toolkit` sub-commands, grouped by what they are for.

cli.py loads a command's module only when that command runs (or help lists them all), so
`toolkit check` starts without loading what `toolkit build` needs.
"""

COMMANDS = {  # the command's name: its module in this package, and the function in it
    "build": ("build", "build"),
    "merge": ("build", "merge"),
    "handout": ("build", "handout"),
    "clean": ("build", "clean"),
    "check": ("check", "check"),
    "rules": ("check", "rules"),
    "sites": ("content", "sites"),
    "validate": ("content", "validate"),
    "init": ("content", "init"),
    "import": ("content", "import_"),
    "new-site": ("content", "new_site"),
    "new-district": ("content", "new_district"),
    "facts": ("facts", "facts"),
    "library": ("library", "library"),
    "serve": ("library", "serve"),
    "preview": ("review", "preview"),
    "report": ("review", "report"),
    "translations": ("translations", "translations"),
}
