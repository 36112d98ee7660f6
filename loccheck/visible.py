"""Extract the text a shopper sees in ``<body>``: text segments and attributes.

Python work here is proportional to the text nodes and the attribute-bearing
elements of a page, not to all its elements: invisible subtrees are cut from
the (per-page, throw-away) tree first, then XPath, which runs inside libxml2,
hands over the text nodes and the elements with alt/title/placeholder/… in
document order. See docs/decisions/0001-html-parser.md for the measurements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from loccheck import page as pm

# Subtrees a shopper never sees as text.
_SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "math", "iframe")
# Elements that start a text segment of their own.
_BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup li main
    nav ol optgroup option p pre section select summary table tbody td tfoot th
    thead tr ul button label legend textarea output meter progress html""".split()
)
# Inline elements that become their own segment when they are not part of
# running text (a row of links in a footer is a list of labels, not a sentence).
_ITEM_TAGS = frozenset({"a"})
_ATTR_KINDS = (
    ("alt", pm.ATTR_ALT),
    ("title", pm.ATTR_TITLE),
    ("placeholder", pm.ATTR_PLACEHOLDER),
    ("aria-label", pm.ATTR_ARIA_LABEL),
)
_BUTTON_INPUTS = frozenset({"submit", "button", "reset"})
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS = re.compile(r"\s+")

# Candidates only (cheap, case-sensitive); _skip_reason decides exactly.
_SKIP_CANDIDATES = etree.XPath(
    "//*[@hidden or @aria-hidden or @translate or @style"
    " or contains(@class, 'notranslate')]"
)
_TEXTS = etree.XPath("//body//text()")
_ATTR_ELEMENTS = etree.XPath(
    "//body//*[@alt or @title or @placeholder or @aria-label"
    " or (self::input and @value)] | //body[@title or @aria-label]"
)
_LANG_ELEMENTS = etree.XPath("//body//*[@lang or @xml:lang]")


def collapse(text: str) -> str:
    """Collapse runs of whitespace to single spaces and strip the ends."""
    return _WS.sub(" ", text).strip()


def _skip_reason(el: etree._Element) -> str | None:
    """Say why a subtree is invisible or not to be translated, or None."""
    if el.get("hidden") is not None:
        return "hidden"
    if (el.get("aria-hidden") or "").strip().lower() == "true":
        return "aria-hidden"
    style = el.get("style")
    if style and _DISPLAY_NONE.search(style):
        return "display-none"
    if (el.get("translate") or "").strip().lower() == "no":
        return "translate-no"
    cls = el.get("class")
    if cls and "notranslate" in cls.split():
        return "notranslate"
    return None


def _cut(el: etree._Element) -> None:
    """Remove ``el`` and its subtree but keep its tail text in the flow."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def cut_invisible(root: etree._Element) -> dict[str, int]:
    """Remove invisible and do-not-translate subtrees; count them by reason."""
    etree.strip_elements(root, *_SKIP_TAGS, etree.Comment, with_tail=False)
    skipped: dict[str, int] = {}
    for el in _SKIP_CANDIDATES(root):
        if el.tag in ("html", "head", "body") or el.getparent() is None:
            continue
        reason = _skip_reason(el)
        if reason is None:
            continue
        if any(_skip_reason(up) for up in el.iterancestors()):
            continue  # inside a subtree that is cut already
        skipped[reason] = skipped.get(reason, 0) + 1
        _cut(el)
    return skipped


def _selector_part(el: etree._Element) -> str:
    tag = str(el.tag)
    ident = el.get("id")
    if ident:
        return f"{tag}#{ident}"
    cls = el.get("class")
    if cls:
        first = cls.split(None, 1)
        if first:
            return f"{tag}.{first[0]}"
    return tag


def selector(el: etree._Element, depth: int = 3) -> str:
    """A short CSS-like path: the element and up to two ancestors."""
    parts = [_selector_part(el)]
    up = el.getparent()
    while up is not None and len(parts) < depth:
        parts.append(_selector_part(up))
        up = up.getparent()
    return " > ".join(reversed(parts))


def _is_price_markup(el: etree._Element) -> bool:
    if el.get("itemprop") in ("price", "lowPrice", "highPrice"):
        return True
    cls = el.get("class")
    return bool(cls and "price" in cls.lower())


def _has_direct_text(el: etree._Element) -> bool:
    """True if ``el`` holds running text of its own (not only child elements)."""
    if el.text and not el.text.isspace():
        return True
    return any(child.tail and not child.tail.isspace() for child in el)


@dataclass
class _Owner:
    element: etree._Element
    parts: list[str] = field(default_factory=list)
    price: bool = False


@dataclass
class _Grouper:
    """Assigns each text node to the element whose segment it belongs to."""

    owners: dict[etree._Element, _Owner] = field(default_factory=dict)
    direct: dict[etree._Element, bool] = field(default_factory=dict)
    memo: dict[etree._Element, tuple[etree._Element, bool]] = field(
        default_factory=dict
    )

    def owner_of(self, container: etree._Element) -> tuple[etree._Element, bool]:
        found = self.memo.get(container)
        if found is None:
            found = self.memo[container] = self._climb(container)
        return found

    def _climb(self, container: etree._Element) -> tuple[etree._Element, bool]:
        el = container
        price = False
        while True:
            if not price and _is_price_markup(el):
                price = True
            tag = el.tag
            if tag in _BLOCK_TAGS:
                return el, price
            parent = el.getparent()
            if parent is None:
                return el, price
            if tag in _ITEM_TAGS and not self._direct(parent):
                return el, price
            el = parent

    def _direct(self, el: etree._Element) -> bool:
        found = self.direct.get(el)
        if found is None:
            found = self.direct[el] = _has_direct_text(el)
        return found

    def add(self, text: str, container: etree._Element) -> None:
        owner_el, price = self.owner_of(container)
        owner = self.owners.get(owner_el)
        if owner is None:
            owner = self.owners[owner_el] = _Owner(owner_el)
        owner.parts.append(text)
        owner.price = owner.price or price


def _lang_of(
    el: etree._Element, base: str | None, marked: set[etree._Element]
) -> str | None:
    if not marked:
        return base
    for up in (el, *el.iterancestors()):
        if up in marked:
            return up.get("lang") or up.get("{http://www.w3.org/XML/1998/namespace}lang")
        if up.tag == "body":
            break
    return base


def visible_segments(
    root: etree._Element, lang: str | None
) -> tuple[list[pm.Segment], dict[str, int]]:
    """Return the text and attribute segments of ``<body>``, and what was cut.

    Changes ``root``: invisible subtrees are removed. Call it last.
    """
    skipped = cut_invisible(root)
    body = root.find("body")
    if body is not None and body.get("lang"):
        lang = body.get("lang")
    marked = set(_LANG_ELEMENTS(root))
    grouper = _Grouper()
    for text in _TEXTS(root):
        parent = text.getparent()
        container = parent.getparent() if text.is_tail else parent
        if container is not None:
            grouper.add(str(text), container)
    segments: list[pm.Segment] = []
    for owner in grouper.owners.values():
        joined = "".join(owner.parts)
        if joined.isspace() or not joined:
            continue
        el = owner.element
        segments.append(
            pm.Segment(
                pm.TEXT,
                collapse(joined),
                el.sourceline or 1,
                selector(el),
                _lang_of(el, lang, marked),
                "price" if owner.price else None,
            )
        )
    segments.extend(_attribute_segments(root, lang, marked))
    return segments, skipped


def _attribute_segments(
    root: etree._Element, lang: str | None, marked: set[etree._Element]
) -> list[pm.Segment]:
    segments: list[pm.Segment] = []
    for el in _ATTR_ELEMENTS(root):
        where: str | None = None
        for name, kind in _ATTR_KINDS:
            value = el.get(name)
            if value and not value.isspace():
                where = where or selector(el)
                segments.append(
                    pm.Segment(
                        kind, collapse(value), el.sourceline or 1, where,
                        _lang_of(el, lang, marked),
                    )
                )
        if el.tag == "input" and (el.get("type") or "").lower() in _BUTTON_INPUTS:
            value = el.get("value")
            if value and not value.isspace():
                segments.append(
                    pm.Segment(
                        pm.BUTTON_VALUE, collapse(value), el.sourceline or 1,
                        where or selector(el), _lang_of(el, lang, marked),
                    )
                )
    return segments
