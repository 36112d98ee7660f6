"""Rule replacement-character."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.translation.common import PAGE, Spot, TranslationCheck, blank
from loccheck.model import Category, Confidence, Severity
from loccheck.page import Segment

_FFFD = "\ufffd"
_LETTER = r"[^\W\d_]"
# The word around a U+FFFD.
_AROUND_FFFD = re.compile(r"\S*\ufffd\S*")
# "?" where letters were lost: inside a word ("Сум?а": a lower-case letter after
# it, so "Warum?Weil" and Korean "가요?로그인" are a missing space) ...
_INSIDE = re.compile(rf"\S*{_LETTER}\?+(?={_LETTER})\S*")
_INSIDE_RUN = re.compile(rf"{_LETTER}\?+({_LETTER})")
# ... or two or more before a word ("?????を追加": CJK has no spaces) ...
_LEADING = re.compile(rf"(?<!{_LETTER})\?{{2,}}{_LETTER}\S*")
# ... or a whole word of two or more, which only counts in non-Latin text:
# "???? ?????" on a Russian page. "Really???" and "Что???" stick to a word and
# are emphasis.
_WHOLE = re.compile(r"(?<![\w?])\?{2,}(?![\w?])")
_NON_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")
_LETTERS = re.compile(_LETTER)
_QUERY = re.compile(r"[=/&]")  # "index.php?id=3" is a link, not lost letters


@lru_cache(maxsize=8192)
def lost_letters(
    text: str, own_fffd: bool, non_latin_market: bool
) -> tuple[tuple[str, str], ...]:
    """Return (excerpt, kind) of each place where ``text`` lost letters.

    ``own_fffd`` says the page's U+FFFD may come from our own decoder, which
    the markup rule undecodable-bytes reports; they are not counted again.
    Whole words of "?" count in non-Latin text, or in text with no letters
    left at all on a market that does not write Latin.
    """
    found: list[tuple[str, str]] = []
    if _FFFD in text and not own_fffd:
        found += ((m.group(), "replacement") for m in _AROUND_FFFD.finditer(text))
    if "?" in text:
        plain = blank(text)
        for pattern in (_INSIDE, _LEADING):
            for match in pattern.finditer(plain):
                if pattern is _INSIDE and not _lower_after(match.group()):
                    continue
                if not _QUERY.search(match.group()):
                    found.append((match.group(), "question"))
        letters = _LETTERS.search(plain)
        if _NON_LATIN.search(plain) or (non_latin_market and not letters):
            for match in _WHOLE.finditer(plain):
                start, end = match.span()
                found.append((_words_around(plain, start, end), "question"))
    return tuple(dict.fromkeys(found))


def _lower_after(word: str) -> bool:
    """True if a lower-case letter follows a "?" run inside ``word``."""
    return any(m.group(1).islower() for m in _INSIDE_RUN.finditer(word))


def _words_around(text: str, start: int, end: int) -> str:
    """The run of "?" words around ``start:end`` ("???? ?????")."""
    while start > 0 and text[start - 1] in "? ":
        start -= 1
    while end < len(text) and text[end] in "? ":
        end += 1
    return text[start:end].strip()


class ReplacementCharacter(TranslationCheck):
    """Letters lost on the way: "�" or "?" in place of letters ("Сум?а", "?????")."""

    id = "replacement-character"
    category = Category.TRANSLATION
    severity = Severity.WARNING
    skips_mojibake = True
    why = """Text that passed through a system unable to store its letters (a
    latin-1 database column, a feed converted to ASCII) comes back with "�" or
    "?" in their place, and the shopper reads "????? ?????" for a product name.
    "???" after a word ("Really???") is emphasis and is not flagged. When the
    page itself had bytes our decoder could not read, its "�" are our own
    replacements, already reported once per page by undecodable-bytes; this rule
    then leaves the "�" of that page alone and reads only the "?" runs."""
    examples = (
        bad(PAGE.format("ru", "<p>Сумка \ufffd\ufffd\ufffd\ufffd кожаная</p>")),
        bad(PAGE.format("ru", "<h3>?????? ??????? ?????</h3>")),
        bad(PAGE.format("ru", "<p>Кожаная сум??а</p>")),
        bad(PAGE.format("ja", "<p>?????を追加</p>"), "ja-JP"),
        good(PAGE.format("en", "<p>Really??? Free shipping?!</p>"), "en-US"),
        good(PAGE.format("ru", "<p>Что??? Доставка бесплатно?</p>")),
        good(PAGE.format("ru", "<p>Ссылка: https://example.com/?id=1&q=??</p>")),
        good(PAGE.format("de", "<p>Fragen? Antworten! Warum?Weil.</p>"), "de-DE"),
    )
    references = ("https://en.wikipedia.org/wiki/Specials_(Unicode_block)",)

    @staticmethod
    def candidate(text: str) -> bool:
        """Only text with "�" or "?" can have lost letters."""
        return _FFFD in text or "?" in text

    def spots(self, ctx: PageContext, segment: Segment) -> Iterator[Spot]:
        """Yield each place where the segment lost letters."""
        own = ctx.decoded.replaced > 0
        latin = ctx.market is None or "Latn" in ctx.market.scripts
        for excerpt, kind in lost_letters(segment.text, own, not latin):
            if kind == "replacement":
                message = f'"{excerpt}" holds U+FFFD "�": letters were lost.'
                confidence = Confidence.HIGH
            else:
                message = f'"{excerpt}" has "?" in place of letters.'
                confidence = Confidence.MEDIUM
            yield Spot(excerpt, message, confidence, found=(("text", excerpt),))
