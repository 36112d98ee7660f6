"""What the catalog rules share: value cleaning, markup tokens, plural groups."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from loccheck.catalogs.model import CatalogEntry
from loccheck.checks.catalog.base import CatalogContext
from loccheck.checks.catalog.placeholders import mask_placeholders

__all__ = [
    "EN_SOURCE",
    "VOID_TAGS",
    "entities",
    "paired_values",
    "plain_text",
    "same_text",
    "tags",
]

# The source catalog most examples of this family pair with.
EN_SOURCE = ("locales/en.default.json", '{"cart": {"title": "Your cart"}}')

_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
# Entities that only choose a kind of space or an invisible joiner: a French
# translation adds "&nbsp;" before "?" where English has none (typography).
_SPACING = frozenset({"\u00a0", "\u202f", "\u2009", "\u200b", "\u200c", "\u200d"})
VOID_TAGS = frozenset({"br", "hr", "img", "input", "wbr"})


def plain_text(value: str) -> str:
    """The words of a value: placeholders, tags and entities out."""
    text = mask_placeholders(value)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def same_text(a: str, b: str) -> bool:
    """True if two values are the same text (whitespace and case aside)."""
    return a == b or _folded(a) == _folded(b)


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    # Memoised: a source text is compared with every language's value, and
    # each value by several rules.
    return " ".join(text.split()).casefold()


def tags(value: str) -> Counter[str]:
    """The HTML tags of a value: ``b``, ``/b``, ``br`` (``<br/>`` is ``br``)."""
    found: Counter[str] = Counter()
    if "<" not in value:
        return found
    for match in _TAG.finditer(mask_placeholders(value)):
        name = match[1].lower()
        closing = match.group().startswith("</")
        if closing and name in VOID_TAGS:
            continue
        found["/" + name if closing else name] += 1
    return found


def entities(value: str) -> dict[str, str]:
    """The character references of a value, by what they stand for.

    Spacing entities are left out (see ``_SPACING``).
    """
    found: dict[str, str] = {}
    if "&" not in value:
        return found
    for match in _ENTITY.finditer(value):
        char = html.unescape(match.group())
        if char != match.group() and char not in _SPACING:
            found.setdefault(char, match.group())
    return found


def paired_values(ctx: CatalogContext) -> Iterator[tuple[CatalogEntry, str]]:
    """Each value of the catalog with its source text, where it has one."""
    yield from ctx.pairs
