"""Dates and times written the way another country writes them."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_time

from loccheck.checks.format.hits import Hit
from loccheck.cldr import private_data
from loccheck.cldr_saved import saved_fact
from loccheck.markets import Market, shipped_markets

__all__ = ["DateDetector", "date_detector_for", "time_hits"]

# d/m/y with one separator, a 4-digit year first or last; never inside a
# longer run of numbers (phone numbers, versions: "8.800.555.35.35", "1.2.3").
_NUMERIC = re.compile(
    r"(?<![\d./-])(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?![\d]|[./-]\d)"
)
_ORDERS = {"dmy": "day/month/year", "mdy": "month/day/year", "ymd": "year/month/day"}


def _order_and_separator(pattern: str) -> tuple[str, str]:
    """ "dd.MM.y" -> ("dmy", "."); "M/d/yy" -> ("mdy", "/")."""
    plain = re.sub(r"'[^']*'", "", pattern).replace("\u200f", "")
    order = "".join(dict.fromkeys(c.lower() for c in plain if c in "yMd"))
    between = re.search(r"[yMd]+\s*([^\syMd])", plain)
    return order, between.group(1) if between else "/"


def _valid(order: str, a: str, b: str, c: str) -> dt.date | None:
    fields = dict(zip(order, (a, b, c), strict=True))
    if len(fields["y"]) != 4 or not "1900" <= fields["y"] <= "2099":
        return None
    if len(fields["d"]) > 2 or len(fields["m"]) > 2:
        return None
    try:
        return dt.date(int(fields["y"]), int(fields["m"]), int(fields["d"]))
    except ValueError:
        return None


class DateDetector:
    """Finds numeric dates in a foreign order and foreign month names."""

    def __init__(self, market: Market) -> None:
        """Read the market's CLDR short date pattern and its month names."""
        self.market = market
        self.order, self.separator = _order_and_separator(market.date_format_short)
        self.pattern = re.sub(r"y+", "y", market.date_format_short)
        self.months = _foreign_months(market.language, market.secondary_languages)

    def hits(self, text: str) -> tuple[Hit, ...]:
        """Foreign dates in ``text`` (memoised per text by the format rules)."""
        found = [hit for m in _NUMERIC.finditer(text) if (hit := self._numeric(m))]
        if self.months[0] or self.months[1]:
            found += self._months(text)
        return tuple(sorted(found, key=lambda hit: hit.start))

    def _numeric(self, match: re.Match[str]) -> Hit | None:
        a, sep, b, c = match.groups()
        readings = {o: d for o in _ORDERS if (d := _valid(o, a, b, c)) is not None}
        if not readings or "ymd" in readings:
            return None  # not a date, or year first (ISO 8601, y/MM/dd): unambiguous
        own = readings.get(self.order)
        if own is not None and (sep == self.separator or len(readings) == 1):
            return None
        if len(readings) == 1:  # "12/25/2025" on ru-RU: only another order fits
            order, date = next(iter(readings.items()))
            what = f"is written {_ORDERS[order]}"
        else:  # "12/05/2025" on ru-RU: both orders fit, the style is foreign
            # The writer most likely meant the order of the style they used.
            order = "mdy" if sep == "/" and self.order != "mdy" else "dmy"
            date = readings[order]
            what = f"can be read as {_ORDERS['dmy']} or {_ORDERS['mdy']}"
        expected = format_date(date, self.pattern, locale=self.market.babel_locale)
        return Hit(
            match.group(0),
            match.start(),
            f'Date "{match.group(0)}" {what}; {self.market.id} writes '
            f"{self.market.date_format_short} ({expected}).",
            (("pattern", self.market.date_format_short), ("date", expected)),
            (("order", _ORDERS[order]), ("separator", sep)),
            expected,
            len(readings) == 1,
        )

    def _months(self, text: str) -> list[Hit]:
        wide, short = self.months
        found: list[Hit] = []
        taken: list[tuple[int, int]] = []
        for pattern in (_DAY_FIRST, _MONTH_FIRST):
            for match in pattern.finditer(text):
                name = match.group("month")
                if name.casefold() not in wide and name not in short:
                    continue
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue  # "5 December 2025" is found once, day first
                taken.append(match.span())
                found.append(self._month(match))
        return found

    def _month(self, match: re.Match[str]) -> Hit:
        name = match.group("month")
        return Hit(
            match.group(0),
            match.start(),
            f'Month name "{name}" is not {self.market.language}; {self.market.id} '
            f"writes dates as {self.market.date_format_short}.",
            (("language", self.market.language),),
            (("month", name),),
            None,
            False,
        )


@lru_cache(maxsize=64)
def _foreign_months(
    language: str, accepted: tuple[str, ...]
) -> tuple[frozenset[str], frozenset[str]]:
    """Month names of other languages: (case-folded wide names, abbreviations).

    English (wide and abbreviated) and the wide names of every shipped
    market's language, minus those the market's own languages share
    ("August" is German too, "december" Dutch and Swedish). English
    abbreviations ("Dec") are matched with their capital only.
    """
    own = {n.casefold() for lang in (language, *accepted) for n in _names(lang, True)}
    languages = {tag.split("-")[0] for tag in shipped_markets()} | {"en"}
    wide = {
        name.casefold()
        for lang in sorted(languages - {language, *accepted})
        for name in _names(lang, False)
        if len(name) >= 4 and name.isalpha() and name.casefold() not in own
    }
    short: set[str] = set()
    if "en" not in (language, *accepted):
        short = {n for n in _names("en", True) if len(n) == 3} | {"Sept"}
        short = {n for n in short if n.casefold() not in own}
    return frozenset(wide), frozenset(short)


# A word next to a day or a year; the word is then looked up as a month name
# (a set lookup is far cheaper than a regex alternation of 300 names).
_DAY = r"[0-3]?\d(?:st|nd|rd|th|\.)?"
_YEAR = r"(?:19|20)\d\d"
_DAY_FIRST = re.compile(
    rf"(?<![\w.]){_DAY}\s(?:de\s)?(?P<month>[^\W\d_]{{3,}})\.?(?:\s{_YEAR})?(?!\w)"
)
_MONTH_FIRST = re.compile(
    rf"(?<![\w.])(?P<month>[^\W\d_]{{3,}})\.?\s(?:{_DAY}(?:,?\s{_YEAR})?|{_YEAR})(?!\w)"
)


def _names(language: str, abbreviated: bool) -> set[str]:
    saved = saved_fact("month-names")
    widths = ("wide", "abbreviated") if abbreviated else ("wide",)
    if saved is not None and language in saved:
        return {name for width in widths for name in saved[language][width]}
    return _month_names(language, widths)


def _month_names(language: str, widths: tuple[str, ...]) -> set[str]:
    months = private_data(str(Locale.parse(language)))["months"]
    return {
        str(name).rstrip(".")
        for context in ("format", "stand-alone")
        for width in widths
        for name in months[context][width].values()
    }


def derive_month_names() -> dict[str, dict[str, list[str]]]:
    """Month names (wide, abbreviated) of each shipped market's language and
    English, sorted (saved in ``cldr_saved``: Babel's merge of 21 locales'
    data takes 0.1 s)."""
    languages = {tag.split("-")[0] for tag in shipped_markets()} | {"en"}
    return {
        language: {
            width: sorted(_month_names(language, (width,)))
            for width in ("wide", "abbreviated")
        }
        for language in sorted(languages)
    }


@lru_cache(maxsize=64)
def date_detector_for(market: Market) -> DateDetector:
    """Return the (cached) date detector of ``market``."""
    return DateDetector(market)


# "3:30 PM", "10 p.m.", "9 am - 5 pm": a 12-hour clock. Lower-case "am" before
# a word is left alone: German "bis 10 am Montag" is "until 10 on Monday".
_TWELVE = re.compile(
    r"(?<![\d:.,])(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s?"
    r"(?P<p>[AaPp]\.\s?[Mm]\.|AM|PM|pm|am(?!\s?[^\W\d_]))"
    r"(?![\w])"
)
# "17:00" on a 12-hour market: an hour a 12-hour clock never shows.
_TWENTY_FOUR = re.compile(
    r"(?<![\d:.,])(?P<h>1[3-9]|2[0-3]):(?P<m>[0-5]\d)(?![\d:]|\s?[AaPp]\.?[Mm])"
)


def time_hits(text: str, market: Market) -> tuple[Hit, ...]:
    """12-hour times on a 24-hour market, and the reverse on English 12-hour ones.

    English readers know both clocks, so AM/PM is not reported on en-GB (whose
    CLDR pattern is 24-hour); the 24-hour clock is everyday use in the non-English
    12-hour markets (ko-KR, zh-TW, es-MX), so "17:00" is reported on English
    12-hour markets only.
    """
    if market.hour_cycle == "h23" and market.language != "en":
        return tuple(_twelve(m, market) for m in _TWELVE.finditer(text))
    if market.hour_cycle == "h12" and market.language == "en":
        return tuple(_twenty_four(m, market) for m in _TWENTY_FOUR.finditer(text))
    return ()


def _twelve(match: re.Match[str], market: Market) -> Hit:
    hour = int(match.group("h")) % 12 + (12 if match.group("p")[0] in "Pp" else 0)
    time = dt.time(hour, int(match.group("m") or 0))
    expected = format_time(time, "short", locale=market.babel_locale)
    return Hit(
        match.group(0),
        match.start(),
        f'Time "{match.group(0)}" uses the 12-hour clock; {market.id} writes '
        f"{market.time_format_short} ({expected}).",
        (("clock", "24-hour"), ("pattern", market.time_format_short)),
        (("clock", "12-hour"),),
        expected,
        True,
    )


def _twenty_four(match: re.Match[str], market: Market) -> Hit:
    time = dt.time(int(match.group("h")), int(match.group("m")))
    expected = format_time(time, "short", locale=market.babel_locale)
    return Hit(
        match.group(0),
        match.start(),
        f'Time "{match.group(0)}" uses the 24-hour clock; {market.id} writes '
        f"{market.time_format_short} ({expected}).",
        (("clock", "12-hour"), ("pattern", market.time_format_short)),
        (("clock", "24-hour"),),
        expected,
        False,
    )
