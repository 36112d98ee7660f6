"""The market that currency and format rules may judge a page by."""

from __future__ import annotations

from loccheck.checks.base import PageContext
from loccheck.langtags import primary_language
from loccheck.markets import Market
from loccheck.model import LocaleSource

__all__ = ["trusted_market"]


def trusted_market(ctx: PageContext) -> Market | None:
    """Return the page's market, or None when the page contradicts it.

    A market decided by ``<html lang>`` is only the page's word for it; when
    the page's ``og:locale`` names another language (``lang="en"`` on a page
    whose ``og:locale`` is ``ru_RU``), the page is mislabelled and its prices,
    dates and units cannot be judged by either market. The markup rules report
    the contradiction (og-locale-mismatch, html-lang-mismatch).
    """
    market = ctx.market
    if market is None or ctx.locale_source is not LocaleSource.HTML_LANG:
        return market
    og = ctx.page.meta("og:locale")
    if og is None or not og.value.strip():
        return market
    language = primary_language(og.value.strip().replace("_", "-"))
    return market if language in (None, market.language) else None
