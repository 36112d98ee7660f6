"""Share one analysis of a page between the rules that check it."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

from loccheck.markets import Market
from loccheck.page import Page

__all__ = ["per_page"]

T = TypeVar("T")


class _Same:
    """Hashes and compares a page by identity (a ``Page`` is not hashable)."""

    __slots__ = ("page",)

    def __init__(self, page: Page) -> None:
        self.page = page

    def __hash__(self) -> int:
        return id(self.page)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.page is self.page


def per_page(func: Callable[[Page, Market], T]) -> Callable[[Page, Market], T]:
    """Memoise ``func(page, market)`` for the last pages seen.

    Several rules read the same prices or dates of a page; this computes them
    once per page. The memo holds the page itself, so an id is never reused
    while its entry lives, and the result is a pure function of its inputs.
    """
    cached = lru_cache(maxsize=2)(lambda same, market: func(same.page, market))

    @wraps(func)
    def wrapper(page: Page, market: Market) -> T:
        result: T = cached(_Same(page), market)
        return result

    return wrapper
