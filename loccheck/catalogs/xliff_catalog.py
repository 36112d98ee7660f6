"""XLIFF 1.2 and 2.x catalogs (Symfony, Angular, CAT tools), read with lxml."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from lxml import etree

from loccheck.catalogs.base import LoadContext, Parsed
from loccheck.catalogs.languages import in_merged_folder, normalise_tag, same_language
from loccheck.catalogs.model import CatalogEntry, CatalogError, NotACatalogError
from loccheck.catalogs.plurals import integer_categories
from loccheck.catalogs.textio import decode_strict, read_bytes

__all__ = ["load_xliff"]

# Inline elements whose content is text the reader sees (1.2 <g>, <mrk>;
# 2.x <pc>, <mrk>) and codes that stand for markup: 1.2 <ph>, <bpt>, <ept>,
# <it> hold the native code; 1.2 <x>, <bx>, <ex> and 2.x <ph>, <sc>, <ec>
# are empty and may say what they stand for (equiv-text, equiv, disp).
_TEXT_ELEMENTS = frozenset({"g", "pc", "mrk", "sub"})
_CODE_ELEMENTS = frozenset({"ph", "bpt", "ept", "it"})
_EMPTY_CODE_ATTRIBUTES = ("equiv-text", "equiv", "disp")
_PLURAL_GROUP = "x-gettext-plurals"
_LANGUAGE_ATTRIBUTES = {
    False: ("source-language", "target-language"),  # 1.2, on each <file>
    True: ("srcLang", "trgLang"),  # 2.x, on <xliff>
}
_XML_PLACE = re.compile(r", line (\d+), column (\d+)$")
_BLANK_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.S)


def load_xliff(context: LoadContext) -> Parsed:
    """Load an XLIFF file: every unit's target, with its source beside it.

    The key is the unit's ``resname`` (1.2) or ``name`` (2.x), else its
    ``id``; in Symfony files (in a ``translations/`` folder) without
    ``resname`` it is the source text, as Symfony's loader does. A file
    without targets and without a target language is a source file: the
    values are the sources.
    Units inside a 1.2 ``x-gettext-plurals`` group are the plural forms of
    one message. ``state`` is the target's (1.2) or segment's (2.x) state;
    a unit without target has the value "" and the state "untranslated".

    Raises:
        CatalogError: Not well-formed XML.
        NotACatalogError: XML whose root is not ``<xliff>``.
    """
    data = read_bytes(context.path, context.name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        found = _XML_PLACE.search(error.msg)
        problem = error.msg[: found.start()] if found else error.msg
        line = error.lineno or None
        column = int(found[2]) if found else None
        raise CatalogError(
            context.name, f"invalid XML: {problem}", line, column
        ) from None
    if _local(root) != "xliff":
        raise NotACatalogError(context.name, f"the root element is <{_local(root)}>")
    version = root.get("version") or _version_from_namespace(root)
    two = version.startswith("2")
    files = [element for element in root if _local(element) == "file"]
    if not files:
        raise CatalogError(context.name, "no <file> element")
    parsed = Parsed("xliff-2.0" if two else "xliff-1.2", [])
    _languages(parsed, root if two else files[0], two, context)
    if parsed.language is None and next(root.iter("{*}target"), None) is None:
        parsed.is_source = True  # an extracted file, not translated yet
    locator = _Locator(decode_strict(data, context.name, _xml_encoding(root)))
    symfony = in_merged_folder(PurePosixPath(context.name))
    for file in files:
        prefix = f"{file.get('id') or file.get('original')}:" if len(files) > 1 else ""
        units = _units_2(file) if two else _units_1(file, parsed.language)
        for unit in units:
            entry = _entry(unit, prefix, symfony, locator, bool(parsed.is_source))
            parsed.entries.append(entry)
    if parsed.is_source and parsed.language is None:
        parsed.language, parsed.language_source = parsed.source_language, "header"
    return parsed


def _local(element: etree._Element) -> str:
    return str(etree.QName(element).localname) if isinstance(element.tag, str) else ""


def _version_from_namespace(root: etree._Element) -> str:
    namespace = etree.QName(root).namespace or ""
    return (
        "2.0" if namespace.startswith("urn:oasis:names:tc:xliff:document:2") else "1.2"
    )


def _xml_encoding(root: etree._Element) -> str:
    return str(root.getroottree().docinfo.encoding or "utf-8")


def _languages(
    parsed: Parsed, holder: etree._Element, two: bool, context: LoadContext
) -> None:
    source_attr, target_attr = _LANGUAGE_ATTRIBUTES[two]
    parsed.source_language = normalise_tag(holder.get(source_attr) or "")
    target = holder.get(target_attr)
    tag = normalise_tag(target) if target else None
    if tag is not None:
        parsed.language, parsed.language_source = tag, "header"
        if context.language and not same_language(tag, context.language):
            raw = context.path_language.raw if context.path_language else ""
            parsed.warnings.append(
                f'the path says "{raw}" but {target_attr}="{target}"; '
                "the attribute wins"
            )
    elif target:
        parsed.warnings.append(f'unknown language {target_attr}="{target}"')


@dataclass(slots=True)
class _Unit:
    """What one unit (or one plural form of a 1.2 plural group) contributes."""

    element: etree._Element
    sources: list[etree._Element]
    targets: list[etree._Element]
    key: str | None
    state: str | None
    plural: tuple[str, str | None, int] | None = None  # base key, category, index


def _units_1(file: etree._Element, language: str | None) -> Iterator[_Unit]:
    for element in file.iter("{*}trans-unit", "{*}group"):
        if _local(element) == "group":
            if element.get("restype") == _PLURAL_GROUP:
                yield from _plural_group(element, language)
            continue
        parent = element.getparent()
        if parent is not None and parent.get("restype") == _PLURAL_GROUP:
            continue
        yield _unit_1(element)


def _unit_1(element: etree._Element) -> _Unit:
    sources = [child for child in element if _local(child) == "source"]
    targets = [child for child in element if _local(child) == "target"]
    state = targets[0].get("state") if targets else None
    return _Unit(element, sources, targets, element.get("resname"), state)


def _plural_group(group: etree._Element, language: str | None) -> Iterator[_Unit]:
    units = [child for child in group if _local(child) == "trans-unit"]
    categories = integer_categories(language) or ()
    if len(categories) != len(units):
        categories = ()
    base = group.get("resname") or group.get("id") or ""
    for index, element in enumerate(units):
        unit = _unit_1(element)
        category = categories[index] if categories else None
        unit.plural = (base, category, index)
        yield unit


def _units_2(file: etree._Element) -> Iterator[_Unit]:
    for element in file.iter("{*}unit"):
        parts = [
            child for child in element if _local(child) in ("segment", "ignorable")
        ]
        sources = [c for part in parts for c in part if _local(c) == "source"]
        targets = [c for part in parts for c in part if _local(c) == "target"]
        states = [part.get("state") for part in parts if part.get("state")]
        yield _Unit(
            element, sources, targets, element.get("name"), next(iter(states), None)
        )


def _entry(
    unit: _Unit, prefix: str, symfony: bool, locator: _Locator, is_source: bool
) -> CatalogEntry:
    source = "".join(_inline_text(element) for element in unit.sources)
    key = unit.key or (source if symfony else None) or unit.element.get("id") or ""
    has_targets = bool(unit.targets)
    if is_source:
        value, anchor, state = source, unit.sources, unit.state
    else:
        value = "".join(_inline_text(element) for element in unit.targets)
        anchor = unit.targets or unit.sources
        state = unit.state or (None if has_targets else "untranslated")
    line, column = (
        locator.find(anchor[0]) if anchor else (unit.element.sourceline, None)
    )
    notes = tuple(
        text
        for note in unit.element.iter("{*}note")
        if (text := " ".join((note.text or "").split()))
    )
    entry = CatalogEntry(
        prefix + key,
        value,
        line,
        column,
        source=None if is_source else source,
        comments=notes,
        state=state,
        flags=("translate=no",) if unit.element.get("translate") == "no" else (),
    )
    if unit.plural is None:
        return entry
    base, category, index = unit.plural
    return replace(entry, plural=category, plural_index=index, base_key=prefix + base)


def _inline_text(element: etree._Element) -> str:
    """Return what a reader sees of a source or target with inline elements."""
    parts = [element.text or ""]
    for child in element:
        name = _local(child)
        if name in _TEXT_ELEMENTS:
            parts.append(_inline_text(child))
        elif name in _CODE_ELEMENTS and (child.text or len(child)):
            parts.append("".join(child.itertext()))
        elif name:
            attribute = next((a for a in _EMPTY_CODE_ATTRIBUTES if child.get(a)), None)
            parts.append(child.get(attribute) or "" if attribute else "")
        parts.append(child.tail or "")
    return "".join(parts)


class _Locator:
    """Find the column of an element's start tag, which lxml does not give.

    lxml gives the line on which the start tag *ends*. The text is searched
    for the n-th ``<target``/``<source`` tag (comments and CDATA blanked, so
    they cannot shift the count), which is the n-th such element.
    """

    def __init__(self, text: str) -> None:
        self.text = _BLANK_MARKUP.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
        self.found: dict[str, list[tuple[int, int]]] = {}
        # Keyed by the elements themselves: holding them keeps lxml's proxy
        # objects alive, so the same XML node always comes back as the same key.
        self.order: dict[etree._Element, int] = {}

    def find(self, element: etree._Element) -> tuple[int | None, int | None]:
        name = _local(element)
        if name not in self.found:
            self.found[name] = self._tags(name)
            self._number(element.getroottree().getroot(), name)
        index = self.order.get(element)
        positions = self.found[name]
        if index is None or index >= len(positions):
            return element.sourceline, None
        line, column = positions[index]
        if element.sourceline is not None and line > element.sourceline:
            return element.sourceline, None
        return line, column

    def _tags(self, name: str) -> list[tuple[int, int]]:
        pattern = re.compile(rf"<(?:[\w.-]+:)?{re.escape(name)}[\s/>]")
        positions = []
        line, last = 1, 0
        for match in pattern.finditer(self.text):
            line += self.text.count("\n", last, match.start())
            last = match.start()
            positions.append((line, match.start() - self.text.rfind("\n", 0, last)))
        return positions

    def _number(self, root: etree._Element, name: str) -> None:
        for index, element in enumerate(root.iter(f"{{*}}{name}")):
            self.order[element] = index
