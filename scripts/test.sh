#!/usr/bin/env bash
# Install the toolkit and its test tools in .venv, then run every test and the style checks.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e ".[test]"
.venv/bin/ruff check .
# The layers of docs/architecture.md, then the types: a line each, or the whole report if one fails.
layers=$(.venv/bin/lint-imports --no-logo --no-cache 2>&1) || { echo "$layers"; exit 1; }
echo "$layers" | grep "KEPT"
.venv/bin/mypy
# Our own templates, for every example site, audience and delivery: the summary line, or the whole report if it fails.
report=$(.venv/bin/toolkit check --fail-on warning 2>&1) || { echo "$report"; exit 1; }
echo "$report" | tail -n 1
.venv/bin/python -m pytest -q
