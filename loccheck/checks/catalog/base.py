"""What a catalog check is: a rule judged on one target catalog and its source."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any

from loccheck.catalogs.model import Catalog, CatalogEntry, CatalogGroup
from loccheck.checks.base import Rule
from loccheck.langtags import primary_language
from loccheck.markets import Market
from loccheck.model import Confidence, Example, Finding

__all__ = [
    "CatalogCheck",
    "CatalogContext",
    "bad_catalog",
    "good_catalog",
]


@dataclass(frozen=True)
class CatalogContext:
    """Everything a catalog check may read about one catalog.

    ``catalog`` is the catalog checked; ``group`` holds its source catalogs
    (``group.source_for(entry)`` pairs a value with its source) and
    ``siblings`` the other catalogs of the same language in the group
    (Symfony bundles and Rails load paths split one language over several
    files, so a key is missing only when none of them has it). ``market`` is
    the market its values are judged for: ``--locale``, the config's path
    globs, else the catalog's language.
    """

    catalog: Catalog
    group: CatalogGroup
    market: Market | None
    siblings: tuple[Catalog, ...] = ()
    glossary: frozenset[str] = frozenset()
    # Keys that many languages of the group leave as their source ("Google
    # Analytics", "Permalink"): international terms, see ``shared_keys``.
    shared: frozenset[str] = frozenset()
    # (context, key) of keys no source defines but many languages have: their
    # source file is not in the scan, see ``catalog_scan.unsourced_keys``.
    unsourced: frozenset[tuple[str, str]] = frozenset()
    # (context, key) of the messages a regional catalog ("de-CH", "en-GB")
    # falls back to from its language's catalog or the source, see
    # ``catalog_scan.fallback_keys``.
    fallback: frozenset[tuple[str, str]] = frozenset()

    @property
    def language(self) -> str | None:
        """The primary language of the catalog ("ru" for "ru-RU")."""
        if self.catalog.language:
            return primary_language(self.catalog.language)
        return self.market.language if self.market else None

    @property
    def source_language(self) -> str | None:
        """The primary language of the group's source texts."""
        tag = self.catalog.source_language or self.group.source_language
        return primary_language(tag) if tag else None

    @property
    def paired(self) -> bool:
        """True if the catalog's values have source texts to compare with."""
        return self.group.is_paired(self.catalog) and not self.catalog.is_source

    def source_of(self, entry: CatalogEntry) -> str | None:
        """The source text of a value: inline (PO, XLIFF, CSV), else paired."""
        if entry.source is not None and self.catalog.has_inline_source:
            return entry.source
        found = self.group.source_for(entry)
        return found.value if found is not None else None

    @cached_property
    def pairs(self) -> tuple[tuple[CatalogEntry, str], ...]:
        """Each value with its source text, where it has one (computed once:
        several rules walk them)."""
        if not self.paired:
            return ()
        found = []
        for entry in self.catalog.entries:
            source = self.source_of(entry)
            if source is not None:
                found.append((entry, source))
        return tuple(found)

    def own_sources(self) -> tuple[Catalog, ...]:
        """The source catalogs nearest to this one (same folder first).

        A Symfony domain's sources sit in several bundles; a missing key is
        reported in the target beside the source that defines it.
        """
        if not self.group.sources:
            return ()
        here = PurePosixPath(self.catalog.path).parent.parts

        def shared(source: Catalog) -> int:
            there = PurePosixPath(source.path).parent.parts
            count = 0
            for a, b in zip(here, there, strict=False):
                if a != b:
                    break
                count += 1
            return count

        best = max(shared(source) for source in self.group.sources)
        return tuple(s for s in self.group.sources if shared(s) == best)


class CatalogCheck(Rule):
    """A rule judged on one catalog at a time (with its group's sources)."""

    def check_catalog(self, ctx: CatalogContext) -> Iterator[Finding]:
        """Yield the findings of this rule in one catalog."""
        raise NotImplementedError

    def at_entry(
        self,
        ctx: CatalogContext,
        entry: CatalogEntry,
        message: str,
        text: str | None = None,
        **kwargs: Any,
    ) -> Finding:
        """Build a finding at a value of the catalog (``text`` defaults to it)."""
        return self.at_key(
            ctx,
            entry.key,
            message,
            entry.value if text is None else text,
            entry.line,
            entry.column,
            scope="catalog-value",
            **kwargs,
        )

    def at_key(
        self,
        ctx: CatalogContext,
        key: str,
        message: str,
        text: str,
        line: int | None,
        column: int | None,
        *,
        scope: str,
        confidence: Confidence = Confidence.HIGH,
        expected: Mapping[str, Any] | None = None,
        found: Mapping[str, Any] | None = None,
        suggestion: str | None = None,
    ) -> Finding:
        """Build a finding at a key of the catalog (``make`` with the key set)."""
        return self.make(
            page=ctx.catalog.path,
            locale=ctx.market.id if ctx.market else ctx.catalog.language,
            text=text,
            message=message,
            line=line,
            column=column,
            selector=key,
            scope=scope,
            confidence=confidence,
            expected=expected,
            found=found,
            suggestion=suggestion,
            key=key,
        )


def bad_catalog(
    path: str, text: str, *others: tuple[str, str], market: str = ""
) -> Example:
    """An example catalog (``path`` holding ``text``, beside ``others``) that
    must raise the rule; ``market`` "" lets the catalog's language decide."""
    return Example(html=text, market=market, bad=True, path=path, files=others)


def good_catalog(
    path: str, text: str, *others: tuple[str, str], market: str = ""
) -> Example:
    """An example catalog that must not raise the rule."""
    return Example(html=text, market=market, bad=False, path=path, files=others)
