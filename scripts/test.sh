#!/usr/bin/env bash
# Install the toolkit and its test tools in .venv, then run every test and the style checks.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e ".[test]"
.venv/bin/ruff check .
.venv/bin/toolkit check --fail-on warning    # our own templates, for every example site and audience
.venv/bin/python -m pytest -q
