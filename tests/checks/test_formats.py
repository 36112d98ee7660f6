"""The format detectors: dates, times, decimals and units of another country."""

from __future__ import annotations

import pytest

from loccheck.checks.format.dates import date_detector_for, time_hits
from loccheck.checks.format.hits import Hit
from loccheck.checks.format.measures import measure_detector_for
from loccheck.markets import load_market

# (market, text, excerpts reported, suggestion of the first) per detector.
DATES = [
    ("ru-RU", "Ожидается 12/05/2025.", ["12/05/2025"], "05.12.2025"),
    ("ru-RU", "Акция до 12/25/2025", ["12/25/2025"], "25.12.2025"),
    ("ru-RU", "до 5 December 2025", ["5 December 2025"], None),
    ("ru-RU", "Dec 5, 2025", ["Dec 5, 2025"], None),
    ("ru-RU", "с 5 грудня", ["5 грудня"], None),
    ("de-DE", "gültig bis 12/24/2025", ["12/24/2025"], "24.12.2025"),
    ("fr-FR", "jusqu’au 12/25/2025", ["12/25/2025"], "25/12/2025"),
    ("ja-JP", "終了：12/25/2025", ["12/25/2025"], "2025/12/25"),
    ("zh-CN", "截止 12/25/2025", ["12/25/2025"], "2025/12/25"),
    ("en-US", "Ends 25.12.2025", ["25.12.2025"], "12/25/2025"),
    ("en-US", "Ships 5 Dezember 2025", ["5 Dezember 2025"], None),
    ("ru-RU", "Акция до 25.12.2025", [], None),
    ("ru-RU", "обновлено 2025-12-01", [], None),
    ("ru-RU", "20 декабря 2025 года", [], None),
    ("ru-RU", "25/12/2025", [], None),  # one reading only: understood
    ("ru-RU", "тел. 8.800.555.35.35", [], None),
    ("ru-RU", "версия 1.2.3", [], None),
    ("ru-RU", "размер 12/14", [], None),
    ("ru-RU", "12.05.25", [], None),  # 2-digit years are not judged
    ("fr-FR", "jusqu’au 25/12/2025", [], None),
    ("en-GB", "Ends 12/05/2025", [], None),
    ("en-US", "Ends 12/05/2025", [], None),
    ("en-US", "Ends December 5, 2025", [], None),
    ("de-DE", "am 5. Dezember 2025", [], None),
    ("de-DE", "im August 2025", [], None),
    ("nl-NL", "op 5 december 2025", [], None),
    ("ja-JP", "2025年12月5日", [], None),
    ("ja-JP", "2025/12/05", [], None),
    ("zh-CN", "2025年12月5日", [], None),
    ("kk-KZ", "5 декабря 2025", [], None),  # Russian is a language of kk-KZ
]
TIMES = [
    ("ru-RU", "до 3:30 PM", ["3:30 PM"], "15:30"),
    ("ru-RU", "с 9 am - 5 pm", ["9 am", "5 pm"], "09:00"),
    ("de-DE", "bis 10:00pm", ["10:00pm"], "22:00"),
    ("fr-FR", "avant 3 p.m.", ["3 p.m."], "15:00"),
    ("en-US", "pickup from 17:30", ["17:30"], "5:30\u202fPM"),
    ("ru-RU", "с 9:00 до 21:00", [], None),
    ("de-DE", "bis 10 am Montag", [], None),
    ("de-DE", "Lieferung am 5. Mai", [], None),
    ("en-US", "3:30 PM", [], None),
    ("en-US", "9:00 AM – 5:00 PM", [], None),
    ("en-GB", "until 3:30 pm", [], None),
    ("es-MX", "hasta las 17:30", [], None),
    ("ru-RU", "пропорции 27:40", [], None),
]
NUMBERS = [
    ("ru-RU", "Вес: 1.2 кг", ["1.2"], "1,2"),
    ("ru-RU", "Рейтинг 4.5 / 5", ["4.5"], "4,5"),
    ("ru-RU", "шерсть 12.5 %", ["12.5"], "12,5"),
    ("ru-RU", "2.4 GHz", ["2.4"], "2,4"),
    ("de-DE", "4.6 von 5", ["4.6"], "4,6"),
    ("en-US", "Width 4,5 cm", ["4,5"], "4.5"),
    ("ru-RU", "Вес: 1,2 кг", [], None),
    ("de-DE", "10.000 mm", [], None),
    ("ru-RU", "iOS 12.0, USB 3.0", [], None),
    ("ru-RU", "версия 2.5 вышла", [], None),
    ("nl-NL", "vul je 0.21 in", [], None),
    ("en-US", "Width 4.5 cm", [], None),
]
UNITS = [
    ("ru-RU", "33 in", ["33 in"], "83,8 см"),
    ("ru-RU", "12 × 16 in", ["12 × 16 in"], "30,5 × 40,6 см"),
    ("ru-RU", "Телевизор 32 дюйма", ["32 дюйма"], "81,3 см"),
    ("ru-RU", "стирка при 86°F", ["86°F"], "30 °C"),
    ("ru-RU", "Вес: 1.2 lb", ["1.2 lb"], "0,54 кг"),
    ("ru-RU", "6 ft", ["6 ft"], "1,83 м"),
    ("ru-RU", "16 oz", ["16 oz"], "454 г"),
    ("ru-RU", "12 fl oz", ["12 fl oz"], "355 мл"),
    ("de-DE", "Bildschirm 15 Zoll", ["15 Zoll"], "38,1 cm"),
    ("de-DE", "Größe US 9", ["US 9"], None),
    ("fr-FR", "écran 27 pouces", ["27 pouces"], "68,6\u202fcm"),
    ("ja-JP", "32インチ", ["32インチ"], "81.3 cm"),
    ("ru-RU", "3 in 1", [], None),
    ("ru-RU", "Обхват 84 см, стирка при 30 °C", [], None),
    ("ru-RU", "42 RU, формат A4", [], None),
    ("en-US", "Chest 33 in, 12 × 16 in", [], None),
    ("en-GB", "5 miles away", [], None),
    ("nl-NL", "vul je 0.21 in)", [], None),
    ("ru-RU", "10 фунтов стерлингов", [], None),
]


def _check(found: tuple[Hit, ...], excerpts: list[str], first: str | None) -> None:
    assert [hit.text for hit in found] == excerpts
    if excerpts:
        assert found[0].suggestion == first


@pytest.mark.parametrize(("market", "text", "excerpts", "first"), DATES)
def test_dates(market: str, text: str, excerpts: list[str], first: str | None) -> None:
    _check(date_detector_for(load_market(market)).hits(text), excerpts, first)


@pytest.mark.parametrize(("market", "text", "excerpts", "first"), TIMES)
def test_times(market: str, text: str, excerpts: list[str], first: str | None) -> None:
    _check(time_hits(text, load_market(market)), excerpts, first)


@pytest.mark.parametrize(("market", "text", "excerpts", "first"), NUMBERS)
def test_decimals(
    market: str, text: str, excerpts: list[str], first: str | None
) -> None:
    _check(measure_detector_for(load_market(market)).decimals(text), excerpts, first)


@pytest.mark.parametrize(("market", "text", "excerpts", "first"), UNITS)
def test_units(market: str, text: str, excerpts: list[str], first: str | None) -> None:
    _check(measure_detector_for(load_market(market)).units(text), excerpts, first)
