"""Sizes of the memos of pure functions of a page text.

A storefront repeats a few thousand texts (menus, filters, labels, the names
of products shown on several pages) and adds a few unique ones per page
(descriptions, reviews). A memo keeps the repeated ones hot and lets the
unique ones cycle out; sized to what repeats, it is full after a few hundred
pages, and a worker's memory stays flat from there on.
"""

from __future__ import annotations

# Results read again on later pages: judgements, price and date scans, the
# artefact pre-filter.
REPEATED_TEXTS = 4096
# Searches that an artefact rule's pre-filter and its check share on one page;
# later pages find the pre-filter's answer in its own memo.
ONE_PAGE_TEXTS = 1024
