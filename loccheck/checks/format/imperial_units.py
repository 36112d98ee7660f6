"""Rule imperial-units."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.format.common import findings
from loccheck.checks.trusted import MarketCheck
from loccheck.markets import Market
from loccheck.model import Category, Finding, Severity


class ImperialUnits(MarketCheck):
    """A measurement is in inches, pounds, °F or US sizes on a metric market."""

    id = "imperial-units"
    category = Category.FORMAT
    severity = Severity.WARNING
    why = """Buyers on metric markets cannot picture "33 in" or "1.2 lb" and
    cannot wash at "86°F"; sizes and weights they cannot read are a common reason
    for returns. Units are recognised in the market's language and in English from
    CLDR unit names ("32 дюйма" is inches too), and the suggestion converts the
    value. Only markets CLDR lists as metric are checked: imperial and metric are
    both fine on en-US, and en-GB keeps miles and pints."""
    examples = (
        bad("<table><tr><td>Обхват груди</td><td>33 in</td></tr></table>"),
        bad("<p>Телевизор 32 дюйма</p>"),
        bad("<p>Деликатная стирка при 86°F</p>"),
        bad("<p>Вес: 1.2 lb</p>"),
        bad("<p>Größe: US 9</p>", market="de-DE"),
        good("<p>Обхват груди 84 см, стирка при 30 °C, вес 0,5 кг</p>"),
        good("<p>3 in 1: 5 in stock</p>"),
        good("<p>Chest 33 in, 12 × 16 in print</p>", market="en-US"),
        good("<p>Размеры 42 RU, 44 RU; формат A4</p>"),
    )
    references = ("https://cldr.unicode.org/translation/units/unit-names-and-patterns",)

    def judge(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        """Report imperial and US customary units."""
        yield from findings(self, ctx, market, lambda hits: hits.units)
