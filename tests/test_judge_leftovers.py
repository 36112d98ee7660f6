"""Short foreign leftovers: unknown words, cognates and the letter tables."""

from __future__ import annotations

import pytest

from loccheck.nlp import lexicon
from loccheck.nlp.judge import judge


@pytest.mark.parametrize(
    ("text", "market", "found"),
    [
        # One English word no lexicon has, ASCII, on a non-English page.
        ("Registered", "cs-CZ", "en"),
        ("Sorting", "de-DE", "en"),
        # Cognates ("promotion", "action") are neutral, not native.
        ("Edit cart promotion", "fr-FR", "en"),
        ("Confirm your action", "fr-FR", "en"),
        # One long unknown word the detector is sure of, on an English page.
        ("Versandadresse", "en-US", "de"),
        # A German sentence with an English word in it ("Server").
        ("Der Server hat einen Fehler gemeldet", "en-US", "de"),
        # Russian words Ukrainian spells otherwise.
        ("Номер продукта", "uk-UA", "ru"),
        # Chinese words Japanese does not use (列表, 渠道).
        ("特征值列表", "ja-JP", "zh"),
    ],
)
def test_short_leftovers_are_found(text: str, market: str, found: str) -> None:
    assert [v.found for v in judge(text, market)] == [found]


@pytest.mark.parametrize(
    ("text", "market"),
    [
        ("Vimeo-video", "nl-NL"),  # a compound with a part a lexicon has
        ("Paginering", "sv-SE"),  # the market's own word
        ("Mode maintenance", "fr-FR"),  # French words English writes too
        ("Snood", "en-GB"),  # short words on English pages are often names
        ("Přidáno", "cs-CZ"),  # diacritics: not an English word
        ("Показати ще", "uk-UA"),  # Ukrainian function word "ще"
        ("секунд тому", "ru-RU"),  # shared words: the detector must lean
    ],
)
def test_native_or_unsure_text_is_not_flagged(text: str, market: str) -> None:
    assert judge(text, market) == ()


def test_excerpt_of_words_set_in_capitals_keeps_the_text() -> None:
    (verdict,) = judge("Order Summary [CANCELED]", "de-DE")
    assert verdict.excerpt == "Order Summary [CANCELED"


def test_letters_still_decide_between_cyrillic_neighbours() -> None:
    assert [v.reason for v in judge("Выбрать", "uk-UA")] == ["letters"]


def test_likeliest_leak_follows_priority() -> None:
    assert lexicon.likeliest({"nl", "de"}) == "de"
    assert lexicon.likeliest({"xx", "af"}) == "af"


def test_texts_that_differ_in_numbers_keep_their_own_excerpts() -> None:
    # Judged once as "Add   items to your cart", each verdict quotes its text.
    first = judge("Add 2 items to your cart", "ru-RU")
    second = judge("Add 3 items to your cart", "ru-RU")
    assert [v.excerpt for v in first] == ["Add 2 items to your cart"]
    assert [v.excerpt for v in second] == ["Add 3 items to your cart"]
    assert [v.found for v in second] == ["en"]


@pytest.mark.parametrize(
    "text",
    ["Артикул: 100642", "Рубашка «Тайга» из хлопка", "Рубашка «Лира» из хлопка"],
)
def test_native_text_with_numbers_or_quoted_names_is_not_flagged(text: str) -> None:
    assert judge(text, "ru-RU") == ()


def test_kana_text_needs_no_detector_on_japanese_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from loccheck.nlp import detector

    def refuse(*_: object) -> object:
        raise AssertionError("the detector was asked")

    monkeypatch.setattr(detector, "foreign_lead", refuse)
    # Kana is written by Japanese alone: such text is Japanese.
    assert judge("ご注文の品は、迅速かつていねいにお届けします。", "ja-JP") == ()
    # Chinese on a Japanese page is still found by its characters.
    assert [v.found for v in judge("特征值列表", "ja-JP")] == ["zh"]
