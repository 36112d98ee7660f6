"""Checks of translation catalogs: one rule per module, a value at a time."""
