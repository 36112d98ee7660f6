"""Kind ``existence``: flag any of a list of terms or phrases.

Keys: ``tokens`` (terms, word-bounded; spaces match any whitespace),
``ignorecase`` (default true), ``exceptions`` (phrases in which a token is
fine: "test" is flagged, "test drive" is not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from loccheck.checks.pagememo import folded_words
from loccheck.declarative.kinds import Hit
from loccheck.declarative.kinds.words import TermFinder, alternation
from loccheck.declarative.spec import RuleSpec
from loccheck.markets import Market
from loccheck.page import Page


@dataclass(frozen=True)
class Existence:
    """The compiled token list of one rule."""

    tokens: TermFinder
    exceptions: re.Pattern[str] | None

    def may_occur(self, page: Page, market: Market) -> bool:
        """False when the page cannot hold a match (checked once per page)."""
        return self.tokens.may_occur(folded_words(page, market))

    def find(self, text: str, market: Market) -> Iterator[Hit]:
        """Yield each token found outside an exception phrase."""
        allowed: list[tuple[int, int]] | None = None
        for found in self.tokens.finditer(text):
            if allowed is None:
                allowed = (
                    [(m.start(), m.end()) for m in self.exceptions.finditer(text)]
                    if self.exceptions
                    else []
                )
            start, end = found.span()
            if any(a <= start and end <= b for a, b in allowed):
                continue
            yield Hit(start, end, found.group())


def build(spec: RuleSpec) -> Existence:
    """Compile an ``existence`` rule."""
    ignorecase = bool(spec.body.get("ignorecase", True))
    exceptions = spec.body.get("exceptions") or []
    return Existence(
        TermFinder(spec.body["tokens"], ignorecase),
        alternation(exceptions, ignorecase) if exceptions else None,
    )
