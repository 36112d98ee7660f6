"""Words of a language's CLDR display names (Babel), as extra lexicon words.

Country and language names, month and weekday names and the names of date
fields ("Year", "Yesterday", "Time zone") are interface words of every shop
(address forms, language switchers, order dates). CLDR has them for every
language, so a country selector left in English ("Italy" on an Italian page,
"Canada" on a German one) is found without a hand-written list, and the
market's own names ("Kanada", "Italia") are never held against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError

from loccheck.cldr import private_data
from loccheck.cldr_saved import saved_fact
from loccheck.nlp.endonyms import switcher_languages

_WORD = re.compile(r"[^\W\d_]+")
# Chinese and Japanese names are not words between spaces; their shop words
# come from the hand-written lexicons only (nlp.lexicon.han_words).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Shorter names are abbreviations ("Fri", "Dec") or clash with function words.
_MIN_LETTERS = 4


def _texts(value: Any, depth: int = 0) -> Iterator[str]:
    if depth > 6:
        return
    if isinstance(value, str):
        yield value
    elif hasattr(value, "values"):
        for item in value.values():
            yield from _texts(item, depth + 1)


def _wide(data: Any) -> Iterator[str]:
    """Wide (spelled-out) forms of months, days, quarters and day periods."""
    for context in ("format", "stand-alone"):
        yield from _texts(data.get(context, {}).get("wide", {}))


@lru_cache(maxsize=64)
def words(language: str) -> frozenset[str]:
    """Case-folded words of ``language``'s CLDR display names (empty if unknown)."""
    saved = saved_fact("display-name-words")
    if saved is not None and language in saved:
        return frozenset(saved[language])
    return _derive(language)


def derive_words() -> dict[str, list[str]]:
    """``words`` of each language that has a lexicon, sorted (saved in
    ``cldr_saved``: Babel's merge of 18 locales' data takes 0.2 s)."""
    from loccheck.nlp.lexicon import languages  # which imports this module

    return {language: sorted(_derive(language)) for language in sorted(languages())}


def _derive(language: str) -> frozenset[str]:
    try:
        identifier = str(Locale.parse(language))
    except (UnknownLocaleError, ValueError):
        return frozenset()
    data = private_data(identifier)  # CLDR data as Babel ships it
    # Single-word names only: words of longer ones are often personal names
    # ("St. Martin", "Diego Garcia", "St. Helena").
    languages = data["languages"]
    names = [*_texts(data["territories"])]
    names += [str(languages[c]) for c in switcher_languages() if c in languages]
    texts = [n for n in names if " " not in n.strip()]
    for key in ("months", "days", "quarters", "day_periods"):
        texts += _wide(data[key])
    for field, names in data["date_fields"].items():
        if "-" not in field:  # "year", not "year-short" / "year-narrow"
            texts += _texts(names.get("wide", names))
    return frozenset(
        w.casefold()
        for text in texts
        for w in _WORD.findall(text)
        if len(w) >= _MIN_LETTERS and not _CJK.search(w)
    )
