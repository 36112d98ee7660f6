"""Measurements: imperial units on metric markets, foreign decimal separators.

Unit words come from CLDR unit patterns through Babel, in the market's
language and in English (the usual source of leaked copy): "in", "inches",
"дюйма", "дюймов", "Zoll", "pouces", "インチ", "英寸"... so "32 дюйма" is
inches as much as "32 in".
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from babel import Locale
from babel.numbers import format_decimal
from babel.units import format_unit

from loccheck.checks.format.hits import Hit
from loccheck.markets import Market

__all__ = ["MeasureDetector", "measure_detector_for"]


class _Metric(NamedTuple):
    unit: str  # CLDR unit the value converts to
    factor: float
    offset: float = 0.0
    digits: int = 1


# CLDR imperial/US unit -> its metric counterpart (exact factors, NIST SP 811).
_IMPERIAL = MappingProxyType(
    {
        "length-inch": _Metric("length-centimeter", 2.54),
        "length-foot": _Metric("length-meter", 0.3048, digits=2),
        "length-yard": _Metric("length-meter", 0.9144, digits=2),
        "length-mile": _Metric("length-kilometer", 1.609344),
        "mass-pound": _Metric("mass-kilogram", 0.45359237, digits=2),
        "mass-ounce": _Metric("mass-gram", 28.349523125, digits=0),
        "mass-stone": _Metric("mass-kilogram", 6.35029318),
        "volume-gallon": _Metric("volume-liter", 3.785411784, digits=2),
        "volume-fluid-ounce": _Metric("volume-milliliter", 29.5735295625, digits=0),
        "volume-pint": _Metric("volume-liter", 0.473176473, digits=2),
        "volume-quart": _Metric("volume-liter", 0.946352946, digits=2),
        "temperature-fahrenheit": _Metric(
            "temperature-celsius", 5 / 9, offset=-32.0, digits=0
        ),
        "speed-mile-per-hour": _Metric("speed-kilometer-per-hour", 1.609344, digits=0),
        "area-square-foot": _Metric("area-square-meter", 0.09290304, digits=2),
        "area-square-inch": _Metric("area-square-centimeter", 6.4516),
    }
)
# Metric units whose decimals number-format judges (besides %, ° and ratings).
_METRIC = (
    "length-millimeter",
    "length-centimeter",
    "length-meter",
    "length-kilometer",
    "mass-gram",
    "mass-kilogram",
    "volume-liter",
    "volume-milliliter",
    "temperature-celsius",
    "power-watt",
    "power-kilowatt",
    "electric-volt",
    "digital-gigabyte",
    "digital-megabyte",
    "digital-terabyte",
    "frequency-gigahertz",
    "frequency-megahertz",
    "speed-kilometer-per-hour",
)
# Unit forms that are also ordinary words next to numbers ("3 in 1", "5 in
# stock", Dutch "vul 0.21 in"): a unit only where nothing else can be meant, as
# a table cell of its own ("33 in") or a dimension ("12 × 16 in").
_WORDY = frozenset({"in", "mi", "pi", "po"})
_NUMBER = r"\d+(?:[.,]\d+)?"
_QUANTITY = re.compile(
    rf"(?<![\w.,]){_NUMBER}(?:\s?[-–x×]\s?{_NUMBER})*[ \u00a0\u202f]?"
    r"(?P<unit>°\s?[FC]|[℉℃″%‰]|[^\W\d_]+(?:\.|\s[^\W\d_]+\.?)?)"
)
_DIMENSION = re.compile(rf"{_NUMBER}\s?[x×]\s?{_NUMBER}")
_DECIMAL = re.compile(r"(?<![\w.,])(\d+)([.,])(\d{1,2})(?![\d]|[.,]\d)")
_RATING = re.compile(
    r"[ \u00a0\u202f]?(?:/|из|von|sur|out of|de|di|su|van|av|z|na|od|ze|من)"
    r"[ \u00a0\u202f]?(?:5|10)(?!\d)",
    re.IGNORECASE,
)
_US_SIZE = re.compile(
    r"(?<![\w$])US\s?(?:[Ss]ize\s)?\d{1,2}(?:[.,]5)?(?![\d$]|\w)"
    r"|(?<![\w.,])\d{1,2}(?:[.,]5)?\s?US(?![\w$])(?!\s\w)"
)


def _forms(language: str, unit: str) -> set[str]:
    """The unit words of ``unit`` in ``language`` (every length and plural)."""
    patterns = Locale.parse(language)._data["unit_patterns"].get(unit, {})
    words: set[str] = set()
    for length in ("long", "short", "narrow"):
        for plural, pattern in dict(patterns.get(length, {})).items():
            word = str(pattern).replace("{0}", "").strip(" \u00a0\u202f")
            if plural != "per" and word and "{" not in word:
                words.add(word)
    return words


def _key(word: str) -> str:
    """Lookup form of a unit word: case-folded, without spaces ("fl oz")."""
    return "".join(word.split()).casefold()


@lru_cache(maxsize=64)
def _unit_words(language: str) -> tuple[dict[str, str], frozenset[str]]:
    """Imperial unit words -> CLDR unit, and metric unit words (lookup forms)."""
    imperial: dict[str, str] = {}
    languages = dict.fromkeys((language, "en"))
    for lang in languages:
        for unit in _IMPERIAL:
            for word in _forms(lang, unit):
                # A lone "°", "#" or "′" is not a unit.
                if len(word) > 1 or word in "″℉":
                    imperial[_key(word)] = unit
    metric = {
        _key(word)
        for lang in languages
        for unit in _METRIC
        for word in _forms(lang, unit)
    }
    return imperial, frozenset(metric - set(imperial))


@lru_cache(maxsize=64)
def _money_words(language: str) -> frozenset[str]:
    """Words of the GBP name: "10 фунтов стерлингов" is money, not weight."""
    return frozenset(_key(w) for w in Locale.parse(language).currencies["GBP"].split())


class MeasureDetector:
    """Finds imperial units and decimals written with the foreign separator."""

    def __init__(self, market: Market) -> None:
        """Prepare the unit words of the market's language and English."""
        self.market = market
        self.metric_market = market.measurement_system == "metric"
        self.imperial, self.metric = _unit_words(market.language)
        self.money = _money_words(market.language)

    def units(self, text: str) -> tuple[Hit, ...]:
        """Imperial and US units in ``text``."""
        if not self.metric_market:
            return ()
        hits = [h for m in _QUANTITY.finditer(text) if (h := self._imperial(m, text))]
        hits += [self._us_size(m) for m in _US_SIZE.finditer(text)]
        return tuple(sorted(hits, key=lambda hit: hit.start))

    def _imperial(self, match: re.Match[str], text: str) -> Hit | None:
        written = match.group("unit")
        unit = self.imperial.get(_key(written))
        if unit is None:  # "33 in wide": the unit is the first word only
            written = written.split(" ", 1)[0]
            unit = self.imperial.get(_key(written))
            unit = unit or self.imperial.get(_key(written.rstrip(".")))
            if unit is None:
                return None
        end = match.start("unit") + len(written)
        if unit == "mass-pound" and self._names_money(text, end):
            return None
        excerpt = text[match.start() : end]
        if written.rstrip(".").casefold() in _WORDY:
            alone = text.strip(" \u00a0.") == excerpt.rstrip(".")
            if not alone and not _DIMENSION.search(excerpt):
                return None
        metric = _IMPERIAL[unit]
        name = unit.split("-", 1)[1].replace("-", " ")
        return Hit(
            excerpt,
            match.start(),
            f'"{excerpt}" is in {name}; {self.market.id} measures in metric units.',
            (("system", "metric"), ("unit", metric.unit.split("-", 1)[1])),
            (("system", "imperial/US"), ("unit", unit.split("-", 1)[1])),
            self._convert(excerpt, written, metric),
            True,
        )

    def _names_money(self, text: str, end: int) -> bool:
        """Is the pound at ``end`` money ("10 фунтов стерлингов")?"""
        following = text[end:].split(None, 1)
        return bool(following) and _key(following[0].strip(".,;:")) in self.money

    def _convert(self, written: str, unit_text: str, metric: _Metric) -> str | None:
        """The metric value(s) Babel writes for the market: "83,8 см"."""
        numbers = re.findall(_NUMBER, written[: len(written) - len(unit_text)])
        if not numbers:
            return None
        values = []
        for number in numbers:
            value = (float(number.replace(",", ".")) + metric.offset) * metric.factor
            digits = metric.digits
            values.append(round(value, digits) if digits else round(value))
        locale = self.market.babel_locale
        last = format_unit(values[-1], metric.unit, length="short", locale=locale)
        head = [format_decimal(v, locale=locale) for v in values[:-1]]
        return " × ".join([*head, str(last)])

    def _us_size(self, match: re.Match[str]) -> Hit:
        return Hit(
            match.group(0),
            match.start(),
            f'"{match.group(0)}" is a US size; {self.market.id} uses EU/metric sizes.',
            (("sizes", "EU"),),
            (("sizes", "US"),),
            None,
            False,
        )

    def decimals(self, text: str) -> tuple[Hit, ...]:
        """Quantities in ``text`` written with the other decimal separator."""
        wanted = self.market.decimal_symbol
        if wanted not in ".,":
            return ()
        hits = []
        for match in _DECIMAL.finditer(text):
            if match.group(2) == wanted or not match.group(0).isascii():
                continue
            if self._measured(text, match.end()):
                hits.append(self._decimal_hit(match, wanted))
        return tuple(hits)

    def _measured(self, text: str, end: int) -> bool:
        """Is the number at ``end`` a measurement, a percentage or a rating?"""
        if _RATING.match(text, end):
            return True
        rest = text[end : end + 24].lstrip(" \u00a0\u202f")
        token = re.match(r"°\s?[FC]?|[%‰℃℉″]|[^\W\d_]+\.?", rest)
        if token is None:
            return False
        word = token.group(0).casefold()
        if word[0] in "%‰°℃℉″":
            return True
        if word.rstrip(".") in _WORDY:
            return False
        return (
            word in self.metric
            or word in self.imperial
            or (word.rstrip(".") in self.metric)
        )

    def _decimal_hit(self, match: re.Match[str], wanted: str) -> Hit:
        written = match.group(0)
        fixed = f"{match.group(1)}{wanted}{match.group(3)}"
        name = "decimal comma" if wanted == "," else "decimal point"
        return Hit(
            written,
            match.start(),
            f'"{written}" has a "{match.group(2)}" as decimal separator; '
            f"{self.market.id} writes a {name} ({fixed}).",
            (("decimal", wanted),),
            (("decimal", match.group(2)),),
            fixed,
            True,
        )


@lru_cache(maxsize=64)
def measure_detector_for(market: Market) -> MeasureDetector:
    """Return the (cached) measure detector of ``market``."""
    return MeasureDetector(market)
