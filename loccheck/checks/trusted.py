"""Whether currency and format rules may judge a page by its market."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext
from loccheck.checks.pagememo import per_page
from loccheck.markets import Market
from loccheck.model import Finding, LocaleSource
from loccheck.nlp.scripts import admitted, letter_scripts
from loccheck.page import TEXT, Page

__all__ = ["MarketCheck", "when_trusted"]

# Sources by which the page names its own market; the others (command line,
# config, folder, hreflang) are the user's or the site's word.
_SELF_DECLARED = frozenset({LocaleSource.HTML_LANG, LocaleSource.OG_LOCALE})


@per_page
def _written_for(page: Page, market: Market) -> bool:
    """Are most letters of the page's text in a script the market writes?"""
    counts: Counter[str] = Counter()
    for segment in page.segments:
        if segment.kind == TEXT:
            counts.update(letter_scripts(segment.text))
    total = sum(counts.values())
    own = sum(n for script, n in counts.items() if script in admitted(market.scripts))
    return total == 0 or own * 2 >= total


def when_trusted(ctx: PageContext, findings: Iterator[Finding]) -> Iterator[Finding]:
    """Pass ``findings`` on unless the page is plainly not written for its market.

    A market the page declares itself (``<html lang>``, ``og:locale``) is wrong
    when the page's text is mostly in a script that market does not write:
    ``lang="en"`` on a Cyrillic page gives en-US, whose buyers would "see" ruble
    prices and 24-hour times. Those are consequences of the wrong ``lang``,
    which the markup and language rules report; prices, dates and units are not
    judged by a market the page does not belong to. Checked only when there is
    something to report, so clean pages pay nothing.
    """
    first = next(findings, None)
    market = ctx.market
    if first is None or market is None:
        return
    if ctx.locale_source in _SELF_DECLARED and not _written_for(ctx.page, market):
        return
    yield first
    yield from findings


class MarketCheck(Check):
    """A rule that judges prices, dates or units by the page's market."""

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Yield ``judge``'s findings when the page has a market it is written for."""
        if ctx.market is not None:
            yield from when_trusted(ctx, self.judge(ctx, ctx.market))

    def judge(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        """Yield the findings of this rule on a page of ``market``."""
        raise NotImplementedError
