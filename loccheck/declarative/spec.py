"""The parsed form of one YAML rule file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from loccheck import page as pm

# Scope names that stand for several segment kinds.
SCOPE_GROUPS: Mapping[str, frozenset[str]] = {
    "visible": frozenset({pm.TEXT, pm.BUTTON_VALUE}),
    "attributes": frozenset(
        {pm.ATTR_ALT, pm.ATTR_TITLE, pm.ATTR_PLACEHOLDER, pm.ATTR_ARIA_LABEL}
    ),
    "head": frozenset(
        {
            pm.TITLE,
            pm.META_DESCRIPTION,
            pm.OG_TITLE,
            pm.OG_DESCRIPTION,
            pm.TWITTER_TITLE,
            pm.TWITTER_DESCRIPTION,
        }
    ),
    "jsonld": frozenset({pm.JSONLD_NAME, pm.JSONLD_DESCRIPTION}),
}


class RuleFileError(ValueError):
    """A rule file that cannot be used; the message names file, key and problem."""


def expand_scope(scope: tuple[str, ...]) -> frozenset[str]:
    """Return the segment kinds a rule's ``scope`` selects (all when empty)."""
    if not scope:
        return frozenset(pm.SEGMENT_KINDS)
    kinds: set[str] = set()
    for name in scope:
        kinds |= SCOPE_GROUPS.get(name, frozenset({name}))
    return frozenset(kinds)


@dataclass(frozen=True)
class RuleSpec:
    """A validated rule file: metadata plus the kind's own keys in ``body``."""

    id: str
    kind: str
    category: str
    severity: str
    confidence: str
    message: str
    summary: str
    why: str
    source: str  # the file it came from, for error messages
    scope: frozenset[str] = frozenset(pm.SEGMENT_KINDS)
    markets: tuple[str, ...] = ()  # languages ("ru") or locales ("ru-RU")
    suggestion: str | None = None
    references: tuple[str, ...] = ()
    body: Mapping[str, Any] = field(default_factory=dict)
    examples: tuple[tuple[bool, str, str], ...] = ()  # (bad, html, market)

    def applies_to(self, market_id: str, language: str) -> bool:
        """True when the rule's ``markets`` include this market (or are empty)."""
        if not self.markets:
            return True
        return any(m in (market_id, language) for m in self.markets)
