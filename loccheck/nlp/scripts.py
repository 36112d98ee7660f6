"""The Unicode script of letters: cheap and certain, so it is judged first."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

# Memos of pure functions, bounded so that memory stays flat on big sites:
# template strings repeat and stay cached; one-off product text cycles out.
_MEMO = 8192

# (first code point, last code point, script). ISO 15924 codes; Han covers the
# CJK ideograph blocks, Kana the Japanese syllabaries. Letters outside these
# ranges count as "Zyyy" (common) and are never held against a page.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "Latn"), (0x0061, 0x007A, "Latn"), (0x00C0, 0x024F, "Latn"),
    (0x0370, 0x03FF, "Grek"), (0x0400, 0x052F, "Cyrl"), (0x0530, 0x058F, "Armn"),
    (0x0590, 0x05FF, "Hebr"), (0x0600, 0x06FF, "Arab"), (0x0750, 0x077F, "Arab"),
    (0x0900, 0x097F, "Deva"), (0x0980, 0x09FF, "Beng"), (0x0E00, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Geor"), (0x1100, 0x11FF, "Hang"), (0x1780, 0x17FF, "Khmr"),
    (0x1C80, 0x1C8F, "Cyrl"), (0x1E00, 0x1EFF, "Latn"), (0x1F00, 0x1FFF, "Grek"),
    (0x2DE0, 0x2DFF, "Cyrl"), (0x3040, 0x309F, "Kana"), (0x30A0, 0x30FF, "Kana"),
    (0x3130, 0x318F, "Hang"), (0x31F0, 0x31FF, "Kana"), (0x3400, 0x4DBF, "Hani"),
    (0x4E00, 0x9FFF, "Hani"), (0xA640, 0xA69F, "Cyrl"), (0xAC00, 0xD7AF, "Hang"),
    (0xF900, 0xFAFF, "Hani"), (0xFB1D, 0xFB4F, "Hebr"), (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFF, "Arab"), (0xFF21, 0xFF3A, "Latn"), (0xFF41, 0xFF5A, "Latn"),
    (0xFF66, 0xFF9F, "Kana"), (0x20000, 0x2FA1F, "Hani"),
)  # fmt: skip
_STARTS = [r[0] for r in _RANGES]

# Which writing systems a market's script codes admit (CLDR likely scripts are
# umbrella codes: Jpan = Han + Kana, Kore = Hangul + Han, Hans/Hant = Han).
_ADMITS = {
    "Jpan": {"Hani", "Kana"},
    "Kore": {"Hang", "Hani"},
    "Hans": {"Hani"},
    "Hant": {"Hani"},
}
# The language a script alone points to, when it points to one.
SCRIPT_LANGUAGE = {
    "Kana": "ja", "Hang": "ko", "Hebr": "he", "Grek": "el", "Armn": "hy",
    "Geor": "ka", "Thai": "th", "Khmr": "km", "Beng": "bn", "Deva": "hi",
    "Hani": "zh", "Arab": "ar", "Cyrl": "ru", "Latn": "en",
}  # fmt: skip


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """Return the ISO 15924 script of one character ("Zyyy" if none)."""
    point = ord(char)
    index = bisect.bisect_right(_STARTS, point) - 1
    if index >= 0:
        start, end, script = _RANGES[index]
        if start <= point <= end:
            return script
    return "Zyyy"


@lru_cache(maxsize=_MEMO)
def token_scripts(token: str) -> frozenset[str]:
    """The scripts of the letters of one word (memoised: words repeat)."""
    found = {script_of(c) for c in token if c.isalpha()}
    found.discard("Zyyy")
    return frozenset(found)


@lru_cache(maxsize=64)
def _not_a_letter_of(script: str) -> re.Pattern[str]:
    """A word character that is not a letter of ``script``."""
    parts = []
    for start, end, owner in _RANGES:
        if owner != script:
            continue
        run: list[int] = []
        for point in range(start, end + 2):
            if point <= end and chr(point).isalpha():
                run.append(point)
            elif run:
                parts.append(f"\\U{run[0]:08x}-\\U{run[-1]:08x}")
                run = []
    return re.compile("[^\\W" + "".join(parts) + "]")


def all_of_script(words: list[str], script: str) -> bool:
    """True only if each of ``words`` (each holding a word character) is
    written in ``script`` alone: ``token_scripts`` of each is ``{script}``.

    One search in C instead of a memo look-up per word: it finds any word
    character that is not a letter of the script. Digits, "_" and "²" are
    such characters, so words holding them get False, and their scripts are
    to be read word by word.
    """
    return _not_a_letter_of(script).search(" ".join(words)) is None


def letter_scripts(text: str) -> Counter[str]:
    """Count the letters of ``text`` by script (digits and symbols left out)."""
    counts: Counter[str] = Counter()
    for char in text:
        if char.isalpha():
            counts[script_of(char)] += 1
    counts.pop("Zyyy", None)
    return counts


@lru_cache(maxsize=256)  # a handful of markets, asked for every text
def admitted(market_scripts: tuple[str, ...]) -> frozenset[str]:
    """Return the letter scripts a market writes, from its script codes."""
    found: set[str] = set()
    for code in market_scripts:
        found |= _ADMITS.get(code, {code})
    return frozenset(found)
