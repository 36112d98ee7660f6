"""Rule date-format."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.format.common import findings
from loccheck.checks.trusted import MarketCheck
from loccheck.markets import Market
from loccheck.model import Category, Finding, Severity


class DateFormat(MarketCheck):
    """A date is written in another country's order or language."""

    id = "date-format"
    category = Category.FORMAT
    severity = Severity.WARNING
    why = """"12/05/2025" is 5 December to an American and 12 May to a Russian: a
    delivery or sale date in a foreign order is misread, not just odd. The market's
    CLDR short date pattern decides the order and the separator. Reported: dates
    that only make sense in another order ("12/25/2025" on ru-RU), dates that two
    orders fit written with a foreign separator ("12/05/2025" on ru-RU), and month
    names in another language ("5 December 2025" on ru-RU). Year-first dates (ISO
    8601 "2025-12-05", "2025/12/05") cannot be misread and are accepted, and so are
    2-digit years, which cannot be told from other numbers."""
    examples = (
        bad("<p>Размер XXL ожидается 12/05/2025.</p>"),
        bad("<p>Акция до 12/25/2025</p>"),
        bad("<p>Доставим 5 December 2025</p>"),
        bad("<p>セール終了：12/25/2025</p>", market="ja-JP"),
        bad("<p>Soldes jusqu’au 12/25/2025</p>", market="fr-FR"),
        good("<p>Акция до 25.12.2025, обновлено 2025-12-01</p>"),
        good("<p>Soldes jusqu’au 25/12/2025</p>", market="fr-FR"),
        good("<p>Sale ends 12/25/2025</p>", market="en-US"),
        good("<p>セール終了：2025/12/25</p>", market="ja-JP"),
        good("<p>Доставка 20 декабря 2025 года, тел. 8.800.555.35.35</p>"),
        good('<p>Цитата: <span lang="en">shipped on 5 December 2025</span></p>'),
    )
    references = ("https://cldr.unicode.org/translation/date-time/date-time-patterns",)

    def judge(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        """Report numeric dates in a foreign order and foreign month names."""
        yield from findings(self, ctx, market, lambda hits: hits.dates)
