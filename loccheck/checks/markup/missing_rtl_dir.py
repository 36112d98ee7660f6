"""Rule missing-rtl-dir."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.langtags import primary_language
from loccheck.model import Category, Finding, Severity

# Languages written right to left whose pages need dir="rtl" even when the
# market is not known (CLDR character order right-to-left).
_RTL_LANGUAGES = frozenset(
    {"ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"}
)


class MissingRtlDir(Check):
    """A right-to-left page does not set ``dir="rtl"``."""

    id = "missing-rtl-dir"
    category = Category.MARKUP
    severity = Severity.ERROR
    why = """Arabic, Hebrew, Persian and Urdu are written right to left; without
    `dir="rtl"` on `<html>` (or `<body>`) punctuation, numbers, prices and the
    whole layout come out mirrored wrongly."""
    examples = (
        bad('<html lang="ar"><body><p>سلة التسوق</p></body></html>', "ar-SA"),
        bad('<html lang="he" dir="ltr"><body><p>עגלת קניות</p></body></html>', "he-IL"),
        good(
            '<html lang="ar" dir="rtl"><body><p>سلة التسوق</p></body></html>', "ar-SA"
        ),
        good(
            '<html lang="he"><body dir="rtl"><p>עגלת קניות</p></body></html>', "he-IL"
        ),
        good('<html lang="ru"><body><p>Каталог</p></body></html>'),
    )
    references = ("https://www.w3.org/International/questions/qa-html-dir",)

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag an RTL-language page whose html and body are not ``dir=rtl``."""
        page = ctx.page
        if ctx.market is not None:
            rtl = ctx.market.direction == "rtl"
        else:
            rtl = primary_language((page.html_lang or "").strip()) in _RTL_LANGUAGES
        if not rtl:
            return
        for value in (page.html_dir, page.body_dir):
            if value is not None and value.strip().lower() == "rtl":
                return
        found = page.html_dir or page.body_dir
        yield self.at(
            ctx,
            page.html_lang_line,
            f'dir="{found}"' if found else "<html>",
            'The page is in a right-to-left language but does not set dir="rtl".',
            needle="<html",
            selector="html",
            scope="markup",
            expected={"dir": "rtl"},
            found={"dir": found},
            suggestion='<html dir="rtl">',
        )
