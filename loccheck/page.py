"""The page model: what a shopper sees on one page, as every check reads it."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, NamedTuple

# Segment kinds (the "scope" vocabulary rules select on).
TEXT = "text"
TITLE = "title"
META_DESCRIPTION = "meta-description"
OG_TITLE = "og:title"
OG_DESCRIPTION = "og:description"
TWITTER_TITLE = "twitter:title"
TWITTER_DESCRIPTION = "twitter:description"
ATTR_ALT = "attr-alt"
ATTR_TITLE = "attr-title"
ATTR_PLACEHOLDER = "attr-placeholder"
ATTR_ARIA_LABEL = "attr-aria-label"
BUTTON_VALUE = "button-value"
JSONLD_NAME = "jsonld-name"
JSONLD_DESCRIPTION = "jsonld-description"

SEGMENT_KINDS = (
    TEXT,
    TITLE,
    META_DESCRIPTION,
    OG_TITLE,
    OG_DESCRIPTION,
    TWITTER_TITLE,
    TWITTER_DESCRIPTION,
    ATTR_ALT,
    ATTR_TITLE,
    ATTR_PLACEHOLDER,
    ATTR_ARIA_LABEL,
    BUTTON_VALUE,
    JSONLD_NAME,
    JSONLD_DESCRIPTION,
)


class Segment(NamedTuple):
    """One piece of text a shopper sees (or a search engine shows).

    ``line`` is the line of the element that holds the text (a lower bound of
    where the text itself starts); ``Page.position`` finds the exact place.
    ``lang`` is the nearest ``lang`` attribute in force, ``hint`` marks text
    inside price markup (``"price"``). A named tuple: pages have hundreds of
    segments, and tuples are built several times faster than dataclasses.
    """

    kind: str
    text: str
    line: int
    selector: str
    lang: str | None = None
    hint: str | None = None


# A Segment from a tuple of all its fields, in order. It skips the named
# tuple's __new__ (a Python function): extraction builds hundreds per page.
segment_of: Callable[[tuple[str, str, int, str, str | None, str | None]], Segment] = (
    partial(tuple.__new__, Segment)
)


# HTML collapses ASCII whitespace only: a no-break space (U+00A0, U+202F) is
# kept, because price and number formats depend on it.
_HTML_WS_BUT_SPACE = "\t\n\r\f"


def _collapse_runs(text: str) -> str:
    """Turn each run of HTML whitespace into one space."""
    # str.replace and ``in`` run in C: several times cheaper than re.sub here.
    for char in _HTML_WS_BUT_SPACE:
        if char in text:
            text = text.replace(char, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def collapse(text: str) -> str:
    """Collapse runs of HTML whitespace to one space and strip the ends."""
    return _collapse_runs(text).strip(" ")


def each_joined(texts: list[str], transform: Callable[[str], str]) -> list[str]:
    """Apply ``transform`` to each of ``texts`` in one call on them all.

    The texts are joined with NUL (page text cannot hold it: libxml2 ends
    strings there), so ``transform`` must never join, move or remove a NUL; a
    text that holds one sends every text through ``transform`` on its own.
    """
    joined = "\0".join(texts)
    if not texts or joined.count("\0") != len(texts) - 1:
        return [transform(text) for text in texts]
    return transform(joined).split("\0")


def collapse_all(texts: list[str]) -> list[str]:
    """``collapse`` each of ``texts``, all in one string."""
    return [text.strip(" ") for text in each_joined(texts, _collapse_runs)]


@dataclass(frozen=True, slots=True)
class StructuredPrice:
    """A price declared in structured data (JSON-LD, Open Graph, microdata)."""

    source: str  # "jsonld" | "og" | "product" | "microdata"
    field: str  # "price", "lowPrice", "highPrice", "og:price:amount", ...
    amount: str | None  # as written
    currency: str | None  # as written (normally ISO 4217)
    line: int
    selector: str
    name: str | None = None  # the product or offer name, when known


@dataclass(frozen=True, slots=True)
class Alternate:
    """A ``<link rel="alternate" hreflang="…" href="…">``."""

    hreflang: str
    href: str
    line: int


@dataclass(frozen=True, slots=True)
class MetaTag:
    """A ``<meta>`` value that markup checks read (og:locale, charset, …)."""

    name: str
    value: str
    line: int


class IgnoredElement(NamedTuple):
    """An element carrying ``data-loccheck-ignore``: the lines its subtree spans."""

    first: int  # line of its start tag
    last: int  # line of its end tag (the page's last line for ``<html>``)
    rules: str  # the attribute's value: rule ids, or empty for every rule
    tag: str


@dataclass(frozen=True)
class Page:
    """A parsed page. Checks read it and never change it."""

    path: str
    source: str
    encoding: str | None = None
    html_lang: str | None = None
    html_lang_line: int = 1
    html_dir: str | None = None
    body_dir: str | None = None
    segments: tuple[Segment, ...] = ()
    # Text of subtrees hidden until a script reveals them (``hidden``, inline
    # ``display:none``): menu drawers, modals, tabs. Only artefact rules read it.
    hidden_segments: tuple[Segment, ...] = ()
    prices: tuple[StructuredPrice, ...] = ()
    alternates: tuple[Alternate, ...] = ()
    metas: tuple[MetaTag, ...] = ()
    links: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    jsonld_errors: tuple[tuple[int, str], ...] = ()
    canonical: str | None = None
    skipped: dict[str, int] = field(default_factory=dict)
    parse_problem: str | None = None  # libxml2 stopped early: the rest is missing
    ignored: tuple[IgnoredElement, ...] = ()  # data-loccheck-ignore subtrees

    def meta(self, name: str) -> MetaTag | None:
        """Return the first meta tag called ``name`` (lower-case), if any."""
        for tag in self.metas:
            if tag.name == name:
                return tag
        return None

    @cached_property
    def tree(self) -> Any:
        """The parsed document (lxml root), for rules that select elements.

        Parsed again on first use (extraction prunes the tree it reads), so
        only pages that meet such a rule pay for it.
        """
        from loccheck.extract import parse_tree

        return parse_tree(self.source)[0]

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.source)]

    def offset_of_line(self, line: int) -> int:
        """Return the character offset where 1-based ``line`` starts."""
        starts = self._line_starts
        return starts[max(0, min(line, len(starts)) - 1)]

    def source_line(self, line: int) -> str:
        """Return the text of 1-based ``line`` of the source."""
        start = self.offset_of_line(line)
        end = self.source.find("\n", start)
        return self.source[start : end if end >= 0 else len(self.source)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a character offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def position(self, line: int, needle: str) -> tuple[int, int | None]:
        """Find ``needle`` in the source at or after ``line``.

        Returns the line and column of its first occurrence within a window
        after the start of ``line`` (the text may be written with entities, so
        the escaped and the first-word forms are tried too). Falls back to the
        line alone when the text cannot be found.
        """
        # lxml's line is where a start tag ends; its attributes may sit a few
        # lines above, so look there when the text does not follow.
        for first in (line, max(1, line - 10)):
            start = self.offset_of_line(first)
            window = self.source[start : start + 20000]
            for candidate in _needles(needle):
                found = window.find(candidate)
                if found >= 0:
                    return self.line_col(start + found)
        return line, None


def _needles(text: str) -> list[str]:
    """Forms a text may take in the source: as is, escaped, its first word."""
    text = text.strip()
    forms = [text, html.escape(text, quote=False), html.escape(text)]
    words = text.split()
    if words:
        forms.append(words[0])
        forms.append(html.escape(words[0]))
    return [form for form in dict.fromkeys(forms) if form]
