"""Rule empty-translation."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.catalog.base import CatalogCheck, CatalogContext, bad_catalog
from loccheck.checks.catalog.base import good_catalog as good
from loccheck.checks.catalog.common import EN_SOURCE, paired_values
from loccheck.model import Category, Finding, Severity

_PO = """msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Your cart"
msgstr "{}"
"""


class EmptyTranslation(CatalogCheck):
    """A translation is empty while its source text is not."""

    id = "empty-translation"
    category = Category.TRANSLATION
    severity = Severity.WARNING
    why = """An empty value shows nothing (a blank button, a missing label) or,
    in gettext, falls back to the source language. Either way the buyer meets
    a hole in the interface."""
    examples = (
        bad_catalog("locales/ru.json", '{"cart": {"title": ""}}', EN_SOURCE),
        bad_catalog("locale/ru.po", _PO.replace("{}", "")),
        good("locales/ru.json", '{"cart": {"title": "Корзина"}}', EN_SOURCE),
        good("locale/ru.po", _PO.replace("{}", "Корзина")),
    )

    def check_catalog(self, ctx: CatalogContext) -> Iterator[Finding]:
        """Flag each empty value whose source has text."""
        for entry, source in paired_values(ctx):
            if not entry.value.strip() and source.strip():
                yield self.at_entry(
                    ctx,
                    entry,
                    f'"{entry.key}" is empty; the source says "{source[:80]}".',
                    found={"source": source},
                    suggestion="Translate the value.",
                )
