"""Nested key-value catalogs (JSON, YAML) as a tree with positions, flattened."""

from __future__ import annotations

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
    raw: str | None = None  # a YAML scalar as written, when not a string


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
    # YAML 1.2 (Symfony's parser) reads yes/no/on/off as text; YAML 1.1
    # (PyYAML, Ruby's Psych for Rails) reads them as booleans.
    yaml_1_2: bool = False


# The booleans of YAML 1.1 that YAML 1.2 reads as plain words.
_YAML_1_1_WORDS = frozenset({"yes", "no", "on", "off"})


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
    _walk(root, options, prefix, entries, warnings)
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
    branch: Branch,
    options: FlattenOptions,
    prefix: str,
    entries: list[CatalogEntry],
    warnings: list[str],
) -> None:
    marks: dict[str, PluralMark] = {}
    if options.suffix_plurals and not branch.sequence:
        marks = suffix_plurals([key for key, _ in branch.items], options.language)
    for key, node in branch.items:
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(node, Branch):
            if options.subkey_plurals and _is_plural_branch(node, options):
                for category, leaf in node.items:
                    assert isinstance(leaf, Leaf)  # checked by _is_plural_branch
                    if leaf.text is not None:
                        form = PluralMark(path, category)
                        entries.append(_entry(f"{path}.{category}", leaf, form))
            else:
                _walk(node, options, path, entries, warnings)
        elif node.text is not None:
            mark = marks.get(key)
            if mark is not None and prefix:
                base = f"{prefix}.{mark.base}"
                mark = PluralMark(base, mark.category, mark.index, mark.ordinal)
            entries.append(_entry(path, node, mark))
        elif node.kind == "bool" and options.yaml_1_2 and _is_word(node):
            entries.append(_entry(path, Leaf(node.raw, node.line, node.column), None))
        elif node.kind == "bool":
            warnings.append(
                f'value of "{path}" (line {node.line}) is read as a boolean, '
                "not text; quote it"
            )


def _is_word(leaf: Leaf) -> bool:
    return leaf.raw is not None and leaf.raw.lower() in _YAML_1_1_WORDS


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
