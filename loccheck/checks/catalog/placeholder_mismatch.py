"""Rule placeholder-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.catalogs.model import CatalogEntry
from loccheck.checks.catalog.base import CatalogCheck, CatalogContext, bad_catalog
from loccheck.checks.catalog.base import good_catalog as good
from loccheck.checks.catalog.common import paired_values, same_text
from loccheck.checks.catalog.placeholders import placeholders
from loccheck.model import Category, Finding, Severity

_EN = (
    "locales/en.default.json",
    '{"cart": {"total": "Total: {{ amount | money }}", "items": '
    '{"one": "{{ count }} item", "other": "{{ count }} items"}}}',
)
_PO = """msgid ""
msgstr ""
"Language: de\\n"

msgid "%1$s of %2$s"
msgstr "{}"
"""


def _names(value: str) -> set[str]:
    return set(placeholders(value).names())


class PlaceholderMismatch(CatalogCheck):
    """A translation's placeholders differ from its source's."""

    id = "placeholder-mismatch"
    category = Category.TRANSLATION
    severity = Severity.ERROR
    why = """Placeholders are filled in by code. A missing one drops the price
    or the name from the sentence, a renamed one ("{{ montant }}" for
    "{{ amount }}") prints raw or breaks the template, an added one shows a
    stray variable. Read: ``{{ x }}`` and ``{{ x | filter }}``, ``%{x}``,
    ``%x%``, ``{x}``, ``{0}``, ``%s``, ``%1$s``, ``%(x)s``, ``:x``,
    ``$t(key)``, ``@:key``, ICU arguments and select keys. Plural forms are
    compared per message (a Russian "one" may drop the number its English
    "one" lacks too)."""
    examples = (
        bad_catalog(
            "locales/ru.json",
            '{"cart": {"total": "Итого: {{ montant | money }}", "items": '
            '{"one": "{{ count }} товар", "few": "{{ count }} товара", '
            '"many": "{{ count }} товаров", "other": "{{ count }} товара"}}}',
            _EN,
        ),
        bad_catalog("locale/de.po", _PO.replace("{}", "%1$s von")),
        good(
            "locales/ru.json",
            '{"cart": {"total": "Итого: {{amount|money}}", "items": '
            '{"one": "Один товар", "few": "{{ count }} товара", '
            '"many": "{{ count }} товаров", "other": "{{ count }} товара"}}}',
            _EN,
        ),
        good("locale/de.po", _PO.replace("{}", "%1$s von %2$s")),
    )

    def check_catalog(self, ctx: CatalogContext) -> Iterator[Finding]:
        """Compare the placeholders of each value (or plural message)."""
        plural_forms: dict[tuple[str, str], list[tuple[CatalogEntry, str]]] = {}
        for entry, source in paired_values(ctx):
            if not entry.value.strip() or same_text(entry.value, source):
                continue
            if entry.plural is not None and entry.base_key is not None:
                key = (entry.context or "", entry.base_key)
                plural_forms.setdefault(key, []).append((entry, source))
                continue
            finding = self._compare(ctx, entry, _names(source), _names(entry.value))
            if finding is not None:
                yield finding
        for forms in plural_forms.values():
            wanted = set().union(*(_names(s) for s in self._sources(ctx, forms)))
            got = set().union(*(_names(e.value) for e, _ in forms))
            finding = self._compare(ctx, forms[0][0], wanted, got)
            if finding is not None:
                yield finding

    @staticmethod
    def _sources(
        ctx: CatalogContext, forms: list[tuple[CatalogEntry, str]]
    ) -> list[str]:
        """Every source form of a plural message (not only the paired ones)."""
        found = [source for _, source in forms]
        entry = forms[0][0]
        for category in ("zero", "one", "two", "few", "many", "other"):
            match = ctx.group.source_index.get(
                (entry.context or "", entry.base_key or "", category)
            )
            if match is not None:
                found.append(match.value)
        return found

    def _compare(
        self, ctx: CatalogContext, entry: CatalogEntry, wanted: set[str], got: set[str]
    ) -> Finding | None:
        missing, added = sorted(wanted - got), sorted(got - wanted)
        if not missing and not added:
            return None
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing))
        if added:
            parts.append("not in the source " + ", ".join(added))
        kind = "renamed" if missing and added else "missing" if missing else "added"
        return self.at_entry(
            ctx,
            entry,
            f'"{entry.key}": placeholders {kind}: {"; ".join(parts)}.',
            expected={"placeholders": sorted(wanted)},
            found={"placeholders": sorted(got), "kind": kind},
            suggestion="Use exactly the source's placeholders.",
        )
