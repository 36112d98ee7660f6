"""Rule wrong-language-value."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.catalog.base import CatalogCheck, CatalogContext, bad_catalog
from loccheck.checks.catalog.base import good_catalog as good
from loccheck.checks.catalog.common import EN_SOURCE, plain_text, same_text
from loccheck.checks.language.common import language_name
from loccheck.model import Category, Confidence, Finding, Severity
from loccheck.nlp.judge import judge_segment


class WrongLanguageValue(CatalogCheck):
    """A translated value is not in the catalog's language."""

    id = "wrong-language-value"
    category = Category.LANGUAGE
    severity = Severity.WARNING
    why = """A German sentence in the Dutch catalog, Chinese in the Japanese
    one, English words left in a Russian value: the buyer reads a language the
    catalog was not written for. Each value is judged as page text is (script,
    interface-word lexicons, a restricted detector; brands, codes and
    placeholders masked) against the catalog's language. Values equal to their
    source are left to ``untranslated-value``."""
    examples = (
        bad_catalog(
            "locales/ru.json", '{"cart": {"title": "Ihr Warenkorb ist leer"}}', EN_SOURCE
        ),
        bad_catalog("locales/ru.json", '{"cart": {"title": "购物车"}}', EN_SOURCE),
        good("locales/ru.json", '{"cart": {"title": "Корзина"}}', EN_SOURCE),
        good("locales/ru.json", '{"cart": {"title": "Корзина Nike"}}', EN_SOURCE),
        good("locales/de.json", '{"cart": {"title": "Warenkorb"}}', EN_SOURCE),
    )

    def check_catalog(self, ctx: CatalogContext) -> Iterator[Finding]:
        """Judge each value against the catalog's language."""
        market = ctx.market
        if market is None or ctx.catalog.is_source:
            return
        store = frozenset({ctx.source_language or "en"}) - {market.language}
        differ = ctx.language != ctx.source_language
        for entry in ctx.catalog.entries:
            if not entry.value.strip():
                continue
            source = ctx.source_of(entry) if ctx.paired else None
            if differ and source is not None and same_text(entry.value, source):
                continue  # untranslated-value reports it
            text = plain_text(entry.value)
            _, verdicts = judge_segment(text, market.id, ctx.glossary, store)
            for verdict in verdicts:
                if verdict.confidence == Confidence.LOW.value:
                    continue
                yield self.at_entry(
                    ctx,
                    entry,
                    f'"{verdict.excerpt}" is in {language_name(verdict.found)}, '
                    f"not {language_name(market.language)}.",
                    text=verdict.excerpt,
                    confidence=Confidence(verdict.confidence),
                    expected={"language": market.language},
                    found={
                        "language": verdict.found,
                        "reason": verdict.reason,
                        "confidence": round(verdict.score, 2),
                    },
                    suggestion=f"Translate into {language_name(market.language)}.",
                )
