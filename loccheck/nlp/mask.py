"""Take out what is not language before judging it (after Weblate's same.py).

URLs, e-mail addresses, hashtags, handles, numbers, codes with digits (SKUs,
model numbers, sizes such as "42 RU"), acronyms, CamelCase brand tokens
("iPhone", "PayPal") and the protected terms of the market, the user's
glossary and the page's own brands leave the text; what remains are the words
a shopper reads as language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_NOISE = re.compile(
    r"(?:https?://|www\.)\S+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|[#@][\w-]+"  # hashtags and handles
    r"|\b\w+(?:[._]\w+)+\b"  # keys and identifiers: products.add_to_cart, sku_id
    r"|(?<=\d)\s?(?:cm|mm|km|kg|mg|ml|lbs?|oz|ft|in|inch|gb|mb|tb|mah|kw|hz|px)\b"
    r"|\S*\d\S*",  # anything with a digit: prices, SKUs, sizes, model numbers
    re.UNICODE,
)
# A word: letters, with inner apostrophes, hyphens or periods ("e-mail", "l'été").
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-.](?=[^\W\d_]))*")
# Unit abbreviations: a cell that holds only units is not language.
_UNITS = frozenset(
    "cm mm m km kg g mg ml l lb lbs oz ft in inch inches gb mb tb mah kw w v hz px"
    .split()
)
_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


@lru_cache(maxsize=512)
def _terms_pattern(terms: frozenset[str]) -> re.Pattern[str] | None:
    cleaned = sorted((t.strip() for t in terms if t.strip()), key=len, reverse=True)
    if not cleaned:
        return None
    alternatives = "|".join(re.escape(t) for t in cleaned)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def strip_terms(text: str, terms: frozenset[str]) -> str:
    """Replace protected terms (whole words, any case) with spaces."""
    pattern = _terms_pattern(terms)
    return pattern.sub(" ", text) if pattern is not None else text


def _is_brandlike(word: str) -> bool:
    """Acronyms ("SKU", "DPD") and CamelCase tokens ("iPhone", "PayPal")."""
    if len(word) >= 2 and word.isupper():
        return True
    return any(c.isupper() for c in word[1:]) and not word.isupper()


def words(text: str, terms: frozenset[str] = frozenset()) -> list[str]:
    """Return the words of ``text`` worth judging, in order.

    All-caps words are kept when the whole text is in capitals ("ADD TO
    CART"); otherwise they are acronyms and leave, as do one-letter words.
    """
    cleaned = _NOISE.sub(" ", strip_terms(text, terms))
    found = [m.group() for m in _WORD.finditer(cleaned)]
    if found and all(w.casefold() in _UNITS for w in found):
        return []  # a header cell of units ("in", "cm / in")
    shouting = len(found) > 1 and all(w.isupper() for w in found)
    kept: list[str] = []
    for word in found:
        if _CJK.search(word):
            kept.append(word)
        elif len(word) < 2 or (not shouting and _is_brandlike(word)):
            continue
        else:
            kept.append(word.lower() if shouting else word)
    return kept


def word_count(tokens: Iterable[str]) -> int:
    """Count words, a CJK run counting one word per two characters."""
    total = 0
    for token in tokens:
        cjk = len(_CJK.findall(token))
        total += (cjk + 1) // 2 if cjk else 1
    return total
