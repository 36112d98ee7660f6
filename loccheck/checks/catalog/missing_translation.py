"""Rule missing-translation."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from loccheck.checks.catalog.base import CatalogCheck, CatalogContext, bad_catalog
from loccheck.checks.catalog.base import good_catalog as good
from loccheck.checks.catalog.common import plain_text
from loccheck.model import Category, Finding, Severity

_EN = (
    "locales/en.default.json",
    '{"cart": {"title": "Your cart", "checkout": "Check out"}}',
)


@lru_cache(maxsize=16384)
def _has_words(value: str) -> bool:
    """True if a source value has letters outside placeholders and tags."""
    return any(map(str.isalpha, plain_text(value)))


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
        """Flag each source key that no catalog of this language has.

        A regional catalog ("de-CH", "en-GB") lacks only what its language's
        catalog ("de") or, for the source's language, the source lacks too:
        frameworks fall back to those. Source values with nothing to
        translate (only placeholders, punctuation or digits) are left out.
        """
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
                if key in ctx.fallback:
                    continue  # "de-CH" shows the "de" text: the right language
                if not _has_words(entry.value):
                    continue  # "%label% | %altLabel%", ",": nothing to translate
                reported.add(key)
                yield self.at_key(
                    ctx,
                    entry.message_key,
                    f'"{entry.message_key}" of {source.path} has no '
                    f"translation in this catalog.",
                    entry.value,
                    None,
                    None,
                    scope="catalog-key",
                    found={"source": source.path, "source_line": entry.line},
                    suggestion="Translate the key.",
                )
