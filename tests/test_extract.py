"""Extraction: what a shopper sees, with kinds, lines and selectors; what is cut."""

from __future__ import annotations

from loccheck import page as pm
from loccheck.extract import build_page

HTML = """<!doctype html>
<html lang="ru-RU">
<head>
<meta charset="utf-8">
<title>Кожаная сумка &mdash; Мода</title>
<meta name="description" content="Сумка из   натуральной кожи">
<meta property="og:title" content="Кожаная сумка">
<meta property="og:locale" content="ru_RU">
<meta property="og:site_name" content="Мода Маркет">
<meta property="og:price:amount" content="2490">
<meta property="og:price:currency" content="RUB">
<link rel="alternate" hreflang="ru-RU" href="https://shop.example/ru/bag.html">
<link rel="alternate" hreflang="x-default" href="/index.html">
<link rel="canonical" href="https://shop.example/ru/bag.html">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "Product", "name": "Кожаная сумка", "description": "Ручная работа",
  "brand": {"@type": "Brand", "name": "Ладья"},
  "offers": {"@type": "AggregateOffer", "lowPrice": 2490, "highPrice": "3990",
             "priceCurrency": "RUB"}}]}
</script>
<script>var t = "Add to cart";</script>
<style>.x { content: "Add to cart"; }</style>
</head>
<body>
<nav><a href="/">Главная</a> <a href="catalog/">Каталог</a></nav>
<p>Доставка <b>бесплатно</b> по всей России</p>
<img src="a.jpg" alt="Сумка, вид спереди">
<input type="search" placeholder="Поиск товаров" aria-label="Поиск">
<input type="submit" value="Add to cart">
<button title="Добавить">В корзину</button>
<div hidden>Hidden text</div>
<div aria-hidden="true">Aria hidden</div>
<div style="display: none">Invisible</div>
<div translate="no">Brand Block</div>
<span class="notranslate">Ladya Shop</span>
<noscript>Enable JavaScript</noscript>
<template><p>Template text</p></template>
<div itemscope itemtype="https://schema.org/Offer">
  <span class="price" itemprop="price" content="2490.00">2 490 ₽</span>
  <meta itemprop="priceCurrency" content="RUB">
</div>
<p lang="en">Made with love</p>
</body>
</html>
"""


def _page() -> pm.Page:
    return build_page("ru/bag.html", HTML, "utf-8")


def _texts(page: pm.Page, kind: str) -> list[str]:
    return [s.text for s in page.segments if s.kind == kind]


def test_head_segments() -> None:
    page = _page()
    assert _texts(page, pm.TITLE) == ["Кожаная сумка — Мода"]
    assert _texts(page, pm.META_DESCRIPTION) == ["Сумка из натуральной кожи"]
    assert _texts(page, pm.OG_TITLE) == ["Кожаная сумка"]
    assert _texts(page, pm.JSONLD_NAME) == ["Кожаная сумка"]
    assert _texts(page, pm.JSONLD_DESCRIPTION) == ["Ручная работа"]
    assert page.html_lang == "ru-RU"
    assert page.meta("og:locale") is not None
    assert set(page.brands) == {"Мода Маркет", "Ладья"}


def test_visible_text_attributes_and_buttons() -> None:
    page = _page()
    text = _texts(page, pm.TEXT)
    assert "Главная" in text and "Каталог" in text  # a row of links: one segment each
    assert (
        "Доставка бесплатно по всей России" in text
    )  # inline markup joins running text
    assert "В корзину" in text
    assert _texts(page, pm.ATTR_ALT) == ["Сумка, вид спереди"]
    assert _texts(page, pm.ATTR_PLACEHOLDER) == ["Поиск товаров"]
    assert _texts(page, pm.ATTR_ARIA_LABEL) == ["Поиск"]
    assert _texts(page, pm.ATTR_TITLE) == ["Добавить"]
    assert _texts(page, pm.BUTTON_VALUE) == ["Add to cart"]


def test_invisible_and_untranslatable_subtrees_are_skipped_and_counted() -> None:
    page = _page()
    every = " | ".join(s.text for s in page.segments)
    for hidden in (
        "Hidden text",
        "Aria hidden",
        "Invisible",
        "Brand Block",
        "Ladya Shop",
        "Enable JavaScript",
        "Template text",
        "var t",
    ):
        assert hidden not in every
    # A script may reveal hidden and display:none subtrees: kept apart.
    assert [s.text for s in page.hidden_segments] == ["Hidden text", "Invisible"]
    assert page.skipped == {
        "hidden": 1,
        "aria-hidden": 1,
        "display-none": 1,
        "translate-no": 1,
        "notranslate": 1,
    }


def test_lines_selectors_lang_and_price_hint() -> None:
    page = _page()
    by_text = {s.text: s for s in page.segments if s.kind == pm.TEXT}
    delivery = by_text["Доставка бесплатно по всей России"]
    assert (
        delivery.line
        == HTML.splitlines().index("<p>Доставка <b>бесплатно</b> по всей России</p>")
        + 1
    )
    assert delivery.selector.endswith("body > p")
    assert delivery.lang == "ru-RU"
    assert by_text["Made with love"].lang == "en"
    assert by_text["2 490 ₽"].hint == "price"
    line, column = page.position(delivery.line, delivery.text)
    assert (line, column) == (delivery.line, 4)


def test_structured_prices() -> None:
    prices = {(p.source, p.field): p for p in _page().prices}
    assert prices[("jsonld", "lowPrice")].amount == "2490"
    assert prices[("jsonld", "highPrice")].amount == "3990"
    assert prices[("jsonld", "lowPrice")].currency == "RUB"
    assert prices[("jsonld", "lowPrice")].name == "Кожаная сумка"
    assert prices[("og", "og:price:amount")].currency == "RUB"
    micro = prices[("microdata", "price")]
    assert (micro.amount, micro.currency) == ("2490.00", "RUB")


def test_links_and_alternates() -> None:
    page = _page()
    assert page.links == ("/", "catalog/")
    assert [(a.hreflang, a.href) for a in page.alternates] == [
        ("ru-RU", "https://shop.example/ru/bag.html"),
        ("x-default", "/index.html"),
    ]
    assert page.canonical == "https://shop.example/ru/bag.html"


def test_broken_documents_do_not_crash() -> None:
    assert build_page("e.html", "").segments == ()
    truncated = build_page("t.html", "<html lang='ru'><body><p>Незакрытый абзац <b>жир")
    assert [s.text for s in truncated.segments] == ["Незакрытый абзац жир"]
    xml = build_page(
        "x.html",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Да</p></body></html>',
    )
    assert [s.text for s in xml.segments] == ["Да"]
    bad_ld = build_page(
        "j.html",
        '<html><head><script type="application/ld+json">{"a":}</script></head></html>',
    )
    assert len(bad_ld.jsonld_errors) == 1


def test_no_break_spaces_survive_whitespace_collapsing() -> None:
    page = build_page(
        "p.html",
        '<html lang="ru"><body><p>Цена:\n   2\u00a0490\u202f₽</p></body></html>',
    )
    assert [s.text for s in page.segments] == ["Цена: 2\u00a0490\u202f₽"]


def test_content_after_an_early_html_end_tag_is_kept() -> None:
    page = build_page(
        "p.html",
        '<html lang="ru"><body><p>До</p></html>\n<p>После</p>'
        '<script type="application/ld+json">{"@type": "Product", "name": "Сумка"}'
        "</script>",
    )
    texts = [s.text for s in page.segments]
    assert "До" in texts and "После" in texts and "Сумка" in texts


def test_deep_unclosed_nesting_and_stray_end_tags_lose_nothing() -> None:
    cards = "<div><p>Карточка</p>" * 300  # a template that leaves divs open
    page = build_page(
        "p.html", f"<html><body>{cards}</div></td><p>Конец</p></body></html>"
    )
    assert [s.text for s in page.segments].count("Карточка") == 300
    assert "Конец" in [s.text for s in page.segments]
    assert page.parse_problem is None


def test_nesting_beyond_the_parser_limit_is_reported() -> None:
    page = build_page("p.html", "<html><body>" + "<div>" * 2600 + "x</body></html>")
    assert page.parse_problem is not None and "line" in page.parse_problem


def test_lines_survive_cr_newlines_and_an_xml_declaration() -> None:
    source = (
        '<?xml version="1.0" encoding="utf-8"?>\r<html>\r<body>\r\r'
        "<p>Третья</p></body></html>"
    )
    page = build_page("p.html", source)
    segment = next(s for s in page.segments if s.text == "Третья")
    assert page.position(segment.line, segment.text) == (5, 4)


def test_xml_lang_alone_does_not_give_an_html_page_its_language() -> None:
    """In an HTML document xml:lang has no effect (HTML Standard): only lang
    declares the page's language."""
    only_xml = (
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ru"><body>x</body></html>'
    )
    both = '<html xml:lang="ru" lang="ru-RU"><body>x</body></html>'
    assert build_page("a.html", only_xml).html_lang is None
    assert build_page("b.html", both).html_lang == "ru-RU"
