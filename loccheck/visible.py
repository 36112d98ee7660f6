"""Extract the text a shopper sees in ``<body>``: text segments and attributes.

One pass over the elements (``iter`` with attribute names only, setting
invisible subtrees aside) finds what to cut, which elements carry
alt/title/placeholder/… and which set ``lang``; the cut subtrees are removed
from the (per-page, throw-away) tree; then one XPath, run inside libxml2, hands
over the remaining text nodes in document order, and each is joined to the
segment of its nearest block (or list-item link). Cut subtrees that a script
reveals (``hidden``, ``display:none``) are read the same way, apart. See
docs/decisions/0001-html-parser.md for the measurements.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from loccheck import page as pm
from loccheck.page import collapse

# Subtrees a shopper never sees as text.
_SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "math", "iframe")
# Elements that start a text segment of their own.
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "li",
        "main",
        "nav",
        "ol",
        "optgroup",
        "option",
        "p",
        "pre",
        "section",
        "select",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "button",
        "label",
        "legend",
        "textarea",
        "output",
        "meter",
        "progress",
        "html",
    ]
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

_TEXTS = etree.XPath("descendant::text()")
_SKIP_NAMES = frozenset({"hidden", "aria-hidden", "style", "translate", "class"})
_ATTR_NAMES = frozenset({"alt", "title", "placeholder", "aria-label", "value"})
_LANG_NAMES = frozenset({"lang", "{http://www.w3.org/XML/1998/namespace}lang"})


def _skip_reason(attrs: Mapping[str, str]) -> str | None:
    """Say why a subtree is invisible or not to be translated, or None."""
    if "hidden" in attrs:
        return "hidden"
    if attrs.get("aria-hidden", "").strip().lower() == "true":
        return "aria-hidden"
    style = attrs.get("style")
    if style and _DISPLAY_NONE.search(style):
        return "display-none"
    if attrs.get("translate", "").strip().lower() == "no":
        return "translate-no"
    cls = attrs.get("class")
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


class _Survey:
    """One pass over ``<body>``: what to cut, what carries text attributes, lang."""

    def __init__(self, body: etree._Element) -> None:
        self.cut: list[tuple[etree._Element, str]] = []
        self.with_attrs: list[etree._Element] = []
        self.marked: set[etree._Element] = set()
        inside_cut: set[etree._Element] = set()
        # iter() with keys() is about half the cost of iterwalk() with items();
        # cut subtrees are rare and small, so their elements are set aside.
        for el in body.iter():
            names = el.keys()
            if not names:
                continue
            if names == ["class"] and "notranslate" not in el.get("class", ""):
                continue
            if inside_cut and el in inside_cut:
                continue
            if el is not body and not _SKIP_NAMES.isdisjoint(names):
                reason = _skip_reason(el.attrib)
                if reason is not None:
                    self.cut.append((el, reason))
                    inside_cut.update(el.iterdescendants())
                    continue
            if not _ATTR_NAMES.isdisjoint(names):
                self.with_attrs.append(el)
            if not _LANG_NAMES.isdisjoint(names):
                self.marked.add(el)


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


class _Context:
    """Per-page memos: each element's segment owner, selector part and language."""

    def __init__(self, lang: str | None, marked: set[etree._Element]) -> None:
        self.lang = lang
        self.marked = marked
        self.owners: dict[etree._Element, tuple[etree._Element, bool]] = {}
        self.direct: dict[etree._Element, bool] = {}
        self.parts: dict[etree._Element, str] = {}
        self.selectors: dict[etree._Element, str] = {}
        self.pairs: dict[etree._Element, str] = {}
        self.langs: dict[etree._Element, str | None] | None = None

    def owner_of(self, container: etree._Element) -> tuple[etree._Element, bool]:
        """The element whose segment text in ``container`` joins, and price markup."""
        found = self.owners.get(container)
        if found is None:
            found = self.owners[container] = self._climb(container)
        return found

    def _climb(self, el: etree._Element) -> tuple[etree._Element, bool]:
        price = False
        while True:
            price = price or _is_price_markup(el)
            tag = el.tag
            if tag in _BLOCK_TAGS or el in self.marked:
                return el, price  # a block, or a span in a language of its own
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

    def selector(self, el: etree._Element) -> str:
        """A short CSS-like path: the element and up to two ancestors."""
        found = self.selectors.get(el)
        if found is None:
            parent = el.getparent()
            part = self._part(el)
            found = self.selectors[el] = (
                part if parent is None else f"{self._pair(parent)} > {part}"
            )
        return found

    def _pair(self, el: etree._Element) -> str:
        """``el`` and its parent: the shared head of its children's selectors."""
        found = self.pairs.get(el)
        if found is None:
            parent = el.getparent()
            part = self._part(el)
            found = self.pairs[el] = (
                part if parent is None else f"{self._part(parent)} > {part}"
            )
        return found

    def _part(self, el: etree._Element) -> str:
        found = self.parts.get(el)
        if found is None:
            found = self.parts[el] = _selector_part(el)
        return found

    def lang_of(self, el: etree._Element) -> str | None:
        """The ``lang`` in force at ``el`` (``lang`` of the page if none closer)."""
        if not self.marked:
            return self.lang
        if self.langs is None:
            # Elements carrying lang are few: map their subtrees once, outer
            # first, so an inner lang overrides an outer one.
            self.langs = {}
            for marked in sorted(self.marked, key=_depth):
                value = marked.get("lang") or marked.get(_XML_LANG)
                for inside in marked.iter():
                    self.langs[inside] = value
        return self.langs.get(el, self.lang)


def _depth(el: etree._Element) -> int:
    return sum(1 for _ in el.iterancestors())


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# Subtrees that a script shows when the shopper opens them (a menu drawer, a
# modal, a tab): the artefact rules read their text, the other checks do not.
_REVEALED = frozenset({"hidden", "display-none"})


def visible_segments(
    root: etree._Element, lang: str | None
) -> tuple[list[pm.Segment], list[pm.Segment], dict[str, int]]:
    """Return the segments of ``<body>``, those of its script-revealed
    subtrees, and what was cut by reason.

    Changes ``root``: invisible subtrees are removed. Call it last.
    """
    etree.strip_elements(root, *_SKIP_TAGS, etree.Comment, with_tail=False)
    body = root.find("body")
    if body is None:
        return [], [], {}
    skipped: dict[str, int] = {}
    revealed: list[tuple[etree._Element, str | None]] = []
    segments = _segments_under(body, lang, skipped, revealed)
    hidden: list[pm.Segment] = []
    while revealed:  # a modal inside a drawer is read in its turn
        top, top_lang = revealed.pop(0)
        hidden += _segments_under(top, top_lang, {}, revealed)
    return segments, hidden, skipped


def _segments_under(
    top: etree._Element,
    lang: str | None,
    skipped: dict[str, int],
    revealed: list[tuple[etree._Element, str | None]],
) -> list[pm.Segment]:
    """Cut the invisible subtrees of ``top`` and return the segments left.

    Cut subtrees are counted in ``skipped``; those a script may reveal are
    appended, detached, to ``revealed`` with the ``lang`` in force there.
    """
    survey = _Survey(top)
    ctx = _Context(lang, survey.marked)
    for el, reason in survey.cut:
        skipped[reason] = skipped.get(reason, 0) + 1
        if reason in _REVEALED:
            revealed.append((el, ctx.lang_of(el)))
        _cut(el)
    texts: dict[etree._Element, list[str]] = {}
    prices: set[etree._Element] = set()
    last: list[str] | None = None
    for text in _TEXTS(top):
        if text.isspace():
            # Whitespace only separates words: give it to the text before it
            # (at worst a trailing space, which collapsing removes).
            if last is not None:
                last.append(" ")
            continue
        parent = text.getparent()
        container = parent.getparent() if text.is_tail else parent
        if container is None:
            continue
        owner, price = ctx.owner_of(container)
        last = texts.get(owner)
        if last is None:
            last = texts[owner] = []
        last.append(text)
        if price:
            prices.add(owner)
    segments: list[pm.Segment] = []
    for el, parts in texts.items():
        joined = "".join(parts)
        if joined.isspace():
            continue
        segments.append(
            pm.Segment(
                pm.TEXT,
                collapse(joined),
                el.sourceline or 1,
                ctx.selector(el),
                ctx.lang_of(el),
                "price" if el in prices else None,
            )
        )
    segments.extend(_attribute_segments(survey.with_attrs, ctx))
    return segments


def _attribute_segments(
    elements: list[etree._Element], ctx: _Context
) -> list[pm.Segment]:
    segments: list[pm.Segment] = []
    for el in elements:
        line = el.sourceline or 1
        for name, kind in _ATTR_KINDS:
            value = el.get(name)
            if value and not value.isspace():
                segments.append(
                    pm.Segment(
                        kind, collapse(value), line, ctx.selector(el), ctx.lang_of(el)
                    )
                )
        if el.tag == "input" and (el.get("type") or "").lower() in _BUTTON_INPUTS:
            value = el.get("value")
            if value and not value.isspace():
                segments.append(
                    pm.Segment(
                        pm.BUTTON_VALUE,
                        collapse(value),
                        line,
                        ctx.selector(el),
                        ctx.lang_of(el),
                    )
                )
    return segments
