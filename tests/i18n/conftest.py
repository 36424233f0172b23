"""The translation tests use the i18n_root fixture from tests/conftest.py, and `po` from tests/helpers."""
