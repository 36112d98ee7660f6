"""Storefront UI words per language (``locales/lexicon/<lang>.txt``).

Each language's list is completed with the words of its CLDR display names
(``nlp.cldr_words``): country, language, month and weekday names.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from loccheck.nlp import cldr_words
from loccheck.nlp.scripts import script_of
from loccheck.resources import data_dir

# Memos of pure functions, bounded so that memory stays flat on big sites:
# template strings repeat and stay cached; one-off product text cycles out.
_MEMO = 8192

_NOT_LANGUAGES = frozenset({"brands.txt", "international.txt"})
# When a word belongs to several languages, the likelier leak is named.
PRIORITY = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "sv")


@lru_cache(maxsize=1)
def _lexicons() -> dict[str, frozenset[str]]:
    folder = data_dir("locales") / "lexicon"
    found: dict[str, frozenset[str]] = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".txt") and entry.name not in _NOT_LANGUAGES:
            words = (
                line.strip().casefold()
                for line in entry.read_text(encoding="utf-8").splitlines()
            )
            found[entry.name[:-4]] = frozenset(w for w in words if w and w[0] != "#")
    return found


@lru_cache(maxsize=1)
def _owners() -> dict[str, frozenset[str]]:
    """Map each word to the languages whose lexicon has it."""
    owners: dict[str, set[str]] = {}
    for language, words in _lexicons().items():
        for word in words | cldr_words.words(language):
            owners.setdefault(word, set()).add(language)
    return {word: frozenset(langs) for word, langs in owners.items()}


def languages() -> frozenset[str]:
    """Return the languages that have a lexicon."""
    return frozenset(_lexicons())


def has_word(language: str, word: str) -> bool:
    """True if ``word`` (any case) is in ``language``'s lexicon."""
    return language in owners(word)


@lru_cache(maxsize=_MEMO)
def owners(word: str) -> frozenset[str]:
    """Return the languages whose lexicon has ``word`` (any case).

    An English plural ("cards", "orders") counts as its singular.
    """
    table = _owners()
    folded = word.casefold()
    found = table.get(folded)
    if found is None and len(folded) > 3 and folded.endswith("s"):
        singular = table.get(folded[:-1], frozenset())
        found = singular & {"en"}
    return found or frozenset()


@lru_cache(maxsize=64)
def han_words(language: str) -> frozenset[str]:
    """The Han-script words of ``language``'s lexicon that no other lexicon has.

    Chinese and Japanese write words without spaces, so these are looked for
    inside a run of characters, not compared with whole tokens.
    """
    table = _owners()
    return frozenset(
        word
        for word in _lexicons().get(language, frozenset())
        if all(script_of(c) == "Hani" for c in word) and table[word] == {language}
    )


def han_word_in(text: str, language: str) -> str | None:
    """The first of ``language``'s Han words that ``text`` contains, if any."""
    return next((w for w in sorted(han_words(language)) if w in text), None)


@lru_cache(maxsize=1)
def brands() -> frozenset[str]:
    """Global brand names that are never judged as language (``brands.txt``)."""
    entry = data_dir("locales") / "lexicon" / "brands.txt"
    lines = (line.strip() for line in entry.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _international() -> frozenset[str]:
    entry = data_dir("locales") / "lexicon" / "international.txt"
    lines = (line.strip() for line in entry.read_text(encoding="utf-8").splitlines())
    return frozenset(line.casefold() for line in lines if line and line[0] != "#")


def is_international(word: str) -> bool:
    """True for interface words Latin-script languages share with English."""
    return word.casefold() in _international()


def likeliest(languages: Iterable[str]) -> str:
    """The likeliest leak among ``languages`` (non-empty): ``PRIORITY`` order."""
    found = sorted(languages)
    return next((c for c in PRIORITY if c in found), found[0])
