"""Rule structured-currency-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.currency.common import (
    declared_prices,
    own_prices,
    structured_position,
    visible_prices,
)
from loccheck.checks.trusted import MarketCheck
from loccheck.currencies import currency_label
from loccheck.markets import Market
from loccheck.model import Category, Finding, Severity

_SOURCES = {
    "jsonld": "JSON-LD priceCurrency",
    "og": "og:price:currency",
    "product": "product:price:currency",
    "microdata": 'microdata itemprop="priceCurrency"',
}


class StructuredCurrencyMismatch(MarketCheck):
    """Structured data declares another currency than the market or the page."""

    id = "structured-currency-mismatch"
    category = Category.CURRENCY
    severity = Severity.ERROR
    why = """Search engines, price comparison sites and social previews read the
    currency from JSON-LD, Open Graph and microdata, not from the visible text: a
    ruble price declared as "USD" is listed at the wrong price (or rejected by
    merchant feeds as a mismatch with the landing page)."""
    examples = (
        bad(
            '<script type="application/ld+json">{"@type": "Product", "offers": '
            '{"@type": "Offer", "price": "15990", "priceCurrency": "USD"}}</script>'
            '<p class="price">15 990 ₽</p>'
        ),
        bad(
            '<meta property="og:price:amount" content="6490.00">'
            '<meta property="og:price:currency" content="USD">'
            '<p class="price">6 490 ₽</p>'
        ),
        bad(
            '<div itemscope itemtype="https://schema.org/Offer">'
            '<meta itemprop="priceCurrency" content="USD">'
            '<meta itemprop="price" content="4290.00">'
            '<p class="price">4 290 ₽</p></div>'
        ),
        bad(
            '<meta property="og:price:amount" content="45.99">'
            '<meta property="og:price:currency" content="RUB">'
            '<p class="price">$45.99</p>'
        ),
        good(
            '<script type="application/ld+json">{"@type": "Product", "offers": '
            '{"@type": "AggregateOffer", "lowPrice": "1200", "highPrice": "2400", '
            '"priceCurrency": "RUB"}}</script><p class="price">от 1 200 ₽</p>'
        ),
        good(
            '<meta property="og:price:amount" content="179.95">'
            '<meta property="og:price:currency" content="EUR">'
            '<p class="preis">179,95 €</p>',
            market="de-DE",
        ),
    )
    references = (
        "https://schema.org/priceCurrency",
        "https://developers.google.com/search/docs/appearance/structured-data/product",
    )

    def judge(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        """Compare each declared currency with the market's and the visible ones."""
        if market.currency is None:
            return
        prices = own_prices(visible_prices(ctx.page, market), market)
        shown = {p.price.currency for p in prices if p.price.currency}
        done: set[tuple[str, int, str]] = set()
        for declared in declared_prices(ctx.page, market):
            code, written = declared.currency, declared.price.currency
            key = (declared.price.source, declared.price.line, code or "")
            if code is None or written is None or key in done:
                continue
            done.add(key)
            accepted = code == market.currency or code in market.allowed_currencies
            if accepted and (not shown or code in shown):
                continue
            source = _SOURCES.get(declared.price.source, declared.price.source)
            if accepted:
                visible = ", ".join(sorted(shown))
                reason = f"the page shows its prices in {visible}"
            else:
                reason = f"{market.id} pays in {currency_label(market.currency)}"
            line, column, selector = structured_position(
                ctx.page, declared, "priceCurrency", written.strip()
            )
            yield self.make(
                page=ctx.page.path,
                locale=market.id,
                text=written.strip(),
                message=f'{source} is "{written.strip()}", but {reason}.',
                line=line,
                column=column,
                selector=selector,
                scope="structured-data",
                expected={"currency": market.currency if not accepted else visible},
                found={"currency": code, "source": declared.price.source},
                suggestion=market.currency if not accepted else None,
            )
