"""Sizes of the memos of pure functions of a page text.

A storefront repeats a few thousand texts (menus, filters, labels, the names
of products shown on several pages) and adds a few unique ones per page
(descriptions, reviews). A memo keeps the repeated ones hot and lets the
unique ones cycle out; sized to what repeats, it is full after a few hundred
pages, and a worker's memory stays flat from there on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

_T = TypeVar("_T")

# Results read again on later pages: judgements, price and date scans, the
# artefact pre-filter.
REPEATED_TEXTS = 4096
# Searches that an artefact rule's pre-filter and its check share on one page;
# later pages find the pre-filter's answer in its own memo.
ONE_PAGE_TEXTS = 1024


def each_memoised(
    memo: dict[str, _T], texts: list[str], compute: Callable[[str], _T]
) -> list[_T]:
    """``compute`` of each of ``texts``, read from ``memo`` where it is there.

    The look-ups loop in C; only the misses are computed and stored (never a
    None). The memo is bounded: when full it is emptied, and what repeats is
    back after a page or two.
    """
    found = list(map(memo.get, texts))
    if None in found:
        if len(memo) >= REPEATED_TEXTS:
            memo.clear()
        for index, value in enumerate(found):
            if value is None:
                text = texts[index]
                found[index] = memo[text] = compute(text)
    return cast("list[_T]", found)
