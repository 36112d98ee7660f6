"""Rule ambiguous-currency-symbol."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.checks.currency.common import (
    declared_prices,
    price_position,
    visible_prices,
    what,
)
from loccheck.checks.trusted import trusted_market
from loccheck.currencies import currency_label, reader_for
from loccheck.model import Category, Confidence, Finding, Severity


class AmbiguousCurrencySymbol(Check):
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

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Compare each shared symbol's local reading with the offer's currency."""
        market = trusted_market(ctx)
        if market is None:
            return
        structured = [d for d in declared_prices(ctx.page, market) if d.currency]
        declared = {d.currency for d in structured}
        sources = {d.price.source for d in structured}
        meant = next(iter(declared)) if len(declared) == 1 else None
        for seen in visible_prices(ctx.page, market):
            price = seen.price
            if price.kind == "code" or len(price.candidates) < 2:
                continue
            if price.currency is None:
                codes = ", ".join(price.candidates[:6])
                reason = f"{market.id} does not use it; write the ISO code ({codes})"
                expected, suggestion = {"currency": "ISO 4217 code"}, None
            elif meant and meant in price.candidates and meant != price.currency:
                write = reader_for(market).symbol_of(meant)
                reason = (
                    f"the offer is in {currency_label(meant)} (structured data); "
                    f'write "{write}"'
                )
                expected = {"currency": meant}
                suggestion = price.text.replace(price.symbol, write, 1)
            else:
                continue
            line, column = price_position(ctx.page, seen)
            yield self.make(
                page=ctx.page.path,
                locale=market.id,
                text=price.text,
                message=f'"{price.symbol}" in "{price.text}" reads as {what(price)} on '
                f"{market.id}, but {reason}.",
                line=line,
                column=column,
                selector=seen.segment.selector,
                scope=seen.segment.kind,
                confidence=Confidence.HIGH if len(sources) > 1 else Confidence.MEDIUM,
                expected=expected,
                found={
                    "symbol": price.symbol,
                    "reads_as": price.currency or "/".join(price.candidates),
                },
                suggestion=suggestion,
            )
