"""Rule invalid-jsonld."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.model import Category, Finding, Severity

_LD = (
    '<html lang="ru"><head><script type="application/ld+json">{}</script>'
    "</head><body>Каталог</body></html>"
)


class InvalidJsonld(Check):
    """A JSON-LD block is not valid JSON."""

    id = "invalid-jsonld"
    category = Category.MARKUP
    severity = Severity.WARNING
    why = """Search engines drop structured data they cannot parse: the product's
    price, currency and availability disappear from search results, and
    loccheck cannot compare them with the visible page either."""
    examples = (
        bad(_LD.format('{"@type": "Product", "name": "Сумка",}')),
        good(_LD.format('{"@type": "Product", "name": "Сумка"}')),
    )
    references = ("https://json-ld.org/spec/latest/json-ld/",)

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag each JSON-LD block that does not parse."""
        for line, error in ctx.page.jsonld_errors:
            excerpt = ctx.page.source_line(line).strip()[:80]
            yield self.at(
                ctx,
                line,
                excerpt,
                f"A JSON-LD block is not valid JSON: {error}.",
                selector="script[type=application/ld+json]",
                scope="jsonld",
                found={"error": error},
            )
