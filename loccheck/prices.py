"""Find prices in text: the amount, the currency a market reads, the excerpt.

A price is an amount next to a currency marker, before or after it, with or
without a space: "$45.99", "US $45.99", "45,99 €", "2 490 ₽", "2490 руб.",
"R$ 49,90", "45.99 USD", "от 1 200 ₽", "1 200–2 400 ₽". Amounts are found
first (one regex, in any locale's grouping and decimal style); only then are
the few characters around each amount looked up as currency markers, so a
page pays for the lookups only where there are numbers. Markers come from
``loccheck.currencies`` (CLDR through Babel, plus the market profiles).

What is not a price: a number with no marker (phone numbers, dates, SKUs,
sizes, percentages, versions, "Pixel 9"), "$" in code ("${price}", "$1"), a
letter-only foreign symbol that is also a common word or unit ("Le", "KM"),
and an ISO code that is also a word ("TOP 10", "PHP 8.2") unless the amount
is written like money (two decimals or grouping).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from loccheck.currencies import (
    CurrencyReader,
    Reading,
    currency_digits,
    has_currency_sign,
    normalise_symbol,
    reader_for,
)
from loccheck.markets import Market
from loccheck.memo import REPEATED_TEXTS

__all__ = ["PriceFinder", "PriceMatch", "finder_for", "parse_amount"]

_SPACE = " \u00a0\u202f"
# An amount: grouped ("1 299", "1.299", "1,299", "1'299") or plain digits,
# then an optional decimal part of 1-2 digits or a dash ("45,-", "45.–").
_AMOUNT = re.compile(
    r"(?<![\d.,'’٫٬])"
    r"(?:\d{1,3}(?P<g>[ \u00a0\u202f.,'’٬])\d{3}(?:(?P=g)\d{3})*|\d+)"
    r"(?:(?P<d>[.,٫])(?P<f>\d{1,2}|[-–—]{1,2})(?!\d))?"
    r"(?!\d)"
)
_RANGE_DASH = re.compile(r"[ \u00a0\u202f]?[–—-][ \u00a0\u202f]?")
# "≈ $45", "~45 €", "ca. 45 €", "около 45 $": a conversion, not the price.
_APPROXIMATE = re.compile(
    r"(?:[≈~∼≃]|\b(?:ca|approx|env|ок|прибл)\.|\b(?:approximately|circa|etwa|"
    r"ungefähr|environ|около|примерно))\s*\(?\s*$",
    re.IGNORECASE,
)
# Characters that make "$" or a letter code part of code or of a word.
_CODE_BEFORE = frozenset("_\\{$'\"`/=@#")
_CODE_AFTER = frozenset("_{([%")
# ISO codes that are also common words or product names next to numbers
# ("TOP 10", "PHP 8.2", "AMD 3600"): a price only when written like money.
_WORDLIKE_CODES = frozenset(
    {"ALL", "AMD", "BAM", "BOB", "CAD", "CUP", "DOP", "GEL", "MAD", "MDL", "MOP"}
    | {"PEN", "PHP", "RON", "SCR", "SOS", "TOP", "TRY"}
)
# Letter-only CLDR symbols that are also words, units or initialisms next to
# numbers in shop copy ("Le" is a French article, "KM" kilometres, "den" a
# Scandinavian article): never a foreign price.
_WORDLIKE_SYMBOLS = frozenset(
    {"Ar", "CF", "DA", "Db", "DT", "FC", "KM", "Le", "MK", "Nu.", "RF", "SR", "UM"}
    | {"VT", "den", "сом"}
)
_MAX_MARKER = 12  # longest marker looked up, spaces included ("бел. руб.")


class PriceMatch(NamedTuple):
    """One price found in a text."""

    text: str  # the excerpt: "2 490 ₽", "US $45.99", "1 200–2 400 ₽"
    start: int
    end: int
    amount: Decimal  # the (low) amount
    high: Decimal | None  # the high end of a range
    number: str  # the amount as written: "2 490", "7,450.00"
    decimal_sep: str  # "" when there is no decimal part
    group_sep: str  # "" when there is no grouping
    symbol: str  # the marker as written: "₽", "US $", "руб.", "USD"
    before: bool  # the marker precedes the amount
    gap: str  # what separates marker and amount: "", " ", "\u00a0"
    currency: str | None  # what the market reads; None if no single currency
    candidates: tuple[str, ...]  # every currency written with this marker
    kind: str  # "code", "symbol" or "local"
    own: bool  # the market's own symbol, code or local abbreviation
    approximate: bool  # "≈ $45": a conversion shown beside the real price


class _Number(NamedTuple):
    start: int
    end: int
    value: Decimal
    text: str
    decimal_sep: str
    group_sep: str
    money_like: bool  # two decimals or grouping: "45.99", "1,299"


class _Marker(NamedTuple):
    start: int
    end: int
    written: str
    gap: str
    reading: Reading


def _digits(text: str) -> str:
    """ASCII digits of ``text`` (Arabic-Indic and other decimal digits too)."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.digit(c)) for c in text if c.isdigit())


def parse_amount(text: str, digits: int = 2) -> Decimal | None:
    """Parse an amount as written anywhere ("1.299,00", "7,450.00", "5990.00").

    Args:
        text: The amount alone.
        digits: The currency's decimal digits; a single separator followed by
            exactly three digits is a decimal point only for 3-digit currencies.

    Returns:
        The value, or None if ``text`` is not one amount.
    """
    match = _AMOUNT.fullmatch(text.strip())
    if match is None:
        try:
            return Decimal(text.strip())
        except InvalidOperation:
            return None
    return _number(match, digits).value


def _number(match: re.Match[str], digits: int) -> _Number:
    group, dec, frac = match.group("g") or "", match.group("d") or "", match.group("f")
    whole = match.group(0)[: match.start("d") - match.start()] if dec else match[0]
    parts = whole.split(group) if group else [whole]
    if group and group in ".," and len(parts) == 2 and digits == 3 and not dec:
        # "45.999" in a 3-decimal currency (KWD, BHD) is 45.999, not 45999.
        dec, frac, parts, group = group, parts[1], [parts[0]], ""
    integer = _digits("".join(parts))
    fraction = _digits(frac) if frac and frac[0].isdigit() else ""
    value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    money_like = bool(group) or len(fraction) == 2 or bool(frac and not fraction)
    return _Number(match.start(), match.end(), value, match[0], dec, group, money_like)


class PriceFinder:
    """Finds prices in texts for one market (amounts, then markers)."""

    def __init__(self, market: Market) -> None:
        """Prepare the lookups of ``market``; ``find`` is memoised per text."""
        self.market = market
        self.reader: CurrencyReader = reader_for(market)
        self._digits = currency_digits(market.currency) if market.currency else 2
        self.find = lru_cache(maxsize=REPEATED_TEXTS)(self._find)

    def _find(self, text: str) -> tuple[PriceMatch, ...]:
        found: list[PriceMatch] = []
        cursor = 0
        bare: _Number | None = None  # an amount with no marker, maybe a range's low
        for match in _AMOUNT.finditer(text):
            if match.start() < cursor:
                continue
            number = _number(match, self._digits)
            price = self._price(text, number, cursor, bare)
            if price is None:
                bare = number
                continue
            price = self._extend_range(text, price)
            found.append(price)
            cursor, bare = price.end, None
        return tuple(found)

    def _price(
        self, text: str, number: _Number, floor: int, bare: _Number | None
    ) -> PriceMatch | None:
        before = self._marker_before(text, number.start, floor)
        after = self._marker_after(text, number.end)
        if before and after:  # "₽ 5 990 ₽": keep the attached one, else after
            before, after = (
                (before, None) if not before.gap and after.gap else (None, after)
            )
        marker = before or after or self._dash_marker(number)
        if marker is None or not self._acceptable(marker, number):
            return None
        if before is None and number.start and text[number.start - 1].isalpha():
            return None  # "S24 €", "x2 $": part of a model name
        if before is not None and number.end < len(text):
            nxt = text[number.end]
            if nxt.isalpha() or nxt in _CODE_AFTER:
                return None  # "$1abc", "$5%", "${x}"
        start = marker.start if before else number.start
        end = number.end if before else marker.end
        low, high = number.value, None
        if before is None and bare is not None:
            dash = _RANGE_DASH.fullmatch(text, bare.end, number.start)
            if dash is not None:  # "1 200–2 400 ₽"
                start, low, high = bare.start, bare.value, number.value
        approximate = bool(_APPROXIMATE.search(text, max(floor, start - 24), start))
        reading = marker.reading
        return PriceMatch(
            text[start:end],
            start,
            end,
            low,
            high,
            number.text,
            number.decimal_sep,
            number.group_sep,
            marker.written,
            before is not None,
            marker.gap,
            reading.currency,
            reading.candidates,
            reading.kind,
            reading.own,
            approximate,
        )

    def _extend_range(self, text: str, price: PriceMatch) -> PriceMatch:
        """ "$10–20": a bare amount after a prefixed price is its high end."""
        if not price.before or price.high is not None:
            return price
        dash = _RANGE_DASH.match(text, price.end)
        if dash is None:
            return price
        match = _AMOUNT.match(text, dash.end())
        if match is None or self._marker_after(text, match.end()) is not None:
            return price
        high = _number(match, self._digits)
        return price._replace(
            text=text[price.start : high.end], end=high.end, high=high.value
        )

    def _acceptable(self, marker: _Marker, number: _Number) -> bool:
        reading = marker.reading
        if reading.own:
            return True
        key = normalise_symbol(marker.written)
        if reading.kind == "code":
            return key not in _WORDLIKE_CODES or number.money_like
        if has_currency_sign(key):
            return True
        # A letter-only foreign symbol: "kr", "zł", "Kč", "Ft", "лв.", "元". A
        # single Latin letter ("R", "K", "L") is a size, a grade or a model.
        if (len(key) < 2 and key.isascii()) or key in _WORDLIKE_SYMBOLS:
            return False
        return bool(marker.gap) or number.money_like

    def _dash_marker(self, number: _Number) -> _Marker | None:
        """ "199,-" (cs-CZ): the dash decimals are the market's own marker."""
        if not number.decimal_sep or number.text[-1] not in "-–—":
            return None
        reading = self.reader.read(number.decimal_sep + "-")
        if reading is None or not reading.own:
            return None
        return _Marker(number.end, number.end, number.text[-2:], "", reading)

    def _marker_before(self, text: str, start: int, floor: int) -> _Marker | None:
        end, gap = start, ""
        if end > floor and text[end - 1] in _SPACE:
            end, gap = end - 1, text[end - 1]
        if end <= floor or text[end - 1].isspace():
            return None
        last = unicodedata.normalize("NFKC", text[end - 1])[-1:]
        if last not in self.reader.last_chars:
            return None
        for length in range(min(_MAX_MARKER, end - floor), 0, -1):
            first = end - length
            written = text[first:end]
            if written[0].isspace():
                continue
            reading = self.reader.read(written)
            if reading is None:
                continue
            if first > 0:
                previous = text[first - 1]
                if previous in _CODE_BEFORE:
                    return None  # "${price}", "'$1'", "\\$5"
                if previous.isalnum() and (written[0].isalnum() or written == "$"):
                    continue  # inside a word: "US$" is tried as a whole first
            return _Marker(first, end, written, gap, reading)
        return None

    def _marker_after(self, text: str, end: int) -> _Marker | None:
        start, gap = end, ""
        if start < len(text) and text[start] in _SPACE:
            start, gap = start + 1, text[start]
        if start >= len(text) or text[start].isspace():
            return None
        first = unicodedata.normalize("NFKC", text[start])[:1]
        if first not in self.reader.first_chars:
            return None
        for length in range(min(_MAX_MARKER, len(text) - start), 0, -1):
            written = text[start : start + length]
            if written[-1].isspace():
                continue
            stop = start + length
            if written[-1].isalnum() and stop < len(text) and text[stop].isalnum():
                continue  # "5 krát" is not "5 kr"
            reading = self.reader.read(written)
            if reading is not None:
                return _Marker(start, stop, written, gap, reading)
        return None


@lru_cache(maxsize=64)
def finder_for(market: Market) -> PriceFinder:
    """Return the (cached) price finder of ``market``."""
    return PriceFinder(market)
