"""Rule number-format."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.format.common import findings
from loccheck.checks.trusted import MarketCheck
from loccheck.markets import Market
from loccheck.model import Category, Finding, Severity


class NumberFormat(MarketCheck):
    """A measurement, rating or percentage uses the other decimal separator."""

    id = "number-format"
    category = Category.FORMAT
    severity = Severity.WARNING
    why = """Where the market writes a decimal comma, "1.5 kg" looks copied from a
    foreign spec sheet, and "1.500 kg" may read as fifteen hundred. Judged only
    where a number is clearly a quantity (followed by a unit, %, ° or "/ 5"), with
    one or two decimals, so grouping ("10.000 mm") and versions ("iOS 12.0") are
    left alone. Prices have their own rule (price-format)."""
    examples = (
        bad("<p>Вес: 1.2 кг</p>"),
        bad("<p>Рейтинг: 4.5 / 5</p>"),
        bad("<p>Шерсть 12.5 %</p>"),
        bad("<p>Width: 4,5 cm</p>", market="en-US"),
        good("<p>Вес: 1,2 кг, рейтинг 4,5 / 5, шерсть 12,5 %</p>"),
        good("<p>Wassersäule 10.000 mm, 4,6 von 5</p>", market="de-DE"),
        good("<p>Android 14.1, iOS 12.0, USB 3.0</p>"),
        good("<p>Width: 4.5 cm</p>", market="en-US"),
    )
    references = ("https://cldr.unicode.org/translation/number-currency-formats",)

    def judge(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        """Report quantities written with the other decimal separator."""
        yield from findings(self, ctx, market, lambda hits: hits.numbers)
