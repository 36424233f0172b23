"""The handout tests use the browser and axe-core fixtures from tests/conftest.py."""
