"""Rule missing-translation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from loccheck.checks.catalog.base import CatalogCheck, CatalogContext, bad_catalog
from loccheck.checks.catalog.base import good_catalog as good
from loccheck.model import Category, Confidence, Finding, Severity

_EN = (
    "locales/en.default.json",
    '{"cart": {"title": "Your cart", "checkout": "Check out"}}',
)


class MissingTranslation(CatalogCheck):
    """A key of the source catalog is absent from the translation."""

    id = "missing-translation"
    category = Category.TRANSLATION
    severity = Severity.WARNING
    why = """A key the source has and the translation lacks is shown in the
    fallback language (or as the raw key) to every buyer of that market: an
    English "Check out" button in the middle of a Russian checkout. A language
    split over several files (Symfony bundles, Rails load paths) counts as one:
    the key is missing only when none of its files has it."""
    examples = (
        bad_catalog("locales/ru.json", '{"cart": {"title": "Корзина"}}', _EN),
        bad_catalog(
            "config/locales/ru.yml",
            "ru:\n  cart:\n    title: Корзина\n",
            (
                "config/locales/en.yml",
                "en:\n  cart:\n    title: Cart\n    empty: Empty\n",
            ),
        ),
        good(
            "locales/ru.json",
            '{"cart": {"title": "Корзина", "checkout": "Оформить заказ"}}',
            _EN,
        ),
    )

    def check_catalog(self, ctx: CatalogContext) -> Iterator[Finding]:
        """Flag each source key that no catalog of this language has."""
        if not ctx.paired or not ctx.group.sources:
            return
        present: set[tuple[str, str]] = set()
        for catalog in (ctx.catalog, *ctx.siblings):
            for entry in catalog.entries:
                present.add((entry.context or "", entry.key))
                present.add((entry.context or "", entry.message_key))
        reported: set[tuple[str, str]] = set()
        for source in ctx.own_sources():
            for entry in source.entries:
                key = (entry.context or "", entry.message_key)
                if key in present or key in reported or not entry.value.strip():
                    continue
                reported.add(key)
                finding = self.make(
                    page=ctx.catalog.path,
                    locale=ctx.market.id if ctx.market else ctx.catalog.language,
                    text=entry.value,
                    message=f'"{entry.message_key}" of {source.path} has no '
                    f"translation in this catalog.",
                    line=None,
                    column=None,
                    selector=entry.message_key,
                    scope="catalog-key",
                    confidence=Confidence.HIGH,
                    found={"source": source.path, "source_line": entry.line},
                    suggestion="Translate the key.",
                )
                yield replace(finding, key=entry.message_key)
