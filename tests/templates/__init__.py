"""Tests of what the bundled session templates (templates/) say, end to end: they mirror that folder, not a module."""
