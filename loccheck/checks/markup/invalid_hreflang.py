"""Rule invalid-hreflang."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.checks.markup.examples import hreflang_page
from loccheck.langtags import is_valid_bcp47
from loccheck.markets import canonical_tag
from loccheck.model import Category, Finding, Severity

_page = hreflang_page


class InvalidHreflang(Check):
    """An hreflang value is not a valid language tag or ``x-default``."""

    id = "invalid-hreflang"
    category = Category.MARKUP
    severity = Severity.ERROR
    why = """Search engines ignore an alternate whose hreflang they cannot read
    ("ru_RU", "en-UK", "russian"), so shoppers of that market are sent to
    another language version."""
    examples = (
        bad(_page(("ru_RU", "index.html"))),
        bad(_page(("ru-RU", "index.html"), ("en-UK", "en/index.html"))),
        good(_page(("ru-RU", "index.html"), ("x-default", "index.html"))),
        good(_page(("ru", "index.html"), ("zh-Hant", "tw/index.html"))),
    )
    references = (
        "https://developers.google.com/search/docs/specialty/international/localized-versions",
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag each alternate whose hreflang is not valid."""
        for alt in ctx.page.alternates:
            code = alt.hreflang
            if code.lower() == "x-default" or is_valid_bcp47(code):
                continue
            fixed = canonical_tag(code)
            yield self.at(
                ctx,
                alt.line,
                code,
                f'hreflang="{code}" is not a valid language tag.',
                selector=f'link[hreflang="{code}"]',
                scope="markup",
                found={"hreflang": code},
                expected={"hreflang": fixed} if fixed else {},
                suggestion=fixed,
            )
