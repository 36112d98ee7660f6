"""Rule mixed-currencies."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.currency.common import own_prices, price_position, visible_prices
from loccheck.checks.trusted import MarketCheck
from loccheck.markets import Market
from loccheck.model import Category, Finding, Severity


class MixedCurrencies(MarketCheck):
    """One page shows prices in several currencies."""

    id = "mixed-currencies"
    category = Category.CURRENCY
    severity = Severity.WARNING
    why = """Prices in two currencies side by side cannot be compared at a glance:
    the buyer wonders which one is charged and whether the cheaper-looking item
    is really cheaper. It usually means part of the catalogue was imported without
    conversion. Currency-switcher labels ("RUB", "USD") are not prices, and a
    conversion marked as approximate ("≈ $45") does not count."""
    examples = (
        bad('<p class="price">12 990 ₽</p><p class="price">US $120.00</p>'),
        bad('<p class="price">45,99 €</p><p class="price">49,99 €</p><p>$52</p>'),
        good('<p class="price">12 990 ₽</p><p class="price">15 990 ₽</p>'),
        good('<p class="price">4 590 ₽</p><p class="hint">≈ $49</p>'),
        good(
            '<p class="price">4 590 ₽</p><select><option>RUB</option>'
            "<option>USD</option><option>EUR</option></select>"
        ),
    )

    def judge(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        """Report the first price in a currency other than the page's main one."""
        prices = own_prices(visible_prices(ctx.page, market), market)
        keys = [p.price.currency or p.price.symbol for p in prices]
        counts = Counter(keys)
        if len(counts) < 2:
            return
        main = market.currency
        if main not in counts:
            main = counts.most_common(1)[0][0]
        seen = next(p for p, key in zip(prices, keys, strict=True) if key != main)
        listed = ", ".join(sorted(counts))
        line, column = price_position(ctx.page, seen)
        yield self.make(
            page=ctx.page.path,
            locale=market.id,
            text=seen.price.text,
            message=f"Prices in several currencies on one page ({listed}): "
            f'"{seen.price.text}" is not in {main}.',
            line=line,
            column=column,
            selector=seen.segment.selector,
            scope=seen.segment.kind,
            expected={"currency": main},
            found={"currencies": listed},
        )
