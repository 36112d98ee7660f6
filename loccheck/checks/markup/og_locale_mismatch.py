"""Rule og-locale-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.langtags import primary_language
from loccheck.model import Category, Finding, Severity


def og_locale_tag(value: str) -> str:
    """Turn an Open Graph locale (``ru_RU``) into a BCP 47 form (``ru-RU``)."""
    return value.strip().replace("_", "-")


class OgLocaleMismatch(Check):
    """``og:locale`` names another language than the page."""

    id = "og-locale-mismatch"
    category = Category.MARKUP
    severity = Severity.WARNING
    why = """Social networks and messengers use `og:locale` to pick the language of
    link previews; a Russian page that says `en_US` is previewed and classified
    as English."""
    examples = (
        bad(
            '<html lang="ru"><head><meta property="og:locale" content="en_US">'
            "</head><body><p>Каталог</p></body></html>"
        ),
        good(
            '<html lang="ru"><head><meta property="og:locale" content="ru_RU">'
            "</head><body><p>Каталог</p></body></html>"
        ),
        good('<html lang="ru"><body><p>Каталог</p></body></html>'),
    )
    references = ("https://ogp.me/#optional",)

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Compare og:locale's language with ``lang`` (or the market)."""
        tag = ctx.page.meta("og:locale")
        if tag is None or not tag.value:
            return
        og_language = primary_language(og_locale_tag(tag.value))
        lang = ctx.page.html_lang
        reference = primary_language(lang.strip()) if lang else None
        what = f'<html lang="{lang}">'
        if reference is None and ctx.market is not None:
            reference = ctx.market.language
            what = f"the {ctx.market.id} market"
        if reference is None or og_language == reference:
            return
        expected = ctx.market.id.replace("-", "_") if ctx.market else reference
        yield self.at(
            ctx,
            tag.line,
            tag.value,
            f'og:locale "{tag.value}" disagrees with {what}.',
            selector='meta[property="og:locale"]',
            scope="markup",
            expected={"language": reference},
            found={"language": og_language, "og:locale": tag.value},
            suggestion=expected,
        )
