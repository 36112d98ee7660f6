"""Rule invalid-html-lang."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.langtags import is_valid_bcp47
from loccheck.markets import canonical_tag
from loccheck.model import Category, Finding, Severity


class InvalidHtmlLang(Check):
    """``<html lang>`` is not a valid BCP 47 language tag."""

    id = "invalid-html-lang"
    category = Category.MARKUP
    severity = Severity.ERROR
    why = """Only valid BCP 47 tags are understood: "ru_RU" (underscore), "russian"
    or "en-UK" (UK is not a region code) are ignored by browsers and search
    engines, so the page behaves as if it declared no language at all."""
    examples = (
        bad('<html lang="ru_RU"><body><p>Каталог</p></body></html>'),
        bad('<html lang="russian"><body><p>Каталог</p></body></html>'),
        good('<html lang="ru-RU"><body><p>Каталог</p></body></html>'),
        good('<html lang="zh-Hant-TW"><body><p>商品</p></body></html>', "zh-TW"),
    )
    references = ("https://www.rfc-editor.org/info/bcp47",)

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag a non-empty ``lang`` that is not a valid tag."""
        lang = (ctx.page.html_lang or "").strip()
        if not lang or is_valid_bcp47(lang):
            return
        fixed = canonical_tag(lang)
        yield self.at(
            ctx,
            ctx.page.html_lang_line,
            lang,
            f'<html lang="{lang}"> is not a valid BCP 47 language tag.',
            selector="html",
            scope="markup",
            found={"lang": lang},
            expected={"lang": fixed or (ctx.market.id if ctx.market else None)},
            suggestion=fixed,
        )
