"""Parse decoded HTML with lxml and build the page model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from loccheck import jsonld
from loccheck import page as pm
from loccheck.page import collapse
from loccheck.suppress import ATTRIBUTE, ignored_elements
from loccheck.visible import visible_segments

_META_SEGMENTS = {
    "description": pm.META_DESCRIPTION,
    "og:title": pm.OG_TITLE,
    "og:description": pm.OG_DESCRIPTION,
    "twitter:title": pm.TWITTER_TITLE,
    "twitter:description": pm.TWITTER_DESCRIPTION,
}
_STRUCTURED_PRICE_METAS = {
    "og:price:amount": ("og", "amount"),
    "og:price:currency": ("og", "currency"),
    "product:price:amount": ("product", "amount"),
    "product:price:currency": ("product", "currency"),
}
# In document order, as plain strings: no element is handed to Python.
_HREFS = etree.XPath(
    "descendant-or-self::a/@href | descendant-or-self::area/@href",
    smart_strings=False,
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HTML_END = re.compile(r"</html\s*>", re.I)
# libxml2 messages that mean the rest of the page was dropped (ADR 0001).
_TRUNCATION = (
    "Excessive depth in document",
    "Resource limit exceeded",
    "huge text node",
)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def prepare(source: str) -> str:
    """Make a decoded page safe for libxml2 without moving any line or column.

    Newlines are normalised to LF (libxml2 does not count a lone CR as a
    line); a leading XML declaration is blanked (lxml refuses it in a str);
    ``</html>`` end tags are blanked (libxml2 2.14 drops everything after
    them, where HTML5 parsers keep it in the body).
    """
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    if source.lstrip().startswith("<?"):
        source = _XML_DECL.sub(_blank, source, count=1)
    if "</" in source:
        source = _HTML_END.sub(_blank, source)
    return source


def parse_tree(source: str) -> tuple[etree._Element | None, str | None]:
    """Parse prepared HTML text with lxml.

    Returns the root (None for a document with no elements) and, when libxml2
    had to stop early, a one-line reason: the rest of the page is missing.
    """
    if not source.strip():
        return None, None
    parser = etree.HTMLParser(recover=True, huge_tree=True, remove_pis=True)
    try:
        root = etree.fromstring(source, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        return None, f"could not be parsed: {exc}"
    for entry in parser.error_log:
        if any(marker in entry.message for marker in _TRUNCATION):
            return (
                root,
                f"parsing stopped at line {entry.line} ({entry.message.strip()})",
            )
    return root, None


@dataclass
class _Head:
    metas: list[pm.MetaTag] = field(default_factory=list)
    segments: list[pm.Segment] = field(default_factory=list)
    alternates: list[pm.Alternate] = field(default_factory=list)
    prices: list[pm.StructuredPrice] = field(default_factory=list)
    brands: list[str] = field(default_factory=list)
    canonical: str | None = None


def _read_meta(el: etree._Element, head: _Head, lang: str | None) -> None:
    line = el.sourceline or 1
    charset = el.get("charset")
    if charset is not None:
        head.metas.append(pm.MetaTag("charset", charset.strip(), line))
    equiv = (el.get("http-equiv") or "").strip().lower()
    if equiv == "content-type":
        head.metas.append(pm.MetaTag("content-type", el.get("content") or "", line))
    key = (el.get("property") or el.get("name") or "").strip().lower()
    content = el.get("content")
    if not key or content is None:
        return
    head.metas.append(pm.MetaTag(key, content.strip(), line))
    selector = f'meta[{"property" if el.get("property") else "name"}="{key}"]'
    kind = _META_SEGMENTS.get(key)
    if kind and content.strip():
        head.segments.append(pm.Segment(kind, collapse(content), line, selector, lang))
    elif key == "og:site_name" and content.strip():
        head.brands.append(collapse(content))
    elif key in _STRUCTURED_PRICE_METAS:
        source, part = _STRUCTURED_PRICE_METAS[key]
        head.prices.append(
            pm.StructuredPrice(
                source,
                key,
                content.strip() if part == "amount" else None,
                content.strip() if part == "currency" else None,
                line,
                selector,
            )
        )


def _read_link(el: etree._Element, head: _Head) -> None:
    rel = (el.get("rel") or "").lower().split()
    href = el.get("href")
    if href is None:
        return
    if "alternate" in rel and el.get("hreflang") is not None:
        head.alternates.append(
            pm.Alternate(
                el.get("hreflang", "").strip(), href.strip(), el.sourceline or 1
            )
        )
    elif "canonical" in rel and head.canonical is None:
        head.canonical = href.strip()


def _merge_og_prices(prices: list[pm.StructuredPrice]) -> list[pm.StructuredPrice]:
    """Pair ``og:price:amount`` with ``og:price:currency`` (and product:*)."""
    merged: list[pm.StructuredPrice] = []
    for source in ("og", "product"):
        group = [p for p in prices if p.source == source]
        amounts = [p for p in group if p.amount is not None]
        currencies = [p.currency for p in group if p.currency is not None]
        currency = currencies[0] if currencies else None
        for amount in amounts:
            merged.append(
                pm.StructuredPrice(
                    source,
                    amount.field,
                    amount.amount,
                    currency,
                    amount.line,
                    amount.selector,
                )
            )
        if not amounts:
            merged.extend(group)
    return merged


def _microdata_prices(root: etree._Element) -> list[pm.StructuredPrice]:
    found: list[pm.StructuredPrice] = []
    for el in root.iterfind(".//*[@itemprop]"):
        prop = el.get("itemprop")
        if prop not in ("price", "lowPrice", "highPrice"):
            continue
        amount = el.get("content") or collapse("".join(el.itertext()))
        scope = el.getparent()
        while scope is not None and scope.get("itemscope") is None:
            scope = scope.getparent()
        currency = None
        if scope is not None:
            for cur in scope.iterfind(".//*[@itemprop='priceCurrency']"):
                currency = cur.get("content") or collapse("".join(cur.itertext()))
                break
        found.append(
            pm.StructuredPrice(
                "microdata",
                str(prop),
                amount,
                currency,
                el.sourceline or 1,
                f'[itemprop="{prop}"]',
            )
        )
    return found


def build_page(path: str, source: str, encoding: str | None = None) -> pm.Page:
    """Parse ``source`` and return the page model of ``path``."""
    source = prepare(source)
    root, problem = parse_tree(source)
    if root is None:
        return pm.Page(
            path=path, source=source, encoding=encoding, parse_problem=problem
        )
    html_el = root if root.tag == "html" else root.find(".//html")
    # Not xml:lang: in an HTML document it has no effect (HTML Standard,
    # "The lang and xml:lang attributes"), so a page with only it lacks lang.
    html_lang = html_el.get("lang") if html_el is not None else None
    lang = html_lang.strip() if html_lang else None
    head = _Head()
    jsonld_errors: list[tuple[int, str]] = []
    for el in root.iter("meta", "link", "title", "script"):
        tag = el.tag
        if tag == "meta":
            _read_meta(el, head, lang)
        elif tag == "link":
            _read_link(el, head)
        elif tag == "title":
            text = collapse("".join(el.itertext()))
            if text:
                head.segments.append(
                    pm.Segment(pm.TITLE, text, el.sourceline or 1, "title", lang)
                )
        elif (el.get("type") or "").strip().lower() == "application/ld+json":
            result = jsonld.read_block(el.text or "", el.sourceline or 1)
            head.segments.extend(result.segments)
            head.prices.extend(result.prices)
            head.brands.extend(result.brands)
            if result.error:
                jsonld_errors.append(
                    (result.error_line or el.sourceline or 1, result.error)
                )
    body = root.find("body")
    body_dir = body.get("dir") if body is not None else None
    links = tuple(href.strip() for href in _HREFS(root) if href.strip())
    prices = [p for p in head.prices if p.source not in ("og", "product")]
    prices += _merge_og_prices(head.prices)
    if "itemprop" in source:  # a substring test in C spares a tree search
        prices += _microdata_prices(root)
    ignored = ignored_elements(root, source) if ATTRIBUTE in source else ()
    # Cuts the tree: last.
    body_segments, hidden_segments, skipped = visible_segments(root, lang)
    return pm.Page(
        path=path,
        source=source,
        encoding=encoding,
        html_lang=html_lang,
        html_lang_line=(html_el.sourceline or 1) if html_el is not None else 1,
        html_dir=html_el.get("dir") if html_el is not None else None,
        body_dir=body_dir,
        segments=tuple(head.segments + body_segments),
        hidden_segments=tuple(hidden_segments),
        prices=tuple(prices),
        alternates=tuple(head.alternates),
        metas=tuple(head.metas),
        links=links,
        brands=tuple(dict.fromkeys(head.brands)),
        jsonld_errors=tuple(jsonld_errors),
        canonical=head.canonical,
        skipped=skipped,
        parse_problem=problem,
        ignored=ignored,
    )
