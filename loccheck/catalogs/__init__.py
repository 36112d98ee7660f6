"""Load translation catalogs (JSON, YAML, PO, XLIFF, CSV) with value positions.

``load_catalogs(folder)`` finds the catalogs in a folder, loads each one and
pairs translations with their source; ``load_catalog(file, root)`` loads one
file. Every value comes with its line and column, so findings can point at
it like they point into a page.

Formats (``Catalog.format``):

* ``shopify-json``: a theme's ``locales/*.json``; ``en.default.json`` is the
  source, ``*.schema.json`` / ``*.default.schema.json`` a second group.
  Plural forms are ``{"one": …, "other": …}`` objects.
* ``json``: nested JSON, one language per file: i18next, vue-i18n,
  Vendure, ngx-translate (``locales/ru.json``, ``locales/ru/common.json``).
  Plural forms are i18next key suffixes (``_one``, ``_few``, ``_other``,
  ``_ordinal_one``; v3 ``_plural`` and ``_0``/``_1``/``_2``); ICU messages
  and vue-i18n ``a | b | c`` plurals stay one value.
* ``symfony-json``, ``symfony-yaml``: ``<domain>.<locale>.json|yaml``
  (Symfony, Sylius, Shopware snippets such as ``storefront.ru-RU.json``);
  nested keys are joined with ".". ICU and pipe plurals stay one value.
  YAML is read as Symfony does (YAML 1.2: ``on``, ``off`` are text).
* ``rails-yaml``: a YAML file whose only top-level key is a locale
  (``ru: spree: …``), the language; keys leave it out. ``one:``/``other:``
  sub-keys are plural forms. YAML is read as Rails does (YAML 1.1: an
  unquoted ``Yes`` is a boolean, reported in the catalog's warnings).
* ``po``: gettext PO and POT (polib). The ``Language:`` header names the
  language; ``msgstr[n]`` get CLDR categories from ``Plural-Forms``.
* ``xliff-1.2``, ``xliff-2.0``: the target language and the source text are
  inside; the key is ``resname``/``name``, else ``id`` (Symfony: the source).
* ``csv``: ``source,translation`` rows (Vue Storefront, Magento).

Which files are catalogs (folder scans; a file given directly is always
loaded). A "catalog folder" is any folder on the path whose name is or
contains, between ``-``/``_``/``.``, one of locale(s), i18n, l10n, lang(s),
language(s), translation(s), snippet(s), messages, intl, nls:

* ``.po``, ``.pot``: always; ``.xlf``/``.xliff``: when an ``<xliff`` tag is
  in the first 4 KB.
* ``.json``: in a catalog folder, with a locale in its name (``ru.json``,
  ``pt_BR.json``, ``en.default.schema.json``, ``messages.ru.json``) or as
  one of the nearest three folders (``locales/ru/common.json``).
  ``package.json``, ``composer.json``, ``tsconfig*.json``, theme
  ``settings_*.json`` and other tool files never are; nor, after loading,
  JSON-LD (``@context``), JSON Schema (``$schema``) or an object with more
  numbers and booleans than strings (skipped with a note).
* ``.yml``/``.yaml``: as JSON, or anywhere when the first key is a locale
  (Rails).
* ``.csv``: in a catalog folder and named after a locale (``ru-RU.csv``).

Hidden folders, ``node_modules`` and virtual environments are not entered;
symbolic links are not followed.

Languages are normalised BCP 47 tags as written (``ru_RU`` -> ``ru-RU``,
``zh_Hans`` -> ``zh-Hans``): the file's own declaration wins (PO header,
XLIFF attributes, the Rails top-level key), then the path, then, for a source
file that names none, ``source_locale``.

Pairing (``Catalog.domain``, ``CatalogSet.groups``): catalogs of one domain
hold the same messages. Rails files form one domain (Rails merges its load
path), and so do CSV files (Magento and Vue Storefront merge every module's
and theme's ``<locale>.csv``); ``<domain>.<locale>.*`` files in
``translations/`` or ``snippet/`` folders one per domain name (Symfony and
Shopware merge those folders);
Shopify ``locales/*.json`` and ``*.schema.json`` one each per theme; other
files one per path template (``locales/{lang}/common.json``). A group's
sources are its catalogs in ``source_locale`` when it is given; else the
files that declare themselves sources (``*.default.json``, a POT, an XLIFF
without targets); else its catalogs in the language its XLIFF/PO files name
as their source, else in English.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from loccheck.catalogs.discover import discover_catalogs
from loccheck.catalogs.load import load_catalog, normalise_source_locale
from loccheck.catalogs.model import (
    Catalog,
    CatalogEntry,
    CatalogError,
    CatalogGroup,
    CatalogSet,
    NotACatalogError,
)
from loccheck.catalogs.pairing import pair_catalogs

__all__ = [
    "Catalog",
    "CatalogEntry",
    "CatalogError",
    "CatalogGroup",
    "CatalogSet",
    "NotACatalogError",
    "discover_catalogs",
    "load_catalog",
    "load_catalogs",
    "pair_catalogs",
]


def load_catalogs(
    root: Path,
    source_locale: str | None = None,
    paths: Sequence[Path] | None = None,
) -> CatalogSet:
    """Find, load and pair every catalog under ``root`` (a folder or one file).

    ``paths`` are the catalog files when the caller has found them already.
    A file that cannot be read is reported in ``errors`` and the others
    still load; a file that turns out to be another kind of document is
    listed in ``skipped``.

    Raises:
        UnknownLocaleError: ``source_locale`` is not a locale.
    """
    source = normalise_source_locale(source_locale)
    base = root.parent if root.is_file() else root
    catalogs: list[Catalog] = []
    errors: list[CatalogError] = []
    skipped: list[tuple[str, str]] = []
    for path in discover_catalogs(root) if paths is None else paths:
        try:
            catalogs.append(load_catalog(path, base, source))
        except NotACatalogError as error:
            skipped.append((error.path, error.problem))
        except CatalogError as error:
            errors.append(error)
        except Exception as exc:  # a loader bug must not stop the run
            name = path.relative_to(base).as_posix() if path != base else path.name
            message = f"could not be read ({type(exc).__name__}: {exc})"
            errors.append(CatalogError(name, message))
    groups = pair_catalogs(catalogs, source)
    paired = {c.path: c for group in groups for c in (*group.sources, *group.targets)}
    return CatalogSet(
        root=str(root),
        catalogs=tuple(paired[c.path] for c in catalogs),
        groups=groups,
        errors=tuple(errors),
        skipped=tuple(skipped),
    )
