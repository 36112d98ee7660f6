"""The price finder over real-world price strings, and the non-prices around them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loccheck.markets import load_market
from loccheck.prices import finder_for, parse_amount

NBSP, NNBSP = "\u00a0", "\u202f"

# (market, text, [(amount, currency the market reads, excerpt)]); an empty list
# means "no price here". The excerpt is left out where it is the whole text.
CASES: list[tuple[str, str, list[tuple[str, str | None, str | None]]]] = [
    # --- prices on a Russian page -------------------------------------------
    ("ru-RU", "US $45.99", [("45.99", "USD", None)]),
    ("ru-RU", "$45.99", [("45.99", "USD", None)]),
    ("ru-RU", "45,99 €", [("45.99", "EUR", None)]),
    ("ru-RU", "€45.99", [("45.99", "EUR", None)]),
    ("ru-RU", f"2{NBSP}490{NBSP}₽", [("2490", "RUB", None)]),
    ("ru-RU", "2 490 ₽", [("2490", "RUB", None)]),
    ("ru-RU", "2490 руб.", [("2490", "RUB", None)]),
    ("ru-RU", "2490 руб", [("2490", "RUB", None)]),
    ("ru-RU", "2490 р.", [("2490", "RUB", None)]),
    ("ru-RU", "2 490,00 RUB", [("2490.00", "RUB", None)]),
    ("ru-RU", "RUB 2 490", [("2490", "RUB", None)]),
    ("ru-RU", "¥4,980", [("4980", "JPY", None)]),
    ("ru-RU", "R$ 49,90", [("49.90", "BRL", None)]),
    ("ru-RU", "45.99 USD", [("45.99", "USD", None)]),
    ("ru-RU", "CA$12", [("12", "CAD", None)]),
    ("ru-RU", "4 100 ₽", [("4100", "RUB", None)]),
    ("ru-RU", "от 1 200 ₽", [("1200", "RUB", "1 200 ₽")]),
    ("ru-RU", "1 200–2 400 ₽", [("1200", "RUB", None)]),
    ("ru-RU", "1 200 - 2 400 ₽", [("1200", "RUB", None)]),
    ("ru-RU", "$10–20", [("10", "USD", None)]),
    ("ru-RU", "150 грн", [("150", "UAH", None)]),
    ("ru-RU", "150 грн.", [("150", "UAH", None)]),
    ("ru-RU", "49,99 zł", [("49.99", "PLN", None)]),
    ("ru-RU", "1 299 Kč", [("1299", "CZK", None)]),
    ("ru-RU", "499 kr", [("499", None, None)]),
    ("ru-RU", "2 500 ₸", [("2500", "KZT", None)]),
    ("ru-RU", "2 500 тг", [("2500", "KZT", None)]),
    ("ru-RU", "99 ₴", [("99", "UAH", None)]),
    ("ru-RU", "£19.99", [("19.99", "GBP", None)]),
    ("ru-RU", "19,99 £", [("19.99", "GBP", None)]),
    ("ru-RU", "₹499", [("499", "INR", None)]),
    ("ru-RU", "₩29,900", [("29900", "KRW", None)]),
    ("ru-RU", "₺149,90", [("149.90", "TRY", None)]),
    ("ru-RU", "CHF 49.90", [("49.90", "CHF", None)]),
    ("ru-RU", "A$59.95", [("59.95", "AUD", None)]),
    ("ru-RU", "HK$88", [("88", "HKD", None)]),
    ("ru-RU", "NZ$ 35", [("35", "NZD", None)]),
    ("ru-RU", "AU$ 59", [("59", "AUD", None)]),
    ("ru-RU", "¥359.90", [("359.90", "JPY", None)]),
    ("ru-RU", "CN¥359.90", [("359.90", "CNY", None)]),
    ("ru-RU", "359,90 元", [("359.90", "CNY", None)]),
    ("ru-RU", "1.299,00 €", [("1299.00", "EUR", None)]),
    ("ru-RU", "1,299.00 $", [("1299.00", "USD", None)]),
    ("ru-RU", "₽7,450.00", [("7450.00", "RUB", None)]),
    ("ru-RU", "7.450,00 ₽", [("7450.00", "RUB", None)]),
    ("ru-RU", "7450₽", [("7450", "RUB", None)]),
    ("ru-RU", "Цена: 8 990 ₽", [("8990", "RUB", "8 990 ₽")]),
    ("ru-RU", "−500 ₽ на первый заказ", [("500", "RUB", "500 ₽")]),
    ("ru-RU", "≈ $45", [("45", "USD", "$45")]),
    ("ru-RU", "(~ 49 €)", [("49", "EUR", "49 €")]),
    ("ru-RU", "1 000 000 ₽", [("1000000", "RUB", None)]),
    ("ru-RU", "99,50 ₽", [("99.50", "RUB", None)]),
    ("ru-RU", "0,99 $", [("0.99", "USD", None)]),
    (
        "ru-RU",
        "4 590 ₽ 5 990 ₽",
        [("4590", "RUB", "4 590 ₽"), ("5990", "RUB", "5 990 ₽")],
    ),
    (
        "ru-RU",
        "12 990 ₽ US $120.00",
        [("12990", "RUB", "12 990 ₽"), ("120.00", "USD", "US $120.00")],
    ),
    (
        "ru-RU",
        "Бесплатная доставка от 3 000 ₽, иначе 299 ₽",
        [("3000", "RUB", "3 000 ₽"), ("299", "RUB", "299 ₽")],
    ),
    ("ru-RU", "12 990 руб.", [("12990", "RUB", None)]),
    ("ru-RU", "USD 1,299.00", [("1299.00", "USD", None)]),
    ("ru-RU", "EUR 45", [("45", "EUR", None)]),
    ("ru-RU", "45 EUR", [("45", "EUR", None)]),
    ("ru-RU", "1 200 бел. руб.", [("1200", "BYN", None)]),
    ("ru-RU", "TRY 1,299.00", [("1299.00", "TRY", None)]),
    ("ru-RU", "PHP 1,500.00", [("1500.00", "PHP", None)]),
    ("ru-RU", "5 990,00 ₽/шт.", [("5990.00", "RUB", "5 990,00 ₽")]),
    # --- prices on other markets --------------------------------------------
    ("en-US", "$45.99", [("45.99", "USD", None)]),
    ("en-US", "$1,299.00", [("1299.00", "USD", None)]),
    ("en-US", "From $19", [("19", "USD", "$19")]),
    (
        "en-US",
        "$19.99–$29.99",
        [("19.99", "USD", "$19.99"), ("29.99", "USD", "$29.99")],
    ),
    ("en-US", "¥359.90", [("359.90", "JPY", None)]),
    ("en-US", "C$12", [("12", None, None)]),  # CLDR: CAD in some locales, NIO
    ("en-US", "CA$12", [("12", "CAD", None)]),
    ("en-US", "USD 45", [("45", "USD", None)]),
    ("en-US", "Save $5!", [("5", "USD", "$5")]),
    ("en-US", "$5.00 off", [("5.00", "USD", "$5.00")]),
    ("en-US", "1.234,56 €", [("1234.56", "EUR", None)]),
    ("es-MX", "$899.00", [("899.00", "MXN", None)]),
    ("es-MX", "$ 899", [("899", "MXN", None)]),
    ("es-MX", "US$899", [("899", "USD", None)]),
    ("es-MX", "899 MXN", [("899", "MXN", None)]),
    ("es-MX", "899 M.N.", [("899", "MXN", None)]),
    ("en-GB", "£49.00", [("49.00", "GBP", None)]),
    ("en-GB", "£1,049", [("1049", "GBP", None)]),
    ("de-DE", f"49,99{NBSP}€", [("49.99", "EUR", None)]),
    ("de-DE", "1.299,00 €", [("1299.00", "EUR", None)]),
    ("de-DE", "ab 50 €", [("50", "EUR", "50 €")]),
    ("de-DE", "45,- €", [("45", "EUR", None)]),
    ("de-DE", "EUR 45,95", [("45.95", "EUR", None)]),
    ("de-DE", "45,95 EUR", [("45.95", "EUR", None)]),
    ("de-DE", "€ 49,99", [("49.99", "EUR", None)]),
    ("de-CH", "CHF 1'299.00", [("1299.00", "CHF", None)]),
    ("de-CH", "Fr. 49.90", [("49.90", "CHF", None)]),
    ("de-CH", "CHF 1’299.–", [("1299", "CHF", None)]),
    ("fr-FR", f"45,95{NBSP}€", [("45.95", "EUR", None)]),
    ("fr-FR", f"1{NNBSP}299,00{NBSP}€", [("1299.00", "EUR", None)]),
    ("fr-FR", "à partir de 19 €", [("19", "EUR", "19 €")]),
    ("fr-CA", "49,99 $", [("49.99", "CAD", None)]),
    ("ja-JP", "¥4,980", [("4980", "JPY", None)]),
    ("ja-JP", "￥4,980", [("4980", "JPY", None)]),
    ("ja-JP", "4,980円", [("4980", "JPY", None)]),
    ("ja-JP", "4,980円（税込）", [("4980", "JPY", "4,980円")]),
    ("ja-JP", "$45.99", [("45.99", "USD", None)]),
    ("ja-JP", "359.90元", [("359.90", "CNY", None)]),
    ("zh-CN", "¥359.90", [("359.90", "CNY", None)]),
    ("zh-CN", "￥359.90", [("359.90", "CNY", None)]),
    ("zh-CN", "359.90元", [("359.90", "CNY", None)]),
    ("zh-CN", "JP¥4,980", [("4980", "JPY", None)]),
    ("zh-CN", "US$45.99", [("45.99", "USD", None)]),
    ("zh-TW", "NT$1,290", [("1290", "TWD", None)]),
    ("zh-TW", "$1,290", [("1290", "TWD", None)]),
    ("ko-KR", "29,900원", [("29900", "KRW", None)]),
    ("ko-KR", "₩29,900", [("29900", "KRW", None)]),
    ("sv-SE", "1 299 kr", [("1299", "SEK", None)]),
    ("sv-SE", "199:-", [("199", "SEK", None)]),
    ("sv-SE", "49 kr", [("49", "SEK", None)]),
    ("cs-CZ", "1 299 Kč", [("1299", "CZK", None)]),
    ("cs-CZ", "199,-", [("199", "CZK", None)]),
    ("pl-PL", "49,99 zł", [("49.99", "PLN", None)]),
    ("uk-UA", "1 299 грн", [("1299", "UAH", None)]),
    ("uk-UA", "1 299 ₴", [("1299", "UAH", None)]),
    ("kk-KZ", "12 990 ₸", [("12990", "KZT", None)]),
    ("tr-TR", "149,90 TL", [("149.90", "TRY", None)]),
    ("tr-TR", "₺149,90", [("149.90", "TRY", None)]),
    ("pt-BR", "R$ 49,90", [("49.90", "BRL", None)]),
    ("pt-BR", "R$1.299,90", [("1299.90", "BRL", None)]),
    ("he-IL", "₪199", [("199", "ILS", None)]),
    ("he-IL", '199 ש"ח', [("199", "ILS", None)]),
    ("ar-SA", f"١٨٥٫٠٠{NBSP}ر.س.", [("185.00", "SAR", None)]),
    ("ar-SA", "185 ريال", [("185", "SAR", None)]),
    ("be-BY", "45,90 Br", [("45.90", "BYN", None)]),
    ("nl-NL", "€ 49,95", [("49.95", "EUR", None)]),
    ("it-IT", "49,90 €", [("49.90", "EUR", None)]),
    ("es-ES", "49,90 €", [("49.90", "EUR", None)]),
    # --- not prices ------------------------------------------------------------
    ("ru-RU", "+7 800 555-35-35", []),
    ("ru-RU", "8 (800) 555-35-35", []),
    ("ru-RU", "+49 30 1234567", []),
    ("ru-RU", "12.05.2025", []),
    ("ru-RU", "12/05/2025", []),
    ("ru-RU", "2025-12-31", []),
    ("ru-RU", "с 10:00 до 22:00", []),
    ("ru-RU", "SKU 4471-XL", []),
    ("ru-RU", "Артикул: 100234", []),
    ("ru-RU", "Art.-Nr. 100234", []),
    ("ru-RU", "42 RU", []),
    ("ru-RU", "EU 42", []),
    ("ru-RU", "Размер S, M, L, XL", []),
    ("ru-RU", "38 × 30 × 14 см", []),
    ("ru-RU", "25,7 см", []),
    ("ru-RU", "20 %", []),
    ("ru-RU", "−20%", []),
    ("ru-RU", "iOS 12.0", []),
    ("ru-RU", "Android 14", []),
    ("ru-RU", "версия 2.4.1", []),
    ("ru-RU", "Pixel 9", []),
    ("ru-RU", "Samsung Galaxy S24 Ultra", []),
    ("ru-RU", "iPhone 15 Pro Max", []),
    ("ru-RU", "Nike Air Max 90", []),
    ("ru-RU", "Adidas Ultraboost 23", []),
    ("ru-RU", "USB 3.0", []),
    ("ru-RU", "Wi-Fi 6", []),
    ("ru-RU", "A4", []),
    ("ru-RU", "HTML5", []),
    ("ru-RU", "Amazon S3", []),
    ("ru-RU", "${price}", []),
    ("ru-RU", "{{ price | money }}", []),
    ("ru-RU", "$price", []),
    ("ru-RU", "$('.cart').show()", []),
    ("ru-RU", "replace(/(\\d+)/, '$1')", []),
    ("ru-RU", "echo $HOME", []),
    ("ru-RU", "TOP 10", []),
    ("ru-RU", "PHP 8.2", []),
    ("ru-RU", "AMD 3600", []),
    ("ru-RU", "ALL 5", []),
    ("ru-RU", "5 Le", []),
    ("ru-RU", "10 KM", []),
    ("ru-RU", "5 krát", []),
    ("ru-RU", "USDT 100", []),
    ("ru-RU", "100 USDT", []),
    ("ru-RU", "ISO 9001", []),
    ("ru-RU", "1 200 шт.", []),
    ("ru-RU", "3 дня", []),
    ("ru-RU", "© 2025", []),
    ("ru-RU", "4,6 из 5", []),
    ("ru-RU", "★ 4.8 (120)", []),
    ("ru-RU", "30 °C", []),
    ("ru-RU", "1080px x 1600px", []),
    ("ru-RU", "27:40", []),
    ("ru-RU", "0180 - 000000", []),
    ("ru-RU", "12345-123456789", []),
    ("ru-RU", "RUB", []),
    ("ru-RU", "USD EUR GBP", []),
    ("ru-RU", "Валюта: ₽", []),
    ("ru-RU", "XL 52", []),
    ("ru-RU", "R2-D2", []),
    ("en-US", "Rated 4.5 out of 5", []),
    ("en-US", "Ships in 3-5 days", []),
    ("en-US", "Call 1-800-555-0199", []),
    ("en-US", "Model 3", []),
    ("en-US", "PS5", []),
    ("en-US", "RTX 4090", []),
    ("en-US", "Size 10 US", []),
    ("en-US", "US 10", []),
    ("en-US", "Save 20%", []),
    ("de-DE", "4,6 von 5", []),
    ("de-DE", "10.000 mm", []),
    ("de-DE", "HRB 700123", []),
    ("de-DE", "bis 18:30 Uhr", []),
    ("ja-JP", "2025年12月5日", []),
    ("ja-JP", "30×40cm", []),
    ("zh-CN", "2025年12月5日", []),
    ("zh-CN", "满额包邮：", []),
]


@pytest.mark.parametrize(
    ("market", "text", "expected"), CASES, ids=[f"{m}:{t}" for m, t, _ in CASES]
)
def test_price_finder(
    market: str, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    found = finder_for(load_market(market)).find(text)
    got = [(str(p.amount), p.currency, p.text) for p in found]
    want = [
        (amount, currency, excerpt or text) for amount, currency, excerpt in expected
    ]
    assert got == want


def test_the_table_is_large_and_has_non_prices() -> None:
    assert len(CASES) >= 150
    assert sum(1 for _, _, expected in CASES if not expected) >= 50


def test_a_range_keeps_both_ends() -> None:
    (price,) = finder_for(load_market("ru-RU")).find("1 200–2 400 ₽")
    assert (price.amount, price.high) == (Decimal("1200"), Decimal("2400"))


def test_an_approximate_conversion_is_marked() -> None:
    finder = finder_for(load_market("ru-RU"))
    assert [p.approximate for p in finder.find("4 590 ₽ (≈ $49)")] == [False, True]


def test_shared_symbols_keep_their_candidates() -> None:
    (price,) = finder_for(load_market("ru-RU")).find("499 kr")
    assert price.currency is None
    assert {"DKK", "NOK", "SEK"} <= set(price.candidates)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5990.00", "5990.00"),
        ("6,490.00", "6490.00"),
        ("1.299,00", "1299.00"),
        ("4 590", "4590"),
        ("15990", "15990"),
        ("12.5", "12.5"),
        ("abc", None),
    ],
)
def test_parse_amount(text: str, value: str | None) -> None:
    parsed = parse_amount(text)
    assert (str(parsed) if parsed is not None else None) == value
