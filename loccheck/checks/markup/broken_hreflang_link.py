"""Rule broken-hreflang-link."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.checks.markup.examples import hreflang_page as _page
from loccheck.model import Category, Confidence, Finding, Severity


class BrokenHreflangLink(Check):
    """An hreflang alternate (or ``x-default``) points to a page the export lacks."""

    id = "broken-hreflang-link"
    category = Category.MARKUP
    severity = Severity.WARNING
    why = """An alternate that leads nowhere sends shoppers of that market to an
    error page; an `x-default` that leads nowhere leaves shoppers of every other
    market without a fallback."""
    examples = (
        bad(_page(("ru-RU", "index.html"), ("x-default", "choose-country.html"))),
        good(_page(("ru-RU", "index.html"), ("x-default", "index.html"))),
        good(_page(("ru-RU", "index.html"), ("en", "https://other.example/en/"))),
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag alternates whose own-site target is missing from the export."""
        for alt in ctx.page.alternates:
            target = ctx.resolve(alt.href)
            if target.kind != "missing":
                continue
            default = alt.hreflang.lower() == "x-default"
            yield self.at(
                ctx,
                alt.line,
                alt.href,
                f'hreflang="{alt.hreflang}" points to {alt.href}, which is not a '
                "page of this export.",
                selector=f'link[hreflang="{alt.hreflang}"]',
                scope="markup",
                confidence=Confidence.HIGH if default else Confidence.MEDIUM,
                found={"hreflang": alt.hreflang, "href": alt.href},
                expected={"target": target.path},
            )
