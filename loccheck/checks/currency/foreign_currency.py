"""Rule foreign-currency."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.currency.common import price_position, visible_prices, what
from loccheck.checks.trusted import MarketCheck
from loccheck.currencies import currency_label
from loccheck.markets import Market
from loccheck.model import Category, Confidence, Finding, Severity


class ForeignCurrency(MarketCheck):
    """A price is shown in a currency other than the market's."""

    id = "foreign-currency"
    category = Category.CURRENCY
    severity = Severity.ERROR
    why = """A buyer cannot pay in the currency shown, has to convert it, and
    suspects hidden exchange fees: dollar prices on a ruble store were one reason
    a marketplace's Russian section failed. A symbol is read the way the market
    reads it ("$" is US dollars on ru-RU and pesos on es-MX). A conversion marked
    as approximate ("≈ $45") beside the real price is a warning only, and a
    market profile can allow extra currencies (`allowed_currencies`)."""
    examples = (
        bad('<p class="price">$45.99</p>'),
        bad('<p class="price">US $120.00</p>'),
        bad("<p>Доставка: 12,50 €</p>"),
        bad('<p class="price">1 200 kr</p>'),
        bad('<p class="price">4 590 ₽</p><p class="hint">≈ $49</p>'),
        bad('<p class="price">¥359.90</p>', market="en-US"),
        good('<p class="price">4&nbsp;590&nbsp;₽</p><p>12 990 руб.</p>'),
        good('<p class="price">$45.99</p>', market="en-US"),
        good('<p class="price">$ 899.00</p>', market="es-MX"),
        good('<p class="price">¥4,980</p><p>4,980円</p>', market="ja-JP"),
        good(
            "<label>Валюта <select><option>RUB</option><option>USD</option>"
            "</select></label>"
        ),
        good("<p>Pixel 9, SKU 4471-XL, тел. +7 800 555-35-35, скидка 20 %</p>"),
    )
    references = ("https://cldr.unicode.org/translation/currency-names-and-symbols",)

    def judge(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        """Report every visible price whose currency the market does not use."""
        if market.currency is None:
            return
        own = currency_label(market.currency)
        for seen in visible_prices(ctx.page, market):
            price = seen.price
            if price.currency == market.currency:
                continue
            if price.currency in market.allowed_currencies:
                continue
            line, column = price_position(ctx.page, seen)
            reads = f' ("{price.symbol}" reads as {what(price)} on {market.id})'
            if price.kind == "code" or len(price.candidates) < 2:
                reads = f" ({what(price)})"
            approximate = " as an approximate conversion" if price.approximate else ""
            finding = self.make(
                page=ctx.page.path,
                locale=market.id,
                text=price.text,
                message=f'Price "{price.text}" is shown in a foreign currency'
                f"{approximate}{reads}; {market.id} pays in {own}.",
                line=line,
                column=column,
                selector=seen.segment.selector,
                scope=seen.segment.kind,
                confidence=Confidence.HIGH if price.currency else Confidence.MEDIUM,
                expected={"currency": market.currency},
                found={
                    "currency": price.currency or "/".join(price.candidates),
                    "symbol": price.symbol,
                    "amount": float(price.amount),
                },
            )
            if price.approximate:
                finding = replace(finding, severity=Severity.WARNING)
            yield finding
