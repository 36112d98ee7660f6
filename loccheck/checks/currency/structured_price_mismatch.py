"""Rule structured-price-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.currency.common import (
    declared_prices,
    own_prices,
    structured_position,
    visible_prices,
)
from loccheck.checks.trusted import MarketCheck
from loccheck.markets import Market
from loccheck.model import Category, Finding, Severity

_CENT = Decimal("0.01")
_SOURCES = {
    "jsonld": "JSON-LD",
    "og": "og:price:amount",
    "product": "product:price:amount",
    "microdata": "microdata",
}


class StructuredPriceMismatch(MarketCheck):
    """The structured price differs from the price shown on the page."""

    id = "structured-price-mismatch"
    category = Category.CURRENCY
    severity = Severity.ERROR
    why = """Search results, shopping ads and link previews show the structured
    price; when it differs from the page, shoppers arrive expecting another price
    and merchant feeds reject the item. Amounts are compared after parsing
    ("5990.00" equals "5 990 ₽"), against every visible price in the same
    currency, so a sale price shown beside the compare-at price passes."""
    examples = (
        bad(
            '<script type="application/ld+json">{"@type": "Product", "offers": '
            '{"@type": "Offer", "price": "5990.00", "priceCurrency": "RUB"}}</script>'
            '<p class="price">6 490 ₽</p>'
        ),
        bad(
            '<meta property="og:price:amount" content="149.99">'
            '<meta property="og:price:currency" content="EUR">'
            '<p class="preis">129,99 €</p>',
            market="de-DE",
        ),
        good(
            '<script type="application/ld+json">{"@type": "Product", "offers": '
            '{"@type": "Offer", "price": "4590", "priceCurrency": "RUB"}}</script>'
            '<div class="price"><span>4 590 ₽</span> <s>5 990 ₽</s></div>'
        ),
        good(
            '<meta property="og:price:amount" content="1299.00">'
            '<meta property="og:price:currency" content="EUR">'
            '<p class="preis">1.299,00 €</p>',
            market="de-DE",
        ),
        good(
            '<script type="application/ld+json">{"@type": "Product", "offers": '
            '{"@type": "Offer", "price": "15990", "priceCurrency": "USD"}}</script>'
            '<p class="price">15 990 ₽</p>'
        ),
    )
    references = ("https://schema.org/price",)

    def judge(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        """Report structured amounts no visible price in their currency equals."""
        prices = own_prices(visible_prices(ctx.page, market), market)
        shown: dict[str, set[Decimal]] = {}
        for seen in prices:
            amounts = shown.setdefault(seen.price.currency or "?", set())
            amounts.add(seen.price.amount.quantize(_CENT))
            if seen.price.high is not None:
                amounts.add(seen.price.high.quantize(_CENT))
        if len(shown) != 1:
            return  # no visible price, or several currencies: currency rules report
        for declared in declared_prices(ctx.page, market):
            price, amount = declared.price, declared.amount
            if price.field == "highPrice" or amount is None or price.amount is None:
                continue
            visible = shown.get(declared.currency or "")
            if not visible or amount.quantize(_CENT) in visible:
                continue
            line, column, selector = structured_position(
                ctx.page, declared, price.field.split(".")[-1], price.amount
            )
            listed = ", ".join(_plain(v) for v in sorted(visible)[:5])
            yield self.make(
                page=ctx.page.path,
                locale=market.id,
                text=price.amount,
                message=f"{_SOURCES.get(price.source, price.source)} declares the "
                f"price {price.amount} {declared.currency}, but the page shows "
                f"{listed} {declared.currency}.",
                line=line,
                column=column,
                selector=selector,
                scope="structured-data",
                expected={"amounts": listed},
                found={"amount": float(amount), "source": price.source},
            )


def _plain(value: Decimal) -> str:
    return f"{value:f}".removesuffix(".00")
