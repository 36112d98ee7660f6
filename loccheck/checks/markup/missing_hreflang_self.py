"""Rule missing-hreflang-self."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.checks.markup.examples import hreflang_page as _page
from loccheck.model import Category, Finding, Severity


class MissingHreflangSelf(Check):
    """The page lists hreflang alternates but not itself."""

    id = "missing-hreflang-self"
    category = Category.MARKUP
    severity = Severity.WARNING
    why = """Each language version must list every version including itself;
    without the self-reference search engines may ignore the whole set of
    alternates and show shoppers the wrong language version."""
    examples = (
        bad(_page(("en-GB", "en.html"), ("de-DE", "de.html"))),
        good(_page(("ru-RU", "index.html"), ("en-GB", "en.html"))),
        good(_page(("ru-RU", "./"), ("en-GB", "en.html"))),
        good('<html lang="ru"><body><p>Каталог</p></body></html>'),
        bad(
            '<html lang="ru"><head><link rel="canonical" href="index.html">'
            '<link rel="alternate" hreflang="kk" href="https://shop.example.kz/">'
            "</head><body><p>Каталог</p></body></html>"
        ),
    )
    references = (
        "https://developers.google.com/search/docs/specialty/international/localized-versions",
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag a page whose resolvable alternates never point back to it."""
        page = ctx.page
        if not page.alternates:
            return
        targets = [ctx.resolve(alt.href) for alt in page.alternates]
        canonical_is_self = bool(
            page.canonical and ctx.resolve(page.canonical).path == page.path
        )
        placeable = any(t.kind in ("page", "missing") for t in targets)
        if not placeable and not canonical_is_self:
            return  # neither the alternates nor the page's URL can be placed
        if any(t.path == page.path for t in targets):
            return
        if page.canonical and any(a.href == page.canonical for a in page.alternates):
            return
        first = page.alternates[0]
        yield self.at(
            ctx,
            first.line,
            first.hreflang,
            "The page lists hreflang alternates but none of them points to itself.",
            selector="link[hreflang]",
            scope="markup",
            expected={"href": page.path},
            found={"hreflang": [a.hreflang for a in page.alternates]},
        )
