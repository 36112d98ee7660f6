"""The closed set of rule kinds: one module each, one ``build`` function each."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from loccheck.declarative.spec import RuleSpec
from loccheck.markets import Market
from loccheck.page import Page


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a text rule inside one segment."""

    start: int
    end: int
    match: str
    suggestion: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)  # for the message


class TextMatcher(Protocol):
    """Finds a rule's matches in one piece of text for one market."""

    def may_occur(self, page: Page, market: Market) -> bool:
        """False when no segment of ``page`` can match (a cheap per-page test
        on the page-wide texts and words of ``loccheck.checks.pagememo``)."""

    def find(self, text: str, market: Market) -> Iterator[Hit]:
        """Yield the matches in ``text``."""


Builder = Callable[[RuleSpec], Any]

# Names every message template may use, besides a kind's own.
COMMON_FIELDS = frozenset({"match", "market", "language", "suggestion", "text"})


def builders() -> dict[str, Builder]:
    """Return each kind's builder by kind name (imported lazily)."""
    from loccheck.declarative.kinds import (
        attribute,
        existence,
        pattern,
        substitution,
        token_pattern,
    )

    return {
        "existence": existence.build,
        "substitution": substitution.build,
        "pattern": pattern.build,
        "token-pattern": token_pattern.build,
        "attribute": attribute.build,
    }
