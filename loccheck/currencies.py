"""Currency symbols from CLDR (through Babel), and how a market reads them.

CLDR gives each currency a symbol per locale: "$" is USD in ``ru`` and
``en``, MXN in ``es_MX``, CAD in ``en_CA``. A buyer reads a symbol the way
the market's own locale writes it, so ``CurrencyReader`` resolves a written
symbol in this order: the market's currency symbol and local abbreviations
(``locales/*.yaml``), the market locale's CLDR symbols, ISO 4217 codes, the
abbreviations of every shipped profile, and finally the symbols of every
CLDR locale (``$`` alone is written by 27 current currencies). Babel 2.18
does not ship CLDR's narrow symbols; each of them is the standard symbol of
some locale of its home territory ("kr" in ``sv``, "$" in ``en_CA``), so the
union over all locales covers them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from babel import localedata
from babel.core import Locale, get_global
from babel.numbers import get_currency_name, get_currency_precision

from loccheck.cldr import own_data
from loccheck.cldr_saved import saved_fact
from loccheck.markets import Market, local_currency_abbreviations

__all__ = [
    "CurrencyReader",
    "Reading",
    "currency_label",
    "current_currencies",
    "normalise_symbol",
    "reader_for",
]

# Bidi marks CLDR puts in Arabic and Hebrew symbols ("ر.س.\u200f"); pages
# rarely write them, so they are ignored on both sides.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200e\u200f\u061c\u2066\u2067\u2069"))
_SPACES = re.compile(r"\s+")
_TERRITORY_DOLLAR = re.compile(r"^(?:([A-Z]{2})\$|\$([A-Z]{2}))$")


def normalise_symbol(symbol: str) -> str:
    """Fold a written symbol to its lookup form: NFKC, no spaces, no bidi marks.

    "￥" and "¥", "US $" and "US$", "ر.س.\u200f" and "ر.س." read the same.
    """
    folded = unicodedata.normalize("NFKC", symbol).translate(_INVISIBLE)
    return _SPACES.sub("", folded)


def has_currency_sign(symbol: str) -> bool:
    """True if ``symbol`` holds a Unicode currency sign ($, €, ₽, ¥, ...)."""
    return any(unicodedata.category(char) == "Sc" for char in symbol)


@lru_cache(maxsize=1)
def current_currencies() -> frozenset[str]:
    """ISO 4217 codes that are legal tender somewhere today (CLDR)."""
    current: set[str] = set()
    for entries in get_global("territory_currencies").values():
        for code, _start, end, tender in entries:
            if end is None and tender:
                current.add(code)
    return frozenset(current)


def derive_symbol_pairs() -> list[list[str]]:
    """Every currency symbol any CLDR locale writes, as sorted [code, symbol].

    Reads each locale's own data file once (about 0.5 s), without Babel's
    inheritance merge and without filling Babel's cache, which would keep
    some 30 MB of locale data alive; saved in ``cldr_saved``.
    """
    pairs: set[tuple[str, str]] = set()
    for name in ("root", *localedata.locale_identifiers()):
        pairs.update(own_data(name).get("currency_symbols", {}).items())
    return [list(pair) for pair in sorted(pairs)]


@lru_cache(maxsize=1)
def _cldr_symbols() -> Mapping[str, frozenset[str]]:
    """Every CLDR locale's symbols of current currencies: symbol -> codes."""
    pairs = saved_fact("currency-symbols") or derive_symbol_pairs()
    current = current_currencies()
    index: dict[str, set[str]] = {}
    for code, symbol in pairs:
        key = normalise_symbol(symbol)
        if code in current and key and key != code:
            index.setdefault(key, set()).add(code)
    return MappingProxyType({k: frozenset(v) for k, v in index.items()})


@lru_cache(maxsize=1)
def _english_readings() -> Mapping[str, str]:
    """CLDR ``en`` symbols: the default reading of a symbol no market claims."""
    symbols = Locale.parse("en").currency_symbols
    return MappingProxyType(
        {normalise_symbol(s): code for code, s in symbols.items() if s != code}
    )


@dataclass(frozen=True, slots=True)
class Reading:
    """What a written currency marker means on one market."""

    currency: str | None  # what a local buyer reads; None if no single one
    candidates: tuple[str, ...]  # current currencies written this way, sorted
    kind: str  # "code" (ISO 4217), "symbol" (CLDR) or "local" (profile)
    own: bool  # the market's own symbol, code or local abbreviation


class CurrencyReader:
    """Resolves written currency markers for one market."""

    def __init__(self, market: Market) -> None:
        """Build the lookup table of ``market`` (once per market)."""
        self.market = market
        table: dict[str, Reading] = {}
        for key, codes in _cldr_symbols().items():
            default = next(iter(codes)) if len(codes) == 1 else None
            default = _english_readings().get(key, default)
            table[key] = Reading(default, tuple(sorted(codes)), "symbol", False)
        for written, owners in local_currency_abbreviations().items():
            key = normalise_symbol(written)
            known = table.get(key)
            merged = set(owners) | set(known.candidates if known else ())
            single = next(iter(owners)) if len(owners) == 1 else None
            reading = known.currency if known and known.currency else single
            table[key] = Reading(reading, tuple(sorted(merged)), "local", False)
        locale = Locale.parse(market.babel_locale)
        for code, symbol in locale.currency_symbols.items():
            key = normalise_symbol(symbol)
            if code in current_currencies() and key and key != code:
                known = table.get(key)
                merged = {code, *(known.candidates if known else ())}
                table[key] = Reading(code, tuple(sorted(merged)), "symbol", False)
        own = {market.currency} if market.currency else set()
        for code in current_currencies() | own:
            table[code] = Reading(code, (code,), "code", code == market.currency)
        if market.currency:
            self._add_own(table, market)
        self._table = table
        self.first_chars = frozenset(key[0] for key in table)
        self.last_chars = frozenset(key[-1] for key in table)

    @staticmethod
    def _add_own(table: dict[str, Reading], market: Market) -> None:
        currency = market.currency or ""
        symbol = normalise_symbol(market.currency_symbol or "")
        own = [(market.currency_symbol or "", "symbol")]
        # "¥" (ja-JP) is the CLDR "￥" written narrow: it stays the symbol.
        own += [(a, "local") for a in market.currency_abbreviations]
        for written, kind in own:
            key = normalise_symbol(written)
            if kind == "local" and key == symbol:
                continue
            if key and key != currency:
                known = table.get(key)
                merged = {currency, *(known.candidates if known else ())}
                table[key] = Reading(currency, tuple(sorted(merged)), kind, True)

    def read(self, written: str) -> Reading | None:
        """Return how the market reads ``written`` ("US $", "руб."), or None."""
        key = normalise_symbol(written)
        found = self._table.get(key)
        if found is None and (match := _TERRITORY_DOLLAR.match(key)):
            # "AU$", "$CA": the dollar of that territory, if it has one.
            territory = match.group(1) or match.group(2)
            dollars = self._table["$"].candidates if "$" in self._table else ()
            for code, _start, end, _tender in get_global("territory_currencies").get(
                territory, ()
            ):
                if end is None and code in dollars:
                    return Reading(
                        code, (code,), "symbol", code == self.market.currency
                    )
        return found

    def symbol_of(self, code: str) -> str:
        """The symbol the market's locale writes for ``code`` ("CA$" for CAD)."""
        if code == self.market.currency and self.market.currency_symbol:
            return self.market.currency_symbol.translate(_INVISIBLE)
        symbols = Locale.parse(self.market.babel_locale).currency_symbols
        return str(symbols.get(code, code)).translate(_INVISIBLE)


@lru_cache(maxsize=64)
def reader_for(market: Market) -> CurrencyReader:
    """Return the (cached) reader of ``market``."""
    return CurrencyReader(market)


@lru_cache(maxsize=512)
def currency_label(code: str) -> str:
    """ "US dollar (USD)": the English CLDR name and the code, for messages."""
    try:
        name = get_currency_name(code, locale="en")
    except (ValueError, LookupError):  # pragma: no cover - unknown to Babel
        name = code
    return f"{name} ({code})" if name != code else code


@lru_cache(maxsize=512)
def currency_digits(code: str) -> int:
    """Number of decimal digits CLDR gives ``code`` (JPY 0, EUR 2, KWD 3)."""
    return int(get_currency_precision(code))
