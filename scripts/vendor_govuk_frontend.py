"""Copy GOV.UK Frontend's compiled CSS into templates/library/govuk-frontend/, ready for an offline intranet.

Run: npm install govuk-frontend@5 --prefix /tmp/govuk && python scripts/vendor_govuk_frontend.py /tmp/govuk
The library must make no request to any other place and must not look like GOV.UK itself. So this script
removes the GDS Transport font (it is only for GOV.UK) and the crest, and uses Arial instead.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "templates" / "library" / "govuk-frontend"
REMOVE = (
    r"@font-face\{[^}]*\}",  # GDS Transport: for GOV.UK only
    r"@supports \([^{]*\)\{\.govuk-footer__copyright-logo:before\{[^}]*\}\}",  # the crest
    r"\.govuk-footer__copyright-logo:before\{[^}]*\}",
    r"/\*# sourceMappingURL=[^*]*\*/",
)


def offline_css(css: str) -> str:
    """The CSS with the GOV.UK font and crest taken out; fails if any link to another file is left."""
    for pattern in REMOVE:
        css = re.sub(pattern, "", css)
    css = css.replace("GDS Transport,", "")
    if "url(" in css or "GDS Transport" in css:
        raise SystemExit("the CSS still names a font or picture: update REMOVE in this script")
    return css


def main(npm_folder: Path) -> None:
    package = npm_folder / "node_modules" / "govuk-frontend"
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    css = (package / "dist" / "govuk" / "govuk-frontend.min.css").read_text(encoding="utf-8")
    TARGET.mkdir(parents=True, exist_ok=True)
    note = f"/* GOV.UK Frontend {version} (MIT, see LICENSE.txt), without the GOV.UK font and crest */"
    charset = '@charset "UTF-8";'
    body = offline_css(css).removeprefix(charset)
    (TARGET / "govuk-frontend.min.css").write_text(f"{charset}\n{note}\n{body}\n", encoding="utf-8")
    print(f"Copied GOV.UK Frontend {version} to {TARGET}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
