"""Language names written in their own language ("English", "Deutsch", "Русский").

A language switcher lists each language by its own name; those labels are
correct in every market. The names come from CLDR through Babel.
"""

from __future__ import annotations

from functools import lru_cache

from babel import localedata

from loccheck.cldr import inherited_value
from loccheck.cldr_saved import saved_fact

# Languages whose switcher labels are worth knowing: those storefronts are
# published in (the languages loccheck's detector knows, plus a few more).
_LANGUAGES = [
    "af",
    "ar",
    "az",
    "be",
    "bg",
    "bn",
    "bs",
    "ca",
    "cs",
    "cy",
    "da",
    "de",
    "el",
    "en",
    "eo",
    "es",
    "et",
    "eu",
    "fa",
    "fi",
    "fr",
    "ga",
    "gu",
    "he",
    "hi",
    "hr",
    "hu",
    "hy",
    "id",
    "is",
    "it",
    "ja",
    "ka",
    "kk",
    "ko",
    "la",
    "lt",
    "lv",
    "mk",
    "mn",
    "mr",
    "ms",
    "nb",
    "nl",
    "nn",
    "no",
    "pa",
    "pl",
    "pt",
    "ro",
    "ru",
    "sk",
    "sl",
    "so",
    "sq",
    "sr",
    "sv",
    "sw",
    "ta",
    "te",
    "th",
    "tl",
    "tr",
    "uk",
    "ur",
    "uz",
    "vi",
    "yo",
    "zh",
    "zu",
]


@lru_cache(maxsize=1)
def endonyms() -> frozenset[str]:
    """Each language's name in that language, capitalised and as CLDR writes it."""
    return frozenset(saved_fact("endonyms") or derive_endonyms())


def derive_endonyms() -> list[str]:
    """The names of ``endonyms``, sorted (saved in ``cldr_saved``).

    The same names as ``Locale.parse(code).get_display_name(code)``, read up
    each locale's chain of data files instead of through Babel's merge of each
    locale's whole data (0.8 s; this takes 0.25 s).
    """
    names: set[str] = set()
    for identifier in _LANGUAGES:
        if not localedata.exists(identifier):
            continue
        name = inherited_value(identifier, "languages", identifier)
        if name:
            names.add(name)
            names.add(name[:1].upper() + name[1:])
    return sorted(names)


def switcher_languages() -> tuple[str, ...]:
    """The language codes whose names a language switcher is likely to show."""
    return tuple(_LANGUAGES)
