"""Word-bounded, whitespace-tolerant regular expressions for terms and phrases."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
