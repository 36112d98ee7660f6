"""Find the catalog files in a folder: by path conventions, then a quick sniff."""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from loccheck.catalogs.languages import (
    is_catalog_folder,
    language_from_path,
    normalise_tag,
)

__all__ = ["CATALOG_SUFFIXES", "discover_catalogs", "is_candidate"]

CATALOG_SUFFIXES = frozenset(
    {".json", ".yml", ".yaml", ".po", ".pot", ".xlf", ".xliff", ".csv"}
)
_SKIP_FOLDERS = frozenset(
    {"node_modules", "bower_components", "__pycache__", "venv", "site-packages"}
)
# JSON files with fixed names that are never catalogs, even in a locales/
# folder: package managers, compilers, bundlers, Shopify theme settings.
_NOT_CATALOGS = frozenset(
    {
        "package.json",
        "package-lock.json",
        "composer.json",
        "composer.lock",
        "bower.json",
        "manifest.json",
        "angular.json",
        "nx.json",
        "lerna.json",
        "project.json",
        "workspace.json",
        "renovate.json",
        "vercel.json",
        "firebase.json",
        "turbo.json",
        "deno.json",
        "app.json",
        "theme.json",
        "settings_data.json",
        "settings_schema.json",
        "i18next-parser.config.json",
    }
)
_NOT_CATALOG_PREFIXES = ("tsconfig", "jsconfig", "babel.config", ".")
# The first key of a Rails file: "ru:", "pt-BR:", "'zh-CN':", after comments
# and a "---" document start.
_RAILS_HEAD = re.compile(
    r"\A(?:\ufeff)?(?:[ \t]*(?:#[^\n]*)?\n|---[ \t]*\n)*"
    r"""["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)["']?[ \t]*:[ \t]*(?:#[^\n]*)?\n"""
)
_SNIFF_BYTES = 4096


def discover_catalogs(root: Path) -> tuple[Path, ...]:
    """Return the catalog files under ``root``, sorted by path.

    ``root`` may be a single file, which is then taken as it is (any suffix
    loccheck reads). In a folder, hidden folders, ``node_modules`` and
    virtual environments are skipped, symbolic links are not followed, and
    a file is taken when :func:`is_candidate` says so.
    """
    if root.is_file():
        return (root,) if root.suffix.lower() in CATALOG_SUFFIXES else ()
    found: list[Path] = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".") and name not in _SKIP_FOLDERS
        )
        base = Path(folder)
        for name in sorted(files):
            path = base / name
            if path.is_symlink():
                continue
            relative = PurePosixPath(path.relative_to(root).as_posix())
            if is_candidate(path, relative):
                found.append(path)
    return tuple(sorted(found, key=lambda path: path.relative_to(root).as_posix()))


def is_candidate(path: Path, relative: PurePosixPath) -> bool:
    """Return True if a file is a catalog by its path (and, for some, its head).

    The rules are those of the package docstring.
    """
    suffix = relative.suffix.lower()
    if suffix not in CATALOG_SUFFIXES:
        return False
    if suffix in (".po", ".pot"):
        return True
    if suffix in (".xlf", ".xliff"):
        return b"<xliff" in _head(path).lower()
    language = language_from_path(relative)
    in_catalog_folder = is_catalog_folder(relative)
    if suffix == ".csv":
        return language is not None and language.kind == "stem" and in_catalog_folder
    if suffix == ".json":
        name = relative.name.lower()
        if name in _NOT_CATALOGS or name.startswith(_NOT_CATALOG_PREFIXES):
            return False
        return language is not None and in_catalog_folder
    # YAML: a locale in the file name inside a catalog folder, or a Rails file
    # anywhere (its only top-level key is a locale).
    if language is not None and in_catalog_folder:
        return True
    return is_rails_head(_head(path))


def is_rails_head(head: bytes) -> bool:
    """Return True if a YAML file's first key is a locale (``ru:``, ``pt-BR:``)."""
    match = _RAILS_HEAD.match(head.decode("utf-8", "replace"))
    return match is not None and normalise_tag(match[1]) is not None


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_SNIFF_BYTES)
    except OSError:
        return b""
