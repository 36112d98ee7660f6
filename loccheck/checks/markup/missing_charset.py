"""Rule missing-charset."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.model import Category, Finding, Severity


class MissingCharset(Check):
    """A page with non-ASCII text declares no character encoding."""

    id = "missing-charset"
    category = Category.MARKUP
    severity = Severity.WARNING
    why = """Without `<meta charset>` (or a byte-order mark) a browser or proxy has
    to guess the encoding, and a wrong guess shows Russian, Chinese or accented
    text as mojibake."""
    examples = (
        bad("<html lang='ru'><head></head><body><p>Каталог</p></body></html>"),
        good(
            '<html lang="ru"><head><meta charset="utf-8"></head>'
            "<body>Каталог</body></html>"
        ),
        good("<html lang='en'><body><p>Catalog</p></body></html>", "en-US"),
    )
    references = ("https://html.spec.whatwg.org/multipage/semantics.html#charset",)

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag non-ASCII pages without a charset declaration or BOM."""
        decoded = ctx.decoded
        if decoded.declared is not None or decoded.source == "bom":
            return
        if ctx.page.source.isascii():
            return
        yield self.at(
            ctx,
            1,
            "<head>",
            "The page has non-ASCII text but declares no character encoding.",
            needle="<head",
            selector="head",
            scope="markup",
            expected={"charset": "utf-8"},
            found={"charset": None, "read_as": decoded.encoding},
            suggestion='<meta charset="utf-8">',
        )
