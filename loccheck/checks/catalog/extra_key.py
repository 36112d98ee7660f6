"""Rule extra-key."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.catalog.base import CatalogCheck, CatalogContext, bad_catalog
from loccheck.checks.catalog.base import good_catalog as good
from loccheck.checks.catalog.common import EN_SOURCE
from loccheck.model import Category, Finding, Severity


class ExtraKey(CatalogCheck):
    """A key of the translation is not in the source catalog."""

    id = "extra-key"
    category = Category.TRANSLATION
    severity = Severity.INFO
    why = """A key no source defines is never shown: a renamed or removed
    string whose translation stayed behind, or a typo in the key, which leaves
    the real key untranslated. It is dead weight translators keep paying for."""
    examples = (
        bad_catalog(
            "locales/ru.json",
            '{"cart": {"title": "Корзина", "titel": "Корзина"}}',
            EN_SOURCE,
        ),
        good("locales/ru.json", '{"cart": {"title": "Корзина"}}', EN_SOURCE),
        good(
            "locales/ru.json",
            '{"cart": {"title": "Корзина"}, "items": {"one": "{{ count }} товар", '
            '"few": "{{ count }} товара", "many": "{{ count }} товаров", '
            '"other": "{{ count }} товара"}}',
            (
                "locales/en.default.json",
                '{"cart": {"title": "Cart"}, "items": {"one": "{{ count }} item", '
                '"other": "{{ count }} items"}}',
            ),
        ),
    )

    def check_catalog(self, ctx: CatalogContext) -> Iterator[Finding]:
        """Flag each key the group's sources do not define.

        Keys that a third of the languages (and at least three) share are not
        reported one by one: a source file outside the scan defines them
        (another gem of a Rails load path, a bundle left out), and one note
        for the group says so.
        """
        if not ctx.paired or not ctx.group.sources:
            return
        known: set[tuple[str, str]] = set()
        for source in ctx.group.sources:
            for entry in source.entries:
                known.add((entry.context or "", entry.key))
                known.add((entry.context or "", entry.message_key))
        for entry in ctx.catalog.entries:
            context = entry.context or ""
            if (context, entry.key) in known or (context, entry.message_key) in known:
                continue
            if (context, entry.key) in ctx.unsourced:
                continue  # most languages have it: its source is elsewhere
            yield self.at_entry(
                ctx,
                entry,
                f'"{entry.key}" is not a key of the source catalog.',
                suggestion="Remove it, or fix the key.",
            )
