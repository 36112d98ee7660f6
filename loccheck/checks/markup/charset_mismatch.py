"""Rule charset-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.model import Category, Finding, Severity

_DECL = (
    '<html lang="ru"><head><meta charset="{}"></head><body><p>Каталог</p></body></html>'
)


class CharsetMismatch(Check):
    """The declared character encoding is unknown or disagrees with the bytes."""

    id = "charset-mismatch"
    category = Category.MARKUP
    severity = Severity.ERROR
    why = """Browsers trust the declaration: a UTF-8 page that says windows-1251
    shows every Russian letter as two or three wrong characters, and an unknown
    label makes every browser guess differently."""
    examples = (
        bad(_DECL.format("windows-1251")),
        bad(_DECL.format("utf-9")),
        good(_DECL.format("utf-8")),
        good(_DECL.format("UTF-8")),
    )
    references = ("https://encoding.spec.whatwg.org/#names-and-labels",)

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag an unknown label or a declaration contradicted by the bytes."""
        decoded = ctx.decoded
        label = decoded.declared
        if label is None or (decoded.declared_valid and not decoded.mismatch):
            return
        if not decoded.declared_valid:
            message = (
                f'The page declares charset "{label}", which is not a known encoding.'
            )
        else:
            message = (
                f'The page declares charset "{label}" but its bytes are '
                f"{decoded.encoding}."
            )
        tag = ctx.page.meta("charset") or ctx.page.meta("content-type")
        yield self.at(
            ctx,
            tag.line if tag else 1,
            label,
            message,
            selector="meta[charset]",
            scope="markup",
            expected={"charset": decoded.encoding},
            found={"charset": label},
            suggestion=f'<meta charset="{decoded.encoding}">'
            if decoded.encoding
            else None,
        )
