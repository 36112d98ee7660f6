"""Every catalog of the real storefront corpus (../shared/corpus/real) loads."""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

from loccheck.catalogs import Catalog, CatalogEntry, CatalogSet, load_catalogs
from loccheck.catalogs.discover import CATALOG_SUFFIXES

# Measured on the corpus (values with text, languages) and rounded down by
# about 2 %, so a loader that starts dropping values fails here.
PROJECTS = {
    # project: (files, values at least, languages, format)
    "shopware": (29, 23_000, 29, "symfony-json"),
    "spree": (1, 1_400, 1, "rails-yaml"),
    "spree-i18n": (47, 45_000, 47, "rails-yaml"),
    "sylius": (225, 39_000, 47, "symfony-yaml"),
    "vendure": (20, 14_000, 20, "json"),
    "vue-storefront": (28, 4_400, 15, "csv"),
}


@pytest.fixture
def corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "real"


@pytest.fixture
def loaded(corpus: Path) -> CatalogSet:
    return _load(corpus)


@cache
def _load(corpus: Path) -> CatalogSet:
    """Load the corpus once for all the tests of this module."""
    return load_catalogs(corpus)


def test_every_catalog_file_loads(corpus: Path, loaded: CatalogSet) -> None:
    on_disk = {
        path.relative_to(corpus).as_posix()
        for path in corpus.rglob("*")
        if path.is_file() and path.suffix in CATALOG_SUFFIXES
    }
    assert loaded.errors == ()
    assert loaded.skipped == ()
    assert {catalog.path for catalog in loaded.catalogs} == on_disk


@pytest.mark.parametrize("project", sorted(PROJECTS))
def test_totals_per_project(loaded: CatalogSet, project: str) -> None:
    files, least_values, languages, fmt = PROJECTS[project]
    catalogs = [c for c in loaded.catalogs if c.path.startswith(f"{project}/")]
    assert len(catalogs) == files
    assert sum(1 for c in catalogs for e in c.entries if e.value) >= least_values
    assert len({c.language for c in catalogs}) == languages
    assert None not in {c.language for c in catalogs}
    assert {c.format for c in catalogs} == {fmt}


def test_every_target_has_a_source(loaded: CatalogSet) -> None:
    assert loaded.unpaired == ()
    assert all(group.sources for group in loaded.groups)
    rails = next(group for group in loaded.groups if group.domain == "rails")
    # spree-i18n ships no English: its source is Spree core's en.yml.
    assert [c.path for c in rails.sources] == ["spree/spree/core/config/locales/en.yml"]
    assert {c.path.split("/")[0] for c in rails.targets} == {"spree-i18n"}
    found = Counter(
        rails.source_for(entry) is not None
        for target in rails.targets
        for entry in target.entries
    )
    # spree-i18n also translates keys that later Spree versions dropped, so
    # only about half of its values find their English source.
    assert found[True] > 20_000


def test_languages_come_from_the_conventions(loaded: CatalogSet) -> None:
    sources = {(c.format, c.language_source) for c in loaded.catalogs}
    assert sources == {
        ("rails-yaml", "content"),
        ("symfony-yaml", "filename"),
        ("symfony-json", "filename"),
        ("json", "filename"),
        ("csv", "filename"),
    }
    languages = {c.language for c in loaded.catalogs}
    assert {"zh-Hans", "zh-Hant", "pt-BR", "pt-PT", "sr", "de-CH", "nn-NO"} <= languages


def test_rails_plural_forms_follow_cldr(loaded: CatalogSet) -> None:
    forms: dict[str, Counter[str | None]] = defaultdict(Counter)
    for catalog in loaded.catalogs:
        if catalog.format == "rails-yaml":
            for entry in catalog.entries:
                if entry.base_key is not None:
                    forms[catalog.language or ""][entry.plural] += 1
    assert {"one", "few", "many", "other"} <= set(forms["ru"])
    assert {"one", "other"} == set(forms["en"])


def test_malformed_rows_are_loaded_and_reported(loaded: CatalogSet) -> None:
    reported = {
        (catalog.path.rsplit("/", 1)[1], int(match[1]))
        for catalog in loaded.catalogs
        for warning in catalog.warnings
        if (match := re.match(r"line (\d+): malformed CSV row", warning))
    }
    assert reported == {("en-US.csv", 33), ("it-IT.csv", 33), ("cs-CZ.csv", 216)}
    spaced = [
        catalog.path
        for catalog in loaded.catalogs
        for warning in catalog.warnings
        if "space before the quote" in warning
    ]
    assert len(spaced) >= 2


def test_positions_point_at_the_values(corpus: Path, loaded: CatalogSet) -> None:
    checked = 0
    for catalog in loaded.catalogs:
        text, starts = _text(corpus / catalog.path)
        for entry in catalog.entries:
            assert entry.line is not None and entry.column is not None
            offset = starts[entry.line - 1] + entry.column - 1
            assert _value_at(catalog, entry, text, offset), (catalog.path, entry)
            checked += 1
    assert checked > 120_000


@cache
def _text(path: Path) -> tuple[str, list[int]]:
    text = path.read_text(encoding="utf-8-sig")
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    bisect.insort(starts, len(text) + 1)
    return text, starts


def _value_at(catalog: Catalog, entry: CatalogEntry, text: str, offset: int) -> bool:
    if catalog.format in ("json", "symfony-json"):
        return (
            text[offset] == '"'
            and json.loads(_json_string(text, offset)) == entry.value
        )
    if catalog.format == "csv" and not text.startswith('"', offset):
        return text.startswith(entry.value, offset)  # unquoted: as written
    if text[offset] in "\"'|>!&":  # quoted, block, tagged or anchored scalar
        return True
    first_word = entry.value.split()[0] if entry.value.strip() else ""
    return text.startswith(first_word, offset)


def _json_string(text: str, offset: int) -> str:
    end = offset + 1
    while text[end] != '"':
        end += 2 if text[end] == "\\" else 1
    return text[offset : end + 1]
