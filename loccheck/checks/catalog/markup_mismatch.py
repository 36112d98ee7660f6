"""Rule markup-mismatch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from loccheck.checks.catalog.base import CatalogCheck, CatalogContext, bad_catalog
from loccheck.checks.catalog.base import good_catalog as good
from loccheck.checks.catalog.common import (
    VOID_TAGS as _VOID,
)
from loccheck.checks.catalog.common import (
    entities,
    paired_values,
    same_text,
    tags,
)
from loccheck.model import Category, Confidence, Finding, Severity

_EN = (
    "locales/en.default.json",
    '{"terms": {"accept_html": "I accept the <a href=\\"/terms\\">terms</a>'
    ' &amp; <b>conditions</b>"}}',
)


class MarkupMismatch(CatalogCheck):
    """A translation's HTML tags or character references differ from its source's."""

    id = "markup-mismatch"
    category = Category.TRANSLATION
    severity = Severity.WARNING
    why = """A tag lost or left unclosed in a translation breaks the page
    around it (a link that swallows the rest of the paragraph, bold text that
    never ends); an entity dropped or added shows up as "&amp;amp;" or a bare
    "&". Tags are compared by name and count; a character reference matches
    the same character written plainly, and spacing entities ("&nbsp;" before
    French "?") are a matter of typography and left alone. Unbalanced tags in
    the translation are reported with high confidence; an element dropped or
    added whole (a subtitle left out) with medium."""
    examples = (
        bad_catalog(
            "locales/fr.json",
            '{"terms": {"accept_html": "J\'accepte les <a href=\\"/terms\\">'
            'conditions &amp; <b>modalités</a>"}}',
            _EN,
        ),
        good(
            "locales/fr.json",
            '{"terms": {"accept_html": "J\'accepte les <a href=\\"/fr/terms\\">'
            'conditions</a> &amp;&nbsp;<b>modalités</b>"}}',
            _EN,
        ),
    )

    def check_catalog(self, ctx: CatalogContext) -> Iterator[Finding]:
        """Compare the tags and entities of each value with its source."""
        for entry, source in paired_values(ctx):
            value = entry.value
            if not value.strip() or same_text(value, source):
                continue
            if "<" not in value + source and "&" not in value + source:
                continue
            wanted, got = tags(source), tags(value)
            missing = sorted((wanted - got).elements())
            added = sorted((got - wanted).elements())
            source_refs, value_refs = entities(source), entities(value)
            missing += sorted(
                ref
                for char, ref in source_refs.items()
                if char not in value and char not in value_refs
            )
            added += sorted(
                ref
                for char, ref in value_refs.items()
                if char not in source and char not in source_refs
            )
            if not missing and not added:
                continue
            parts = [f"missing {_show(missing)}"] if missing else []
            parts += [f"not in the source {_show(added)}"] if added else []
            yield self.at_entry(
                ctx,
                entry,
                f'"{entry.key}": markup differs from the source: {"; ".join(parts)}.',
                confidence=Confidence.HIGH if _unbalanced(got) else Confidence.MEDIUM,
                expected={"markup": sorted(set(wanted) | set(source_refs.values()))},
                found={"missing": missing, "added": added},
                suggestion="Keep the source's tags and character references.",
            )


def _unbalanced(found: Counter[str]) -> bool:
    """True if some tag is opened and closed a different number of times."""
    return any(
        found[name] != found["/" + name]
        for name in found
        if not name.startswith("/") and name not in _VOID
    ) or any(found[name[1:]] == 0 for name in found if name.startswith("/"))


def _show(items: list[str]) -> str:
    return ", ".join(f"<{i}>" if not i.startswith("&") else i for i in items)
