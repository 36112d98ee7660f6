"""The user's glossary: terms that stay as they are (brands, product lines)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml

from loccheck.resources import safe_load

ALL_MARKETS = "*"


class GlossaryError(ValueError):
    """A glossary file cannot be read; the message names the file and problem."""


def load_glossary(path: Path) -> dict[str, frozenset[str]]:
    """Read a glossary file.

    Plain text: one term per line, ``#`` starts a comment, for every market.
    YAML (``.yaml``/``.yml``): a mapping from a market (``ru-RU``), a language
    (``ru``) or ``"*"`` to a list of terms.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"{path}: cannot read glossary: {exc}") from exc
    if path.suffix.lower() not in (".yaml", ".yml"):
        terms = (line.split("#", 1)[0].strip() for line in text.splitlines())
        return {ALL_MARKETS: frozenset(t for t in terms if t)}
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        raise GlossaryError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise GlossaryError(f"{path}: should map markets to lists of terms")
    found: dict[str, frozenset[str]] = {}
    for key, terms in data.items():
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise GlossaryError(f'{path}: key "{key}": should be a list of terms')
        found[str(key)] = frozenset(t.strip() for t in terms if t.strip())
    return found


def merge(
    glossaries: Iterable[Mapping[str, frozenset[str]]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Merge glossaries into a hashable, ordered form for the scan settings."""
    merged: dict[str, set[str]] = {}
    for glossary in glossaries:
        for key, terms in glossary.items():
            merged.setdefault(key, set()).update(terms)
    return tuple((key, tuple(sorted(terms))) for key, terms in sorted(merged.items()))


def terms_for(
    glossary: tuple[tuple[str, tuple[str, ...]], ...], market_id: str, language: str
) -> frozenset[str]:
    """The glossary terms that apply to one market."""
    keys = {ALL_MARKETS, market_id, language}
    return frozenset(t for key, terms in glossary if key in keys for t in terms)
