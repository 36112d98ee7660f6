"""Rule html-lang-market-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.langtags import is_valid_bcp47, primary_language
from loccheck.model import Category, Finding, LocaleSource, Severity

# Sources that decide the market independently of <html lang>; when lang itself
# decided, the two cannot disagree.
_INDEPENDENT = frozenset(
    {LocaleSource.CLI, LocaleSource.CONFIG, LocaleSource.PATH, LocaleSource.HREFLANG}
)


class HtmlLangMarketMismatch(Check):
    """``<html lang>`` names another language than the page's market."""

    id = "html-lang-market-mismatch"
    category = Category.MARKUP
    severity = Severity.ERROR
    why = """A page of the Russian store that says `lang="en"` is announced as
    English: search engines list it for the wrong audience and browsers offer to
    translate it into the language it is already written in."""
    examples = (
        bad('<html lang="en"><body><p>Каталог</p></body></html>'),
        bad('<html lang="de-DE"><body><p>Корзина</p></body></html>'),
        good('<html lang="ru"><body><p>Каталог</p></body></html>'),
        good('<html lang="ru-RU"><body><p>Каталог</p></body></html>'),
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Compare the language of ``lang`` with the market's languages."""
        market = ctx.market
        lang = (ctx.page.html_lang or "").strip()
        if market is None or ctx.locale_source not in _INDEPENDENT:
            return
        if not lang or not is_valid_bcp47(lang):
            return
        language = primary_language(lang)
        if language is None or language == market.language:
            return
        if language in market.secondary_languages:
            return
        yield self.at(
            ctx,
            ctx.page.html_lang_line,
            lang,
            f'<html lang="{lang}"> declares {language}, but the page belongs to the '
            f"{market.id} market ({market.language}).",
            selector="html",
            scope="markup",
            expected={"language": market.language, "market": market.id},
            found={"language": language, "lang": lang},
            suggestion=market.id,
        )
