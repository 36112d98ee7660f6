"""Measurements: imperial units on metric markets, foreign decimal separators.

Unit words come from CLDR unit patterns through Babel, in the market's
language and in English (the usual source of leaked copy): "in", "inches",
"дюйма", "дюймов", "Zoll", "pouces", "インチ", "英寸"... so "32 дюйма" is
inches as much as "32 in".
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from babel import Locale
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
# Unit forms that are also ordinary words next to numbers: checked only at the
# end of a phrase ("33 in", not "3 in 1" or "5 in stock").
_WORDY = frozenset({"in", "mi", "pi", "po"})
_NUMBER = r"\d+(?:[.,]\d+)?"
_QUANTITY = re.compile(
    rf"(?<![\w.,]){_NUMBER}(?:\s?[-–x×]\s?{_NUMBER})*[ \u00a0\u202f]?"
    r"(?P<unit>°\s?[FC]|[℉℃″%‰]|[^\W\d_]+(?:\.|\s[^\W\d_]+\.?)?)"
)
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


@lru_cache(maxsize=64)
def _unit_words(language: str) -> tuple[dict[str, str], frozenset[str]]:
    """Imperial unit words -> CLDR unit, and metric unit words (casefolded)."""
    imperial: dict[str, str] = {}
    languages = dict.fromkeys((language, "en"))
    gbp = Locale.parse(language).currencies.get("GBP", "").casefold()
    for lang in languages:
        for unit in _IMPERIAL:
            for word in _forms(lang, unit):
                # A lone "°", "#" or "′" is not a unit; "фунт" names GBP too.
                if len(word) == 1 and word not in "″℉":
                    continue
                if unit == "mass-pound" and word.casefold() in gbp:
                    continue
                imperial[word.casefold()] = unit
    metric = {
        word.casefold()
        for lang in languages
        for unit in _METRIC
        for word in _forms(lang, unit)
    }
    return imperial, frozenset(metric - set(imperial))


class MeasureDetector:
    """Finds imperial units and decimals written with the foreign separator."""

    def __init__(self, market: Market) -> None:
        """Prepare the unit words of the market's language and English."""
        self.market = market
        self.metric_market = market.measurement_system == "metric"
        self.imperial, self.metric = _unit_words(market.language)
        self.units = lru_cache(maxsize=4096)(self._units)
        self.decimals = lru_cache(maxsize=4096)(self._decimals)

    def _units(self, text: str) -> tuple[Hit, ...]:
        if not self.metric_market:
            return ()
        hits = [h for m in _QUANTITY.finditer(text) if (h := self._imperial(m, text))]
        hits += [self._us_size(m) for m in _US_SIZE.finditer(text)]
        return tuple(sorted(hits, key=lambda hit: hit.start))

    def _imperial(self, match: re.Match[str], text: str) -> Hit | None:
        written = match.group("unit")
        unit = self.imperial.get(written.replace(" ", "").casefold())
        if unit is None:  # "33 in wide": the unit is the first word only
            written = written.split(" ", 1)[0]
            unit = self.imperial.get(written.casefold())
            unit = unit or self.imperial.get(written.rstrip(".").casefold())
            if unit is None:
                return None
        end = match.start("unit") + len(written)
        after = text[end:].lstrip(" \u00a0")
        if written.rstrip(".").casefold() in _WORDY and after[:1].isalnum():
            return None  # "3 in 1", "5 in stock"
        excerpt = text[match.start() : end]
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

    def _convert(self, written: str, unit_text: str, metric: _Metric) -> str | None:
        numbers = re.findall(_NUMBER, written[: len(written) - len(unit_text)])
        if len(numbers) != 1:
            return None
        value = Decimal(numbers[0].replace(",", "."))
        converted = (float(value) + metric.offset) * metric.factor
        rounded = round(converted, metric.digits) if metric.digits else round(converted)
        return str(
            format_unit(
                rounded, metric.unit, length="short", locale=self.market.babel_locale
            )
        )

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

    def _decimals(self, text: str) -> tuple[Hit, ...]:
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
