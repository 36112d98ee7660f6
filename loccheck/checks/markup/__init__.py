"""Markup rules: language declarations, hreflang, charset, text direction."""
