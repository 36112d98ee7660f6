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
from functools import lru_cache, partial

from loccheck.page import each_joined

# Memos of pure functions, bounded so that memory stays flat on big sites:
# template strings repeat and stay cached; one-off product text cycles out.
_MEMO = 8192

_URLS = re.compile(r"(?:https?://|www\.)\S+")
# A name in quotes: up to three words between any quotation marks
# (Robe « Séquoia », Mantel „Loreley“, Collection "Urban").
_QUOTE_OPENERS = frozenset("«»„“”\"「‘'")
_QUOTED_NAME = re.compile(
    r"[«„“\"「‘](?:\s|\u00a0|\u202f)*[^\s«»„“”\"」’]+"
    r"(?:(?:\s|\u00a0|\u202f)+[^\s«»„“”\"」’]+){0,2}(?:\s|\u00a0|\u202f)*[»“”\"」’]"
)
_PATHS = re.compile(r"(?<!\S)#?/\S+")  # /store-api/_info, #/components/schemas
_ADDRESSES = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[#@][\w-]+")
_IDENTIFIERS = re.compile(r"\b\w+(?:[._]\w+)+\b")  # products.add_to_cart, sku_id
_IDENTIFIER_HINT = re.compile(r"\w[._]\w")
_DIGIT = re.compile(r"\d")
_NUMBERS = re.compile(
    r"(?<=\d)\s?(?:cm|mm|km|kg|mg|ml|lbs?|oz|ft|in|inch|gb|mb|tb|mah|kw|hz|px)\b"
    r"|\S*\d\S*"  # anything with a digit: prices, SKUs, sizes, model numbers
)


def _denoise(text: str) -> str:
    """Blank URLs, addresses, handles, identifiers and anything with digits.

    Each pattern runs only when a cheap test says it can match: most shop
    strings have none of these, and then the text is returned as it is.
    """
    if "://" in text or "www." in text:
        text = _URLS.sub(" ", text)
    if "/" in text:
        text = _PATHS.sub(" ", text)
    if not _QUOTE_OPENERS.isdisjoint(text):
        text = _QUOTED_NAME.sub(" ", text)
    if "@" in text or "#" in text:
        text = _ADDRESSES.sub(" ", text)
    if ("_" in text or "." in text) and _IDENTIFIER_HINT.search(text):
        text = _IDENTIFIERS.sub(" ", text)
    if _DIGIT.search(text):  # the only digits the pattern below matches
        text = _NUMBERS.sub(" ", text)
    return text


# A word: letters, with inner apostrophes, hyphens or periods ("e-mail", "l'été").
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-.](?=[^\W\d_]))*")
# Unit abbreviations: a cell that holds only units is not language.
_UNITS = frozenset(
    {"cm", "mm", "m", "km", "kg", "g", "mg", "ml", "l", "lb", "lbs", "oz", "ft"}
    | {"in", "inch", "inches", "gb", "mb", "tb", "mah", "kw", "w", "v", "hz", "px"}
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
    # Not inside an address or a host name ("hello@example-lumi.com"):
    # blanking "Lumi" there would leave "hello" and "example" as words.
    return re.compile(
        rf"(?<![\w@.\-])(?:{alternatives})(?![\w@\-]|\.\w)", re.IGNORECASE
    )


@lru_cache(maxsize=_MEMO)
def _term_finder(term: str) -> re.Pattern[str]:
    """The bare term, any case: it occurs wherever the terms pattern finds it."""
    return re.compile(re.escape(term.strip()), re.IGNORECASE)


def _terms_in(text: str, terms: frozenset[str]) -> frozenset[str]:
    """The terms that occur in ``text``.

    A term that occurs nowhere adds nothing to a terms pattern, so the pattern
    of these alone replaces the same spans; pages differ in their terms
    (reviewers, brands), and compiling a pattern costs a millisecond where
    these searches cost microseconds.
    """
    return frozenset(t for t in terms if _term_finder(t).search(text))


def strip_terms(text: str, terms: frozenset[str]) -> str:
    """Replace protected terms (whole words, any case) with spaces."""
    pattern = _terms_pattern(_terms_in(text, terms))
    return pattern.sub(" ", text) if pattern is not None else text


# Texts join with NUL for one pass of a terms pattern: no term may hold it; the
# pattern's look-arounds take it as they take the ends of a text.
@lru_cache(maxsize=512)
def _joinable(terms: frozenset[str]) -> bool:
    return not any("\0" in t for t in terms)


def strip_terms_each(texts: list[str], terms: frozenset[str]) -> list[str]:
    """``strip_terms`` of each of ``texts``, in one pass over them all."""
    if not _joinable(terms):  # a term holding NUL could span two texts
        return [strip_terms(t, terms) for t in texts]
    return each_joined(texts, partial(strip_terms, terms=terms))


@lru_cache(maxsize=_MEMO)
def _is_brandlike(word: str) -> bool:
    """Acronyms ("SKU", "DPD") and CamelCase tokens ("iPhone", "PayPal")."""
    if 2 <= len(word) <= 5 and word.isupper():
        return True  # longer all-capital words are words set in capitals
    return any(c.isupper() for c in word[1:]) and not word.isupper()


@lru_cache(maxsize=512)
def _term_index(terms: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Protected terms as word sequences, by their first word (case-folded).

    Matching words against a dictionary is linear in the text; one regular
    expression with hundreds of alternatives is not.
    """
    index: dict[str, list[tuple[str, ...]]] = {}
    for term in terms:
        parts = tuple(w.casefold() for w in _WORD.findall(_denoise(term)))
        if parts:
            index.setdefault(parts[0], []).append(parts)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _without_terms(found: list[str], terms: frozenset[str]) -> list[str]:
    index = _term_index(terms)
    folded = list(map(str.casefold, found))
    if index.keys().isdisjoint(folded):
        return found  # no word starts a term: the common case, decided in C
    kept: list[str] = []
    i = 0
    while i < len(found):
        for parts in index.get(folded[i], ()):
            if tuple(folded[i : i + len(parts)]) == parts:
                i += len(parts)
                break
        else:
            kept.append(found[i])
            i += 1
    return kept


def words(text: str, terms: frozenset[str] = frozenset()) -> list[str]:
    """Return the words of ``text`` worth judging, in order.

    All-caps words are kept when the whole text is in capitals ("ADD TO
    CART"); otherwise they are acronyms and leave, as do one-letter words.
    """
    denoised = _denoise(text)
    found = _without_terms(_WORD.findall(denoised), terms)
    if found and all(w.casefold() in _UNITS for w in found):
        return []  # a header cell of units ("in", "cm / in")
    shouting = len(found) > 1 and all(w.isupper() for w in found)
    # Words are parts of the denoised text: without CJK in it, none has any.
    cjk = _CJK.search(denoised) is not None
    kept: list[str] = []
    for word in found:
        if cjk and _CJK.search(word):
            kept.append(word)
        elif len(word) < 2 or (not shouting and _is_brandlike(word)):
            continue
        else:
            kept.append(word.lower() if shouting or word.isupper() else word)
    return kept


def word_count(tokens: Iterable[str]) -> int:
    """Count words, a CJK run counting one word per two characters."""
    listed = list(tokens)
    if _CJK.search(" ".join(listed)) is None:
        return len(listed)  # no CJK: one word per token
    total = 0
    for token in listed:
        cjk = len(_CJK.findall(token))
        total += (cjk + 1) // 2 if cjk else 1
    return total
