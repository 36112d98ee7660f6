"""Rule duplicate-hreflang."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.checks.markup.examples import hreflang_page as _page
from loccheck.model import Category, Finding, Severity


class DuplicateHreflang(Check):
    """The same hreflang value is declared more than once on a page."""

    id = "duplicate-hreflang"
    category = Category.MARKUP
    severity = Severity.ERROR
    why = """When one language or region is given two alternates, search engines
    cannot tell which to show and may drop both."""
    examples = (
        bad(_page(("ru-RU", "index.html"), ("ru-ru", "ru/index.html"))),
        bad(_page(("de", "de.html"), ("ru", "index.html"), ("de", "de.html"))),
        good(_page(("ru-RU", "index.html"), ("ru-KZ", "kz/index.html"))),
    )
    references = (
        "https://developers.google.com/search/docs/specialty/international/localized-versions",
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag the second and later alternates of the same hreflang."""
        seen: dict[str, str] = {}
        for alt in ctx.page.alternates:
            key = alt.hreflang.strip().lower()
            if key not in seen:
                seen[key] = alt.href
                continue
            same = "the same URL" if seen[key] == alt.href else f'"{seen[key]}"'
            yield self.at(
                ctx,
                alt.line,
                alt.hreflang,
                f'hreflang="{alt.hreflang}" is declared again (first for {same}).',
                selector=f'link[hreflang="{alt.hreflang}"]',
                scope="markup",
                found={"hreflang": alt.hreflang, "href": alt.href},
                expected={"href": seen[key]},
            )
