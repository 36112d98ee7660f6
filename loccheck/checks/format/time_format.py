"""Rule time-format."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.format.common import findings
from loccheck.checks.trusted import MarketCheck
from loccheck.markets import Market
from loccheck.model import Category, Finding, Severity


class TimeFormat(MarketCheck):
    """A time uses the other clock than the market (AM/PM on a 24-hour market)."""

    id = "time-format"
    category = Category.FORMAT
    severity = Severity.WARNING
    why = """Most markets read the 24-hour clock; "3:30 PM" there is foreign and
    "12 AM" is often misread as noon. The market's CLDR time pattern decides. The
    reverse ("17:00" on en-US) is reported only on English 12-hour markets, where it
    reads as military time; elsewhere both clocks are in everyday use, and AM/PM
    is not reported on English 24-hour markets such as en-GB either."""
    examples = (
        bad("<p>Заказы до 3:30 PM отправляем в тот же день.</p>"),
        bad("<p>Bestellungen bis 3 p.m. versenden wir noch heute.</p>", market="de-DE"),
        bad("<p>Pickup from 17:30</p>", market="en-US"),
        good("<p>Заказы до 15:30, пункты выдачи с 9:00 до 21:00.</p>"),
        good("<p>Orders before 3:30 PM ship today.</p>", market="en-US"),
        good("<p>Orders before 3:30 pm ship today.</p>", market="en-GB"),
        good("<p>Lieferung am Montag ab 10 am Vormittag</p>", market="de-DE"),
    )
    references = ("https://cldr.unicode.org/translation/date-time/date-time-patterns",)

    def judge(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        """Report times written with the other clock."""
        yield from findings(self, ctx, market, lambda hits: hits.times)
