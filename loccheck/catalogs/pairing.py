"""Pair catalogs: which ones hold the source strings, which translate them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import PurePosixPath
from types import MappingProxyType

from loccheck.catalogs.languages import same_tag
from loccheck.catalogs.load import DEFAULT_SOURCE_LANGUAGE
from loccheck.catalogs.model import Catalog, CatalogEntry, CatalogGroup
from loccheck.markets import canonical_tag

__all__ = ["pair_catalogs"]


def pair_catalogs(
    catalogs: Iterable[Catalog], source_locale: str | None = None
) -> tuple[CatalogGroup, ...]:
    """Group catalogs by domain and choose each group's source catalogs.

    The source language of a group is ``source_locale`` if given, else the
    one the group's files declare (XLIFF srcLang, PO X-Source-Language),
    else English. The sources are then, first match wins: the catalogs that
    match ``source_locale``; the ones that say they are sources (Shopify
    ``*.default.json``, a POT template, an XLIFF file without targets); the
    ones in the source language: the exact tag, else the same market ("en"
    finds "en-US"), else the only catalog of that language. ``en-GB`` next to
    ``en-AU`` is not a source for "en": it is a translation.

    A POT template that is alone in its domain joins the ``<lang>.po`` files
    of its folder (``po/shop.pot`` with ``po/ru.po``).

    Returns:
        The groups, sorted by domain, each with ``is_source`` set on its
        catalogs.
    """
    by_domain: dict[str, list[Catalog]] = {}
    for catalog in catalogs:
        by_domain.setdefault(catalog.domain, []).append(catalog)
    _attach_templates(by_domain)
    groups = []
    for domain in sorted(by_domain):
        members = sorted(by_domain[domain], key=lambda catalog: catalog.path)
        groups.append(_group(domain, members, source_locale))
    return tuple(groups)


def _attach_templates(by_domain: dict[str, list[Catalog]]) -> None:
    """Move a lone template to the translations of its folder.

    ``po/shop.pot`` joins ``po/ru.po``; Angular's ``locale/messages.xlf``
    (no target) joins ``locale/messages.ru.xlf``.
    """
    for domain in list(by_domain):
        members = by_domain[domain]
        if len(members) != 1 or not members[0].declares_source:
            continue
        path = PurePosixPath(members[0].path)
        templates = [f"{path.stem}.{{lang}}{path.suffix}"]
        if path.suffix == ".pot":
            templates = [f"{path.stem}.{{lang}}.po", "{lang}.po"]
        for template in templates:
            target = f"path:{path.parent / template}"
            if target != domain and target in by_domain:
                if not any(c.declares_source for c in by_domain[target]):
                    by_domain[target].extend(by_domain.pop(domain))
                break


def _group(
    domain: str, members: list[Catalog], source_locale: str | None
) -> CatalogGroup:
    language = source_locale or _declared_source(members) or DEFAULT_SOURCE_LANGUAGE
    if source_locale:
        sources = _in_language(members, source_locale)
    else:
        sources = [c for c in members if c.declares_source]
        sources = sources or _in_language(members, language)
    chosen = {id(catalog) for catalog in sources}
    updated = [_with_role(c, id(c) in chosen, source_locale) for c in members]
    source_catalogs = tuple(c for c in updated if c.is_source)
    return CatalogGroup(
        domain=domain,
        source_language=language,
        sources=source_catalogs,
        targets=tuple(c for c in updated if not c.is_source),
        source_index=MappingProxyType(_index(source_catalogs)),
    )


def _declared_source(members: list[Catalog]) -> str | None:
    declared = Counter(c.source_language for c in members if c.source_language)
    return declared.most_common(1)[0][0] if declared else None


def _in_language(members: list[Catalog], language: str) -> list[Catalog]:
    exact = [c for c in members if same_tag(c.language, language)]
    if exact:
        return exact
    market = canonical_tag(language)
    same_market = [
        c for c in members if c.language and canonical_tag(c.language) == market
    ]
    if same_market:
        return same_market
    primary = language.split("-")[0].casefold()
    same = [
        c
        for c in members
        if c.language and c.language.split("-")[0].casefold() == primary
    ]
    return same if len(same) == 1 else []


def _with_role(catalog: Catalog, is_source: bool, source_locale: str | None) -> Catalog:
    if is_source and catalog.language is None and source_locale:
        return replace(
            catalog, is_source=True, language=source_locale, language_source="option"
        )
    if catalog.is_source == is_source:
        return catalog
    return replace(catalog, is_source=is_source)


def _index(sources: tuple[Catalog, ...]) -> dict[tuple[str, str, str], CatalogEntry]:
    index: dict[tuple[str, str, str], CatalogEntry] = {}
    for catalog in sources:
        for entry in catalog.entries:
            context, plural = entry.context or "", entry.plural or ""
            index.setdefault((context, entry.key, plural), entry)
            if entry.base_key is not None:
                index.setdefault((context, entry.base_key, plural), entry)
    return index
