"""Word-bounded, whitespace-tolerant regular expressions for terms and phrases."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from loccheck.checks.pagememo import WORD

# A term starts and ends at a word edge: no letter, digit, underscore or
# hyphen glued to it ("USB-C" does not contain the term "USB").
_BEFORE = r"(?<![\w-])"
_AFTER = r"(?![\w-])"


def term_regex(term: str) -> str:
    """Return the regex source of ``term``: literal, any whitespace between words."""
    words = term.split()
    body = r"\s+".join(re.escape(word) for word in words)
    before = _BEFORE if re.match(r"\w", words[0]) else ""
    after = _AFTER if re.search(r"\w$", words[-1]) else ""
    return f"{before}{body}{after}"


def alternation(terms: Iterable[str], ignorecase: bool) -> re.Pattern[str]:
    """Compile one regex matching any of ``terms``, longest first."""
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    flags = re.IGNORECASE if ignorecase else 0
    return re.compile("|".join(term_regex(t) for t in ordered), flags)


def key(text: str, ignorecase: bool) -> str:
    """The lookup key of a matched term: whitespace collapsed, maybe case-folded."""
    collapsed = " ".join(text.split())
    return collapsed.casefold() if ignorecase else collapsed


def match_case(template: str, matched: str) -> str:
    """Give ``template`` the capitalisation of ``matched`` (UPPER or Title)."""
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return template.upper()
    if letters and matched.lstrip()[:1].isupper() and template[:1].islower():
        return template[:1].upper() + template[1:]
    return template


class TermFinder:
    """Find terms fast: most texts hold none of them, and a word scan shows it.

    A regex alternation of many terms, each behind a look-behind, is tried at
    every position of a text, which costs tens of microseconds per string.
    The first word of every term goes into a set; only a text with one of
    those words is searched with the full regex.
    """

    def __init__(self, terms: Iterable[str], ignorecase: bool) -> None:
        terms = list(terms)
        self.ignorecase = ignorecase
        self.regex = alternation(terms, ignorecase)
        self.term_words = tuple(
            frozenset(WORD.findall(term.casefold())) for term in terms
        )
        firsts: set[str] = set()
        for term in terms:
            found = WORD.search(term)
            firsts.add(self._fold(found.group()) if found else "")
        # A term without any word character cannot be gated by words.
        self.firsts: frozenset[str] | None = None if "" in firsts else frozenset(firsts)

    def may_occur(
        self, page_words: frozenset[str], only: Iterable[int] | None = None
    ) -> bool:
        """False when no term (of those indexed by ``only``) can be on the page.

        A term can be on a page only if every word of it is among the page's
        case-folded words; this one set test per term spares most pages the
        per-segment search.
        """
        wanted = self.term_words if only is None else [self.term_words[i] for i in only]
        return any(words <= page_words for words in wanted)

    def _fold(self, word: str) -> str:
        return word.casefold() if self.ignorecase else word

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Yield the matches of the terms in ``text``."""
        if self.firsts is not None:
            folded = text.casefold() if self.ignorecase else text
            if self.firsts.isdisjoint(WORD.findall(folded)):
                return
        yield from self.regex.finditer(text)
