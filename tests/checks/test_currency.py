"""The currency rules beyond their examples: severities, positions, suggestions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from loccheck.checks.base import Check, PageContext
from loccheck.checks.currency.foreign_currency import ForeignCurrency
from loccheck.checks.currency.mixed_currencies import MixedCurrencies
from loccheck.crawl import LinkTarget
from loccheck.decode import decode_html
from loccheck.engine import ScanOptions, scan
from loccheck.extract import build_page
from loccheck.markets import Market, build_market, load_market, load_profiles
from loccheck.model import Finding, LocaleSource, Severity

Site = Callable[[dict[str, "str | bytes"]], Path]


def _run(check: type[Check], html: str, market: Market) -> list[Finding]:
    page = build_page("index.html", html)
    ctx = PageContext(
        page,
        market,
        LocaleSource.CLI,
        decode_html(html.encode("utf-8")),
        lambda href: LinkTarget("external", None),
    )
    return list(check().check(ctx))


def _scan(write_site: Site, html: str, locale: str | None = "ru-RU") -> list[Finding]:
    root = write_site({"index.html": html})
    return list(scan(root, "site", ScanOptions(locale=locale), jobs=1).findings)


def test_a_currency_the_profile_allows_is_not_foreign(tmp_path: Path) -> None:
    (tmp_path / "ru.yaml").write_text("id: ru\n", encoding="utf-8")
    (tmp_path / "ru-RU.yaml").write_text(
        "id: ru-RU\nextends: ru\nallowed_currencies: [USD]\n", encoding="utf-8"
    )
    market = build_market("ru-RU", load_profiles(tmp_path))
    html = '<p class="price">4 590 ₽</p><p class="price">$49.99</p><p>12 €</p>'
    assert [f.text for f in _run(ForeignCurrency, html, market)] == ["12 €"]
    assert [f.text for f in _run(MixedCurrencies, html, market)] == ["12 €"]


def test_an_approximate_conversion_is_a_warning(write_site: Site) -> None:
    html = '<p class="price">4 590 ₽ <span>(≈ $49)</span></p><p>Доставка $5</p>'
    found = [f for f in _scan(write_site, html) if f.rule == "foreign-currency"]
    assert [(f.text, f.severity) for f in found] == [
        ("$49", Severity.WARNING),
        ("$5", Severity.ERROR),
    ]
    assert "approximate" in found[0].message


def test_findings_point_at_the_price_written_with_entities(write_site: Site) -> None:
    html = '<html lang="ru">\n<body>\n<p>Итого:\n  <b>45,99&nbsp;&euro;</b></p>'
    (finding,) = [f for f in _scan(write_site, html) if f.rule == "foreign-currency"]
    assert (finding.line, finding.column, finding.text) == (4, 6, "45,99\u00a0€")
    assert finding.found == {"currency": "EUR", "symbol": "€", "amount": 45.99}
    assert finding.expected == {"currency": "RUB"}


def test_a_mislabelled_page_is_not_judged_by_the_wrong_market(write_site: Site) -> None:
    html = (
        '<html lang="en"><head><meta property="og:locale" content="ru_RU"></head>'
        '<body><p class="price">15 990 ₽</p><p>с 9:00 до 21:00</p></body></html>'
    )
    findings = _scan(write_site, html, locale=None)
    mine = {"foreign-currency", "time-format", "price-format"}
    assert not [f for f in findings if f.rule in mine]


@pytest.mark.parametrize(
    ("market", "html", "suggestion"),
    [
        ("ru-RU", "<p>₽7,450.00</p>", "7\u00a0450,00\u00a0₽"),
        ("ru-RU", "<p>7450₽</p>", "7\u00a0450\u00a0₽"),
        ("ru-RU", "<p>7.450 ₽</p>", "7\u00a0450\u00a0₽"),
        ("de-DE", "<p>€ 49,99</p>", "49,99\u00a0€"),
        ("de-DE", "<p>1,299.00 €</p>", "1.299,00\u00a0€"),
        ("en-US", "<p>45,99 $</p>", "$45.99"),
        ("ja-JP", "<p>4.980 ¥</p>", "￥4,980"),
    ],
)
def test_price_format_suggests_babels_format(
    write_site: Site, market: str, html: str, suggestion: str
) -> None:
    findings = _scan(write_site, html, market)
    assert [f.suggestion for f in findings if f.rule == "price-format"] == [suggestion]


def test_structured_currency_points_at_the_json_value(write_site: Site) -> None:
    html = (
        '<html lang="ru">\n<head>\n<script type="application/ld+json">\n{\n'
        '  "@type": "Product",\n  "offers": {\n    "price": "15990",\n'
        '    "priceCurrency": "USD"\n  }\n}\n</script>\n</head>\n'
        '<body><p class="price">15 990 ₽</p></body></html>'
    )
    found = [f for f in _scan(write_site, html) if f.rule.startswith("structured")]
    assert [(f.rule, f.line, f.column, f.text) for f in found] == [
        ("structured-currency-mismatch", 8, 23, "USD")
    ]


def test_structured_price_compares_parsed_amounts(write_site: Site) -> None:
    html = (
        '<meta property="og:price:amount" content="6490.00">'
        '<meta property="og:price:currency" content="RUB">'
        '<script type="application/ld+json">{"@type": "Product", "offers": '
        '{"price": "5990.00", "priceCurrency": "RUB"}}</script>'
        '<p class="price">6 490 ₽</p>'
    )
    found = [
        f for f in _scan(write_site, html) if f.rule == "structured-price-mismatch"
    ]
    assert [(f.text, f.found["source"]) for f in found] == [("5990.00", "jsonld")]


def test_ambiguous_symbol_names_the_reading_and_the_fix(write_site: Site) -> None:
    html = (
        '<meta property="og:price:amount" content="45">'
        '<meta property="og:price:currency" content="CAD">'
        '<p class="price">$45</p>'
    )
    (finding,) = [
        f for f in _scan(write_site, html) if f.rule == "ambiguous-currency-symbol"
    ]
    assert "reads as US Dollar (USD) on ru-RU" in finding.message
    assert finding.suggestion == "CA$45"


def test_market_reading_of_shared_symbols() -> None:
    from loccheck.currencies import reader_for

    def reads(market: str, symbol: str) -> str | None:
        reading = reader_for(load_market(market)).read(symbol)
        return reading.currency if reading else None

    assert reads("ru-RU", "$") == "USD"
    assert reads("es-MX", "$") == "MXN"
    assert reads("fr-CA", "$") == "CAD"
    assert reads("ja-JP", "¥") == "JPY"
    assert reads("zh-CN", "¥") == "CNY"
    assert reads("sv-SE", "kr") == "SEK"
    assert reads("ru-RU", "kr") is None
    assert reads("ru-RU", "AU$") == "AUD"
    assert reads("ru-RU", "Preis") is None
