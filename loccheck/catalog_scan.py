"""Check the translation catalogs of a scanned folder: load, pair, check, merge.

A unit of work is one language of one catalog group (its catalogs and the
group's sources), or the group's source catalogs themselves (artefact rules
only); ``check_unit`` is a pure function of the unit and the options, so
units run in worker processes like pages do.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from loccheck.catalogs import (
    Catalog,
    CatalogGroup,
    CatalogSet,
    discover_catalogs,
    load_catalogs,
)
from loccheck.catalogs.discover import CATALOG_SUFFIXES
from loccheck.catalogs.pairing import _index as index_sources
from loccheck.checks.catalog.artefacts import artefact_findings, value_checks
from loccheck.checks.catalog.base import CatalogContext
from loccheck.checks.catalog.common import plain_text, same_text
from loccheck.crawl import is_excluded
from loccheck.glossary import terms_for
from loccheck.langtags import primary_language
from loccheck.markets import Market, UnknownLocaleError, load_market
from loccheck.model import CatalogSummary, Finding, Note, Severity
from loccheck.nlp.scripts import admitted, script_of
from loccheck.registry import load_registry

if TYPE_CHECKING:
    from loccheck.engine import ScanOptions

__all__ = [
    "CatalogResult",
    "CatalogUnit",
    "check_unit",
    "is_catalog_file",
    "scan_catalogs",
]

# Below this many bytes of catalogs a process pool costs more than it saves.
_IN_PROCESS_BELOW_BYTES = 1_000_000
# Below this many values, a catalog's letters say little about its script.
_FEW_VALUES = 20


@dataclass(frozen=True)
class CatalogUnit:
    """One language of a catalog group, with the group's sources."""

    domain: str
    source_language: str | None
    sources: tuple[Catalog, ...]
    catalogs: tuple[Catalog, ...]  # the catalogs checked by this unit
    role: str  # "target" or "source"
    shared: frozenset[str] = frozenset()  # keys many languages keep as source
    unsourced: frozenset[tuple[str, str]] = frozenset()  # see unsourced_keys
    fallback: frozenset[tuple[str, str]] = frozenset()  # see fallback_keys


@dataclass(frozen=True)
class CatalogResult:
    """What checking catalogs produced; results merge by concatenation."""

    summaries: tuple[CatalogSummary, ...] = ()
    findings: tuple[Finding, ...] = ()
    notes: tuple[Note, ...] = ()


def is_catalog_file(path: Path) -> bool:
    """True if ``path`` is one file of a kind loccheck reads as a catalog."""
    return path.is_file() and path.suffix.lower() in CATALOG_SUFFIXES


def units(catalogs: CatalogSet, exclude: Sequence[str] = ()) -> list[CatalogUnit]:
    """Split the catalog set into units of work: one per language of a group."""
    found: list[CatalogUnit] = []
    for group in catalogs.groups:
        sources = tuple(c for c in group.sources if not is_excluded(c.path, exclude))
        if sources:
            found.append(
                CatalogUnit(
                    group.domain,
                    group.source_language,
                    group.sources,
                    sources,
                    "source",
                )
            )
        by_language: dict[str, list[Catalog]] = {}
        for target in group.targets:
            if not is_excluded(target.path, exclude):
                by_language.setdefault((target.language or "").casefold(), []).append(
                    target
                )
        shared, unsourced = shared_keys(group), unsourced_keys(group)
        for members in by_language.values():
            found.append(
                CatalogUnit(
                    group.domain,
                    group.source_language,
                    group.sources,
                    tuple(members),
                    "target",
                    shared,
                    unsourced,
                    fallback_keys(group, members[0]),
                )
            )
    found.sort(key=lambda unit: -sum(len(c.entries) for c in unit.catalogs))
    return found


def shared_keys(group: CatalogGroup) -> frozenset[str]:
    """Keys whose value a third (and at least three) of the group's languages
    keep identical to the source: brand names, technical terms, international
    words. A single language leaving "Your cart" in English stands out; every
    language writing "Google Analytics" does not.
    """
    languages: dict[str, set[str]] = {}
    for target in group.targets:
        language = _primary(target)
        for entry in target.entries:
            found = group.source_for(entry)
            kept = found is not None and same_text(entry.value, found.value)
            if kept and entry.value.strip():
                languages.setdefault(entry.key, set()).add(language)
    least = _least_languages(group)
    return frozenset(key for key, langs in languages.items() if len(langs) >= least)


def unsourced_keys(group: CatalogGroup) -> frozenset[tuple[str, str]]:
    """(context, key) of the keys no source defines that a third (and at
    least three) of the group's languages have.

    A key one translation has and the source lacks is a stray: renamed,
    removed or mistyped. A key most translations share comes from a source
    file the scan does not hold (another gem of a Rails load path, a bundle
    left out, an older release the translations still serve): one note for
    the group says so, rather than one ``extra-key`` finding per language.
    """
    if not group.sources:
        return frozenset()
    known: set[tuple[str, str]] = set()
    for source in group.sources:
        for entry in source.entries:
            known.add((entry.context or "", entry.key))
            known.add((entry.context or "", entry.message_key))
    languages: dict[tuple[str, str], set[str]] = {}
    for target in group.targets:
        language = _primary(target)
        for entry in target.entries:
            context = entry.context or ""
            key = (context, entry.key)
            if key not in known and (context, entry.message_key) not in known:
                languages.setdefault(key, set()).add(language)
    least = _least_languages(group)
    return frozenset(key for key, langs in languages.items() if len(langs) >= least)


def fallback_keys(group: CatalogGroup, target: Catalog) -> frozenset[tuple[str, str]]:
    """(context, key) of the messages a regional catalog falls back to.

    Rails (I18n fallbacks), Symfony, i18next and gettext show a key that
    ``de-CH`` lacks from ``de``, and one that ``en-GB`` lacks from the English
    source: in the right language, so it is not missing. Empty for a catalog
    with no region or script (or no language).
    """
    parent = _primary(target)
    if not parent or (target.language or "").casefold() == parent:
        return frozenset()
    catalogs = [t for t in group.targets if (t.language or "").casefold() == parent]
    source = (group.source_language or "").split("-")[0].casefold()
    if parent == source:
        catalogs.extend(group.sources)
    return frozenset(
        pair
        for catalog in catalogs
        for entry in catalog.entries
        for pair in (
            (entry.context or "", entry.key),
            (entry.context or "", entry.message_key),
        )
    )


def _primary(catalog: Catalog) -> str:
    return (catalog.language or "").split("-")[0].casefold()


def _least_languages(group: CatalogGroup) -> int:
    """A third of the group's languages, and at least three."""
    total = len({_primary(target) for target in group.targets})
    return max(3, -(-total // 3))


def catalog_market(catalog: Catalog, options: ScanOptions) -> Market | None:
    """The market a catalog's values are judged for.

    The config's path globs win; ``--locale`` applies to catalogs of its
    language (it may name the territory) or of no known language, so that a
    theme's ``locales/de.json`` is not judged as Russian; else the catalog's
    own language.
    """
    for pattern, market in options.markets:
        if is_excluded(catalog.path, (pattern,)):
            return _market(market)
    language = catalog.language
    if options.locale and (
        language is None
        or primary_language(language) == primary_language(options.locale)
    ):
        return _market(options.locale)
    return _content_market(catalog, language) if language else None


def _market(tag: str) -> Market | None:
    try:
        return load_market(tag)
    except (UnknownLocaleError, ValueError):
        return None


def _content_market(catalog: Catalog, tag: str) -> Market | None:
    """The market of a catalog's language, in the script its values use.

    Serbian, Bosnian, Uzbek… are written in two scripts and a file name
    rarely says which (Sylius ``sr_CS``, Shopware ``sr-RS`` are Latin): when
    most letters of the values are in a script the language's default market
    does not write, the ``language-Script`` market is taken instead.
    """
    market = _market(tag) or _market(primary_language(tag) or tag)
    if market is None:
        return None
    script = _dominant_script(catalog)
    if script is None or script in admitted(market.scripts):
        return market
    if len(catalog.entries) < _FEW_VALUES:
        return market  # too few values to tell the catalog's script
    other = _market(f"{market.language}-{script}")
    if other is not None and script in admitted(other.scripts):
        return other
    # No market writes the language in that script (Sorani Kurdish in Arabic
    # letters under "ku", whose CLDR market writes Latin): its values cannot
    # be judged for language, only for the rest.
    return None


def _dominant_script(catalog: Catalog, sample: int = 400) -> str | None:
    chars = Counter(" ".join(plain_text(e.value) for e in catalog.entries[:sample]))
    counts: Counter[str] = Counter()
    for char, count in chars.items():  # each distinct character once
        if char.isalpha():
            counts[script_of(char)] += count
    counts.pop("Zyyy", None)
    return counts.most_common(1)[0][0] if counts else None


_glossary_terms = lru_cache(maxsize=256)(terms_for)


def _group(
    domain: str, source_language: str | None, sources: tuple[Catalog, ...]
) -> CatalogGroup:
    """The group a unit belongs to, its source index rebuilt in this process."""
    return CatalogGroup(
        domain, source_language, sources, (), MappingProxyType(index_sources(sources))
    )


def check_unit(unit: CatalogUnit, options: ScanOptions) -> CatalogResult:
    """Check one unit; a pure function of the unit and the options."""
    try:
        return _check_unit(unit, options)
    except Exception as exc:  # one bad catalog must not stop the run
        notes = tuple(
            Note(
                c.path,
                "internal-error",
                f"{c.path}: could not be checked ({type(exc).__name__}: {exc}); "
                "please report this catalog.",
            )
            for c in unit.catalogs
        )
        return CatalogResult(notes=notes)


def _check_unit(unit: CatalogUnit, options: ScanOptions) -> CatalogResult:
    registry = load_registry(options.rule_paths)  # cached per process
    artefacts = value_checks(
        c for c in registry.page_checks if c.id not in options.disabled
    )
    catalog_checks = [
        c for c in registry.catalog_checks if c.id not in options.disabled
    ]
    group = _group(unit.domain, unit.source_language, unit.sources)
    overrides = dict(options.severities)
    summaries, findings = [], []
    for catalog in unit.catalogs:
        market = catalog_market(catalog, options)
        terms = (
            _glossary_terms(options.glossary, market.id, market.language)
            if market
            else frozenset()
        )
        siblings = tuple(c for c in unit.catalogs if c.path != catalog.path)
        ctx = CatalogContext(
            catalog,
            group,
            market,
            siblings,
            terms,
            unit.shared,
            unit.unsourced,
            unit.fallback,
        )
        source_of = ctx.source_of if unit.role == "target" and ctx.paired else None
        found = list(artefact_findings(catalog, market, artefacts, terms, source_of))
        if unit.role == "target":
            for check in catalog_checks:
                found.extend(check().check_catalog(ctx))
        found = [_severity(f, overrides) for f in found]
        findings.extend(found)
        summaries.append(
            CatalogSummary(
                catalog.path,
                catalog.format,
                catalog.language,
                catalog.language_source,
                unit.role,
                market.id if market else None,
                len(catalog.entries),
                len(found),
                tuple(s.path for s in unit.sources) if unit.role == "target" else (),
            )
        )
    return CatalogResult(tuple(summaries), tuple(findings))


def _severity(finding: Finding, overrides: dict[str, Severity]) -> Finding:
    severity = overrides.get(finding.rule)
    return replace(finding, severity=severity) if severity else finding


def load_notes(catalogs: CatalogSet) -> Iterator[Note]:
    """One note per catalog that could not be read, was skipped or warned."""
    for error in catalogs.errors:
        yield Note(error.path, "catalog-error", f"{error}; not checked.")
    for path, reason in catalogs.skipped:
        yield Note(path, "not-a-catalog", f"{path}: {reason}; skipped.")
    for catalog in catalogs.catalogs:
        for warning in catalog.warnings:
            yield Note(catalog.path, "catalog-warning", f"{catalog.path}: {warning}")
    for group in catalogs.groups:
        keys = unsourced_keys(group)
        if keys:
            path = group.sources[0].path
            examples = ", ".join(sorted(key for _, key in keys)[:3])
            yield Note(
                path,
                "catalog-warning",
                f"{path}: {len(keys)} key(s) that {_least_languages(group)} or "
                f"more translations have are in no source catalog ({examples}): a "
                "source file is probably missing from the scan (another gem or "
                "bundle), or the source dropped them; extra-key does not report "
                "them one by one.",
            )
    for catalog in catalogs.unpaired:
        yield Note(
            catalog.path,
            "unpaired-catalog",
            f"{catalog.path}: no source catalog found; only its values are "
            "checked (give --source-locale if the source is in another language).",
        )


def scan_catalogs(
    root: Path,
    options: ScanOptions,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> CatalogResult:
    """Load, pair and check every catalog under ``root`` (a folder or a file).

    Catalogs load in this process: parsing a file costs about what sending its
    catalog back from a worker would. Checking runs in a process pool when
    there is enough to check (see ``_in_pool``).
    """
    paths = discover_catalogs(root)
    if not paths:
        return CatalogResult()
    catalogs = load_catalogs(root, options.source_locale, paths)
    work = units(catalogs, options.exclude)
    workers = jobs or os.cpu_count() or 1
    if workers > 1 and len(work) > 1 and _size(paths) >= _IN_PROCESS_BELOW_BYTES:
        return _in_pool(catalogs, work, options, workers, progress)
    return _merge(catalogs, (check_unit(u, options) for u in work), progress)


# The units of the scan being checked, for workers forked from this process:
# they inherit them, so no unit (nor its source catalogs, repeated in every
# language's unit) is pickled.
_UNITS: Sequence[CatalogUnit] = ()


def _in_pool(
    catalogs: CatalogSet,
    work: Sequence[CatalogUnit],
    options: ScanOptions,
    workers: int,
    progress: Callable[[int], None] | None,
) -> CatalogResult:
    """Check the units in ``workers`` processes, one language per task.

    A task holds every unit of one language (all projects, all groups), so a
    language's detector models and lexicons load in one worker, not in each.
    """
    global _UNITS
    batches = _batches(work)
    if "fork" in multiprocessing.get_all_start_methods():
        _UNITS = work
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                results = pool.map(_check_batch, batches, repeat(options))
                return _merge(catalogs, results, progress)
        finally:
            _UNITS = ()
    with ProcessPoolExecutor(workers) as pool:
        shipped = [tuple(work[i] for i in batch) for batch in batches]
        results = pool.map(_check_units, shipped, repeat(options))
        return _merge(catalogs, results, progress)


def _batches(work: Sequence[CatalogUnit]) -> list[tuple[int, ...]]:
    """Indices of ``work`` by language of the catalogs, biggest batch first."""
    by_language: dict[str, list[int]] = {}
    for index, unit in enumerate(work):
        by_language.setdefault(_primary(unit.catalogs[0]), []).append(index)
    size = {
        language: sum(len(c.entries) for i in found for c in work[i].catalogs)
        for language, found in by_language.items()
    }
    ordered = sorted(by_language, key=lambda language: -size[language])
    return [tuple(by_language[language]) for language in ordered]


def _check_batch(indices: tuple[int, ...], options: ScanOptions) -> CatalogResult:
    return _check_units(tuple(_UNITS[i] for i in indices), options)


def _check_units(batch: tuple[CatalogUnit, ...], options: ScanOptions) -> CatalogResult:
    results = [check_unit(unit, options) for unit in batch]
    return CatalogResult(
        tuple(s for r in results for s in r.summaries),
        tuple(f for r in results for f in r.findings),
        tuple(n for r in results for n in r.notes),
    )


def _size(paths: Sequence[Path]) -> int:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total


def _merge(
    catalogs: CatalogSet,
    results: Iterable[CatalogResult],
    progress: Callable[[int], None] | None,
) -> CatalogResult:
    summaries: list[CatalogSummary] = []
    findings: list[Finding] = []
    notes = list(load_notes(catalogs))
    for result in results:
        summaries.extend(result.summaries)
        findings.extend(result.findings)
        notes.extend(result.notes)
        if progress is not None:
            progress(len(result.summaries))
    counts = Counter(f.page for f in findings)
    ordered = sorted(
        (replace(s, findings=counts.get(s.path, 0)) for s in summaries),
        key=lambda s: s.path,
    )
    return CatalogResult(tuple(ordered), tuple(findings), tuple(notes))
