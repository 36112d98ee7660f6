"""YAML catalogs: Rails / Spree (``ru: spree: …``) and Symfony / Sylius."""

from __future__ import annotations

import yaml

from loccheck.catalogs.base import LoadContext, Parsed
from loccheck.catalogs.languages import normalise_tag, same_language
from loccheck.catalogs.model import CatalogError, NotACatalogError
from loccheck.catalogs.textio import read_text
from loccheck.catalogs.tree import Branch, FlattenOptions, Leaf, Node, flatten
from loccheck.resources import SafeLoader

__all__ = ["load_yaml", "rails_locale_key"]

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_KINDS = {"null": "null", "bool": "bool", "int": "number", "float": "number"}
_MAX_NODES = 1_000_000


def load_yaml(context: LoadContext) -> Parsed:
    """Load a Rails or Symfony YAML catalog.

    A file whose only top-level key is a locale (``ru:``, ``pt-BR:``) is a
    Rails catalog: that key is its language and is left out of the keys,
    so ``ru.spree.cart`` and ``en.spree.cart`` are both ``spree.cart``.
    Anything else is a Symfony catalog, named ``<domain>.<locale>.yaml``.
    Rails reads YAML 1.1 (``Yes``, ``off`` are booleans, left out with a
    warning); Symfony reads YAML 1.2 (they are text).
    Positions come from PyYAML's composer nodes, so anchors, aliases and
    merge keys (``<<: *defaults``) point at the text they repeat.

    Raises:
        CatalogError: The file is not valid YAML, or has several documents.
        NotACatalogError: The top level is not a mapping.
    """
    text = read_text(context.path, context.name)
    try:
        node = yaml.compose(text, Loader=SafeLoader)
        if node is None:
            return Parsed("symfony-yaml", [], warnings=["empty file"])
        if not isinstance(node, yaml.MappingNode):
            raise NotACatalogError(context.name, "the top level is not a mapping")
        root = _Converter(context.name).convert(node)
    except yaml.YAMLError as error:
        raise _yaml_error(context.name, error) from None
    except RecursionError:
        raise CatalogError(context.name, "nested too deeply") from None
    assert isinstance(root, Branch)
    locale = rails_locale_key(root)
    named = context.path_language
    if (
        locale
        and named
        and named.kind == "dotted"
        and not same_language(named.tag, locale[1])
    ):
        # "messages.ru.yaml" whose one top-level key happens to be a language
        # code ("my:", "no:") is a Symfony file, not a Rails one.
        locale = None
    if locale is None:
        options = FlattenOptions(context.language, subkey_plurals=False, yaml_1_2=True)
        entries, warnings = flatten(root, options)
        return Parsed("symfony-yaml", entries, warnings=warnings)
    key, tag, body = locale
    warnings = []
    if context.path_language and not same_language(context.path_language.tag, tag):
        warnings.append(
            f'the path says "{context.path_language.raw}" but the top-level key '
            f'is "{key}"; the key wins (it is what Rails reads)'
        )
    entries, flat_warnings = flatten(body, FlattenOptions(tag))
    return Parsed(
        "rails-yaml",
        entries,
        language=tag,
        language_source="content",
        warnings=warnings + flat_warnings,
    )


def rails_locale_key(root: Branch) -> tuple[str, str, Branch] | None:
    """Return (key, normalised tag, body) if the only top-level key is a locale."""
    if len(root.items) != 1:
        return None
    key, body = root.items[0]
    tag = normalise_tag(key)
    if isinstance(body, Leaf) and body.kind == "null":  # "ru:" and nothing yet
        body = Branch(body.line, body.column)
    if tag is None or not isinstance(body, Branch) or body.sequence:
        return None
    return key, tag, body


class _Converter:
    """Turn composer nodes into a tree; aliases may not loop or explode.

    An alias repeats its anchor's nodes, so ten nested aliases of ten items
    each ("billion laughs") would make ten billion values: the converter
    stops at ``_MAX_NODES``.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0
        self.active: set[int] = set()

    def error(self, problem: str, node: yaml.Node) -> CatalogError:
        mark = node.start_mark
        return CatalogError(self.name, problem, mark.line + 1, mark.column + 1)

    def convert(self, node: yaml.Node) -> Node:
        self.count += 1
        if self.count > _MAX_NODES:
            raise self.error("too many values (aliases repeated too often?)", node)
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                return Leaf(str(node.value), line, column)
            kind = _KINDS.get(node.tag[len(_TAG) :], "other")
            return Leaf(None, line, column, kind, raw=str(node.value))
        if id(node) in self.active:
            raise self.error("an alias refers to a node that contains it", node)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                items = [
                    (str(i), self.convert(item)) for i, item in enumerate(node.value)
                ]
                return Branch(line, column, items, sequence=True)
            assert isinstance(node, yaml.MappingNode)
            return self.mapping(node, Branch(line, column))
        finally:
            self.active.discard(id(node))

    def mapping(self, node: yaml.MappingNode, branch: Branch) -> Branch:
        merged: list[tuple[str, Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                merged.extend(self.merged(value_node))
            elif isinstance(key_node, yaml.ScalarNode):
                branch.items.append((str(key_node.value), self.convert(value_node)))
            else:
                raise self.error("a list or mapping is not a catalog key", key_node)
        if merged:
            # YAML merge: the mapping's own keys win, then earlier merged mappings.
            taken = {key for key, _ in branch.items}
            inherited = []
            for key, value in merged:
                if key not in taken:
                    taken.add(key)
                    inherited.append((key, value))
            branch.items[:0] = inherited
        return branch

    def merged(self, node: yaml.Node) -> list[tuple[str, Node]]:
        """The items a ``<<:`` merge key brings in (a mapping or a list of them)."""
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        items: list[tuple[str, Node]] = []
        for source in sources:
            converted = self.convert(source)
            if not isinstance(converted, Branch) or converted.sequence:
                raise self.error("a merge key (<<) must name a mapping", source)
            items.extend(converted.items)
        return items


def _yaml_error(name: str, error: yaml.YAMLError) -> CatalogError:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    if context and context_mark is not None and context_mark is not mark:
        problem = f"{problem} ({context} from line {context_mark.line + 1})"
    elif context:
        problem = f"{problem} ({context})"
    if mark is None:
        return CatalogError(name, f"invalid YAML: {problem}")
    line, column = mark.line + 1, mark.column + 1
    return CatalogError(name, f"invalid YAML: {problem}", line, column)
