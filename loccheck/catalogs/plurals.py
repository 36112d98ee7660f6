"""Plural forms: CLDR categories from Babel, gettext indices, i18next key suffixes."""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from babel.core import Locale, UnknownLocaleError

__all__ = [
    "CATEGORIES",
    "PluralMark",
    "gettext_categories",
    "integer_categories",
    "language_categories",
    "subkey_plural",
    "suffix_plurals",
]

# CLDR plural categories in CLDR's own order.
CATEGORIES = ("zero", "one", "two", "few", "many", "other")
_CATEGORY_SET = frozenset(CATEGORIES)
_ONLY_OTHER = frozenset({"other"})
# Integers enough to meet every category CLDR gives whole numbers below a
# million: the rules look at n, n % 10 and n % 100 (Arabic "many" is 11-99,
# Welsh "many" 6, Latvian "zero" 10-20), which repeat after 100.
_SAMPLES = range(201)
_SHOWN_HEADER = 120  # characters of an unreadable header quoted in its note
_SUFFIX = re.compile(
    r"(?P<base>.+?)(?P<ordinal>_ordinal)?_(?P<cat>" + "|".join(CATEGORIES) + ")"
)
_INDEXED = re.compile(r"(?P<base>.+)_(?P<index>[0-9])")
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
_PLURAL = re.compile(r"plural\s*=\s*([^;]+)")


@dataclass(frozen=True, slots=True)
class PluralMark:
    """How one key is a plural form: its message, category and/or index."""

    base: str
    category: str | None
    index: int | None = None
    ordinal: bool = False


@lru_cache(maxsize=512)
def language_categories(tag: str | None) -> frozenset[str] | None:
    """Return the CLDR plural categories of a language, "other" included.

    Args:
        tag: A BCP 47 tag, e.g. "ru" or "pt-BR".

    Returns:
        The categories, or None if Babel does not know the language.
    """
    locale = _locale(tag)
    if locale is None:
        return None
    return frozenset(locale.plural_form.tags) | {"other"}


@lru_cache(maxsize=512)
def integer_categories(tag: str | None) -> tuple[str, ...] | None:
    """Return the categories whole numbers fall into, in CLDR order.

    Russian gives ("one", "few", "many"): its "other" is only for fractions.
    This is the list gettext and i18next v3 number their forms by.
    """
    locale = _locale(tag)
    if locale is None:
        return None
    rule = locale.plural_form
    seen = {rule(number) for number in _SAMPLES}
    return tuple(category for category in CATEGORIES if category in seen)


def _locale(tag: str | None) -> Locale | None:
    if not tag:
        return None
    for candidate in (tag, tag.split("-")[0]):
        try:
            return Locale.parse(candidate, sep="-")
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return None


def gettext_categories(
    plural_forms: str | None, tag: str | None
) -> tuple[tuple[str | None, ...], str | None]:
    """Map each ``msgstr[n]`` index of a PO file to a CLDR category.

    The ``Plural-Forms`` expression and Babel's CLDR rule are both evaluated
    for 0 to 200; an index gets a category when every number it takes falls
    into that one category (Russian: 0 -> one, 1 -> few, 2 -> many). An index
    whose numbers fall into several categories (an old two-form header for a
    three-form language) gets None, and the header is reported.

    Args:
        plural_forms: The header, e.g. ``nplurals=2; plural=(n != 1);``.
        tag: The catalog's language.

    Returns:
        One category (or None) per index, and a warning or None.
    """
    parsed = _parse_plural_forms(plural_forms)
    if parsed is None:
        shown = plural_forms or ""
        if len(shown) > _SHOWN_HEADER:  # the note stays one readable line
            shown = shown[: _SHOWN_HEADER - 1] + "…"
        return (), f'cannot read the Plural-Forms header "{shown}"'
    count, function = parsed
    locale = _locale(tag)
    if locale is None:
        return (None,) * count, None
    rule = locale.plural_form
    found: list[set[str]] = [set() for _ in range(count)]
    for number in _SAMPLES:
        index = function(number)
        if not 0 <= index < count:
            problem = f"Plural-Forms gives index {index} for n={number}"
            return (None,) * count, problem
        found[index].add(rule(number))
    single = [next(iter(cats)) if len(cats) == 1 else None for cats in found]
    categories = tuple(c if c and single.count(c) == 1 else None for c in single)
    if None in categories:
        cldr = ", ".join(integer_categories(tag) or ())
        return categories, f'Plural-Forms "{plural_forms}" does not match CLDR ({cldr})'
    return categories, None


@lru_cache(maxsize=64)
def _parse_plural_forms(header: str | None) -> tuple[int, Callable[[int], int]] | None:
    """Return nplurals and the plural expression as a function, or None.

    The standard library's gettext turns the C expression into Python after
    checking its tokens, so a hostile header cannot run code.
    """
    if not header:
        return None
    count, expression = _NPLURALS.search(header), _PLURAL.search(header)
    if count is None or expression is None:
        return None
    if not 0 < int(count[1]) <= len(CATEGORIES):
        return None
    try:
        function = gettext.c2py(expression[1].strip())
        for number in _SAMPLES:
            function(number)
    except (ValueError, SyntaxError, RecursionError, ArithmeticError):
        return None
    return int(count[1]), function


def subkey_plural(keys: Iterable[str], tag: str | None) -> bool:
    """Return True if a mapping's keys are the plural forms of one message.

    Rails and Shopify write ``{one: …, other: …}``: every key a CLDR category
    and "other" among them; a lone ``other`` only in a language that has no
    other category (Japanese, Chinese).
    """
    names = set(keys)
    if not names or not names <= _CATEGORY_SET or "other" not in names:
        return False
    return len(names) > 1 or language_categories(tag) == _ONLY_OTHER


def suffix_plurals(keys: Iterable[str], tag: str | None) -> dict[str, PluralMark]:
    """Find i18next plural keys among the keys of one JSON object.

    * v4 and later: ``items_one``, ``items_few``, ``items_other`` (and
      ``items_ordinal_one``…): marked when at least two forms of one message
      are present, or a lone ``_other`` in a language with no other category.
    * v3: ``items`` + ``items_plural`` (singular, plural).
    * v3 for languages with more forms: ``items_0``, ``items_1``, ``items_2``:
      marked only when the indices run from 0 and there are exactly as many
      as the language has integer categories, so ``step_0``/``step_1`` in a
      three-form language stay plain keys; the index gives the category.

    Args:
        keys: The keys of one object, in file order.
        tag: The catalog's language.

    Returns:
        The plural keys, each with its mark; other keys are left out.
    """
    keys = list(keys)
    present = set(keys)
    marks: dict[str, PluralMark] = {}
    groups: dict[tuple[str, bool], list[tuple[str, str]]] = {}
    for key in keys:
        match = _SUFFIX.fullmatch(key)
        if match:
            group = groups.setdefault((match["base"], bool(match["ordinal"])), [])
            group.append((key, match["cat"]))
    for (base, ordinal), forms in groups.items():
        lone_other = len(forms) == 1 and forms[0][1] == "other"
        if len(forms) > 1 or (lone_other and language_categories(tag) == _ONLY_OTHER):
            for key, category in forms:
                marks[key] = PluralMark(base, category, ordinal=ordinal)
    for key in keys:
        if key.endswith("_plural") and key[: -len("_plural")] in present:
            base = key[: -len("_plural")]
            marks.setdefault(base, PluralMark(base, "one"))
            marks.setdefault(key, PluralMark(base, "other"))
    marks.update(_indexed_plurals(keys, tag, marks))
    return marks


def _indexed_plurals(
    keys: list[str], tag: str | None, taken: dict[str, PluralMark]
) -> dict[str, PluralMark]:
    indexed: dict[str, dict[int, str]] = {}
    for key in keys:
        match = _INDEXED.fullmatch(key)
        if match and key not in taken:
            indexed.setdefault(match["base"], {})[int(match["index"])] = key
    if not indexed:
        return {}
    categories = integer_categories(tag)
    if not categories or len(categories) < 2:
        return {}
    marks: dict[str, PluralMark] = {}
    for base, forms in indexed.items():
        if sorted(forms) == list(range(len(categories))):
            for index, key in forms.items():
                marks[key] = PluralMark(base, categories[index], index=index)
    return marks
