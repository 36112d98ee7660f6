"""Rule foreign-script."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.language.common import LanguageCheck, judged_segments
from loccheck.model import Category, Finding, Severity

_PAGE = '<html lang="{}"><head><meta charset="utf-8"></head><body>{}</body></html>'


class ForeignScript(LanguageCheck):
    """Letters of a script the market does not write (Han on a Russian page)."""

    id = "foreign-script"
    category = Category.LANGUAGE
    severity = Severity.ERROR
    why = """A Chinese seller-centre link on a Russian page, Cyrillic on a German
    one: letters the buyer cannot even read are the plainest sign of a store
    built for another market. The Unicode script of a letter is certain, so
    this rule needs no statistics. Latin letters on non-Latin pages are left
    to the language rule, because brand and model names are written in them."""
    examples = (
        bad(_PAGE.format("ru", '<a href="/seller">卖家中心</a>')),
        bad(_PAGE.format("de", "<p>Доставка по всей Германии</p>"), "de-DE"),
        bad(_PAGE.format("zh-CN", "<p>カートに入れる</p>"), "zh-CN"),
        good(_PAGE.format("ru", "<p>Кроссовки Nike Air Max 90</p>")),
        good(_PAGE.format("ja", "<p>注文履歴</p><p>カートに入れる</p>"), "ja-JP"),
        good(_PAGE.format("kk", "<p>Жеткізу / Доставка</p>"), "kk-KZ"),
        good(_PAGE.format("de", "<p>Lieferzeit 2 µm Toleranz ±0,5 Ω</p>"), "de-DE"),
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag each text with letters of a foreign script."""
        judged, total = judged_segments(ctx, self.id)
        yield from self.report(ctx, judged, total)
