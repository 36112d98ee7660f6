"""Rule price-format."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from babel.numbers import format_currency, parse_pattern

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.currency.common import price_position, visible_prices
from loccheck.checks.trusted import MarketCheck
from loccheck.markets import Market
from loccheck.model import Category, Finding, Severity
from loccheck.prices import PriceMatch

# A plain space, a no-break space and a narrow no-break space all read as the
# same gap; CLDR picks one per locale (ru U+00A0, fr U+202F), pages use any.
_SPACES = frozenset(" \u00a0\u202f\u2009")
_APOSTROPHES = frozenset("'’")  # de-CH groups with either


@lru_cache(maxsize=64)
def _layout(pattern: str) -> tuple[bool, bool]:
    """(symbol before the number, space between) from a CLDR currency pattern."""
    parsed = parse_pattern(pattern)
    prefix, suffix = parsed.prefix[0], parsed.suffix[0]
    before = "¤" in prefix
    side = prefix.split("¤")[-1] if before else suffix.split("¤")[0]
    return before, any(c in _SPACES for c in side)


def _same_separator(written: str, wanted: str) -> bool:
    if written == wanted:
        return True
    return {written, wanted} <= _SPACES or {written, wanted} <= _APOSTROPHES


def problems(price: PriceMatch, market: Market) -> list[str]:
    """What in ``price`` goes against the market's CLDR currency format."""
    found: list[str] = []
    if price.number.isascii():  # native digits have their own separators
        if price.decimal_sep and price.decimal_sep != market.decimal_symbol:
            found.append(f'decimal separator "{price.decimal_sep}"')
        group = price.group_sep
        if group and not _same_separator(group, market.group_symbol):
            found.append(f'grouping separator "{price.group_sep}"')
    if price.kind == "symbol":  # local abbreviations keep their own placement
        before, spaced = _layout(market.currency_format)
        if price.before != before:
            found.append(f"symbol {'after' if before else 'before'} the amount")
        elif spaced and not price.gap:
            found.append("no space between amount and symbol")
        elif price.gap and not spaced:
            found.append("a space between symbol and amount")
    return found


def suggestion(price: PriceMatch, market: Market) -> str:
    """The same amount formatted by Babel for the market (no decimals if none)."""
    pattern = market.currency_format
    whole = not price.decimal_sep and price.amount == price.amount.to_integral()
    if whole:
        pattern = pattern.replace("0.00", "0")
    return str(
        format_currency(
            price.amount,
            market.currency or "XXX",
            format=pattern,
            locale=market.babel_locale,
            currency_digits=not whole,
        )
    )


class PriceFormat(MarketCheck):
    """A price in the market's currency is written against its CLDR format."""

    id = "price-format"
    category = Category.CURRENCY
    severity = Severity.WARNING
    why = """"₽7,450.00" on a Russian page reads as an amount typed by someone
    abroad: Russians write "7 450 ₽", and a comma there is a decimal separator, so
    the price may even be misread. The market's CLDR format decides the decimal and
    grouping separators and where the symbol goes. Accepted variants: no decimals
    for whole amounts, no grouping, a plain space for a no-break space, the
    market's local abbreviations ("руб.", "円") in their own place, ISO codes on
    either side, and a locale's native digits ("١٨٥٫٠٠")."""
    examples = (
        bad('<p class="price">₽7,450.00</p>'),
        bad('<p class="price">7.450,00 ₽</p>'),
        bad('<p class="price">7450₽</p>'),
        bad('<p class="preis">€ 49,99</p>', market="de-DE"),
        bad('<p class="price">45,99 $</p>', market="en-US"),
        good('<p class="price">7 450 ₽</p><p>7&nbsp;450,00&nbsp;₽</p><p>7450 руб.</p>'),
        good('<p class="price">2 490,00 RUB</p><p>RUB 2 490</p>'),
        good('<p class="preis">1.299,00&nbsp;€</p><p>45,- €</p>', market="de-DE"),
        good('<p class="price">$1,299.00</p>', market="en-US"),
        good('<p class="price">¥4,980</p><p>4,980円</p>', market="ja-JP"),
        good('<p class="price">45,99&#8239;€</p>', market="fr-FR"),
        good('<p class="price">$45.99</p>'),
    )
    references = ("https://cldr.unicode.org/translation/number-currency-formats",)

    def judge(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        """Check separators and symbol placement of prices in the market currency."""
        if market.currency is None:
            return
        for seen in visible_prices(ctx.page, market):
            price = seen.price
            if price.currency != market.currency or not price.own:
                continue
            found = problems(price, market)
            if not found:
                continue
            expected = suggestion(price, market)
            line, column = price_position(ctx.page, seen)
            yield self.make(
                page=ctx.page.path,
                locale=market.id,
                text=price.text,
                message=f'Price "{price.text}" has {", ".join(found)}; {market.id} '
                f'writes "{expected}".',
                line=line,
                column=column,
                selector=seen.segment.selector,
                scope=seen.segment.kind,
                expected={"format": market.currency_format, "example": expected},
                found={"problems": "; ".join(found)},
                suggestion=expected,
            )
