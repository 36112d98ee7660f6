"""Rule untranslated-value."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from loccheck.checks.catalog.base import CatalogCheck, CatalogContext, bad_catalog
from loccheck.checks.catalog.base import good_catalog as good
from loccheck.checks.catalog.common import paired_values, plain_text, same_text
from loccheck.markets import Market
from loccheck.model import Category, Confidence, Finding, Severity
from loccheck.nlp import lexicon
from loccheck.nlp.endonyms import endonyms
from loccheck.nlp.mask import words
from loccheck.nlp.scripts import admitted, token_scripts

_EN = (
    "locales/en.default.json",
    '{"cart": {"title": "Your cart", "ok": "OK", "email": "E-mail", '
    '"sku": "SKU: {{ sku }}", "brand": "PayPal"}}',
)


@lru_cache(maxsize=64)
def _protected(market: Market | None, glossary: frozenset[str]) -> frozenset[str]:
    """Terms that are the same in every language: brands, the market's own
    allowed terms, language names, the user's glossary."""
    allowed = frozenset(market.allow_terms) if market else frozenset()
    return glossary | allowed | lexicon.brands() | endonyms()


class UntranslatedValue(CatalogCheck):
    """A translation is identical to its source text in another language."""

    id = "untranslated-value"
    category = Category.TRANSLATION
    severity = Severity.WARNING
    why = """A value copied from the source ("Your cart" in the Russian
    catalog) reaches the buyer in the source language. Values that are rightly
    the same are left alone: brand and model names, codes, acronyms, numbers,
    values made only of placeholders, words the target language writes the
    same way in shop interfaces ("OK", "E-mail", "Total" in French), values
    that a third of the catalog's other languages also keep as they are
    ("Google Analytics", "Permalink"), and, in languages written in the
    source's script, single words that are not the source language's
    interface words."""
    examples = (
        bad_catalog(
            "locales/ru.json",
            '{"cart": {"title": "Your cart", "ok": "OK", "email": "E-mail", '
            '"sku": "SKU: {{ sku }}", "brand": "PayPal"}}',
            _EN,
        ),
        bad_catalog(
            "translations/messages.de.yaml",
            "cart:\n  title: Your shopping cart\n",
            ("translations/messages.en.yaml", "cart:\n  title: Your shopping cart\n"),
        ),
        good(
            "locales/ru.json",
            '{"cart": {"title": "Корзина", "ok": "OK", "email": "E-mail", '
            '"sku": "SKU: {{ sku }}", "brand": "PayPal"}}',
            _EN,
        ),
        good(
            "locales/en-GB.json",
            '{"cart": {"title": "Your cart", "ok": "OK", "email": "E-mail", '
            '"sku": "SKU: {{ sku }}", "brand": "PayPal"}}',
            _EN,
        ),
    )

    def check_catalog(self, ctx: CatalogContext) -> Iterator[Finding]:
        """Flag each value equal to its source when the languages differ."""
        language, source_language = ctx.language, ctx.source_language
        if language is None or source_language is None or language == source_language:
            return
        for entry, source in paired_values(ctx):
            if not entry.value.strip() or not same_text(entry.value, source):
                continue
            if entry.key in ctx.shared:
                continue  # most languages keep it: an international term
            confidence = self._confidence(entry.value, ctx, language)
            if confidence is None:
                continue
            yield self.at_entry(
                ctx,
                entry,
                f'"{entry.key}" is the same as its source: not translated.',
                confidence=confidence,
                found={"source": source},
                suggestion="Translate the value.",
            )

    def _confidence(
        self, value: str, ctx: CatalogContext, language: str
    ) -> Confidence | None:
        """How sure "untranslated" is; None when the value is rightly the same."""
        source = ctx.source_language
        text = plain_text(value)
        tokens = words(text, _protected(ctx.market, ctx.glossary))
        if not tokens:
            return None  # numbers, codes, brands, acronyms, placeholders
        if all(language in lexicon.owners(token) for token in tokens):
            return None  # "Total", "Newsletter": the target's own UI words
        if len(tokens) == 1 and len(lexicon.owners(tokens[0]) - {source}) >= 2:
            return None  # "E-mail", "Email": interface words of many languages
        market = ctx.market
        if market is None:
            return Confidence.MEDIUM if len(tokens) == 1 else Confidence.HIGH
        own = admitted(market.scripts)
        if any(not (token_scripts(token) & own) for token in tokens):
            return Confidence.HIGH  # Latin "Your cart" in a Cyrillic catalog
        if len(tokens) > 1:
            return Confidence.HIGH
        # One word in the target's own script: a loanword or cognate ("Logo",
        # "Status", "Newsletter" in German) unless it is one of the source
        # language's interface words and not the target's.
        owners = lexicon.owners(tokens[0])
        if source in owners and language not in owners:
            return Confidence.MEDIUM
        return None
