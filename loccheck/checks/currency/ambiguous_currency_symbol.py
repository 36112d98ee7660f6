"""Rule ambiguous-currency-symbol."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.currency.common import (
    declared_prices,
    price_position,
    visible_prices,
    what,
)
from loccheck.checks.trusted import MarketCheck
from loccheck.currencies import currency_label, reader_for
from loccheck.markets import Market
from loccheck.model import Category, Confidence, Finding, Severity


class AmbiguousCurrencySymbol(MarketCheck):
    """A bare currency symbol reads as another currency on this market."""

    id = "ambiguous-currency-symbol"
    category = Category.CURRENCY
    severity = Severity.WARNING
    why = """Several currencies share a symbol: "$" is US dollars on ru-RU but
    pesos on es-MX, "¥" is yen on ja-JP but yuan on zh-CN, "kr" is kronor on sv-SE
    and kroner on nb-NO. The market decides how a bare symbol is read, so a price
    meant in one currency is read in another, or, where the market does not use
    the symbol at all ("kr" on ru-RU), in no definite currency."""
    examples = (
        bad(
            '<script type="application/ld+json">{"@type": "Product", "offers": '
            '{"@type": "Offer", "price": "899.00", "priceCurrency": "USD"}}</script>'
            '<p class="price">$899.00</p>',
            market="es-MX",
        ),
        bad(
            '<meta property="og:price:amount" content="359.90">'
            '<meta property="og:price:currency" content="CNY">'
            '<p class="price">¥359.90</p>',
            market="ja-JP",
        ),
        bad('<p class="price">1 200 kr</p>'),
        good('<p class="price">$899.00</p>', market="es-MX"),
        good(
            '<meta property="og:price:amount" content="4980">'
            '<meta property="og:price:currency" content="JPY">'
            '<p class="price">¥4,980</p>',
            market="ja-JP",
        ),
        good('<p class="price">1 200 kr</p>', market="sv-SE"),
        good('<p class="price">CN¥359.90</p>', market="ja-JP"),
    )
    references = ("https://cldr.unicode.org/translation/currency-names-and-symbols",)

    def judge(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        """Compare each shared symbol's local reading with the offer's currency."""
        structured = [d for d in declared_prices(ctx.page, market) if d.currency]
        declared = {d.currency for d in structured}
        sources = {d.price.source for d in structured}
        meant = next(iter(declared)) if len(declared) == 1 else None
        for seen in visible_prices(ctx.page, market):
            price = seen.price
            if price.kind == "code" or len(price.candidates) < 2:
                continue
            quoted = f'"{price.symbol}" in "{price.text}"'
            if price.currency is None:
                codes = ", ".join(price.candidates[:6])
                message = (
                    f"{quoted} stands for several currencies ({codes}) and "
                    f"{market.id} reads it as none of them; write the ISO code."
                )
                expected, suggestion = {"currency": "ISO 4217 code"}, None
                confidence = Confidence.HIGH
            elif meant and meant in price.candidates and meant != price.currency:
                write = reader_for(market).symbol_of(meant)
                message = (
                    f"{quoted} reads as {what(price)} on {market.id}, but the offer "
                    f'is in {currency_label(meant)} (structured data); write "{write}".'
                )
                expected = {"currency": meant}
                suggestion = price.text.replace(price.symbol, write, 1)
                several = len(sources) > 1  # two sources agree on the currency
                confidence = Confidence.HIGH if several else Confidence.MEDIUM
            else:
                continue
            line, column = price_position(ctx.page, seen)
            yield self.make(
                page=ctx.page.path,
                locale=market.id,
                text=price.text,
                message=message,
                line=line,
                column=column,
                selector=seen.segment.selector,
                scope=seen.segment.kind,
                confidence=confidence,
                expected=expected,
                found={
                    "symbol": price.symbol,
                    "reads_as": price.currency or "/".join(price.candidates),
                },
                suggestion=suggestion,
            )
