"""Check and normalise the language tags found in markup, links and URL paths.

These helpers run once per page or per URL on sites with millions of pages,
so each one answers from a bounded per-tag cache. Slugs such as product names
never reach the cache of :func:`locale_from_path_segment`: a regular
expression turns them away first.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import langcodes
from babel import localedata
from babel.core import Locale, get_global, parse_locale

__all__ = [
    "MarketTag",
    "close_market_tags",
    "is_language_code",
    "is_valid_bcp47",
    "locale_from_path_segment",
    "normalise_region",
    "parse_tag",
    "primary_language",
    "resolve_market_tag",
    "same_language",
]

_CACHE_SIZE = 8192

# "und" (undetermined), "mul" (several languages), "zxx" (no linguistic
# content) and "mis" (uncoded) are valid subtags but name no single language.
_NO_LANGUAGE = frozenset({"mis", "mul", "und", "zxx"})

# Norwegian: "no" is the macrolanguage and "nb" (Bokmål) is what nearly every
# "no" page is written in; detectors and CMSs use the two codes
# interchangeably. Nynorsk ("nn") is a separate written standard and stays so.
_SAME_LANGUAGE = {"nb": "no"}

_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})

# A path segment that could be a locale: a two-letter language, then an
# optional four-letter script and/or two-letter region, "-" or "_" between.
_SEGMENT_RE = re.compile(
    r"(?P<lang>[A-Za-z]{2})(?:[-_](?P<script>[A-Za-z]{4}))?(?:[-_](?P<region>[A-Za-z]{2}))?"
)


@lru_cache(maxsize=_CACHE_SIZE)
def is_valid_bcp47(tag: str) -> bool:
    """Return True if ``tag`` is a well-formed and valid BCP 47 tag.

    Every subtag must be in the IANA registry bundled with langcodes, as
    written: "en-UK" is invalid (the registry has "GB"), although
    :func:`primary_language` and ``markets.canonical_tag`` understand it.
    Case does not matter ("EN-us" is valid). Deprecated subtags such as "iw"
    stay valid (RFC 5646 keeps them in the registry). Rejected: underscore
    forms ("en_US"), private-use-only tags ("x-default", which hreflang
    checks handle themselves) and grandfathered whole tags ("i-klingon",
    "zh-min-nan"), which search engines and browsers do not read.

    Args:
        tag: The tag exactly as found, e.g. an ``<html lang>`` value.

    Returns:
        Whether the tag is valid.
    """
    if not tag or "_" in tag or tag != tag.strip() or tag[:2].lower() == "x-":
        return False
    try:
        return bool(langcodes.Language.get(tag, normalize=False).is_valid())
    except ValueError:  # langcodes.LanguageTagError: not well-formed
        return False


@lru_cache(maxsize=_CACHE_SIZE)
def primary_language(tag: str) -> str | None:
    """Return the normalised language subtag of a valid BCP 47 tag.

    Deprecated and alias codes are replaced as CLDR does: "iw" -> "he",
    "in" -> "id", "tl" -> "fil", "cmn" -> "zh".

    Args:
        tag: A BCP 47 tag, e.g. "ru-RU" or "zh-Hant".

    Returns:
        The language subtag, or None if the tag is invalid or names no single
        language ("und", "mul", "zxx", "mis").
    """
    if not is_valid_bcp47(tag):
        return None
    language = langcodes.Language.get(tag, normalize=True).language
    if not language or language in _NO_LANGUAGE:
        return None
    alias = get_global("language_aliases").get(language)
    if alias:
        language = alias.split("_")[0]
    return str(language)


def same_language(a: str, b: str) -> bool:
    """Return True if two BCP 47 tags name the same language.

    Only the language subtags are compared, after :func:`primary_language`
    normalisation, so "ru" and "ru-KZ" match and "iw" and "he-IL" match.
    "nb" and "no" count as the same language; "nn" does not.

    Args:
        a: A BCP 47 tag.
        b: Another BCP 47 tag.

    Returns:
        False if either tag is invalid or names no single language.
    """
    first, second = primary_language(a), primary_language(b)
    if first is None or second is None:
        return False
    return _SAME_LANGUAGE.get(first, first) == _SAME_LANGUAGE.get(second, second)


def locale_from_path_segment(segment: str) -> str | None:
    """Return the locale a URL path segment names, if it names one.

    Accepted: a two-letter ISO 639-1 code for which Babel has locale data,
    optionally followed by a four-letter script Babel knows and/or a
    two-letter region Babel knows, separated by "-" or "_", in any case.
    Ordinary folder names ("products", "img", "css", "de-luxe") give None.
    Deprecated codes ("iw", "in") also give None: "/in/" is far more often
    India or the word "in" than Indonesian.

    Many two-letter folders are still ambiguous ("it", "my", "id", "no"), so
    callers should trust a segment only in a position where the site puts
    its locales (usually the first), ideally confirmed by hreflang.

    Args:
        segment: One path segment, without slashes.

    Returns:
        The normalised tag ("de-de" -> "de-DE", "pt_BR" -> "pt-BR",
        "zh-hant" -> "zh-Hant"), not mapped to a market; or None.
    """
    if _SEGMENT_RE.fullmatch(segment) is None:
        return None
    return _segment_locale(segment.lower())


@lru_cache(maxsize=_CACHE_SIZE)
def _segment_locale(segment: str) -> str | None:
    match = _SEGMENT_RE.fullmatch(segment)
    if match is None:  # pragma: no cover - the caller matched already
        return None
    language = match["lang"]
    if not localedata.exists(language):
        return None
    parts = [language]
    if match["script"]:
        script = match["script"].title()
        if script not in _known_scripts():
            return None
        parts.append(script)
    if match["region"]:
        region = normalise_region(match["region"].upper())
        if region is None:
            return None
        parts.append(region)
    return "-".join(parts)


def normalise_region(region: str) -> str | None:
    """Return the CLDR country code for a two-letter region code, or None.

    Args:
        region: An upper-case ISO 3166-1 alpha-2 code; aliases are replaced
            ("UK" -> "GB").

    Returns:
        The country code, or None for unknown codes and for codes that are
        not countries ("EU", "UN", "ZZ").
    """
    aliases = get_global("territory_aliases").get(region)
    if aliases and len(aliases) == 1:
        region = aliases[0]
    return region if region in _known_regions() else None


@lru_cache(maxsize=1)
def _known_scripts() -> frozenset[str]:
    return frozenset(Locale("en").scripts)


@lru_cache(maxsize=1)
def _known_regions() -> frozenset[str]:
    # Countries only: groupings ("EU", "UN", "QO"), pseudo-locales ("XA",
    # "XB") and "ZZ" (unknown) are not locales a site publishes.
    regions = Locale("en").territories
    codes = {code for code in regions if isinstance(code, str) and len(code) == 2}
    return frozenset(codes - _NOT_COUNTRIES)


# --- market tags ------------------------------------------------------------
# loccheck.markets builds on these: a market id is a canonical tag with a
# territory, and its CLDR data comes from the Babel locale found here.

_LANGUAGE_RE = re.compile(r"[a-z]{2,3}")

# ISO 15924 has union codes for writing systems that mix scripts; per-character
# checks see Unicode Script values (Han, Hiragana, Katakana, Hangul), so a
# market lists the union first and then its members.
_SCRIPT_MEMBERS = {
    "Jpan": ("Jpan", "Hani", "Hira", "Kana"),
    "Kore": ("Kore", "Hang", "Hani"),
    "Hans": ("Hans", "Hani"),
    "Hant": ("Hant", "Hani"),
}
_VARIANT_RE = re.compile(r"[a-z0-9]{5,8}|[0-9][a-z0-9]{3}", re.IGNORECASE)


@dataclass(frozen=True)
class MarketTag:
    """A tag resolved to a market: the id and the maximised subtags behind it."""

    id: str  # "ru-RU", "zh-TW", "sr-Latn-RS"
    language: str
    script: str  # always filled in, from CLDR likely subtags
    territory: str
    babel_locale: str  # the Babel locale that holds the CLDR data: "zh_Hant_TW"

    @property
    def scripts(self) -> tuple[str, ...]:
        """ISO 15924 scripts the market writes: ("Cyrl",), ("Jpan", "Hani", ...)."""
        return _SCRIPT_MEMBERS.get(self.script, (self.script,))


def parse_tag(tag: str) -> tuple[str, str | None, str | None, tuple[str, ...]] | None:
    """Split a locale-like tag into language, script, region and variants.

    Case and "-"/"_" are normalised, deprecated codes replaced ("iw" -> "he",
    "sh" -> "sr" + "Latn", "UK" -> "GB"), and a singleton (extension or
    private use, "-u-nu-latn", "-x-foo") ends the tag.

    Args:
        tag: The tag, e.g. "RU_ru" or "zh-hant".

    Returns:
        ``(language, script, region, variants)``, or None if malformed.
    """
    parts = re.split(r"[-_]", tag)
    language = parts[0].lower()
    if not _LANGUAGE_RE.fullmatch(language):
        return None
    script = region = None
    alias = get_global("language_aliases").get(language)
    if alias:
        alias_parts = parse_locale(alias)
        language, region, script = alias_parts[0], alias_parts[1], alias_parts[2]
    rest, index = parts[1:], 0
    if index < len(rest) and len(rest[index]) == 4 and rest[index].isalpha():
        script, index = rest[index].title(), index + 1
    if index < len(rest) and (
        (len(rest[index]) == 2 and rest[index].isalpha())
        or (len(rest[index]) == 3 and rest[index].isdigit())
    ):
        region, index = rest[index].upper(), index + 1
        if region.isalpha():  # UN M.49 numeric regions ("419") stay as they are
            region = normalise_region(region)
            if region is None:
                return None
    variants: list[str] = []
    while index < len(rest) and _VARIANT_RE.fullmatch(rest[index]):
        variants.append(rest[index].lower())
        index += 1
    if index < len(rest) and len(rest[index]) != 1:
        return None
    return language, script, region, tuple(variants)


@lru_cache(maxsize=1024)
def is_language_code(code: str) -> bool:
    """Return True if ``code`` is a bare language code CLDR has likely subtags for.

    Args:
        code: A lower-case ISO 639 code, e.g. "ru", "gsw"; not a full tag.

    Returns:
        Whether CLDR/Babel knows the language.
    """
    likely = get_global("likely_subtags").get(code)
    return bool(_LANGUAGE_RE.fullmatch(code) and likely and "_" in likely)


@lru_cache(maxsize=_CACHE_SIZE)
def resolve_market_tag(tag: str) -> MarketTag | None:
    """Resolve a locale-like tag to a market; see ``markets.canonical_tag``.

    Case, "_" and deprecated codes are normalised by :func:`parse_tag`.
    Missing subtags come from CLDR likely subtags ("ru" -> "ru-RU", "zh-hant"
    -> "zh-TW"). The script stays in the id only when it differs from the
    territory's likely script ("zh-Hant-TW" -> "zh-TW"; "sr-Latn-RS" stays).
    A language Babel has data for in a country it has no locale for ("ru-DE")
    resolves to the language's own data.

    Args:
        tag: A tag such as "ru", "RU_ru", "zh-Hant-TW".

    Returns:
        The market tag, or None if it is not a locale CLDR/Babel knows.
    """
    parsed = parse_tag(tag.strip())
    if parsed is None:
        return None
    language, script, region, variants = parsed
    if language == "und" or not localedata.exists(language):
        return None
    language, script, region = _maximize(language, script, region)
    if script is None or region is None:
        return None
    show_script = script != _maximize(language, None, region)[1]
    babel_id = _babel_identifier(language, script, region, variants, show_script)
    if babel_id is None:
        return None
    subtags = [language, *([script] if show_script else []), region, *variants]
    return MarketTag("-".join(subtags), language, script, region, babel_id)


def _maximize(
    language: str, script: str | None, region: str | None
) -> tuple[str, str | None, str | None]:
    """Fill in script and region from CLDR likely subtags."""
    likely = get_global("likely_subtags")
    keys = [
        f"{language}_{script}_{region}" if script and region else None,
        f"{language}_{region}" if region else None,
        f"{language}_{script}" if script else None,
        language,
    ]
    for key in keys:
        if key and key in likely:
            likely_parts = parse_locale(likely[key])
            return language, script or likely_parts[2], region or likely_parts[1]
    return language, script, region


def _babel_identifier(
    language: str,
    script: str,
    region: str,
    variants: tuple[str, ...],
    show_script: bool,
) -> str | None:
    """Return the Babel locale that holds the market's CLDR data, or None."""
    suffix = "".join(f"_{variant.upper()}" for variant in variants)
    exact = [f"{language}_{region}"] if not show_script else []
    exact.append(f"{language}_{script}_{region}")
    for candidate in exact:
        if localedata.exists(candidate + suffix):
            return candidate + suffix
    if variants or normalise_region(region) != region:
        return None
    # No CLDR locale for this language in this country ("ru-DE"): use the
    # language's own data in the right script; the territory still decides
    # currency and measurement.
    if localedata.exists(f"{language}_{script}"):
        return f"{language}_{script}"
    if _maximize(language, None, None)[1] == script:
        return language
    return None


def close_market_tags(tag: str, preferred: Iterable[str] = ()) -> tuple[str, ...]:
    """Return up to five market ids close to ``tag``, for "did you mean" hints.

    Markets of the tag's own language come first ("ru-RX" -> "ru-RU",
    "ru-BY", ...); an English language name also works ("english" ->
    "en-US"). Ties go to ``preferred`` ids (the shipped markets).

    Args:
        tag: The unknown tag.
        preferred: Market ids to rank first on ties.

    Returns:
        The suggestions, best first.
    """
    needle = tag.strip().replace("_", "-").casefold()
    if not needle:
        return ()
    preferred = frozenset(preferred)
    pool = preferred | _babel_markets()
    language = needle.split("-")[0]
    names = _language_names()
    if language not in names.values():
        for name in difflib.get_close_matches(language, names, n=1, cutoff=0.8):
            language = names[name]
            found = resolve_market_tag(language)
            needle = (found.id if found else language).casefold()
    same_language = {c for c in pool if c.split("-")[0].casefold() == language}
    scored = []
    for candidate in same_language or pool:
        score = difflib.SequenceMatcher(None, needle, candidate.casefold()).ratio()
        if score >= 0.6 or same_language:
            scored.append((-score, candidate not in preferred, candidate))
    return tuple(candidate for *_, candidate in sorted(scored))[:5]


@lru_cache(maxsize=1)
def _babel_markets() -> frozenset[str]:
    found = (
        resolve_market_tag(identifier)
        for identifier in localedata.locale_identifiers()
        if parse_locale(identifier)[1]
    )
    return frozenset(market.id for market in found if market)


@lru_cache(maxsize=1)
def _language_names() -> Mapping[str, str]:
    names = Locale("en").languages
    return {name.casefold(): code for code, name in names.items() if "_" not in code}
