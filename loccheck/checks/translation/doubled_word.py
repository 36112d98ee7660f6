"""Rule doubled-word."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.translation.common import (
    PAGE,
    Spot,
    TranslationCheck,
    segment_language,
)
from loccheck.model import Category, Confidence, Severity
from loccheck.page import Segment

# A word, whitespace, the same word (any case); not inside hyphenated or
# apostrophised words ("еле-еле", "l'un l'un" are written so on purpose).
_DOUBLED = re.compile(r"(?<![\w'’-])(\w+)\s+(\1)(?![\w'’-])", re.IGNORECASE)
# Repetitions that are grammatical or idiomatic, by language.
_GRAMMATICAL: dict[str, frozenset[str]] = {
    # Article or demonstrative followed by the relative pronoun: "Produkte, die
    # die Haut schützen", "dass das das Beste ist"; "Haben Sie sie gesehen?".
    "de": frozenset({"der", "die", "das", "dem", "den", "des", "sie"}),
    # "I know that that works", "had had"; reduplications "bye bye", "ha ha".
    "en": frozenset({"that", "had", "bye", "ha", "so"}),
    # Reflexive verbs: "vous vous inscrivez", "nous nous engageons".
    "fr": frozenset({"nous", "vous"}),
    # "if" followed by the reflexive pronoun: "Se se esqueceu da palavra-passe".
    "pt": frozenset({"se"}),
    # Like German: "de producten die die huid beschermen", "dat dat werkt";
    # subject and object "je": "hoe je je aanmeldt", "hoe je je account opent".
    "nl": frozenset({"die", "dat", "je"}),
}


# Vietnamese spaces syllables, not words: reduplication ("từ từ") and the seam
# of two compounds ("địa chỉ chỉ định", "address designated") repeat a syllable.
_SYLLABIC = frozenset({"vi"})


def _inside_word(text: str, start: int, end: int) -> bool:
    """True if a combining mark touches the match: it is part of a longer word.

    Python's ``\\w`` leaves out the vowel signs of Indic scripts, so "फ़ोन
    नंबर" would otherwise read as "न न".
    """
    edges = (text[start - 1 : start], text[end : end + 1])
    return any(edge and unicodedata.category(edge)[0] == "M" for edge in edges)


def _code_like(word: str) -> bool:
    """Numbers and size or grade letters ("10 10", "M M", "A A") repeat in tables."""
    return any(char.isdigit() for char in word) or (len(word) == 1 and word.isupper())


@lru_cache(maxsize=8192)
def doubled_words(text: str, language: str) -> tuple[tuple[str, str, bool], ...]:
    """Return (excerpt, word, lower case) of each doubled word in ``text``."""
    if language in _SYLLABIC:
        return ()
    allowed = _GRAMMATICAL.get(language, frozenset())
    found = []
    for match in _DOUBLED.finditer(text):
        word = match.group(1)
        if _code_like(word) or word.casefold() in allowed:
            continue
        if _inside_word(text, match.start(), match.end()):
            continue
        found.append((match.group(), word, word.islower()))
    return tuple(found)


class DoubledWord(TranslationCheck):
    """The same word twice in a row ("для для", "the the")."""

    id = "doubled-word"
    category = Category.TRANSLATION
    severity = Severity.WARNING
    skips_mojibake = True
    why = """A doubled word is a slip of translation or of joining strings ("the
    the", "добавить добавить"); a shopper reads it as carelessness. Repetitions
    that the language allows are kept per language, with the reason: German
    "die die" and "Sie sie", Dutch "die die", French "vous vous" (reflexive
    verbs), English "that that" and "bye bye". Numbers and size letters repeat
    in tables and are not words; hyphenated reduplications ("еле-еле") are
    not two words; text of different segments is never joined."""
    examples = (
        bad(PAGE.format("ru", "<p>Подходит для для офиса</p>")),
        bad(PAGE.format("ru", "<button>Добавить добавить</button>")),
        bad(PAGE.format("en", "<p>Add the the item to your cart</p>"), "en-US"),
        bad(PAGE.format("de", "<p>In den Warenkorb Warenkorb</p>"), "de-DE"),
        good(PAGE.format("de", "<p>Cremes, die die Haut schützen</p>"), "de-DE"),
        good(PAGE.format("fr", "<p>Vous vous inscrivez en un clic</p>"), "fr-FR"),
        good(PAGE.format("ru", "<p>Еле-еле, чуть-чуть, размер M M, 10 10</p>")),
        good(PAGE.format("ru", "<p>Сумка</p><p>Сумка</p>")),
        good(PAGE.format("en", "<p>I know that that works. Bye bye!</p>"), "en-US"),
    )
    references = (
        "https://docs.weblate.org/en/latest/user/checks.html#consecutive-duplicated-words",
    )

    @staticmethod
    def candidate(text: str) -> bool:
        """Only text where a word follows itself (whatever the language)."""
        return (" " in text or "\u00a0" in text) and _DOUBLED.search(text) is not None

    def spots(self, ctx: PageContext, segment: Segment) -> Iterator[Spot]:
        """Yield each doubled word of the segment."""
        market = ctx.market.language if ctx.market else ""
        language = segment_language(segment, ctx.page, market)
        for excerpt, word, lower in doubled_words(segment.text, language):
            yield Spot(
                excerpt,
                f'"{word}" is written twice in a row.',
                Confidence.HIGH if lower else Confidence.MEDIUM,
                found=(("word", word),),
                suggestion=excerpt.split()[-1] if lower else word,
            )
