"""Share one analysis of a page between the rules that check it."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

from loccheck.markets import Market
from loccheck.page import Page, Segment

__all__ = [
    "WORD",
    "PageKey",
    "ascii_lowered_source",
    "digit_segments",
    "folded_text",
    "folded_words",
    "lowered_source",
    "per_page",
]

T = TypeVar("T")


class PageKey:
    """A page and a market, hashed and compared by identity.

    A ``Page`` is not hashable, and hashing a ``Market`` field by field costs
    more than the lookup saves; both are shared objects for the page's check.
    """

    __slots__ = ("market", "page")

    def __init__(self, page: Page, market: Market) -> None:
        self.page = page
        self.market = market

    def __hash__(self) -> int:
        return hash((id(self.page), id(self.market)))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, PageKey)
            and other.page is self.page
            and other.market is self.market
        )


def per_page(func: Callable[[Page, Market], T]) -> Callable[[Page, Market], T]:
    """Memoise ``func(page, market)`` for the last pages seen.

    Several rules read the same prices or dates of a page; this computes them
    once per page. The memo holds the page and the market themselves, so an id
    is never reused while its entry lives, and the result is a pure function of
    its inputs.
    """
    cached = lru_cache(maxsize=4)(lambda same: func(same.page, same.market))

    @wraps(func)
    def wrapper(page: Page, market: Market) -> T:
        result: T = cached(PageKey(page, market))
        return result

    return wrapper


_DIGIT = re.compile(r"\d")


@per_page
def digit_segments(page: Page, market: Market) -> tuple[Segment, ...]:
    """The segments holding a digit: only they can hold prices, dates or sizes."""
    return tuple(s for s in page.segments if _DIGIT.search(s.text))


# A word as the page gates see it; rule kinds that test words against
# ``folded_words`` must split words the same way.
WORD = re.compile(r"\w+")


@per_page
def joined_text(page: Page, market: Market) -> str:
    """All the page's segment texts, one per line."""
    return "\n".join(s.text for s in page.segments)


@per_page
def folded_text(page: Page, market: Market) -> str:
    """All the page's segment texts, case-folded, one per line."""
    return joined_text(page, market).casefold()


@per_page
def folded_words(page: Page, market: Market) -> frozenset[str]:
    """Every word (``\\w+`` run) of the page's segments, case-folded."""
    return frozenset(WORD.findall(folded_text(page, market)))


@per_page
def lowered_source(page: Page, market: Market) -> str:
    """The page's HTML source in lower case, for cheap literal tests."""
    return page.source.lower()


@per_page
def ascii_lowered_source(page: Page, market: Market) -> bytes:
    """The page's HTML source as UTF-8 with ASCII letters in lower case, for
    cheap tests of ASCII literals (a third of the cost of ``lowered_source``
    on a Cyrillic page)."""
    return page.source.encode("utf-8", "surrogatepass").lower()
