"""JSON catalogs: Shopify theme locales, i18next / vue-i18n / Vendure, Symfony."""

from __future__ import annotations

from pathlib import PurePosixPath

from loccheck.catalogs.base import LoadContext, Parsed
from loccheck.catalogs.jsonpos import JsonSyntaxError, parse_json
from loccheck.catalogs.languages import in_merged_folder
from loccheck.catalogs.model import CatalogError, NotACatalogError
from loccheck.catalogs.textio import read_text
from loccheck.catalogs.tree import Branch, FlattenOptions, Leaf, flatten

__all__ = ["load_json"]

# Top-level keys that mark JSON documents of other kinds; no catalog key
# starts with "@" or "$" (i18next, Shopify and Symfony keys are identifiers).
_FOREIGN_KEYS = {
    "@context": "a JSON-LD document",
    "@graph": "a JSON-LD document",
    "$schema": "a JSON Schema or a tool's configuration",
}


def load_json(context: LoadContext) -> Parsed:
    """Load a nested JSON catalog.

    The format follows the path: ``locales/en.default.json`` (and its
    siblings) is Shopify; ``<domain>.<locale>.json`` in a ``translations/``
    or ``snippet/`` folder is Symfony (Shopware snippets are named the same
    way); anything else is plain nested JSON.
    Shopify plural forms are ``{"one": …, "other": …}`` objects; i18next ones
    are key suffixes (``items_one``); Symfony ones are inside the value.

    Raises:
        CatalogError: The file is not valid JSON.
        NotACatalogError: It is JSON, but not a catalog (JSON-LD, a schema,
            a package manifest, mostly numbers).
    """
    text = read_text(context.path, context.name)
    path = PurePosixPath(context.name)
    try:
        root = parse_json(text)
    except JsonSyntaxError as error:
        raise CatalogError(
            context.name, error.problem, error.line, error.column
        ) from None
    if not isinstance(root, Branch) or root.sequence:
        raise NotACatalogError(context.name, "the top-level value is not an object")
    _reject_foreign(root, context.name)
    language = context.path_language
    if context.shopify:
        fmt = "shopify-json"
    elif language and language.kind == "dotted" and in_merged_folder(path):
        fmt = "symfony-json"
    else:
        fmt = "json"
    options = FlattenOptions(
        context.language,
        subkey_plurals=fmt != "symfony-json",
        suffix_plurals=fmt == "json",
    )
    entries, warnings = flatten(root, options)
    is_source = context.shopify and language is not None and language.shopify_default
    return Parsed(fmt, entries, warnings=warnings, is_source=is_source or None)


def _reject_foreign(root: Branch, name: str) -> None:
    for key, _ in root.items:
        if key in _FOREIGN_KEYS:
            raise NotACatalogError(name, f"{_FOREIGN_KEYS[key]} (key {key!r})")
    strings = others = 0
    stack = [root]
    while stack:
        for _, node in stack.pop().items:
            if isinstance(node, Leaf):
                strings += node.text is not None
                others += node.text is None and node.kind != "null"
            else:
                stack.append(node)
    if others > strings:
        problem = f"{others} numbers and booleans but {strings} strings"
        raise NotACatalogError(name, f"not a catalog: {problem}")
