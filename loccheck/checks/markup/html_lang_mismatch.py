"""Rule html-lang-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.checks.language.common import language_name, page_verdicts
from loccheck.langtags import is_valid_bcp47, primary_language
from loccheck.markets import UnknownLocaleError, canonical_tag
from loccheck.model import Category, Confidence, Finding, Severity

_SHARE = 0.6  # of the page's judged letters
_MIN_LETTERS = 200  # below this a page says too little to judge its language
_TEXT = (
    "Доставка по всей России бесплатно при заказе от трёх тысяч рублей. "
    "Возврат в течение тридцати дней без объяснения причин."
)


class HtmlLangMismatch(Check):
    """``<html lang>`` names one language while the page's text is in another."""

    id = "html-lang-mismatch"
    category = Category.MARKUP
    severity = Severity.ERROR
    why = """Browsers, screen readers and search engines trust `lang`: a Russian
    page that says `lang="en"` is read aloud with English rules, offered for
    translation into the language it is already in, and indexed for the wrong
    audience. Judged with the language rule's machinery on the page's text."""
    examples = (
        bad(f'<html lang="en"><body><p>{_TEXT}</p><p>{_TEXT}</p></body></html>', ""),
        good(f'<html lang="ru"><body><p>{_TEXT}</p><p>{_TEXT}</p></body></html>', ""),
        good('<html lang="en"><body><p>Сумка</p></body></html>', ""),
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Judge the page's text against the language ``lang`` declares."""
        lang = (ctx.page.html_lang or "").strip()
        declared = primary_language(lang) if lang and is_valid_bcp47(lang) else None
        market_id = canonical_tag(lang) if declared else None
        if declared is None or market_id is None:
            return
        try:
            share, language, total = _foreign_share(ctx, market_id)
        except UnknownLocaleError:
            return
        if total < _MIN_LETTERS or share < _SHARE or language is None:
            return
        yield self.at(
            ctx,
            ctx.page.html_lang_line,
            lang,
            f'<html lang="{lang}"> declares {language_name(declared)}, but '
            f"{share:.0%} of the page's text is in {language_name(language)}.",
            selector="html",
            scope="markup",
            confidence=Confidence.HIGH if share >= 0.8 else Confidence.MEDIUM,
            expected={"language": language},
            found={"lang": lang, "language": declared, "share": round(share, 2)},
            suggestion=language,
        )


def _foreign_share(ctx: PageContext, market_id: str) -> tuple[float, str | None, int]:
    """Share of judged letters foreign to ``market_id``, its main language, total."""
    judged, total = page_verdicts(ctx.page, market_id, ctx.glossary)
    foreign: dict[str, int] = {}
    for _, letters, verdicts in judged:
        found = verdicts[0].found
        foreign[found] = foreign.get(found, 0) + letters
    if not foreign or not total:
        return 0.0, None, total
    language = max(sorted(foreign), key=foreign.__getitem__)
    return sum(foreign.values()) / total, language, total
