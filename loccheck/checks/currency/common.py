"""What the currency rules share: a page's visible and structured prices."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from loccheck.checks.locate import locate, locate_pattern
from loccheck.checks.pagememo import digit_segments, per_page
from loccheck.currencies import currency_label
from loccheck.markets import Market
from loccheck.page import Page, Segment, StructuredPrice
from loccheck.prices import PriceMatch, finder_for, parse_amount

__all__ = [
    "Declared",
    "SeenPrice",
    "declared_prices",
    "own_prices",
    "price_position",
    "structured_position",
    "visible_prices",
    "what",
]


class SeenPrice(NamedTuple):
    """A price found in one segment of the page."""

    segment: Segment
    price: PriceMatch


@per_page
def visible_prices(page: Page, market: Market) -> tuple[SeenPrice, ...]:
    """Every price in the page's text, titles, descriptions and attributes."""
    find = finder_for(market).find
    return tuple(
        SeenPrice(segment, price)
        for segment in digit_segments(page, market)
        for price in find(segment.text)
    )


def own_prices(prices: Iterable[SeenPrice], market: Market) -> list[SeenPrice]:
    """The prices the page sells at: no "≈ $45" conversions, no allowed extras."""
    return [
        seen
        for seen in prices
        if not seen.price.approximate
        and seen.price.currency not in market.allowed_currencies
    ]


def what(price: PriceMatch) -> str:
    """How a price's currency reads, for messages: "US dollar (USD)"."""
    if price.currency is not None:
        return currency_label(price.currency)
    shown = ", ".join(price.candidates[:6])
    if len(price.candidates) > 6:
        shown += ", ..."
    return f'no single currency ("{price.symbol}" is written for {shown})'


def price_position(page: Page, seen: SeenPrice) -> tuple[int, int | None]:
    """Line and column of a visible price in the source."""
    return locate(page, seen.segment.line, seen.price.text)


class Declared(NamedTuple):
    """A structured price with its currency code and amount read."""

    price: StructuredPrice
    currency: str | None  # upper-cased, as declared
    amount: Decimal | None


@per_page
def declared_prices(page: Page, market: Market) -> tuple[Declared, ...]:
    """The page's structured prices (JSON-LD, Open Graph, microdata)."""
    return tuple(
        Declared(
            price,
            price.currency.strip().upper() if price.currency else None,
            parse_amount(price.amount) if price.amount else None,
        )
        for price in page.prices
    )


_JSONLD_FIELD = '"{field}"\\s*:\\s*"?({value})'
_MICRODATA_FIELD = (
    "itemprop=[\"']{field}[\"'][^>]*?(?:content=[\"']\\s*({value})|>\\s*({value}))"
    "|content=[\"']\\s*({value})[\"'][^>]*itemprop=[\"']{field}[\"']"
)


def structured_position(
    page: Page, declared: Declared, field: str, value: str
) -> tuple[int, int | None, str]:
    """Line, column and selector of a structured ``field`` ("priceCurrency")."""
    price = declared.price
    if price.source in ("og", "product"):
        meta = "currency" if field == "priceCurrency" else "amount"
        tag = page.meta(f"{price.source}:price:{meta}")
        line = tag.line if tag is not None else price.line
        found_line, column = page.position(line, value)
        return found_line, column, f'meta[property="{price.source}:price:{meta}"]'
    template = _JSONLD_FIELD if price.source == "jsonld" else _MICRODATA_FIELD
    pattern = re.compile(template.format(field=field, value=re.escape(value)))
    # Microdata may declare the currency a few lines before the price.
    back = 0 if price.source == "jsonld" else 15
    found = locate_pattern(page, max(1, price.line - back), pattern)
    selector = price.selector if price.source == "jsonld" else f'[itemprop="{field}"]'
    if found is None:
        return price.line, None, selector
    return found[0], found[1], selector
