"""Translations of sessions and local content: catalogues made from the sources, and checks on each output."""
