"""Take out what is not language before judging it (after Weblate's same.py).

URLs, e-mail addresses, hashtags, handles, numbers, codes with digits (SKUs,
model numbers, sizes such as "42 RU"), acronyms, CamelCase brand tokens
("iPhone", "PayPal") and the protected terms of the market, the user's
glossary and the page's own brands leave the text; what remains are the words
a shopper reads as language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import import_module
from itertools import pairwise
from operator import itemgetter

# Memos of pure functions, bounded so that memory stays flat on big sites:
# template strings repeat and stay cached; one-off product text cycles out.
_MEMO = 8192

_URLS = re.compile(r"(?:https?://|www\.)\S+")
# A name in quotes: up to three words between any quotation marks
# (Robe « Séquoia », Mantel „Loreley“, Collection "Urban").
# (A character class finds one faster than a set test of each character.)
_QUOTE_OPENER = re.compile("[«»„“”\"「‘']")
_QUOTED_NAME = re.compile(
    r"[«„“\"「‘](?:\s|\u00a0|\u202f)*[^\s«»„“”\"」’]+"
    r"(?:(?:\s|\u00a0|\u202f)+[^\s«»„“”\"」’]+){0,2}(?:\s|\u00a0|\u202f)*[»“”\"」’]"
)
_PATHS = re.compile(r"(?<!\S)#?/\S+")  # /store-api/_info, #/components/schemas
_ADDRESSES = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[#@][\w-]+")
_IDENTIFIERS = re.compile(r"\b\w+(?:[._]\w+)+\b")  # products.add_to_cart, sku_id
# A dot or underscore between word characters; starting with the mark lets
# the search skip to marks (a pattern starting with \w tries every letter).
_IDENTIFIER_HINT = re.compile(r"[._](?<=\w[._])(?=\w)")
_DIGIT = re.compile(r"\d")
_UNIT = r"(?:cm|mm|km|kg|mg|ml|lbs?|oz|ft|in|inch|gb|mb|tb|mah|kw|hz|px)"
# Blanked: a unit after a number ("42 cm"), and anything with a digit (prices,
# SKUs, sizes, model numbers). Tried only where a whitespace run ends, not at
# every letter of every word as "\S*\d\S*" is; a unit's match takes the rest
# of its word if that has a digit ("10 cm-5"), which "\S*\d\S*" takes in a
# match of its own. ``_blank_number`` gives each the same blanks as before.
_NUMBERS = re.compile(
    rf"(?<=\d)\s?{_UNIT}\b(?P<more>[^\s\d]*\d\S*)?"
    r"|(?P<space>^|\s)[^\s\d]*\d\S*"
)


def _blank_number(match: re.Match[str]) -> str:
    if match.group("more"):
        return "  "  # the unit's blank and that of the rest of its word
    space = match.group("space")
    return " " if space is None else space + " "  # the space before stays


def denoise(text: str) -> str:
    """Blank URLs, addresses, handles, identifiers and anything with digits.

    ``words`` reads only what this leaves of a text.

    Each pattern runs only when a cheap test says it can match: most shop
    strings have none of these, and then the text is returned as it is.
    """
    if "://" in text or "www." in text:
        text = _URLS.sub(" ", text)
    if "/" in text:
        text = _PATHS.sub(" ", text)
    if _QUOTE_OPENER.search(text):
        text = _QUOTED_NAME.sub(" ", text)
    if "@" in text or "#" in text:
        text = _ADDRESSES.sub(" ", text)
    if ("_" in text or "." in text) and _IDENTIFIER_HINT.search(text):
        text = _IDENTIFIERS.sub(" ", text)
    if _DIGIT.search(text):  # the only digits the pattern below matches
        text = _NUMBERS.sub(_blank_number, text)
    return text


# A word: letters, with inner apostrophes, hyphens or periods ("e-mail", "l'été").
# Written as runs of letters joined by one mark each: the same words as a
# letter-by-letter pattern with a look-ahead, found in a third less time.
_WORD = re.compile(r"[^\W\d_]+(?:['’\-.][^\W\d_]+)*")
# The same on text with no digit and no "_", a quarter faster.
_WORD_OF_DENOISED = re.compile(r"\w+(?:['’\-.]\w+)*")
# Unit abbreviations: a cell that holds only units is not language.
_UNITS = frozenset(
    {"cm", "mm", "m", "km", "kg", "g", "mg", "ml", "l", "lb", "lbs", "oz", "ft"}
    | {"in", "inch", "inches", "gb", "mb", "tb", "mah", "kw", "w", "v", "hz", "px"}
)
_TAIL = itemgetter(slice(1, None))  # a word's letters after the first
_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_CJK_RUN = re.compile(_CJK.pattern + "+")


def _bounded(alternatives: list[str]) -> re.Pattern[str]:
    """Terms as whole words, any case; the longest first where several match.

    Not inside an address or a host name ("hello@example-lumi.com"): blanking
    "Lumi" there would leave "hello" and "example" as words.
    """
    either = "|".join(re.escape(t) for t in alternatives)
    return re.compile(rf"(?<![\w@.\-])(?:{either})(?![\w@\-]|\.\w)", re.IGNORECASE)


@lru_cache(maxsize=512)
def _terms_pattern(terms: frozenset[str]) -> re.Pattern[str] | None:
    cleaned = sorted((t.strip() for t in terms if t.strip()), key=len, reverse=True)
    return _bounded(cleaned) if cleaned else None


@lru_cache(maxsize=_MEMO)
def _term_pattern(term: str) -> re.Pattern[str]:
    return _bounded([term.strip()])


def _case_classes() -> dict[int, str] | None:
    """Characters that ``re.IGNORECASE`` holds equal beyond their lowercase
    (ı and i, ſ and s, ς and σ, ᲀ and в, …): each but the first of its class
    mapped to the first, which is the common one (i, s, в).

    The table is the regular-expression engine's own (private, so looked up
    where each Python keeps it); None where it is not found.
    """
    places = (("re._casefix", "_EXTRA_CASES"), ("sre_compile", "_ignorecase_fixes"))
    for module, name in places:  # Python 3.11+, then 3.10
        try:
            extra: dict[int, tuple[int, ...]] = getattr(import_module(module), name)
            break
        except (ImportError, AttributeError):  # pragma: no cover - other Pythons
            continue
    else:  # pragma: no cover
        return None
    classes: dict[int, set[int]] = {}
    for char, others in extra.items():
        joined = {char, *others}
        for member in list(joined):
            joined |= classes.get(member, set())
        for member in joined:
            classes[member] = joined
    firsts = {char: min(members) for char, members in classes.items()}
    return {char: chr(first) for char, first in firsts.items() if char != first}


_CASE_CLASSES = _case_classes()
# The characters _fold maps (none where the table is missing: then _fold is
# not used, and "(?!)" never matches).
_RARE_CASES = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_CASE_CLASSES)) + "]"
    if _CASE_CLASSES
    else "(?!)"
)


def _fold(text: str) -> str:
    """``text`` with characters that match each other in any case made equal,
    at the same positions (İ, the one letter whose lowercase is two, first)."""
    assert _CASE_CLASSES is not None
    lowered = text.replace("İ", "i").lower()
    if _RARE_CASES.search(lowered) is None:
        return lowered
    return lowered.translate(_CASE_CLASSES)


@lru_cache(maxsize=_MEMO)
def _term_finder(term: str) -> re.Pattern[str]:
    """The bare term, any case: it occurs wherever the terms pattern finds it."""
    return re.compile(re.escape(term.strip()), re.IGNORECASE)


@lru_cache(maxsize=_MEMO)
def _folded_term(term: str) -> str:
    return _fold(term.strip())


def _starts(term: str, text: str, folded: str | None, pos: int) -> int:
    """The first position from ``pos`` where the bare term may start (-1: none).

    In the folded text a plain substring search finds every place where the
    term matches in any case (and perhaps a few more, which the term's
    pattern then rejects).
    """
    if folded is not None:
        return folded.find(_folded_term(term), pos)
    found = _term_finder(term).search(text, pos)
    return found.start() if found else -1


def _term_spans(term: str, text: str, folded: str | None) -> Iterator[tuple[int, int]]:
    """``_term_pattern(term).finditer(text)`` as spans, found faster.

    The pattern starts with a look-behind, so a search tries it at every
    position; it can only match where the bare term starts, so it is tried at
    those positions alone.
    """
    pattern = _term_pattern(term)
    start = _starts(term, text, folded, 0)
    while start >= 0:
        if matched := pattern.match(text, start):
            yield matched.span()
            start = _starts(term, text, folded, matched.end())
        else:
            start = _starts(term, text, folded, start + 1)


def strip_terms(text: str, terms: frozenset[str]) -> str:
    """Replace protected terms (whole words, any case) with spaces.

    Pages differ in their terms (reviewers, brands), and compiling one pattern
    of them all costs about a millisecond; each term's own pattern is compiled
    once per process. Where no two terms' matches overlap, the matches of the
    one pattern are exactly those of the terms' own, so these are blanked;
    where some overlap, the one pattern decides which term wins.
    """
    if not terms:
        return text
    present, spans = _term_matches(text, terms)
    if not spans:
        return text
    if _overlap(spans):
        pattern = _terms_pattern(frozenset(present))
        return pattern.sub(" ", text) if pattern is not None else text
    return _blanked(text, spans, 0)


def _term_matches(
    text: str, terms: frozenset[str], folded: str | None = None
) -> tuple[list[str], list[tuple[int, int]]]:
    """The terms found in ``text`` (``folded``: its ``_fold``, if known), and
    the spans of their matches, sorted."""
    if folded is None and _CASE_CLASSES is not None:
        folded = _fold(text)
    present = [t for t in terms if t.strip() and _starts(t, text, folded, 0) >= 0]
    spans = sorted({span for t in present for span in _term_spans(t, text, folded)})
    return present, spans


def _overlap(spans: list[tuple[int, int]]) -> bool:
    return any(end > start for (_, end), (start, _) in pairwise(spans))


def _blanked(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    """``text`` with each of ``spans`` (apart, sorted, shifted by ``offset``)
    replaced by one space."""
    pieces = []
    last = 0
    for start, end in spans:
        pieces.append(text[last : start - offset])
        last = end - offset
    pieces.append(text[last:])
    return " ".join(pieces)


# Texts join with NUL for one pass of a terms pattern: no term may hold it; the
# pattern's look-arounds take it as they take the ends of a text.
@lru_cache(maxsize=512)
def _joinable(terms: frozenset[str]) -> bool:
    return not any("\0" in t for t in terms)


def strip_terms_each(texts: list[str], terms: frozenset[str]) -> list[str]:
    """``strip_terms`` of each of ``texts``, in one pass over them all.

    A text without a term comes back as the same object, whose hash is
    already known to the memos it is looked up in next.
    """
    joined = "\0".join(texts)
    if not terms or not _joinable(terms) or joined.count("\0") != len(texts) - 1:
        # No term, or a NUL in a term (it could span two texts) or in a text.
        return [strip_terms(t, terms) for t in texts]
    # One fold of the joined texts: the join of each text's fold (folding
    # keeps each character's place, and a NUL ends the context of a final
    # sigma as the end of a text does). Measured in a scan, it costs less
    # than looking each text's fold up in a memo.
    folded = _fold(joined) if _CASE_CLASSES is not None else None
    present, spans = _term_matches(joined, terms, folded)
    if not spans:
        return list(texts)
    if _overlap(spans):  # the one pattern of the terms found decides
        pattern = _terms_pattern(frozenset(present))
        assert pattern is not None  # terms were found
        parts = pattern.sub(" ", joined).split("\0")
        return [
            old if new == old else new for old, new in zip(texts, parts, strict=True)
        ]
    # A match never holds the NUL between two texts: each lies in one text,
    # the one after as many NULs as come before the match.
    found: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        found.setdefault(joined.count("\0", 0, span[0]), []).append(span)
    stripped = list(texts)
    for index, inside in found.items():
        begin = joined.rfind("\0", 0, inside[0][0]) + 1
        stripped[index] = _blanked(texts[index], inside, begin)
    return stripped


@lru_cache(maxsize=_MEMO)
def _is_brandlike(word: str) -> bool:
    """Acronyms ("SKU", "DPD") and CamelCase tokens ("iPhone", "PayPal")."""
    if 2 <= len(word) <= 5 and word.isupper():
        return True  # longer all-capital words are words set in capitals
    tail = word[1:]
    if tail.islower():
        return False  # the common case: no capital after the first letter
    return any(c.isupper() for c in tail) and not word.isupper()


@lru_cache(maxsize=512)
def _term_index(terms: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Protected terms as word sequences, by their first word (case-folded).

    Matching words against a dictionary is linear in the text; one regular
    expression with hundreds of alternatives is not.
    """
    index: dict[str, list[tuple[str, ...]]] = {}
    for term in terms:
        parts = tuple(w.casefold() for w in _WORD.findall(denoise(term)))
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
    return denoised_words(denoise(text), terms)


def denoised_words(denoised: str, terms: frozenset[str] = frozenset()) -> list[str]:
    """``words`` of a text, from the text as ``denoise`` left it."""
    # A denoised text holds no digit; without "_" either, a word character is
    # a letter, and the plain word pattern finds the same words sooner.
    pattern = _WORD if "_" in denoised else _WORD_OF_DENOISED
    found = _without_terms(pattern.findall(denoised), terms)
    if found and all(w.casefold() in _UNITS for w in found):
        return []  # a header cell of units ("in", "cm / in")
    shouting = len(found) > 1 and all(w.isupper() for w in found)
    # Words are parts of the denoised text: without CJK in it, none has any.
    cjk = _CJK.search(denoised) is not None
    if not cjk and not shouting:  # the common case
        longer = [word for word in found if len(word) > 1]
        # A word whose letters after the first are all lower case is neither
        # in capitals nor brand-like. Prose is made of such words: then they
        # stand as they are, decided in C without a memo look-up per word.
        if all(map(str.islower, map(_TAIL, longer))):
            return longer
        return [
            word.lower() if word.isupper() else word
            for word in longer
            if not _is_brandlike(word)
        ]
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
        # A token all of CJK (most are) is counted without a list of its
        # characters.
        cjk = len(token) if _CJK_RUN.fullmatch(token) else len(_CJK.findall(token))
        total += (cjk + 1) // 2 if cjk else 1
    return total
