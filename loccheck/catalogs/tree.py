"""Nested key-value catalogs (JSON, YAML) as a tree with positions, flattened."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from loccheck.catalogs.model import CatalogEntry
from loccheck.catalogs.plurals import PluralMark, subkey_plural, suffix_plurals

__all__ = ["Branch", "Leaf", "Node", "flatten"]


@dataclass(slots=True)
class Leaf:
    """A scalar; ``text`` is None when it is not a string (number, bool, null)."""

    text: str | None
    line: int
    column: int
    kind: str = "str"  # "str", "number", "bool", "null"


@dataclass(slots=True)
class Branch:
    """An object / mapping, or an array / sequence (keys "0", "1", …)."""

    line: int
    column: int
    items: list[tuple[str, Node]] = field(default_factory=list)
    sequence: bool = False


Node = Leaf | Branch


@dataclass(frozen=True, slots=True)
class FlattenOptions:
    """Which plural conventions a format uses, and the catalog's language."""

    language: str | None
    subkey_plurals: bool = True  # Rails / Shopify {one: …, other: …}
    suffix_plurals: bool = False  # i18next items_one / items_plural / items_0


def flatten(
    root: Branch, options: FlattenOptions, prefix: str = ""
) -> tuple[list[CatalogEntry], list[str]]:
    """Return the string values of a tree as entries, and warnings.

    Keys are joined with "." as Rails, Symfony, Shopify and i18next do; array
    items get their index (``day_names.0``). Numbers, booleans and nulls are
    not translatable text and are left out. A key given twice in one object
    keeps its last value (as every runtime does) and is reported.
    """
    entries: list[CatalogEntry] = []
    warnings: list[str] = []
    for key, leaf, mark in _walk(root, options, prefix, warnings):
        entries.append(_entry(key, leaf, mark))
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.key in seen:
            warnings.append(f'key "{entry.key}" is defined twice (line {entry.line})')
        seen[entry.key] = index
    if len(seen) != len(entries):
        keep = set(seen.values())
        entries = [entry for index, entry in enumerate(entries) if index in keep]
    return entries, warnings


def _walk(
    branch: Branch, options: FlattenOptions, prefix: str, warnings: list[str]
) -> Iterator[tuple[str, Leaf, PluralMark | None]]:
    keys = [key for key, _ in branch.items]
    marks: dict[str, PluralMark] = {}
    if options.suffix_plurals and not branch.sequence:
        marks = suffix_plurals(keys, options.language)
    for key, node in branch.items:
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(node, Leaf):
            if node.text is not None:
                mark = marks.get(key)
                if mark is not None and prefix:
                    mark = PluralMark(
                        f"{prefix}.{mark.base}", mark.category, mark.index, mark.ordinal
                    )
                yield path, node, mark
            elif node.kind == "bool":
                warnings.append(
                    f'value of "{path}" (line {node.line}) is read as a boolean, '
                    "not text; quote it"
                )
        elif options.subkey_plurals and _is_plural_branch(node, options):
            for category, leaf in node.items:
                assert isinstance(leaf, Leaf)  # checked by _is_plural_branch
                if leaf.text is not None:
                    yield f"{path}.{category}", leaf, PluralMark(path, category)
        else:
            yield from _walk(node, options, path, warnings)


def _is_plural_branch(branch: Branch, options: FlattenOptions) -> bool:
    if branch.sequence or not all(isinstance(node, Leaf) for _, node in branch.items):
        return False
    return subkey_plural((key for key, _ in branch.items), options.language)


def _entry(key: str, leaf: Leaf, mark: PluralMark | None) -> CatalogEntry:
    assert leaf.text is not None
    if mark is None:
        return CatalogEntry(key, leaf.text, leaf.line, leaf.column)
    return CatalogEntry(
        key,
        leaf.text,
        leaf.line,
        leaf.column,
        plural=mark.category,
        plural_index=mark.index,
        base_key=mark.base,
        flags=("ordinal",) if mark.ordinal else (),
    )
