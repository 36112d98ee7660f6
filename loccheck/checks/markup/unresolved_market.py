"""Rule unresolved-market."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.model import Category, Finding, Severity


class UnresolvedMarket(Check):
    """loccheck cannot tell which market the page is for."""

    id = "unresolved-market"
    category = Category.MARKUP
    severity = Severity.WARNING
    why = """Without a market the language, currency and format checks cannot run
    on the page. Declare `<html lang>`, or map the page's folder to a market in
    the config, or pass `--locale`."""
    examples = (
        bad("<html><body><p>Каталог</p></body></html>", ""),
        good('<html lang="ru"><body><p>Каталог</p></body></html>', ""),
        good("<html><body><p>Каталог</p></body></html>", "ru-RU"),
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag a page with no market from any source."""
        if ctx.market is not None:
            return
        yield self.at(
            ctx,
            ctx.page.html_lang_line,
            "<html>",
            "No market could be resolved for this page (no --locale, no "
            "config mapping, no valid lang, og:locale, hreflang or locale folder); "
            "it was not language-checked.",
            needle="<html",
            selector="html",
            scope="markup",
        )
