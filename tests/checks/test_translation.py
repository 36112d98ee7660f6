"""The translation-artefact rules: what they find, what they suggest, what they skip."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from loccheck.checks.translation.doubled_word import doubled_words
from loccheck.checks.translation.encoding import mojibake
from loccheck.checks.translation.homoglyph import homoglyphs
from loccheck.checks.translation.placeholder_leak import placeholders
from loccheck.checks.translation.untranslated_ui_key import ui_keys
from loccheck.engine import ScanOptions, scan
from loccheck.model import Finding

Site = Callable[[dict[str, "str | bytes"]], Path]

RULES = frozenset(
    {
        "cjk-punctuation",
        "doubled-word",
        "homoglyph",
        "html-entity-leak",
        "mojibake",
        "placeholder-leak",
        "quote-style",
        "replacement-character",
        "untranslated-ui-key",
    }
)


def _page(body: str, lang: str = "ru", charset: str = "utf-8") -> str:
    return (
        f'<html lang="{lang}"><head><meta charset="{charset}"></head>'
        f"<body>{body}</body></html>"
    )


def _findings(root: Path, locale: str | None = None) -> list[Finding]:
    result = scan(root, str(root), ScanOptions(locale=locale), jobs=1)
    return [f for f in result.findings if f.rule in RULES]


ICU = "{n, plural, one {# item} other {# items}}"


# -- placeholder-leak ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Главная / {{ product.title }}", "{{ product.title }}"),
        ("{% if sale %}Скидка{% endif %}", "{% if sale %}"),
        ("В корзине %s товара", "%s"),
        ("Осталось {0} шт.", "{0}"),
        ("Bild von %1$s", "%1$s"),
        (ICU, ICU),
        ("Привет, ${user.name}!", "${user.name}"),
        ("Скидка %{percent}", "%{percent}"),
        ("Le champ :attribute est obligatoire", ":attribute"),
        ("__ADD_TO_CART__", "__ADD_TO_CART__"),
        ("Ваш код: [[promo_code]]", "[[promo_code]]"),
        ("Lieferzeit %shippingTime% Tage", "%shippingTime%"),
        ("送料無料%s対象", "%s"),
        ("残り{0}点", "{0}"),
    ],
)  # fmt: skip
def test_placeholders_are_found(text: str, token: str) -> None:
    assert token in [found for found, _, _ in placeholders(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Пишите на shop@example.com",
        "https://example.com/a%20b?q={id}&s=%s",
        "Скидка 50% на всё, 100% хлопок",
        "20 % de remise",
        "Save 20%, ends at 5:30 PM",
        "Цена: $45.99, с 10:30 до 21:00",
        "Размеры 42:44, соотношение 16:9",
        "Нельзя: update_column(:count_on_hand, value)",
        "Доставка: бесплатно",
    ],
)
def test_text_that_only_looks_like_a_placeholder_is_not_flagged(text: str) -> None:
    assert placeholders(text) == ()


# -- untranslated-ui-key -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "products.product.add_to_cart",
        "general.cart.title",
        "cart.checkout",
        "PRODUCT_ADD_TO_CART",
        "account.addressCreateBtn",
        "checkout:cart.title",
    ],
)
def test_whole_keys_are_found(text: str) -> None:
    assert [key for key, _ in ui_keys(text)] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "example.com",
        "shop.de",
        "www.shop.example",
        "photo.jpg",
        "v1.2.3",
        "1.2.3",
        "4471-XL",
        "U.S.A.",
        "z.B.",
        "т.е.",
        "и т.д.",
        "Node.js",
        "anna_k",
        "olga_88",
        "Сумка.",
        'Override the "sylius.homepage.about_us" key to change this text',
    ],
)
def test_names_codes_and_abbreviations_are_not_keys(text: str) -> None:
    assert ui_keys(text) == ()


def test_a_key_inside_text_is_found() -> None:
    found = ui_keys("Добавлено products.product.add_to_cart в корзину.")
    assert [key for key, _ in found] == ["products.product.add_to_cart"]


def test_rails_missing_translation_note_names_the_key() -> None:
    found = ui_keys("translation missing: ru.cart.title")
    assert [key for key, _ in found] == ["ru.cart.title"]


# -- mojibake ------------------------------------------------------------------


@pytest.mark.parametrize("code_page", ["cp1252", "cp1251", "latin-1"])
@pytest.mark.parametrize(
    "text", ["Сумка через плечо", "Qualité garantie", "Größe", "メールマガジン"]
)
def test_mojibake_suggestion_is_the_repaired_text(text: str, code_page: str) -> None:
    try:
        garbled = text.encode("utf-8").decode(code_page)
    except UnicodeDecodeError:
        pytest.skip(f"{code_page} cannot read these bytes")
    found = mojibake(garbled)
    assert found is not None
    excerpt, repaired, _, _ = found
    assert garbled.replace(excerpt, repaired) == text


def test_mojibake_finding_on_a_page(write_site: Site) -> None:
    garbled = "Сумка через плечо".encode().decode("cp1251")
    root = write_site({"index.html": _page(f"<h3>Новинка: {garbled}</h3>")})
    [finding] = _findings(root)
    assert finding.rule == "mojibake" and finding.text == garbled
    assert finding.suggestion == "Сумка через плечо"
    assert finding.found["read_as"] == "windows-1251"


def test_artefacts_in_a_drawer_a_script_reveals_are_found(write_site: Site) -> None:
    garbled = "Сумки через плечо".encode().decode("cp1252")
    drawer = (
        f'<div class="drawer" hidden><ul><li><a href="/c">{garbled}</a></li>'
        '<li><a href="/d">{{ collection.title }}</a></li>'
        '<li><span aria-hidden="true">Ã©</span></li></ul></div>'
        '<div style="display:none"><p>Menu</p><p>Shop all bags</p></div>'
    )
    root = write_site({"index.html": _page(f"<h1>Сумки</h1>{drawer}")})
    result = scan(root, str(root), ScanOptions(), jobs=1)
    found = {(f.rule, f.text): f for f in result.findings}
    # Not the aria-hidden icon text, not the hidden English menu, and not the
    # placeholder: a client-side template waits, hidden, to be filled in.
    assert set(found) == {("mojibake", garbled)}, found
    assert found[("mojibake", garbled)].found["hidden"] is True
    assert found[("mojibake", garbled)].selector.endswith("li > a")
    assert result.pages[0].segments == 1  # hidden text is not counted as seen


def test_an_artefact_shown_and_in_a_drawer_is_one_visible_finding(
    write_site: Site,
) -> None:
    body = (
        "<nav><a>Скидки для для всех</a></nav>"
        '<div hidden><a href="/s">Скидки для для всех</a></div>'
    )
    root = write_site({"index.html": _page(body)})
    [finding] = _findings(root)
    assert finding.rule == "doubled-word"
    assert finding.found["occurrences"] == 2 and "hidden" not in finding.found


@pytest.mark.parametrize(
    "text",
    [
        "Сумка через плечо «ТОВАР» — Сёмга, Ёжик",
        "НОВІШІ СПОЧАТКУ, СІРІ СУМКИ",
        "Qualité « café » à Paris, Größe „Fuß“",
        "Τσάντα ώμου",
        "カートに入れる、送料無料",
        "加入购物车，满299元包邮！",
    ],
)
def test_correctly_decoded_text_is_not_mojibake(text: str) -> None:
    assert mojibake(text) is None


def test_a_windows_1251_page_read_as_declared_is_clean(write_site: Site) -> None:
    body = (
        "<h1>Пальто «ВЕРА» из шерсти</h1><p>СІРІ, НОВІШІ — размер 44 RU.</p>"
        "<p>Цена: 12 990 руб. Доставка по России, оплата при получении.</p>"
    )
    data = _page(body, charset="windows-1251").encode("cp1251")
    root = write_site({"index.html": data})
    assert _findings(root) == []


# -- replacement-character -----------------------------------------------------


def test_our_own_replacement_characters_are_left_to_undecodable_bytes(
    write_site: Site,
) -> None:
    broken = _page("<p>Сумка кожаная</p>").encode().replace("кож".encode(), b"\xff")
    genuine = _page("<p>Сумка \ufffd\ufffd кожаная</p>")
    root = write_site({"broken.html": broken, "genuine.html": genuine})
    result = scan(root, str(root), ScanOptions(), jobs=1)
    rules = {(f.page, f.rule) for f in result.findings}
    assert ("broken.html", "undecodable-bytes") in rules
    assert ("broken.html", "replacement-character") not in rules
    assert ("genuine.html", "replacement-character") in rules
    assert ("genuine.html", "undecodable-bytes") not in rules


def test_question_marks_for_lost_letters_but_not_for_emphasis(
    write_site: Site,
) -> None:
    body = (
        "<p>?????? ??????? ?????</p><p>Кожаная сум??а</p>"
        "<p>Что??? Правда?! Доставка бесплатно?</p><p>https://a.example/?q=??</p>"
    )
    root = write_site({"index.html": _page(body)})
    texts = sorted(f.text for f in _findings(root))
    assert texts == ["?????? ??????? ?????", "сум??а"]


# -- homoglyph -----------------------------------------------------------------


def test_homoglyph_suggestion_replaces_the_look_alikes(write_site: Site) -> None:
    root = write_site({"index.html": _page('<h1>Кoжаная сумка</h1><img alt="Cyмкa">')})
    found = {f.text: f for f in _findings(root)}
    assert found["Кoжаная"].suggestion == "Кожаная"
    assert "U+006F" in found["Кoжаная"].found["letters"]
    assert found["Cyмкa"].suggestion == "Сумка"
    assert {f.expected["script"] for f in found.values()} == {"Cyrl"}


@pytest.mark.parametrize(
    "text",
    [
        "Чехол для iPhone 15 и BMW Х5-M",
        "SMS-ка, SMSка, USBшка, Wi-Fi-роутер, e-mail, iPhoneом",
        "Фильтр 5 μm, 10 kΩ",
        "Размер S, витамин C, формат A4",
        "ВКонтакте, VKонтакте",
    ],
)
def test_names_and_codes_are_not_homoglyphs(text: str) -> None:
    assert homoglyphs(text, "Cyrl") == ()


def test_latin_word_with_cyrillic_letters() -> None:
    [(word, fixed, script, _)] = homoglyphs("Frее shipping", "Latn")
    assert (word, fixed, script) == ("Frее", "Free", "Latn")


# -- cjk-punctuation -----------------------------------------------------------


def test_full_width_marks_get_half_width_suggestions(write_site: Site) -> None:
    pages = {
        "ru/index.html": _page("<p>Лён дышит，после стирки не садится。</p>"),
        "fr/index.html": _page("<p>Prix：20 €</p>", "fr"),
        "ja/index.html": _page("<p>カートに入れる（送料無料）。</p>", "ja"),
        "zh/index.html": _page("<p>Rating：4.5</p><p>尺码：M</p>", "zh"),
    }
    root = write_site(pages)
    found = {(f.page.split("/")[0], f.text): f.suggestion for f in _findings(root)}
    assert found == {
        ("ru", "дышит，после"): "дышит, после",
        ("ru", "садится。"): "садится.",
        ("fr", "Prix：20"): "Prix\u00a0: 20",
    }


# -- quote-style ---------------------------------------------------------------


def test_quote_style_follows_the_market(write_site: Site) -> None:
    pages = {
        "ru/index.html": _page("<p>Коллекция “Осень” и «Зима „Север“»</p>"),
        "de/index.html": _page("<p>„Herbst“, »Winter« und “Sommer”</p>", "de"),
        "en/index.html": _page("<p>The “Autumn” collection, it’s 27” wide</p>", "en"),
        "fi/index.html": _page("<p>Kokoelma ”Syksy” ja “Talvi”</p>", "fi"),
        "st/index.html": _page('<p>Коллекция "Осень", ООО "Ромашка"</p>'),
    }
    root = write_site(pages)
    found = {(f.page.split("/")[0], f.text): f.suggestion for f in _findings(root)}
    # fi has no profile: CLDR's root default is not Finnish, so it is not judged.
    assert found == {
        ("ru", "“Осень”"): "«Осень»",
        ("de", "“Sommer”"): "„Sommer“",
    }


# -- doubled-word --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Cremes, die die Haut schützen", "de"),
        ("Haben Sie sie gesehen?", "de"),
        ("Vous vous inscrivez en un clic", "fr"),
        ("Se se esqueceu da palavra-passe", "pt"),
        ("I know that that works. Bye bye!", "en"),
        ("Еле-еле, чуть-чуть", "ru"),
        ("Размер M M, 10 10", "ru"),
        ("फ़ोन नंबर दर्ज करें", "hi"),
        ("địa chỉ chỉ định", "vi"),
    ],
)
def test_grammatical_repetitions_are_not_flagged(text: str, language: str) -> None:
    assert doubled_words(text, language) == ()


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("Подходит для для офиса", "ru", "для"),
        ("Добавить добавить", "ru", "Добавить"),
        ("Add the the item", "en", "the"),
        ("in в в корзину", "ru", "в"),
        ("die die Haut", "ru", "die"),
    ],
)
def test_doubled_words_are_found(text: str, language: str, word: str) -> None:
    assert [w for _, w, _ in doubled_words(text, language)] == [word]


def test_doubled_words_are_not_joined_across_segments(write_site: Site) -> None:
    root = write_site({"index.html": _page("<p>Сумка</p><p>Сумка</p>")})
    assert [f.rule for f in _findings(root)] == []


# -- html-entity-leak ----------------------------------------------------------


def test_entity_leak_points_at_the_double_escape(write_site: Site) -> None:
    html = _page("<p>Доставка&amp;nbsp;бесплатно, Tom &amp; Jerry, Levi&#8217;s</p>")
    root = write_site({"index.html": html})
    [finding] = _findings(root)
    assert finding.text == "Доставка&nbsp;бесплатно,"
    assert finding.suggestion == "Доставка\u00a0бесплатно,"
    assert finding.column is not None
    assert html[finding.column - 1 :].startswith("Доставка&amp;nbsp;")


# -- reporting -----------------------------------------------------------------


def test_a_repeated_artefact_is_one_finding_with_a_count(write_site: Site) -> None:
    cards = "".join(
        f"<div><h3>Сумка {i}</h3><button>%s</button></div>" for i in range(5)
    )
    root = write_site({"index.html": _page(cards)})
    [finding] = _findings(root)
    assert finding.rule == "placeholder-leak" and finding.found["occurrences"] == 5


# -- generated sites -----------------------------------------------------------

KINDS = {
    "placeholder-leak": {"placeholder-leak", "untranslated-ui-key"},
    "mojibake": {"mojibake"},
    "homoglyph": {"homoglyph"},
    "cjk-punctuation": {"cjk-punctuation"},
}


def _make_site(shared: Path, out: Path, rate: float) -> dict[str, Any]:
    command = [
        sys.executable,
        str(shared / "bench" / "make_site.py"),
        str(out),
        "--pages",
        "100",
        "--locale",
        "ru-RU",
        "--seed",
        "5",
        "--defect-rate",
        str(rate),
    ]
    subprocess.run(command, check=True, capture_output=True)
    manifest: dict[str, Any] = json.loads((out / "manifest.json").read_text())
    return manifest


def test_recall_on_a_generated_russian_site(shared_dir: Path, tmp_path: Path) -> None:
    manifest = _make_site(shared_dir, tmp_path / "defects", 0.2)
    findings = _findings(tmp_path / "defects", "ru-RU")
    injected: Counter[str] = Counter()
    found: Counter[str] = Counter()
    explained: set[int] = set()
    for defect in manifest["defects"]:
        if defect["kind"] not in KINDS:
            continue
        injected[defect["kind"]] += 1
        hits = [
            index
            for index, f in enumerate(findings)
            if f.page == defect["page"]
            and f.rule in KINDS[defect["kind"]]
            and (defect["text"] in f.text or f.text in defect["text"])
        ]
        found[defect["kind"]] += bool(hits)
        explained.update(hits)
    assert set(injected) == set(KINDS)
    for kind, count in injected.items():
        assert found[kind] / count >= 0.98, (kind, found[kind], count)
    assert [f for i, f in enumerate(findings) if i not in explained] == []


def test_no_finding_on_a_clean_generated_russian_site(
    shared_dir: Path, tmp_path: Path
) -> None:
    _make_site(shared_dir, tmp_path / "clean", 0)
    assert _findings(tmp_path / "clean", "ru-RU") == []
