"""Rule undecodable-bytes."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.model import Category, Finding, Severity

_REPLACEMENT = "\ufffd"


class UndecodableBytes(Check):
    """Bytes of the page cannot be read in its encoding and were replaced."""

    id = "undecodable-bytes"
    category = Category.MARKUP
    severity = Severity.ERROR
    why = """Bytes that are not valid in the page's encoding show as "�" or as
    garbage in the browser: letters of product names and prices are lost."""
    examples = (
        bad(
            '<html lang="ru"><head><meta charset="utf-8"></head>'
            "<body><p>Сумка \udcff\udcfe кожаная</p></body></html>"
        ),
        good(
            '<html lang="ru"><head><meta charset="utf-8"></head>'
            "<body><p>Сумка кожаная</p></body></html>"
        ),
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Report replaced bytes once per page, at the first one."""
        replaced = ctx.decoded.replaced
        if not replaced:
            return
        source = ctx.page.source
        at = source.find(_REPLACEMENT)
        line, column = ctx.page.line_col(at) if at >= 0 else (1, None)
        excerpt = source[max(0, at - 15) : at + 16].strip() if at >= 0 else ""
        yield self.make(
            page=ctx.page.path,
            locale=ctx.market.id if ctx.market else None,
            text=" ".join(excerpt.split()) or _REPLACEMENT,
            message=f"{replaced} byte sequence(s) are not valid "
            f"{ctx.decoded.encoding} and were replaced.",
            line=line,
            column=column,
            selector="html",
            scope="markup",
            expected={"encoding": ctx.decoded.encoding},
            found={"replaced": replaced},
        )
