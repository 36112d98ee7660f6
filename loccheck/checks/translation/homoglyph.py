"""Rule homoglyph."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.translation.common import PAGE, Spot, TranslationCheck
from loccheck.model import Category, Confidence, Severity
from loccheck.nlp.scripts import script_of
from loccheck.page import Segment

_SCRIPTS = ("Latn", "Cyrl", "Grek")
_SCRIPT_NAMES = {"Latn": "Latin", "Cyrl": "Cyrillic", "Grek": "Greek"}


def _pairs(left: str, right: str) -> dict[str, str]:
    return dict(zip(left, right, strict=True))


# Letters that look alike in common fonts (after Unicode's confusables.txt,
# limited to the letters shop text mixes up), pairwise by position.
_LATN_CYRL = "aceopxyijskACEHKMOPTXIJSBY"
_CYRL_LATN = "асеорхуіјѕкАСЕНКМОРТХІЈЅВУ"
_LATN_GREK = "ABEZHIKMNOPTYXovp"
_GREK_LATN = "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧονρ"
_GREK_CYRL = "ΑΒΕΗΚΜΟΡΤΧορ"
_CYRL_GREK = "АВЕНКМОРТХор"
_SHAPES = (
    ("Latn", _LATN_CYRL, "Cyrl", _CYRL_LATN),
    ("Latn", _LATN_GREK, "Grek", _GREK_LATN),
    ("Grek", _GREK_CYRL, "Cyrl", _CYRL_GREK),
)
# {from script: {to script: {letter: look-alike}}}, built once at import.
_LOOKALIKE: dict[str, dict[str, dict[str, str]]] = {s: {} for s in _SCRIPTS}
for _one, _letters, _other, _twins in _SHAPES:
    _LOOKALIKE[_one][_other] = _pairs(_letters, _twins)
    _LOOKALIKE[_other][_one] = _pairs(_twins, _letters)
# A Latin letter next to a Cyrillic or Greek one, or Greek next to Cyrillic:
# every mixed word has such a seam, and most shop text has none.
_SEAM = re.compile(
    r"[a-zA-Z][\u0370-\u04ff]|[\u0370-\u04ff][a-zA-Z]"
    r"|[\u0370-\u03ff][\u0400-\u04ff]|[\u0400-\u04ff][\u0370-\u03ff]"
)
# Simple scans that rule out most text before the seam search.
_LATIN = re.compile("[a-zA-Z]")
_GREEK = re.compile("[\u0370-\u03ff]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# A word with its hyphenated or apostrophised parts ("Wi-Fi-роутер").
_COMPOUND = re.compile(r"[^\W_]+(?:[-‐'’][^\W_]+)*")
_PARTS = re.compile(r"[-‐'’]")


def _dominant(letters: list[tuple[str, str]], context: str) -> str | None:
    """The script a mixed word is written in, or None for a deliberate mix.

    Letters without a lookalike in the word's other scripts ("ж", "h", "μ")
    anchor it; anchors in two scripts mean a real mixed word ("iPhoneом",
    "μm"). Without anchors the majority wins, then the context.
    """
    present = {script for _, script in letters}
    anchors = {
        script
        for char, script in letters
        if not any(char in _LOOKALIKE[script][other] for other in present - {script})
    }
    if len(anchors) > 1:
        return None
    if anchors:
        return anchors.pop()
    counts = Counter(script for _, script in letters).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        return context if context in present else None
    return counts[0][0]


def _acronym_with_ending(letters: list[tuple[str, str]]) -> bool:
    """True for an acronym of one script with an ending of another ("SMSка")."""
    scripts = [script for _, script in letters]
    cut = next(i for i, script in enumerate(scripts) if script != scripts[0])
    head = "".join(char for char, _ in letters[:cut])
    return cut >= 2 and head.isupper() and len(set(scripts[cut:])) == 1


def _mixed_word(word: str, context: str) -> tuple[str, str, str] | None:
    """Return (suggestion, dominant script, foreign letters) for a mixed word."""
    letters = [(char, script_of(char)) for char in word]
    if len({s for _, s in letters if s in _SCRIPTS}) < 2:
        return None
    if any(s not in _SCRIPTS for _, s in letters):
        return None  # a letter of a fourth script: not a lookalike slip
    if _acronym_with_ending(letters):
        return None  # "SMSка", "USBшка": an ending on an acronym, on purpose
    dominant = _dominant(letters, context)
    if dominant is None:
        return None
    foreign = [i for i, (_, script) in enumerate(letters) if script != dominant]
    fixed = list(word)
    for index in foreign:
        char, script = letters[index]
        fixed[index] = _LOOKALIKE[script][dominant][char]
    names = ", ".join(
        f"{word[i]} (U+{ord(word[i]):04X} {unicodedata.name(word[i], '?')})"
        for i in foreign
    )
    return "".join(fixed), dominant, names


@lru_cache(maxsize=8192)
def homoglyphs(text: str, fallback: str) -> tuple[tuple[str, str, str, str], ...]:
    """Return (word, suggestion, dominant script, foreign letters) per mixed word.

    Words with a digit are codes ("Х5-M", "A4"), and are not judged. A tie of
    letters goes to the script of the rest of the text, else to ``fallback``
    (the market's).
    """
    found = []
    context = ""
    for match in _COMPOUND.finditer(text):
        compound = match.group()
        if any(char.isdigit() for char in compound) or not _SEAM.search(compound):
            continue
        context = context or _context_script(text, fallback)
        for word in _PARTS.split(compound):
            mixed = _mixed_word(word, context) if len(word) > 1 else None
            if mixed is not None:
                found.append((word, *mixed))
    return tuple(found)


def _context_script(text: str, fallback: str) -> str:
    counts = Counter(script_of(c) for c in text if c.isalpha())
    ranked = [s for s, _ in counts.most_common() if s in _SCRIPTS]
    return ranked[0] if ranked else fallback


class Homoglyph(TranslationCheck):
    """A word mixes look-alike letters of two scripts ("Кoжаная" with a Latin "o")."""

    id = "homoglyph"
    category = Category.TRANSLATION
    severity = Severity.WARNING
    skips_mojibake = True
    why = """A Latin "o" inside a Cyrillic word looks right but is another
    letter: site search and filters do not find "Кoжаная", screen readers spell
    it out, spell checkers and machine translation skip it, and marketplaces
    treat such words as spam. It comes from typing on the wrong keyboard layout
    or copying from a feed. Mixed-script names and codes ("iPhone", "Х5-M",
    "SMS-ка", "μm") are not flagged: a word with a digit is a code, and letters
    without a look-alike in the other script mark a deliberate mix."""
    examples = (
        bad(PAGE.format("ru", "<h1>Кoжаная сумка</h1>")),
        bad(PAGE.format("ru", '<img src="a.jpg" alt="Сумка из натуральнoй кожи">')),
        bad(PAGE.format("ru", "<p>ТОВAР ДНЯ</p>")),
        bad(PAGE.format("ru", "<p>Cyмкa через плечо</p>")),
        bad(PAGE.format("en", "<p>Frее shipping</p>"), "en-US"),
        bad(PAGE.format("el", "<p>Τσάντα απο δέρμα Oμορφη</p>"), "el-GR"),
        good(PAGE.format("ru", "<p>Чехол для iPhone 15 и BMW Х5-M</p>")),
        good(PAGE.format("ru", "<p>SMS-ка, SMSка, Wi-Fi-роутер, e-mail, iPhoneом</p>")),
        good(PAGE.format("de", "<p>Filter 5 μm, 10 kΩ</p>"), "de-DE"),
        good(PAGE.format("ru", "<p>Кожаная сумка, размер S, витамин C</p>")),
    )
    references = (
        "https://www.unicode.org/reports/tr39/#Confusable_Detection",
        "https://www.unicode.org/Public/security/latest/confusables.txt",
    )

    @staticmethod
    def candidate(text: str) -> bool:
        """Only text where two of the scripts meet inside a word."""
        if text.isascii():
            return False
        greek, cyrillic = _GREEK.search(text), _CYRILLIC.search(text)
        if not (greek or cyrillic):
            return False
        if not (greek and cyrillic) and _LATIN.search(text) is None:
            return False
        return _SEAM.search(text) is not None

    def spots(self, ctx: PageContext, segment: Segment) -> Iterator[Spot]:
        """Yield each mixed word of the segment with its one-script spelling."""
        scripts = ctx.market.scripts if ctx.market else ()
        fallback = next((s for s in scripts if s in _SCRIPTS), "Latn")
        for word, fixed, dominant, letters in homoglyphs(segment.text, fallback):
            name = _SCRIPT_NAMES[dominant]
            yield Spot(
                word,
                f'"{word}" is a {name} word with look-alike letters of another '
                f"script: {letters}.",
                Confidence.HIGH,
                expected=(("script", dominant), ("text", fixed)),
                found=(("letters", letters),),
                suggestion=fixed,
            )
