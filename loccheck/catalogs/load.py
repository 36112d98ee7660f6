"""Load one catalog file, whatever its format, into a Catalog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath

from loccheck.catalogs.base import LoadContext, Parsed
from loccheck.catalogs.csv_catalog import load_csv
from loccheck.catalogs.json_catalog import load_json
from loccheck.catalogs.languages import (
    PathLanguage,
    in_merged_folder,
    language_from_path,
    normalise_tag,
)
from loccheck.catalogs.model import Catalog, CatalogError
from loccheck.catalogs.po_catalog import load_po
from loccheck.catalogs.xliff_catalog import load_xliff
from loccheck.catalogs.yaml_catalog import load_yaml
from loccheck.langtags import close_market_tags
from loccheck.markets import UnknownLocaleError, canonical_tag

__all__ = ["DEFAULT_SOURCE_LANGUAGE", "load_catalog", "normalise_source_locale"]

# Rails (i18n.default_locale), Symfony (default_locale), i18next
# (fallbackLng), Shopware and Sylius all ship English as the language of
# their source strings; a project that writes its source in another
# language says so with --source-locale.
DEFAULT_SOURCE_LANGUAGE = "en"

_LOADERS: dict[str, Callable[[LoadContext], Parsed]] = {
    ".json": load_json,
    ".yml": load_yaml,
    ".yaml": load_yaml,
    ".po": load_po,
    ".pot": load_po,
    ".xlf": load_xliff,
    ".xliff": load_xliff,
    ".csv": load_csv,
}


def normalise_source_locale(tag: str | None) -> str | None:
    """Return the normalised ``--source-locale``, or raise UnknownLocaleError."""
    if tag is None:
        return None
    normalised = normalise_tag(tag)
    if normalised is None:
        raise UnknownLocaleError(tag, close_market_tags(tag))
    return normalised


def load_catalog(path: Path, root: Path, source_locale: str | None = None) -> Catalog:
    """Load one catalog file.

    ``is_source`` is decided from the file alone here (a ``.default`` or POT
    file, an XLIFF file without targets, else its language against
    ``source_locale`` or English); :func:`loccheck.catalogs.load_catalogs`
    decides it again for the whole folder.

    Args:
        path: The file.
        root: The scanned folder; the catalog's ``path`` is relative to it.
        source_locale: The language of the source strings, if known.

    Returns:
        The catalog.

    Raises:
        CatalogError: The file cannot be read as a catalog (one-line message).
        NotACatalogError: The file is another kind of document.
        UnknownLocaleError: ``source_locale`` is not a locale.
    """
    source = normalise_source_locale(source_locale)
    name = _relative_name(path, root)
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        raise CatalogError(
            name, f'"{path.suffix}" files are not catalogs loccheck reads'
        )
    path_language = language_from_path(PurePosixPath(name))
    context = LoadContext(
        path, name, path_language, source, _is_shopify(path, path_language)
    )
    try:
        parsed = loader(context)
    except RecursionError:
        raise CatalogError(name, "nested too deeply") from None
    return _catalog(parsed, context)


def _relative_name(path: Path, root: Path) -> str:
    if path == root:
        return path.name
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _is_shopify(path: Path, language: PathLanguage | None) -> bool:
    if path.suffix.lower() != ".json" or path.parent.name != "locales":
        return False
    if language is not None and (language.shopify_default or language.shopify_schema):
        return True
    return _has_shopify_default(path.parent)


def _has_shopify_default(folder: Path) -> bool:
    try:
        return any(
            name.endswith((".default.json", ".default.schema.json"))
            for name in (entry.name for entry in folder.iterdir())
        )
    except OSError:
        return False


def _catalog(parsed: Parsed, context: LoadContext) -> Catalog:
    language, language_source = parsed.language, parsed.language_source
    if language is None and context.language is not None:
        language, language_source = context.language, "filename"
    if language is None and parsed.is_source and context.source_locale:
        language, language_source = context.source_locale, "option"
    if language is None:
        language_source = "none"
    is_source = parsed.is_source
    if is_source is None:
        is_source = not context.shopify and _same_language(
            language, context.source_locale or DEFAULT_SOURCE_LANGUAGE
        )
    return Catalog(
        path=context.name,
        format=parsed.format,
        language=language,
        language_source=language_source,
        is_source=is_source,
        entries=tuple(parsed.entries),
        domain=_domain(parsed, context),
        declares_source=parsed.is_source is True,
        source_language=parsed.source_language,
        plural_forms=parsed.plural_forms,
        warnings=tuple(parsed.warnings),
    )


def _same_language(language: str | None, source: str) -> bool:
    """Exact tag, or the same market ("en" and "en-US"; not "en-GB")."""
    if language is None:
        return False
    if language.casefold() == source.casefold():
        return True
    market = canonical_tag(language)
    return market is not None and market == canonical_tag(source)


def _domain(parsed: Parsed, context: LoadContext) -> str:
    """Return the key that groups this catalog with its other languages."""
    language = context.path_language
    path = PurePosixPath(context.name)
    if parsed.format == "rails-yaml":
        return "rails"  # Rails merges every locale file of the load path
    if parsed.format == "csv":
        # Magento and Vue Storefront merge every module's and theme's
        # <locale>.csv into one dictionary keyed by the source text.
        return "csv"
    if context.shopify:
        kind = "schema" if path.name.endswith(".schema.json") else "locale"
        return f"shopify:{path.parent}:{kind}"
    if language is not None and language.kind == "dotted" and in_merged_folder(path):
        # Symfony and Shopware merge a domain's files from every folder;
        # elsewhere (Angular's locale/messages.ru.xlf) the folder is the group.
        return f"domain:{language.domain}"
    if path.suffix.lower() == ".pot":
        return f"gettext:{path.stem}"
    if language is not None and language.kind == "folder" and path.suffix == ".po":
        return f"gettext:{path.stem}"  # locale/ru/LC_MESSAGES/shop.po
    if language is not None:
        return f"path:{language.template}"
    return f"file:{context.name}"
