"""Simplified vs Traditional Chinese vs Japanese kanji, by character tables.

zhon's CC-CEDICT tables say which Han characters exist only in Simplified or
only in Traditional Chinese. Japanese writes some characters exactly as
Simplified Chinese does (its shinjitai: 国, 学, 会, 税 …); those are taken out
of the Simplified-only set before it is used on a Japanese page: the
characters of CLDR's own Japanese text (from Babel) and a list written here.
Statistical detectors cannot do this job: they call most Han-only text "zh".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from babel import Locale
from zhon import cedict

from loccheck.nlp.scripts import script_of

# Japanese shinjitai that are also the Simplified Chinese form (the
# Traditional form differs): common in shop text, so never evidence of
# Chinese on a Japanese page.
_SHINJITAI = frozenset(
    "万与旧乱亚余体党医区単参号台声壮奥宝将尽属岳弥恋惨担断旧昼条来欧殴浅"
    "残湿灯炉点独状画礼称税窃蚕触誉践辞随装双国学会写着横数楼径茎胆碍庄"
)


def _strings(value: Any, depth: int = 0) -> Iterator[str]:
    if depth > 8:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item, depth + 1)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item, depth + 1)
    else:
        text = getattr(value, "pattern", None)
        if isinstance(text, str):
            yield text


@lru_cache(maxsize=4)
def _han_uses(locale: str) -> Counter[str]:
    data = Locale.parse(locale)._data  # CLDR data of the locale, as Babel ships it
    uses: Counter[str] = Counter()
    for key in data:
        for text in _strings(data[key]):
            uses.update(c for c in text if script_of(c) == "Hani")
    return uses


@lru_cache(maxsize=1)
def simplified_only() -> frozenset[str]:
    """Han characters that exist only in Simplified Chinese."""
    return frozenset(cedict.simplified) - frozenset(cedict.traditional)


@lru_cache(maxsize=1)
def traditional_only() -> frozenset[str]:
    """Han characters that exist only in Traditional Chinese."""
    return frozenset(cedict.traditional) - frozenset(cedict.simplified)


# Forms Traditional-Chinese text in Taiwan commonly writes as well (税/稅,
# 户/戶, 内/內): no evidence of Simplified text on a zh-TW page.
_TAIWAN_VARIANTS = frozenset("税户内")


@lru_cache(maxsize=1)
def simplified_not_traditional_variant() -> frozenset[str]:
    """Simplified-only characters that Traditional text does not use as variants."""
    return simplified_only() - _TAIWAN_VARIANTS


@lru_cache(maxsize=1)
def simplified_not_japanese() -> frozenset[str]:
    """Simplified-only characters that Japanese does not write."""
    return simplified_only() - _SHINJITAI - frozenset(_han_uses("ja"))


def count_in(text: str, table: frozenset[str]) -> int:
    """How many characters of ``text`` are in ``table``."""
    return sum(1 for c in text if c in table)
