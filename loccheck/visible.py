"""Extract the text a shopper sees in ``<body>``: text segments and attributes.

One pass over the elements (``iter`` with attribute names only, setting
invisible subtrees aside) finds what to cut, which elements carry
alt/title/placeholder/… or ``lang``, which are price markup, and each
element's selector part, reading every attribute it needs once; the cut
subtrees are removed from the (per-page, throw-away) tree; then one XPath, run
inside libxml2, hands over the remaining text nodes in document order, and
each is joined to the segment of its nearest block (or list-item link).
Segment texts are collapsed together, in one string. Cut subtrees that a
script reveals (``hidden``, ``display:none``) are read the same way, apart.
See docs/decisions/0001-html-parser.md for the measurements.
"""

from __future__ import annotations

import re

from lxml import etree

from loccheck import page as pm
from loccheck.page import collapse_all

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
_CUT_NAMES = frozenset({"hidden", "aria-hidden", "style", "translate"})
_ATTR_NAMES = frozenset({"alt", "title", "placeholder", "aria-label", "value"})
_PRICE_PROPS = ("price", "lowPrice", "highPrice")
# Attributes the survey reads.
_NOTED = _CUT_NAMES | _ATTR_NAMES | {"class", "id", "itemprop", "lang"}


def _skip_reason(el: etree._Element, names: list[str], cls: str | None) -> str | None:
    """Say why a subtree is invisible or not to be translated, or None.

    ``names`` are the element's attribute names, ``cls`` its class.
    """
    if "hidden" in names:
        return "hidden"
    if "aria-hidden" in names and _is(el.get("aria-hidden"), "true"):
        return "aria-hidden"
    if "style" in names:
        style = el.get("style")
        if style and _DISPLAY_NONE.search(style):
            return "display-none"
    if "translate" in names and _is(el.get("translate"), "no"):
        return "translate-no"
    if cls and "notranslate" in cls.split():
        return "notranslate"
    return None


def _is(value: str | None, keyword: str) -> bool:
    """True if an enumerated attribute's ``value`` is ``keyword``."""
    return value is not None and value.strip().lower() == keyword


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
    """One pass over ``top``: what to cut, what carries text attributes or
    ``lang``, what is price markup, and each element's selector part."""

    def __init__(self, top: etree._Element) -> None:
        self.cut: list[tuple[etree._Element, str]] = []
        self.with_attrs: list[tuple[etree._Element, list[str]]] = []
        self.marked: list[etree._Element] = []
        self.prices: set[etree._Element] = set()
        self.parts: dict[etree._Element, str] = {}
        parts = self.parts
        classes: dict[str, tuple[str, bool]] = {}  # class value: its facts
        inside_cut: set[etree._Element] = set()
        # iter() with keys() is about half the cost of iterwalk() with items();
        # cut subtrees are rare and small, so their elements are set aside.
        # Each attribute is read once, here: a get() costs more than the
        # dictionary lookups that stand in for it later.
        for el in top.iter():
            names = el.keys()
            if _NOTED.isdisjoint(names):  # no attribute, or only href, src, …
                parts[el] = el.tag
                continue
            if inside_cut and el in inside_cut:
                continue
            cls = el.get("class") if "class" in names else None
            suffix, price = "", False
            if cls:
                facts = classes.get(cls)
                if facts is None:
                    facts = classes[cls] = _class_facts(cls)
                suffix, price = facts
            ident = el.get("id") if "id" in names else None
            parts[el] = f"{el.tag}#{ident}" if ident else el.tag + suffix
            if price or ("itemprop" in names and el.get("itemprop") in _PRICE_PROPS):
                self.prices.add(el)
            if el is not top and (
                not _CUT_NAMES.isdisjoint(names) or (cls and "notranslate" in cls)
            ):
                reason = _skip_reason(el, names, cls)
                if reason is not None:
                    self.cut.append((el, reason))
                    inside_cut.update(el.iterdescendants())
                    continue
            if not _ATTR_NAMES.isdisjoint(names):
                self.with_attrs.append((el, names))
            if "lang" in names:
                self.marked.append(el)


def _class_facts(cls: str) -> tuple[str, bool]:
    """The selector suffix of a class attribute (``.first``), and whether it
    marks a price."""
    first = cls.split(None, 1)
    return ("." + first[0] if first else ""), "price" in cls.lower()


def _selector_part(tag: str, ident: str | None, cls: str | None) -> str:
    """``tag#id``, else ``tag.first-class``, else ``tag``."""
    if ident:
        return f"{tag}#{ident}"
    return tag + _class_facts(cls)[0] if cls else tag


class _Context:
    """Per-page memos: segment owners, selector parts and languages."""

    def __init__(self, survey: _Survey, lang: str | None) -> None:
        self.lang = lang
        self.marked = survey.marked
        self.stops = set(self.marked)
        self.price_markup = survey.prices
        self.prices: set[etree._Element] = set()
        self.with_text: set[etree._Element] = set()
        self.heads: dict[etree._Element, str] = {}
        self.parts = survey.parts
        self.lang_map: dict[etree._Element, str | None] | None = None

    def owner_of(self, el: etree._Element) -> etree._Element:
        """The element whose segment text in ``el`` joins.

        A block, a span in a language of its own, or a link that is an item
        of a list; owners under price markup are added to ``prices``.
        """
        price = False
        while True:
            if not price:
                price = el in self.price_markup
            tag = el.tag
            if tag in _BLOCK_TAGS or el in self.stops:
                break
            parent = el.getparent()
            if parent is None:
                break
            if tag in _ITEM_TAGS and parent not in self.with_text:
                break
            el = parent
        if price:
            self.prices.add(el)
        return el

    def selector(self, el: etree._Element) -> str:
        """A short CSS-like path: the element and up to two ancestors."""
        part = self.parts.get(el) or self._new_part(el)
        parent = el.getparent()
        if parent is None:
            return part
        return f"{self.heads.get(parent) or self._new_head(parent)} > {part}"

    def _new_head(self, el: etree._Element) -> str:
        """``el`` and its parent: the shared head of its children's selectors."""
        grand = el.getparent()
        head = self.parts.get(el) or self._new_part(el)
        if grand is not None:
            head = f"{self.parts.get(grand) or self._new_part(grand)} > {head}"
        self.heads[el] = head
        return head

    def _new_part(self, el: etree._Element) -> str:
        """The part of an element the survey did not see (above ``top``)."""
        part = self.parts[el] = _selector_part(el.tag, el.get("id"), el.get("class"))
        return part

    def langs(self) -> dict[etree._Element, str | None]:
        """The ``lang`` of each element under one (the page's ``lang`` elsewhere).

        Elements carrying lang are few: their subtrees are mapped once, in
        document order, so an inner lang overrides an outer one.
        """
        if self.lang_map is None:
            self.lang_map = {}
            for marked in self.marked:
                value = marked.get("lang") or None
                for inside in marked.iter():
                    self.lang_map[inside] = value
        return self.lang_map

    def lang_of(self, el: etree._Element) -> str | None:
        """The ``lang`` in force at ``el`` (``lang`` of the page if none closer)."""
        return self.langs().get(el, self.lang)


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
    shown: list[tuple[etree._Element, etree._Element]] = []
    survey = _Survey(top)
    for el, reason in survey.cut:
        skipped[reason] = skipped.get(reason, 0) + 1
        parent = el.getparent()
        if reason in _REVEALED and parent is not None:
            shown.append((el, parent))  # its lang is its parent's
        _cut(el)
    ctx = _Context(survey, lang)
    revealed.extend((el, ctx.lang_of(parent)) for el, parent in shown)
    segments = _text_segments(top, ctx)
    segments.extend(_attribute_segments(survey.with_attrs, ctx))
    return segments


def _text_flow(top: etree._Element) -> list[tuple[etree._Element, str] | None]:
    """The text nodes under ``top`` in order, with their parent element.

    Whitespace-only nodes are None. libxml2 keeps the text on either side
    of a stripped comment or script as two nodes, so this is not the same
    as reading ``text`` and ``tail``.
    """
    flow: list[tuple[etree._Element, str] | None] = []
    for text in _TEXTS(top):
        if text.isspace():
            flow.append(None)
            continue
        container = text.getparent()
        if text.is_tail:
            container = container.getparent()
            if container is None:
                continue
        flow.append((container, text))
    return flow


def _group_texts(top: etree._Element, ctx: _Context) -> dict[etree._Element, list[str]]:
    """The text nodes under ``top``, in order, grouped by their segment owner."""
    flow = _text_flow(top)
    # An element holds running text of its own if one of its text nodes is
    # not whitespace: a link in it is part of a sentence, not a list item.
    ctx.with_text = {item[0] for item in flow if item is not None}
    texts: dict[etree._Element, list[str]] = {}
    by_container: dict[etree._Element, list[str]] = {}
    last: list[str] | None = None
    for item in flow:
        if item is None:
            # Whitespace only separates words: give it to the text before it
            # (at worst a trailing space, which collapsing removes).
            if last is not None:
                last.append(" ")
            continue
        container, text = item
        last = by_container.get(container)
        if last is None:
            owner = ctx.owner_of(container)
            last = texts.get(owner)
            if last is None:
                last = texts[owner] = []
            by_container[container] = last
        last.append(text)
    return texts


def _text_segments(top: etree._Element, ctx: _Context) -> list[pm.Segment]:
    texts = _group_texts(top, ctx)
    collapsed = collapse_all(["".join(parts) for parts in texts.values()])
    prices = ctx.prices
    selector = ctx.selector
    langs = ctx.langs()
    lang = ctx.lang
    return [
        pm.segment_of(
            (
                pm.TEXT,
                text,
                el.sourceline or 1,
                selector(el),
                langs.get(el, lang),
                "price" if el in prices else None,
            )
        )
        for el, text in zip(texts, collapsed, strict=True)
    ]


def _attribute_segments(
    elements: list[tuple[etree._Element, list[str]]], ctx: _Context
) -> list[pm.Segment]:
    """Segments of the text attributes of ``elements`` (with their names)."""
    found: list[tuple[etree._Element, str]] = []
    values: list[str] = []
    for el, names in elements:
        for name, kind in _ATTR_KINDS:
            if name in names:
                value = el.get(name)
                if value and not value.isspace():
                    found.append((el, kind))
                    values.append(value)
        if (
            "value" in names
            and el.tag == "input"
            and (el.get("type") or "").lower() in _BUTTON_INPUTS
        ):
            value = el.get("value")
            if value and not value.isspace():
                found.append((el, pm.BUTTON_VALUE))
                values.append(value)
    selector = ctx.selector
    langs = ctx.langs()
    lang = ctx.lang
    return [
        pm.segment_of(
            (kind, text, el.sourceline or 1, selector(el), langs.get(el, lang), None)
        )
        for (el, kind), text in zip(found, collapse_all(values), strict=True)
    ]
