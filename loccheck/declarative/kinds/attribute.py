"""Kind ``attribute``: an element's attribute must (not) equal a market value.

Keys: ``selector`` (CSS, e.g. ``meta[http-equiv="content-language" i]``),
``attribute`` (its name), ``must`` (``equal``, ``not-equal``, ``be-present``,
``be-absent``), ``value`` (a template of market facts: ``{market}`` the
locale, ``{language}``, ``{currency}``, ``{direction}``), ``compare``
(``text``: case-insensitive; ``language``: the primary language subtags
only, so ``ru-RU`` equals ``ru``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, AnyStr

from lxml import etree

from loccheck.declarative.spec import RuleFileError, RuleSpec
from loccheck.langtags import primary_language
from loccheck.markets import Market


@dataclass(frozen=True, slots=True)
class AttributeHit:
    """One element that breaks the rule."""

    line: int
    tag: str
    snippet: str  # the element as a short tag: <meta http-equiv="…" content="en">
    value: str | None  # the attribute's value (None: absent)
    expected: str | None


def market_values(market: Market) -> dict[str, str]:
    """The market facts a value template may name."""
    return {
        "market": market.id,
        "language": market.language,
        "currency": market.currency or "",
        "direction": market.direction,
    }


def _snippet(element: Any) -> str:
    attributes = " ".join(f'{k}="{v}"' for k, v in element.attrib.items())
    return f"<{element.tag}{' ' + attributes if attributes else ''}>"


def _holds_a_group(source: AnyStr, groups: tuple[tuple[AnyStr, ...], ...]) -> bool:
    """True if ``source`` holds every needle of one of ``groups`` (or there
    is no group: no cheap test)."""
    return not groups or any(all(n in source for n in group) for group in groups)


@dataclass(frozen=True)
class Attribute:
    """The compiled selector and expectation of one rule."""

    xpath: etree.XPath
    needles: tuple[tuple[str, ...], ...]  # lower-case literals; () = no cheap test
    attribute: str
    must: str
    value: str | None
    compare: str
    # The needles as bytes when all are ASCII: then the page's source, lowered
    # byte by byte (ASCII letters only, as the HTML parser lowers names), is
    # enough, and much cheaper than lowering all its text.
    ascii_needles: tuple[tuple[bytes, ...], ...] | None = None

    def _same(self, found: str, expected: str) -> bool:
        if self.compare == "language":
            return primary_language(found.strip()) == primary_language(expected)
        return found.strip().casefold() == expected.strip().casefold()

    def may_match(self, lowered_source: str | bytes) -> bool:
        """False when the page (its lower-cased source: bytes when the needles
        are ASCII) cannot hold a selected element, so it need not be searched."""
        if isinstance(lowered_source, bytes):
            assert self.ascii_needles is not None
            return _holds_a_group(lowered_source, self.ascii_needles)
        return _holds_a_group(lowered_source, self.needles)

    def find_in(self, root: Any, market: Market) -> Iterator[AttributeHit]:
        """Yield each selected element that breaks the rule."""
        expected = self.value.format_map(market_values(market)) if self.value else None
        for element in self.xpath(root):
            found = element.get(self.attribute)
            present = found is not None and found.strip() != ""
            if self.must == "be-present":
                broken = not present
            elif self.must == "be-absent":
                broken = present
            elif self.must == "equal":
                broken = not present or not self._same(found or "", expected or "")
            else:  # not-equal
                broken = present and self._same(found or "", expected or "")
            if broken:
                yield AttributeHit(
                    element.sourceline or 1,
                    str(element.tag),
                    _snippet(element),
                    found,
                    expected,
                )


def _required_text(tree: Any) -> tuple[str, ...]:
    """Literals the source must contain for a CSS selector's subject to exist.

    The subject's tag (``<meta``) and the values of its ``[attr=value]``
    conditions: a page without them is not parsed again for the rule.
    """
    needles: list[str] = []
    while True:
        kind = type(tree).__name__
        if kind == "Element":
            if tree.element and tree.element != "*":
                needles.append(f"<{tree.element}".lower())
            return tuple(needles)
        if kind == "CombinedSelector":
            tree = tree.subselector  # "div > p": the subject is p
            continue
        if kind == "Attrib" and tree.operator == "=" and tree.value is not None:
            value = getattr(tree.value, "value", tree.value)
            needles.append(str(value).lower())
        if not hasattr(tree, "selector"):
            return tuple(needles)
        tree = tree.selector  # Attrib, Class, Hash, Pseudo, Negation, …


def _gate(selectors: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Per selector of a group, the literals a source must all hold (rarest first)."""
    if any(not needles for needles in selectors):
        return ()
    return tuple(tuple(reversed(needles)) for needles in selectors)


def build(spec: RuleSpec) -> Attribute:
    """Compile an ``attribute`` rule; the CSS selector becomes XPath once."""
    from cssselect import GenericTranslator, SelectorError, parse

    selector = spec.body["selector"]
    try:
        xpath = etree.XPath(GenericTranslator().css_to_xpath(selector))
        required = [_required_text(parsed.parsed_tree) for parsed in parse(selector)]
    except (SelectorError, etree.XPathError) as exc:
        raise RuleFileError(
            f'{spec.source}: key "selector": invalid CSS selector: {exc}'
        ) from exc
    must = spec.body["must"]
    value = spec.body.get("value")
    if must in ("equal", "not-equal") and not value:
        raise RuleFileError(f'{spec.source}: key "value": required when must is {must}')
    if value:
        try:
            value.format_map(
                {"market": "", "language": "", "currency": "", "direction": ""}
            )
        except (KeyError, ValueError) as exc:
            raise RuleFileError(
                f'{spec.source}: key "value": unknown market fact {exc} '
                "(known: market, language, currency, direction)"
            ) from exc
    needles = _gate(required)
    ascii_only = all(n.isascii() for group in needles for n in group)
    return Attribute(
        xpath,
        needles,
        spec.body["attribute"],
        must,
        value,
        spec.body.get("compare", "text"),
        tuple(tuple(n.encode() for n in g) for g in needles) if ascii_only else None,
    )
