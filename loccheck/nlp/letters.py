"""Letters that show a text's language: Cyrillic alphabets and Han tables.

A letter a market's alphabet lacks ("ї" on a Russian page, "ы" on a
Ukrainian one) is certain evidence; so are Han characters one of Chinese and
Japanese writes and the other does not. ``nlp.judge`` asks here first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loccheck.markets import Market
from loccheck.nlp import han, lexicon
from loccheck.nlp.scripts import admitted, token_scripts


def has_kana(tokens: list[str]) -> bool:
    """True if any token has Hiragana or Katakana."""
    return any("Kana" in token_scripts(t) for t in tokens)


# Cyrillic letters each language's alphabet lacks; finding one in a text is
# certain evidence that the text is not in that language.
_LACKS = {
    "ru": frozenset("іїєґўәғқңөұүһІЇЄҐЎӘҒҚҢӨҰҮҺ"),
    "uk": frozenset("ыэъёўәғқңөұүһЫЭЪЁЎӘҒҚҢӨҰҮҺ"),
    "be": frozenset("ищъїєґәғқңөұүһИЩЪЇЄҐӘҒҚҢӨҰҮҺ"),
    "kk": frozenset("їєґўЇЄҐЎ"),
}
# Which language a letter points to, most telling first.
_LETTER_LANGUAGE = (
    (frozenset("їєґЇЄҐ"), "uk"),
    (frozenset("ўЎ"), "be"),
    (frozenset("әғқңөұүһӘҒҚҢӨҰҮҺ"), "kk"),
    (frozenset("ыэъёЫЭЪЁ"), "ru"),
    (frozenset("іІ"), "uk"),
    (frozenset("ищИЩ"), "ru"),
)


@lru_cache(maxsize=8)
def _lacking(language: str) -> re.Pattern[str]:
    """A pattern of the letters ``language``'s alphabet lacks (a character
    class scans a text several times faster than a set test of each letter)."""
    return re.compile("[" + re.escape("".join(sorted(_LACKS[language]))) + "]")


def _cyrillic_evidence(tokens: list[str], market: Market) -> str | None:
    """The Cyrillic language that letters alien to the market's alphabet show."""
    lacks = _LACKS.get(market.language)
    if lacks is None:
        return None
    text = "".join(tokens)
    if _lacking(market.language).search(text) is None:
        return None  # the common case, decided by one scan in C
    alien = set(text) & lacks
    for letters, language in _LETTER_LANGUAGE:
        if alien & letters:
            return language
    return None


# Characters Chinese writes and Japanese does not: pronouns, particles and
# everyday verbs ("您", "们", "吗", "查", "搜").
_CHINESE_ONLY = frozenset("您们們这這么麼吗嗎呢吧啊哪搜查帐帳账该該启啟")
# Japanese shinjitai and kokuji that neither Simplified nor Traditional
# Chinese writes (売 is 卖/賣, 続 is 续/續, 込 and 働 exist only in Japanese).
_JAPANESE_ONLY = frozenset(
    "発売続済択変単転込払歴検価円読戻気広図覧拡対応険験働枠辺総緑労営帰収処"
    "児経絵継薬覚訳録関駅黒悪圧囲桜戦恵県剤巻厳沢浄渋焼猟稲粋縄聴脳蔵豊鋭"
    "闘隠雑霊騒髪鶏歯齢亜塩縁仮伝倹勧様姫嬢実寝専満"
)


def _han_evidence(tokens: list[str], market: Market) -> str | None:
    """Simplified or Chinese text on a Japanese or Traditional page, Japanese
    text on a Chinese page: by character tables and Han-script shop words."""
    if "Hani" not in admitted(market.scripts) or has_kana(tokens):
        return None
    text = "".join(tokens)
    if market.language == "ja":
        if han.count_in(text, han.simplified_not_japanese()):
            return "zh-Hans"
        chinese = han.count_in(text, _CHINESE_ONLY) or lexicon.han_word_in(text, "zh")
        return "zh" if chinese else None
    if market.language != "zh":
        return None
    if han.count_in(text, _JAPANESE_ONLY) or lexicon.han_word_in(text, "ja"):
        return "ja"
    if "Hant" in market.scripts:
        table = han.simplified_not_traditional_variant()
        return "zh-Hans" if han.count_in(text, table) else None
    return "zh-Hant" if han.count_in(text, han.traditional_only()) else None


def evidence(tokens: list[str], market: Market) -> str | None:
    """The language that letters alien to the market show, if any."""
    return _cyrillic_evidence(tokens, market) or _han_evidence(tokens, market)
