"""Rule missing-html-lang."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.model import Category, Finding, Severity


class MissingHtmlLang(Check):
    """The page does not declare its language in ``<html lang>``."""

    id = "missing-html-lang"
    category = Category.MARKUP
    severity = Severity.ERROR
    why = """Browsers, screen readers, search engines and translation prompts read
    `<html lang>` to know the page's language; without it a Russian page may be
    offered for machine translation, read aloud with English rules, or indexed for
    the wrong market."""
    examples = (
        bad("<html><head><title>Каталог</title></head><body>Каталог</body></html>"),
        bad('<html lang=""><body><p>Каталог</p></body></html>'),
        good('<html lang="ru-RU"><body><p>Каталог</p></body></html>'),
        good('<html lang="ru"><body><p>Каталог</p></body></html>'),
    )
    references = (
        "https://www.w3.org/International/questions/qa-html-language-declarations",
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag an ``<html>`` element without a non-empty ``lang``."""
        page = ctx.page
        if page.html_lang is not None and page.html_lang.strip():
            return
        suggestion = f'<html lang="{ctx.market.id}">' if ctx.market else None
        yield self.at(
            ctx,
            page.html_lang_line,
            "<html>",
            "The page does not declare its language: <html> has no lang.",
            needle="<html",
            selector="html",
            scope="markup",
            expected={"lang": ctx.market.id} if ctx.market else {},
            found={"lang": page.html_lang},
            suggestion=suggestion,
        )
