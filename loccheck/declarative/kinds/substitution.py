"""Kind ``substitution``: a term and the term to use instead (the suggestion).

Keys: ``swap`` (a list of ``{find, use, reason, markets}``; ``markets``
narrows one entry to some of the rule's languages or locales),
``ignorecase`` (default true). The suggestion keeps the match's
capitalisation; ``{reason}`` in the message is the entry's reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from loccheck.checks.pagememo import folded_words
from loccheck.declarative.kinds import Hit
from loccheck.declarative.kinds.words import TermFinder, key, match_case
from loccheck.declarative.spec import RuleSpec
from loccheck.markets import Market
from loccheck.page import Page


@dataclass(frozen=True, slots=True)
class Swap:
    """One entry of a substitution rule."""

    find: str
    use: str
    reason: str
    markets: tuple[str, ...]

    def applies_to(self, market: Market) -> bool:
        """True when the entry is for this market (or for all of the rule's)."""
        return not self.markets or any(
            m in (market.id, market.language) for m in self.markets
        )


@dataclass(frozen=True)
class Substitution:
    """All entries of one rule behind one regex."""

    regex: TermFinder
    swaps: tuple[Swap, ...]  # in the order of the terms of ``regex``
    entries: dict[str, tuple[Swap, ...]]
    ignorecase: bool

    def may_occur(self, page: Page, market: Market) -> bool:
        """False when the page cannot hold a term meant for its market."""
        wanted = [i for i, swap in enumerate(self.swaps) if swap.applies_to(market)]
        return bool(wanted) and self.regex.may_occur(folded_words(page, market), wanted)

    def find(self, text: str, market: Market) -> Iterator[Hit]:
        """Yield each term that has a preferred form in this market."""
        for found in self.regex.finditer(text):
            matched = found.group()
            for swap in self.entries.get(key(matched, self.ignorecase), ()):
                if swap.applies_to(market):
                    suggestion = match_case(swap.use, matched)
                    fields = {"reason": swap.reason, "use": suggestion}
                    yield Hit(found.start(), found.end(), matched, suggestion, fields)
                    break


def build(spec: RuleSpec) -> Substitution:
    """Compile a ``substitution`` rule."""
    ignorecase = bool(spec.body.get("ignorecase", True))
    entries: dict[str, list[Swap]] = {}
    swaps = tuple(
        Swap(
            item["find"],
            item["use"],
            " ".join(str(item.get("reason", "")).split()),
            tuple(item.get("markets", ())),
        )
        for item in spec.body["swap"]
    )
    for swap in swaps:
        entries.setdefault(key(swap.find, ignorecase), []).append(swap)
    regex = TermFinder((swap.find for swap in swaps), ignorecase)
    return Substitution(
        regex, swaps, {k: tuple(v) for k, v in entries.items()}, ignorecase
    )
