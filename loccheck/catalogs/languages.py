"""Find a catalog's language in its path, and normalise the tags catalogs use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath

from babel import localedata

from loccheck import langtags

__all__ = [
    "PathLanguage",
    "in_merged_folder",
    "is_catalog_folder",
    "language_from_path",
    "normalise_tag",
    "same_language",
    "same_tag",
]

_TAG_RE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
# "jp" is Japan's country code, not a language (Japanese is "ja"), yet
# catalogs named "jp.json" or "jp-JP.yml" are common; nothing else uses "jp".
_MISTAKES = {"jp": "ja"}
# Folder names under which frameworks keep their catalogs: locales/ (Rails,
# Shopify, i18next), i18n/ (vue-i18n, Magento), translations/ (Symfony),
# snippet/ (Shopware), LC_MESSAGES/ and locale/ (gettext), lang/ (Laravel),
# l10n/, nls/, intl/.
_CATALOG_FOLDER = re.compile(
    r"(?:^|[-_.])(?:locales?|i18n|l10n|lang|langs|languages?|translations?"
    r"|snippets?|messages|intl|nls)(?:$|[-_.])",
    re.IGNORECASE,
)
_SHOPIFY_NAME = re.compile(
    r"(?P<tag>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)"
    r"(?P<default>\.default)?(?P<schema>\.schema)?\.json"
)
# Symfony merges every translations/ folder (the app's and each bundle's)
# into one catalogue per domain and locale; Shopware does the same with its
# snippet files.
_MERGED_FOLDERS = frozenset({"translations", "snippet", "snippets"})
_FOLDER_DEPTH = 3  # locale/ru/LC_MESSAGES/x.po: the tag is two folders up


@dataclass(frozen=True, slots=True)
class PathLanguage:
    """A language named by a catalog's path, and where in the path.

    ``kind`` is "stem" (``ru.json``, ``pt_BR.po``, ``en.default.json``),
    "dotted" (``messages.ru.yaml``, ``storefront.ru-RU.json``: ``domain`` is
    the part before the tag) or "folder" (``locales/ru/common.json``).
    ``template`` is the path with the tag replaced by ``{lang}``.
    """

    tag: str
    raw: str
    kind: str
    template: str
    domain: str | None = None
    shopify_default: bool = False
    shopify_schema: bool = False


@lru_cache(maxsize=4096)
def normalise_tag(text: str) -> str | None:
    """Return a well-formed BCP 47 tag for a locale as catalogs write it.

    "ru_RU" -> "ru-RU", "zh_Hans" -> "zh-Hans", "zh-cn" -> "zh-CN", "iw" ->
    "he", "jp-JP" -> "ja-JP". A region that no longer names one country is
    dropped ("sr_CS": Serbia and Montenegro split in 2006) rather than
    losing the language. The region is kept as written ("ru-RU" stays).

    Args:
        text: The tag as found: a file-name part, a header, a YAML key.

    Returns:
        The tag, or None if it names no language CLDR has data for.
    """
    text = text.strip()
    if not _TAG_RE.fullmatch(text):
        return None
    parts = re.split(r"[-_]", text)
    parts[0] = _MISTAKES.get(parts[0].lower(), parts[0])
    while parts:
        parsed = langtags.parse_tag("-".join(parts))
        if parsed is not None:
            language, script, region, variants = parsed
            if not localedata.exists(language):
                return None
            subtags = [language, script, region, *variants]
            return "-".join(part for part in subtags if part)
        parts.pop()
    return None


def same_tag(a: str | None, b: str | None) -> bool:
    """Return True if two normalised tags are equal, ignoring case."""
    return a is not None and b is not None and a.casefold() == b.casefold()


def same_language(a: str, b: str) -> bool:
    """Return True if two normalised tags have the same language subtag."""
    return a.split("-")[0].casefold() == b.split("-")[0].casefold()


def is_catalog_folder(path: PurePosixPath) -> bool:
    """Return True if one of the path's folders is where catalogs are kept."""
    return any(_CATALOG_FOLDER.search(part) for part in path.parent.parts)


def in_merged_folder(path: PurePosixPath) -> bool:
    """Return True if the file is in a Symfony ``translations/`` or a snippet folder."""
    return any(part.lower() in _MERGED_FOLDERS for part in path.parent.parts)


def language_from_path(path: PurePosixPath) -> PathLanguage | None:
    """Return the language a catalog's relative path names, if any.

    The file name wins over the folders: ``locales/en/ru.json`` is Russian.

    Args:
        path: The catalog's path relative to the scanned folder.

    Returns:
        The language and where it was found, or None.
    """
    return _from_shopify_name(path) or _from_name(path) or _from_folders(path)


def _from_shopify_name(path: PurePosixPath) -> PathLanguage | None:
    match = _SHOPIFY_NAME.fullmatch(path.name)
    if match is None or not (match["default"] or match["schema"]):
        return None
    tag = normalise_tag(match["tag"])
    if tag is None:
        return None
    rest = path.name[len(match["tag"]) :]
    return PathLanguage(
        tag=tag,
        raw=match["tag"],
        kind="stem",
        template=str(path.parent / ("{lang}" + rest.replace(".default", ""))),
        shopify_default=bool(match["default"]),
        shopify_schema=bool(match["schema"]),
    )


def _from_name(path: PurePosixPath) -> PathLanguage | None:
    stem, suffix = path.stem, path.suffix
    tag = normalise_tag(stem)
    if tag is not None:
        template = str(path.parent / ("{lang}" + suffix))
        return PathLanguage(tag, stem, "stem", template)
    domain, dot, raw = stem.rpartition(".")
    tag = normalise_tag(raw) if dot and domain else None
    if tag is None:
        return None
    template = str(path.parent / f"{domain}.{{lang}}{suffix}")
    return PathLanguage(tag, raw, "dotted", template, domain=domain)


def _from_folders(path: PurePosixPath) -> PathLanguage | None:
    folders = path.parent.parts
    for depth in range(1, min(_FOLDER_DEPTH, len(folders)) + 1):
        index = len(folders) - depth
        tag = normalise_tag(folders[index])
        if tag is not None:
            parts = [*folders[:index], "{lang}", *folders[index + 1 :], path.name]
            return PathLanguage(tag, folders[index], "folder", "/".join(parts))
    return None
