"""The catalog model: entries, catalogs, groups of paired catalogs, load errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = [
    "FORMATS",
    "LANGUAGE_SOURCES",
    "Catalog",
    "CatalogEntry",
    "CatalogError",
    "CatalogGroup",
    "CatalogSet",
    "NotACatalogError",
]

# The formats a catalog can have ("format" field), see the package docstring.
FORMATS = frozenset(
    {
        "shopify-json",
        "json",
        "symfony-json",
        "rails-yaml",
        "symfony-yaml",
        "po",
        "xliff-1.2",
        "xliff-2.0",
        "csv",
    }
)
# Where a catalog's language came from: its path, a header inside it (PO
# "Language:", XLIFF trgLang/target-language), its content (the top-level key
# of a Rails YAML file), the caller's source locale, or nowhere.
LANGUAGE_SOURCES = frozenset({"filename", "header", "content", "option", "none"})


class CatalogError(ValueError):
    """A catalog that cannot be read; ``str()`` is one line naming file and place."""

    def __init__(
        self,
        path: str,
        problem: str,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        """Build ``path: line 12: problem`` (the line part only when known)."""
        self.path = path
        self.problem = problem
        self.line = line
        self.column = column
        where = f"{path}: line {line}" if line is not None else path
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[Any, ...]:  # keep attributes across processes
        return (type(self), (self.path, self.problem, self.line, self.column))


class NotACatalogError(CatalogError):
    """A file that looked like a catalog by its path but is something else.

    Folder scans skip such files with a note (JSON-LD, JSON Schema, a
    configuration file); loading one explicitly is an error.
    """


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One translatable value of a catalog, with where it is in the file.

    ``key`` is the key as written in the file, nested keys joined with "."
    (``checkout.pay_now``, ``items_one``; the msgid for PO, the source text
    for CSV and for Symfony XLIFF without ``resname``). ``line`` and
    ``column`` (1-based, column in characters) point at the value: the
    opening quote of a JSON string, the start of a YAML scalar, the
    ``msgstr`` string of a PO entry, the ``<target>`` tag of an XLIFF unit,
    the second field of a CSV row. ``source`` is the source-language text
    where the format keeps it beside the translation (PO msgid or
    msgid_plural, XLIFF ``<source>``, CSV first column).

    A plural form carries its CLDR category in ``plural`` when it is known,
    its position in ``plural_index`` where the format numbers the forms (PO
    ``msgstr[n]``, i18next v3 ``key_0``), and the key of the whole message in
    ``base_key`` (``items`` for ``items_one`` or ``items.one``). ICU messages
    (``{count, plural, one {…} other {…}}``) stay one value.
    """

    key: str
    value: str
    line: int | None
    column: int | None
    source: str | None = None
    plural: str | None = None
    plural_index: int | None = None
    base_key: str | None = None
    context: str | None = None
    comments: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    state: str | None = None

    @property
    def message_key(self) -> str:
        """Return the key of the whole message: ``base_key`` for plural forms."""
        return self.base_key if self.base_key is not None else self.key


@dataclass(frozen=True, slots=True)
class Catalog:
    """One catalog file: its language, its role and its entries.

    ``path`` is relative to the scanned folder, with "/" separators.
    ``language`` is a well-formed BCP 47 tag as the file names it ("ru",
    "ru-RU", "zh-Hans", "pt-BR"), or None. ``source_language`` is the
    language of the ``source`` texts of the entries, where the file says
    (XLIFF srcLang / source-language, PO ``X-Source-Language``). ``domain``
    groups the catalogs that hold the same messages in different languages;
    ``warnings`` are problems that did not stop loading (duplicate keys,
    unknown plural forms, a file name and a header that disagree).
    """

    path: str
    format: str
    language: str | None
    language_source: str
    is_source: bool
    entries: tuple[CatalogEntry, ...]
    domain: str = ""
    declares_source: bool = False  # .default.json, a POT, XLIFF without targets
    source_language: str | None = None
    plural_forms: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def has_inline_source(self) -> bool:
        """Return True if the entries carry their source text (PO, XLIFF, CSV)."""
        return self.format in ("po", "xliff-1.2", "xliff-2.0", "csv")


@dataclass(frozen=True, slots=True)
class CatalogGroup:
    """Catalogs that hold the same messages: the source ones and the targets.

    Most groups have one source catalog (``en.default.json``, ``messages.pot``,
    ``messages.en.yaml``); Rails groups can have several, because Rails merges
    every ``en:`` file of the load path into one tree.
    """

    domain: str
    source_language: str | None
    sources: tuple[Catalog, ...]
    targets: tuple[Catalog, ...]
    # (context, key, plural) -> source entry; plural forms also under their
    # base key, so a target form finds the source form of its message.
    source_index: Mapping[tuple[str, str, str], CatalogEntry] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False
    )

    def is_paired(self, target: Catalog) -> bool:
        """Return True if ``target`` has source texts: a source catalog or inline."""
        return bool(self.sources) or target.has_inline_source

    def source_for(self, entry: CatalogEntry) -> CatalogEntry | None:
        """Return the source catalogs' entry for a target entry, if any.

        A plural form finds the source form of the same category, else the
        source's "other" form (a Russian "few" has no English counterpart),
        else the source's singular.
        """
        context = entry.context or ""
        found = self.source_index.get((context, entry.key, entry.plural or ""))
        if found is not None or entry.base_key is None:
            return found
        for plural in (entry.plural or "other", "other", "one", ""):
            found = self.source_index.get((context, entry.base_key, plural))
            if found is not None:
                return found
        return None


@dataclass(frozen=True, slots=True)
class CatalogSet:
    """Every catalog found in a folder, paired into groups, and what failed."""

    root: str
    catalogs: tuple[Catalog, ...]
    groups: tuple[CatalogGroup, ...]
    errors: tuple[CatalogError, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()  # (path, reason)

    def group_of(self, catalog: Catalog) -> CatalogGroup | None:
        """Return the group ``catalog`` belongs to."""
        for group in self.groups:
            if any(c.path == catalog.path for c in (*group.sources, *group.targets)):
                return group
        return None

    @property
    def unpaired(self) -> tuple[Catalog, ...]:
        """Return the targets with neither a source catalog nor inline sources."""
        return tuple(
            target
            for group in self.groups
            for target in group.targets
            if not group.is_paired(target)
        )
