"""Rule plural-forms."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.catalogs.model import CatalogEntry
from loccheck.catalogs.plurals import (
    CATEGORIES,
    integer_categories,
    language_categories,
)
from loccheck.checks.catalog.base import CatalogCheck, CatalogContext, bad_catalog
from loccheck.checks.catalog.base import good_catalog as good
from loccheck.checks.catalog.placeholders import placeholders
from loccheck.model import Category, Finding, Severity

_EN = (
    "locales/en.default.json",
    '{"cart": {"items": {"one": "{{ count }} item", "other": "{{ count }} items"}}}',
)
_EN_ICU = ("i18n/en.json", '{"items": "{count, plural, one {# item} other {# items}}"}')
# Rails (rails-i18n) and i18next (v21+) take a "zero" form in any language,
# for the count 0 alone; CLDR does not list it, but it is not an error there.
_ZERO_ANYWHERE = frozenset({"rails-yaml", "json"})


def _order(categories: set[str]) -> list[str]:
    return [c for c in CATEGORIES if c in categories]


class PluralForms(CatalogCheck):
    """A plural lacks forms its language needs, or has forms it never uses."""

    id = "plural-forms"
    category = Category.TRANSLATION
    severity = Severity.ERROR
    why = """Russian needs four plural forms (one, few, many, other: "1 товар",
    "2 товара", "5 товаров", "1,5 товара"); a Russian plural copied from the
    English one/other shape shows "5 товара" to most buyers. A form the
    language never uses (Japanese "one") is dead text. The categories are
    CLDR's (through Babel): the ones whole numbers fall into, plus "other";
    gettext and i18next numbered forms need the whole-number ones only
    (Russian: one, few, many). CLDR's "many" of French, Spanish, Italian and
    Portuguese (for "1 000 000 de") is allowed, not required. ICU plurals
    inside values are checked the same way; "=0"-style exact matches are
    always allowed."""
    examples = (
        bad_catalog(
            "locales/ru.json",
            '{"cart": {"items": {"one": "{{ count }} товар", '
            '"other": "{{ count }} товаров"}}}',
            _EN,
        ),
        bad_catalog(
            "i18n/ru.json",
            '{"items": "{count, plural, one {# товар} other {# товаров}}"}',
            _EN_ICU,
        ),
        bad_catalog(
            "locales/ja.json",
            '{"cart": {"items": {"one": "{{ count }} 点", "other": "{{ count }} 点"}}}',
            _EN,
        ),
        good(
            "locales/ru.json",
            '{"cart": {"items": {"one": "{{ count }} товар", "few": "{{ count }} '
            'товара", "many": "{{ count }} товаров", "other": "{{ count }} товара"}}}',
            _EN,
        ),
        good(
            "i18n/ru.json",
            '{"items": "{count, plural, =0 {нет товаров} one {# товар} few {# товара}'
            ' many {# товаров} other {# товара}}"}',
            _EN_ICU,
        ),
    )

    def check_catalog(self, ctx: CatalogContext) -> Iterator[Finding]:
        """Check each plural message's categories against its language."""
        tag = ctx.catalog.language or (ctx.market.id if ctx.market else None)
        known = language_categories(tag)
        if known is None or ctx.catalog.is_source:
            return
        whole = set(integer_categories(tag) or ())
        messages: dict[tuple[str, str], list[CatalogEntry]] = {}
        for entry in ctx.catalog.entries:
            ordinal = "ordinal" in entry.flags
            if entry.plural is not None and entry.base_key is not None and not ordinal:
                key = (entry.context or "", entry.base_key)
                messages.setdefault(key, []).append(entry)
            if "plural" in entry.value:
                yield from self._icu(ctx, entry, whole | {"other"}, known)
        for forms in messages.values():
            numbered = all(f.plural_index is not None for f in forms)
            needed = whole if numbered else whole | {"other"}
            allowed = set(known) | (
                {"zero"} if ctx.catalog.format in _ZERO_ANYWHERE else set()
            )
            present = {f.plural for f in forms if f.plural}
            finding = self._report(ctx, forms[0], needed, allowed, present)
            if finding is not None:
                yield finding

    def _icu(
        self,
        ctx: CatalogContext,
        entry: CatalogEntry,
        needed: set[str],
        known: frozenset[str],
    ) -> Iterator[Finding]:
        for plural in placeholders(entry.value).plurals:
            if plural.ordinal:
                continue
            present = {k for k in plural.keys if not k.startswith("=")}
            finding = self._report(ctx, entry, needed, set(known), present)
            if finding is not None:
                yield finding

    def _report(
        self,
        ctx: CatalogContext,
        entry: CatalogEntry,
        needed: set[str],
        allowed: set[str],
        present: set[str],
    ) -> Finding | None:
        missing, extra = _order(needed - present), _order(present - allowed)
        if not missing and not extra:
            return None
        language = ctx.catalog.language or "its language"
        parts = [f"lacks {', '.join(missing)}"] if missing else []
        parts += [f"has {', '.join(extra)}, unused in {language}"] if extra else []
        key = entry.base_key or entry.key
        return self.at_entry(
            ctx,
            entry,
            f'Plural "{key}" {" and ".join(parts)} '
            f"({language} needs {', '.join(_order(needed))}).",
            expected={"categories": _order(needed)},
            found={"categories": _order(present), "missing": missing, "extra": extra},
            suggestion="Give exactly the plural forms the language uses.",
        )
