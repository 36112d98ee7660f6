"""Run the page rules that read text alone (the artefact rules) on catalog values.

Each value becomes a ``Segment`` of a stand-in page whose language is the
catalog's, with its placeholders masked (``{{ name }}`` is code, not a leaked
placeholder); a rule's ``candidate`` and ``spots`` judge it as they judge page
text. The finding keeps the rule's own id (``mojibake`` in a catalog is still
``mojibake``) and points at the value: the catalog's path, the value's line and
column, the key as selector and ``key``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from loccheck.catalogs.model import Catalog, CatalogEntry
from loccheck.checks.base import Check, PageContext
from loccheck.checks.catalog.placeholders import mask_placeholders
from loccheck.checks.translation.common import TranslationCheck
from loccheck.crawl import LinkTarget
from loccheck.decode import Decoded
from loccheck.langtags import primary_language
from loccheck.markets import Market
from loccheck.model import Finding, LocaleSource
from loccheck.page import TEXT, Page, Segment

__all__ = ["artefact_findings", "value_checks"]

_DECODED = Decoded("", "utf-8", "default", None, True, False, 0, None, False)


# Character references in a catalog value are markup the template renders
# (Rails "&lsaquo;", Shopware "&nbsp;" in snippets); markup-mismatch compares
# them with the source instead.
_NOT_FOR_VALUES = frozenset({"html-entity-leak"})
# Rules whose page ``check`` leaves whole markets alone; values are judged by
# ``candidate`` and ``spots``, which do not, so the gate is repeated here.
# Full-width marks are the writing of Chinese, Japanese and Korean: "您好！"
# and "复制出错：{ error }" are right in their catalogs.
_NOT_IN_LANGUAGES = {"cjk-punctuation": frozenset({"ja", "zh", "ko"})}
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def value_checks(checks: Iterable[type[Check]]) -> tuple[type[TranslationCheck], ...]:
    """The page checks that judge a text on its own: the translation family."""
    return tuple(
        c
        for c in checks
        if issubclass(c, TranslationCheck) and c.id not in _NOT_FOR_VALUES
    )


def _nowhere(href: str) -> LinkTarget:
    return LinkTarget("external", None)


@lru_cache(maxsize=4096)
def _masked(value: str) -> str:
    """The text of a value as a page shows it: placeholders masked, each tag
    one space (a page's text has no tags; "<b>" is not a Latin word)."""
    text = mask_placeholders(value)
    return _TAG.sub(" ", text) if "<" in text else text


def artefact_findings(
    catalog: Catalog,
    market: Market | None,
    checks: Iterable[type[TranslationCheck]],
    glossary: frozenset[str] = frozenset(),
    source_of: Callable[[CatalogEntry], str | None] | None = None,
) -> Iterator[Finding]:
    """Yield the findings of the artefact rules on every value of ``catalog``.

    ``source_of`` gives a translation's source text: an artefact its source
    shows too (a key name, a code in an installer hint) is the source's, and
    is reported there, not in every translation.
    """
    page = Page(path=catalog.path, source="", html_lang=catalog.language)
    ctx = PageContext(page, market, LocaleSource.NONE, _DECODED, _nowhere, glossary)
    locale = market.id if market else catalog.language
    language = market.language if market else None
    if language is None and catalog.language:
        language = primary_language(catalog.language)
    instances = [
        check()
        for check in checks
        if language not in _NOT_IN_LANGUAGES.get(check.id, frozenset())
    ]
    for entry in catalog.entries:
        if not entry.value.strip():
            continue
        text = _masked(entry.value)
        segment = Segment(TEXT, text, entry.line or 1, entry.key)
        for check in instances:
            if not check.candidate(text):
                continue
            for spot in check.spots(ctx, segment):
                source = source_of(entry) if source_of is not None else None
                if source is not None and spot.excerpt.strip() in source:
                    continue
                yield Finding(
                    rule=check.id,
                    category=check.category,
                    severity=check.severity,
                    confidence=spot.confidence,
                    page=catalog.path,
                    line=entry.line,
                    column=entry.column,
                    selector=entry.key,
                    scope="catalog-value",
                    text=spot.excerpt,
                    message=spot.message,
                    locale=locale,
                    expected=dict(spot.expected),
                    found=dict(spot.found),
                    suggestion=spot.suggestion,
                    key=entry.key,
                )
