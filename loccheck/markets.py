"""Market profiles: CLDR facts from Babel, overlaid with ``locales/*.yaml``.

A market is a BCP 47 tag with a territory ("ru-RU", "zh-TW", "sr-Latn-RS").
Everything CLDR knows (currency, number symbols, date patterns, direction)
comes from Babel at load time. The YAML profiles hold only what CLDR lacks;
``docs/markets.md`` describes the file format and the resolution rules.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import yaml
from babel import localedata, numbers
from babel.core import Locale, get_global

from loccheck import langtags
from loccheck.resources import SafeLoader, data_dir

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = [
    "Market",
    "MarketProfileError",
    "Profile",
    "UnknownLocaleError",
    "build_market",
    "canonical_tag",
    "load_market",
    "load_profiles",
    "local_currency_abbreviations",
    "shipped_markets",
    "term_sort_key",
]

# CLDR root delimiters, used when no profile along the chain sets "quotes".
# Babel 2.18 does not ship CLDR <delimiters>, so profiles copy them from CLDR.
_ROOT_QUOTES = ("“", "”", "‘", "’")

# CLDR supplementalData <measurementData>: "metric" everywhere (001) except
# US, LR, MM ("US") and GB ("UK"). Babel only has the display names.
_MEASUREMENT = MappingProxyType({"US": "US", "LR": "US", "MM": "US", "GB": "UK"})


class UnknownLocaleError(ValueError):
    """A tag that is not a locale CLDR/Babel knows."""

    def __init__(self, tag: str, suggestions: tuple[str, ...] = ()) -> None:
        """Build the message from the tag and its close matches."""
        self.tag = tag
        self.suggestions = suggestions
        hint = f" (did you mean: {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f'unknown locale "{tag}"{hint}')

    def __reduce__(self) -> tuple[Any, ...]:  # keep attributes across processes
        return (type(self), (self.tag, self.suggestions))


class MarketProfileError(ValueError):
    """A broken profile file; the message names the file, the key and the problem."""

    def __init__(self, source: str, key: str | None, problem: str) -> None:
        """Build ``locales/xx.yaml: key "foo": problem``."""
        self.source = source
        self.key = key
        self.problem = problem
        where = f'{source}: key "{key}"' if key is not None else source
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.key, self.problem))


@dataclass(frozen=True)
class Market:
    """Everything checks need to know about one market."""

    id: str  # canonical BCP 47 tag with a territory: "ru-RU", "sr-Latn-RS"
    language: str  # "ru"
    territory: str | None  # "RU"; a UN M.49 code for regions ("419")
    scripts: tuple[str, ...]  # ISO 15924; unions first: ("Jpan", "Hani", ...)
    currency: str | None  # ISO 4217; None where CLDR has no tender ("419")
    currency_symbol: str | None  # CLDR symbol in the market's locale: "₽"
    currency_abbreviations: tuple[str, ...]  # local extras from profiles
    allowed_currencies: tuple[str, ...]  # foreign currencies prices may show
    secondary_languages: tuple[str, ...]  # accepted besides ``language``
    neighbour_languages: tuple[str, ...]  # confusable, likely leak sources
    decimal_symbol: str  # CLDR "latn" number symbols
    group_symbol: str
    currency_format: str  # CLDR standard pattern: "#,##0.00\u00a0¤"
    date_format_short: str  # "dd.MM.y"
    time_format_short: str  # "HH:mm"
    hour_cycle: str  # "h12" or "h23"
    measurement_system: str  # "metric", "US" or "UK"
    quotes: tuple[str, str, str, str]  # start, end, alternate start, end
    direction: str  # "ltr" or "rtl"
    allow_terms: tuple[str, ...]  # merged along the extends chain
    babel_locale: str  # "ru_RU", "zh_Hant_TW"
    source: str  # most specific profile applied, or "cldr"


@dataclass(frozen=True)
class Profile:
    """One validated ``locales/*.yaml`` file, before merging along ``extends``."""

    id: str
    source: str
    extends: str | None
    secondary_languages: tuple[str, ...]
    neighbour_languages: tuple[str, ...]
    currency_abbreviations: Mapping[str, tuple[str, ...]]
    allow_terms: tuple[str, ...]
    quotes: tuple[str, str, str, str] | None
    currency: str | None
    allowed_currencies: tuple[str, ...] = ()


# The keys a profile file may have: Profile's fields, "notes" instead of "source".
_KEYS = frozenset(f.name for f in fields(Profile)) - {"source"} | {"notes"}


def canonical_tag(tag: str) -> str | None:
    """Normalise a locale-like tag to a market id.

    "RU-ru", "ru_RU" -> "ru-RU"; "zh-Hant-TW", "zh-hant" -> "zh-TW"; a
    language alone takes its CLDR likely territory: "ru" -> "ru-RU", "en" ->
    "en-US", "pt" -> "pt-BR". ``docs/markets.md`` gives the full rules.

    Args:
        tag: A tag such as an ``<html lang>`` value or a config entry.

    Returns:
        The market id, or None if the tag is not a locale CLDR/Babel knows
        ("und", "xx", "english", "").
    """
    resolved = langtags.resolve_market_tag(tag)
    return resolved.id if resolved else None


def load_profiles(directory: Traversable) -> Mapping[str, Profile]:
    """Read and validate every ``*.yaml`` profile in ``directory``.

    Args:
        directory: The locales folder, or in tests any ``pathlib.Path``.

    Returns:
        The profiles by id.

    Raises:
        MarketProfileError: Bad YAML, an unknown key, a wrong value, or an
            ``extends`` to a missing profile, another language or a cycle.
    """
    profiles: dict[str, Profile] = {}
    for entry in sorted(directory.iterdir(), key=lambda item: item.name):
        if entry.is_file() and entry.name.endswith(".yaml"):
            source = f"{directory.name}/{entry.name}"
            data = _read_yaml(source, entry.read_text(encoding="utf-8"))
            profile = _validate(source, entry.name[: -len(".yaml")], data)
            profiles[profile.id] = profile
    for profile in profiles.values():
        _check_extends(profile, profiles)
    return MappingProxyType(profiles)


class _UniqueKeyLoader(SafeLoader):
    """A safe loader that rejects duplicate keys instead of keeping the last."""


def _unique_mapping(
    loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[Any, Any]:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f'duplicate key "{key}"', key_node.start_mark
            )
        seen.add(key)
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep)
    return mapping


_MAPPING_TAG = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_UniqueKeyLoader.add_constructor(_MAPPING_TAG, _unique_mapping)


def _read_yaml(source: str, text: str) -> object:
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise MarketProfileError(
            source, None, f"invalid YAML: {problem}{line}"
        ) from None


def _validate(source: str, stem: str, data: object) -> Profile:
    """Check one parsed file and turn it into a Profile."""
    if not isinstance(data, dict):
        raise MarketProfileError(source, None, "should be a mapping of keys")
    for key in data:
        if key not in _KEYS:
            raise MarketProfileError(source, str(key), "unknown key")
    if "id" not in data:
        raise MarketProfileError(source, "id", "missing")
    profile_id = _string(source, data, "id")
    if profile_id != stem:
        problem = f'"{profile_id}" does not match the file name "{stem}.yaml"'
        raise MarketProfileError(source, "id", problem)
    language, territorial = _check_id(source, profile_id)
    currency = _currency(source, data.get("currency"), "currency")
    if currency is not None and not territorial:
        problem = "only a market (a tag with a territory) can set its currency"
        raise MarketProfileError(source, "currency", problem)
    _string(source, data, "notes")
    allowed = _currencies(source, data.get("allowed_currencies"), "allowed_currencies")
    if allowed and not territorial:
        problem = "only a market (a tag with a territory) can allow currencies"
        raise MarketProfileError(source, "allowed_currencies", problem)
    return Profile(
        id=profile_id,
        source=source,
        extends=_string(source, data, "extends"),
        secondary_languages=_languages(source, data, "secondary_languages", language),
        neighbour_languages=_languages(source, data, "neighbour_languages", language),
        currency_abbreviations=_abbreviations(source, data),
        allow_terms=_strings(source, data.get("allow_terms"), "allow_terms"),
        quotes=_quotes(source, data.get("quotes")),
        currency=currency,
        allowed_currencies=allowed,
    )


def _check_id(source: str, profile_id: str) -> tuple[str, bool]:
    """Return the id's language and whether it names a market (has a territory)."""
    parsed = langtags.parse_tag(profile_id)
    if parsed is not None and localedata.exists(parsed[0]):
        language, script, region, variants = parsed
        market = region is not None or bool(variants)
        base = "-".join(filter(None, [language, script]))
        expected = canonical_tag(profile_id) if market else base
        if expected == profile_id:
            return language, market
        if expected:
            problem = f'"{profile_id}" is not canonical, write "{expected}"'
            raise MarketProfileError(source, "id", problem)
    raise MarketProfileError(
        source, "id", f'"{profile_id}" is not a locale Babel knows'
    )


def _string(source: str, data: Mapping[str, object], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise MarketProfileError(source, key, "should be a non-empty string")
    return value


def _strings(source: str, value: object, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(item, str) and item.strip() for item in value
    ):
        raise MarketProfileError(source, key, "should be a list of non-empty strings")
    if len({item.casefold() for item in value}) != len(value):
        raise MarketProfileError(source, key, "lists a term twice")
    return tuple(value)


def _languages(
    source: str, data: Mapping[str, object], key: str, own: str
) -> tuple[str, ...]:
    codes = _strings(source, data.get(key), key)
    for code in codes:
        if not langtags.is_language_code(code):
            problem = f'"{code}" is not a language code Babel knows'
            raise MarketProfileError(source, key, problem)
        if code == own:
            problem = f'lists the profile\'s own language "{own}"'
            raise MarketProfileError(source, key, problem)
    return codes


def _currency(source: str, value: object, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in get_global("all_currencies"):
        problem = f"{value!r} is not an ISO 4217 currency code"
        raise MarketProfileError(source, key, problem)
    return value


def _currencies(source: str, value: object, key: str) -> tuple[str, ...]:
    codes = _strings(source, value, key)
    for code in codes:
        _currency(source, code, key)
    return codes


def _abbreviations(
    source: str, data: Mapping[str, object]
) -> Mapping[str, tuple[str, ...]]:
    key = "currency_abbreviations"
    value = data.get(key)
    if not isinstance(value, (dict, type(None))):
        problem = "should map currency codes to lists of abbreviations"
        raise MarketProfileError(source, key, problem)
    items = (value or {}).items()
    return MappingProxyType(
        {
            _currency(source, code, key) or "": _strings(source, v, key)
            for code, v in items
        }
    )


def _quotes(source: str, value: object) -> tuple[str, str, str, str] | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else []
    if len(items) != 4 or not all(isinstance(item, str) and item for item in items):
        problem = "should list 4 strings: start, end, alternate start, alternate end"
        raise MarketProfileError(source, "quotes", problem)
    return (items[0], items[1], items[2], items[3])


def _check_extends(profile: Profile, profiles: Mapping[str, Profile]) -> None:
    """Follow ``extends`` from ``profile``: targets exist, fit, and never loop."""
    seen = [profile.id]
    current = profile
    while current.extends is not None:
        target = profiles.get(current.extends)
        if target is None:
            problem = f'no profile "{current.extends}" ({current.extends}.yaml)'
            raise MarketProfileError(current.source, "extends", problem)
        if target.id.split("-")[0] != current.id.split("-")[0]:
            problem = f'"{target.id}" is another language'
            raise MarketProfileError(current.source, "extends", problem)
        if _is_market(target.id) and not _is_market(current.id):
            problem = f'"{target.id}" is a market; a language profile cannot extend it'
            raise MarketProfileError(current.source, "extends", problem)
        if target.id in seen:
            cycle = " -> ".join([*seen, target.id])
            raise MarketProfileError(profile.source, "extends", f"cycle {cycle}")
        seen.append(target.id)
        current = target


def _is_market(profile_id: str) -> bool:
    parsed = langtags.parse_tag(profile_id)
    return parsed is not None and parsed[2] is not None


def load_market(tag: str) -> Market:
    """Return the market for ``tag`` (canonicalised first), cached per tag.

    Args:
        tag: A locale-like tag.

    Returns:
        The market. ``source`` names the most specific profile applied:
        "locales/ru-RU.yaml" for a shipped market, "locales/ru.yaml" for a
        market only the language-wide profile covers ("ru-KZ"), "cldr" when
        Babel alone describes it ("fi-FI").

    Raises:
        UnknownLocaleError: The tag is not a locale CLDR/Babel knows; the
            error carries close matches.
        MarketProfileError: A shipped profile file is broken.
    """
    market = _shipped_market(tag)
    if market is None:
        raise UnknownLocaleError(tag, _shipped_suggestions(tag))
    return market


def build_market(tag: str, profiles: Mapping[str, Profile]) -> Market:
    """Like :func:`load_market`, with other ``profiles`` and no cache (tests).

    Raises:
        UnknownLocaleError: The tag is not a locale CLDR/Babel knows.
    """
    resolved = langtags.resolve_market_tag(tag)
    if resolved is None:
        preferred = tuple(sorted(key for key in profiles if _is_market(key)))
        raise UnknownLocaleError(tag, langtags.close_market_tags(tag, preferred))
    return _build(resolved, profiles)


def shipped_markets() -> tuple[str, ...]:
    """Return the sorted ids of the shipped market profiles (not language-wide)."""
    return tuple(sorted(key for key in _shipped_profiles() if _is_market(key)))


@lru_cache(maxsize=1)
def _shipped_profiles() -> Mapping[str, Profile]:
    return load_profiles(data_dir("locales"))


@lru_cache(maxsize=1)
def local_currency_abbreviations() -> Mapping[str, frozenset[str]]:
    """Every shipped profile's local currency abbreviations: abbreviation -> codes.

    Price finders use it to recognise a foreign local form ("грн" on a ru-RU
    page); a market's own abbreviations are in ``Market.currency_abbreviations``.
    """
    found: dict[str, set[str]] = {}
    for profile in _shipped_profiles().values():
        for code, abbreviations in profile.currency_abbreviations.items():
            for abbreviation in abbreviations:
                found.setdefault(abbreviation, set()).add(code)
    return MappingProxyType({k: frozenset(v) for k, v in found.items()})


@lru_cache(maxsize=1024)
def _shipped_market(tag: str) -> Market | None:
    resolved = langtags.resolve_market_tag(tag)
    return None if resolved is None else _shipped_market_for(resolved)


@lru_cache(maxsize=1024)
def _shipped_market_for(resolved: langtags.MarketTag) -> Market:
    return _build(resolved, _shipped_profiles())


def _build(resolved: langtags.MarketTag, profiles: Mapping[str, Profile]) -> Market:
    """Merge CLDR data for the resolved tag with its profile chain."""
    chain = _chain(resolved, profiles)
    locale = Locale.parse(resolved.babel_locale)
    currency = next((p.currency for p in chain if p.currency), None)
    if currency is None:
        currencies = numbers.get_territory_currencies(resolved.territory, tender=True)
        currency = currencies[0] if currencies else None
    symbol = numbers.get_currency_symbol(currency, locale) if currency else None
    abbreviations = _merged(
        p.currency_abbreviations.get(currency or "", ()) for p in chain
    )
    secondary = _merged(p.secondary_languages for p in chain)
    neighbours = _merged(p.neighbour_languages for p in chain)
    time_pattern = locale.time_formats["short"].pattern
    allowed = _merged(p.allowed_currencies for p in chain)
    return Market(
        id=resolved.id,
        language=resolved.language,
        territory=resolved.territory,
        scripts=resolved.scripts,
        currency=currency,
        currency_symbol=symbol,
        # "₸" is ru's abbreviation for KZT, but ru-KZ has it as CLDR symbol.
        currency_abbreviations=tuple(a for a in abbreviations if a != symbol),
        allowed_currencies=tuple(c for c in allowed if c != currency),
        secondary_languages=secondary,
        # A language the market accepts is no longer a wrong-language suspect.
        neighbour_languages=tuple(c for c in neighbours if c not in secondary),
        decimal_symbol=numbers.get_decimal_symbol(locale, numbering_system="latn"),
        group_symbol=numbers.get_group_symbol(locale, numbering_system="latn"),
        currency_format=locale.currency_formats["standard"].pattern,
        date_format_short=locale.date_formats["short"].pattern,
        time_format_short=time_pattern,
        hour_cycle=_hour_cycle(time_pattern),
        measurement_system=_MEASUREMENT.get(resolved.territory, "metric"),
        quotes=next((p.quotes for p in chain if p.quotes), _ROOT_QUOTES),
        direction=locale.text_direction,
        allow_terms=_merged(p.allow_terms for p in chain),
        babel_locale=resolved.babel_locale,
        source=chain[0].source if chain else "cldr",
    )


def _chain(
    resolved: langtags.MarketTag, profiles: Mapping[str, Profile]
) -> list[Profile]:
    """Return the profiles that apply, most specific first.

    The market's own profile if shipped, else the language-wide one for its
    script ("zh-Hant" for "zh-HK") or language ("ru" for "ru-KZ").
    """
    candidates = (resolved.id, f"{resolved.language}-{resolved.script}")
    start = next((c for c in candidates if c in profiles), resolved.language)
    chain: list[Profile] = []
    while start in profiles:
        chain.append(profiles[start])
        start = profiles[start].extends or ""
    return chain


def _merged(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """Union of lists, case-insensitively unique, sorted as the files are."""
    unique: dict[str, str] = {}
    for group in groups:
        for item in group:
            unique.setdefault(item.casefold(), item)
    return tuple(sorted(unique.values(), key=term_sort_key))


def term_sort_key(term: str) -> tuple[str, str]:
    """Order of profile lists: ignoring case and accents ("à la carte" < "café")."""
    folded = unicodedata.normalize("NFKD", term.casefold())
    return ("".join(c for c in folded if not unicodedata.combining(c)), term)


def _hour_cycle(pattern: str) -> str:
    """Return "h12" or "h23" from a CLDR time pattern, skipping quoted text."""
    for char in re.sub(r"'[^']*'", "", pattern):
        if char in "hK":
            return "h12"
        if char in "Hk":
            return "h23"
    return "h23"


@lru_cache(maxsize=1024)
def _shipped_suggestions(tag: str) -> tuple[str, ...]:
    return langtags.close_market_tags(tag, shipped_markets())
