"""What every format loader gets and gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from loccheck.catalogs.languages import PathLanguage
from loccheck.catalogs.model import CatalogEntry

__all__ = ["LoadContext", "Parsed"]


@dataclass(frozen=True, slots=True)
class LoadContext:
    """One file to load: where it is and what its path says."""

    path: Path
    name: str  # relative path with "/" separators, used in messages
    path_language: PathLanguage | None
    source_locale: str | None  # normalised --source-locale, if given
    shopify: bool = False  # a Shopify theme's locales/ folder

    @property
    def language(self) -> str | None:
        """Return the language the path names, if any."""
        return self.path_language.tag if self.path_language else None


@dataclass(slots=True)
class Parsed:
    """A loaded file before it becomes a Catalog.

    ``language`` is set only when the file itself names its language (PO
    header, XLIFF attributes, the top-level key of a Rails file);
    ``is_source`` only when the file says what it is (a POT template, a
    Shopify ``.default`` file, an XLIFF file without targets).
    """

    format: str
    entries: list[CatalogEntry]
    language: str | None = None
    language_source: str = "none"
    source_language: str | None = None
    is_source: bool | None = None
    plural_forms: str | None = None
    warnings: list[str] = field(default_factory=list)
