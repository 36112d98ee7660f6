"""Each catalog rule on small catalogs of every format: known defects, clean pairs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from catalog_formats import FORMATS, messages, pair

from loccheck.catalog_scan import scan_catalogs
from loccheck.checks.catalog.placeholders import mask_placeholders, placeholders
from loccheck.engine import ScanOptions
from loccheck.model import Finding

CATALOG_RULES = {
    "missing-translation",
    "extra-key",
    "empty-translation",
    "untranslated-value",
    "wrong-language-value",
    "placeholder-mismatch",
    "markup-mismatch",
    "plural-forms",
}
WriteSite = Callable[[dict[str, str | bytes]], Path]


def _check(folder: Path) -> list[Finding]:
    result = scan_catalogs(folder, ScanOptions(), jobs=1)
    assert not [n for n in result.notes if n.kind != "catalog-warning"], result.notes
    return list(result.findings)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_defect_is_found_once_where_it_is(fmt: str, write_site: WriteSite) -> None:
    catalogs = pair(fmt, good=False)
    findings = _check(write_site(dict(catalogs.files)))
    in_target = [f for f in findings if f.page == catalogs.target]
    assert {f.rule for f in findings} == CATALOG_RULES, findings
    assert Counter(f.rule for f in in_target) == Counter(CATALOG_RULES)
    by_rule = {f.rule: f for f in in_target}
    for key, en, _, _, rule in messages(fmt):
        if rule is not None:
            assert by_rule[rule].key == catalogs.key(key, en), rule
    assert "item" in (by_rule["plural-forms"].key or "")
    assert "bsolete" in (by_rule["extra-key"].key or "")
    for finding in in_target:
        assert finding.selector == finding.key
        assert finding.locale == "ru-RU"
        if finding.rule != "missing-translation":  # a missing key has no place
            assert finding.line is not None and finding.column is not None
            line = catalogs.files[catalogs.target].splitlines()[finding.line - 1]
            assert finding.text[:6] in line or finding.rule == "plural-forms"


@pytest.mark.parametrize("fmt", FORMATS)
def test_clean_catalogs_raise_nothing(fmt: str, write_site: WriteSite) -> None:
    catalogs = pair(fmt, good=True)
    assert _check(write_site(dict(catalogs.files))) == []


def test_value_positions_point_at_the_value(write_site: WriteSite) -> None:
    catalogs = pair("shopify-json", good=False)
    findings = _check(write_site(dict(catalogs.files)))
    untranslated = next(f for f in findings if f.rule == "untranslated-value")
    line = catalogs.files[catalogs.target].splitlines()[untranslated.line - 1]
    assert line[untranslated.column - 1 :].startswith('"Your cart"')


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Total: {{ amount | money }}", {"{{amount}}"}),
        ("%{count} items, %s and %1$s", {"%{count}", "%s", "%1$s"}),
        ("{0} of {total}", {"{0}", "{total}"}),
        ("%name% and :attribute", {"%name%", ":attribute"}),
        (
            "{count, plural, one {# item in {cart}} other {# items}}",
            {"{count}", "{cart}"},
        ),
        ("{g, select, male {He} other {They}}", {"{g, select: male other}"}),
        ("{0} Keine|{1} Ein Artikel|]1,Inf[ %count% Artikel", {"%count%"}),
        ("50% de remise, 10:30", set()),
        ("a {set of words} in braces", set()),
    ],
)
def test_placeholder_syntaxes(value: str, names: set[str]) -> None:
    assert set(placeholders(value).names()) == names


def test_masking_keeps_words_apart_and_icu_branches() -> None:
    masked = mask_placeholders("{n, plural, one {# год} other {# года}} {x} год")
    assert "год" in masked and "года" in masked and "{" not in masked
    assert "год год" not in " ".join(masked.split())


def test_untranslated_value_spares_codes_brands_and_shared_words(
    write_site: WriteSite,
) -> None:
    source = {
        "a": "OK",
        "b": "PayPal",
        "c": "SKU-123",
        "d": "{{ count }}",
        "e": "E-mail",
    }
    files = {
        "locales/en.default.json": _json(source),
        "locales/ru.json": _json(source),
        "locales/de.json": _json({**source, "f": "Your cart"}),
    }
    files["locales/en.default.json"] = _json({**source, "f": "Your cart"})
    findings = _check(write_site(files))
    untranslated = [f for f in findings if f.rule == "untranslated-value"]
    assert [(f.page, f.key) for f in untranslated] == [("locales/de.json", "f")]


def test_plural_forms_of_a_language_with_one_form(write_site: WriteSite) -> None:
    en = '{"items": {"one": "{{ count }} item", "other": "{{ count }} items"}}'
    files = {
        "locales/en.default.json": en,
        "locales/ja.json": '{"items": {"one": "{{ count }} 点", '
        '"other": "{{ count }} 点"}}',
        "locales/zh-CN.json": '{"items": {"other": "{{ count }} 件"}}',
        "locales/fr.json": '{"items": {"one": "{{ count }} article", '
        '"other": "{{ count }} articles"}}',
    }
    found = [f for f in _check(write_site(files)) if f.rule == "plural-forms"]
    assert [(f.page, f.found["extra"]) for f in found] == [("locales/ja.json", ["one"])]


def test_a_language_split_over_bundles_misses_only_what_none_has(
    write_site: WriteSite,
) -> None:
    core, shop = "src/CoreBundle/translations", "src/ShopBundle/translations"
    files = {
        f"{core}/messages.en.yaml": "core:\n  a: Cart\n  b: Orders\n",
        f"{shop}/messages.en.yaml": "shop:\n  c: Checkout\n",
        f"{core}/messages.ru.yaml": "core:\n  a: Корзина\n",
        f"{shop}/messages.ru.yaml": "shop:\n  c: Оформление\n  d: Доставка\n",
    }
    findings = _check(write_site(files))
    assert sorted((f.rule, f.page, f.key) for f in findings) == [
        ("extra-key", f"{shop}/messages.ru.yaml", "shop.d"),
        ("missing-translation", f"{core}/messages.ru.yaml", "core.b"),
    ]


def test_serbian_in_latin_letters_is_serbian(write_site: WriteSite) -> None:
    pairs = [
        ("New channel", "Novi kanal"),
        ("Manage zones", "Upravljajte zonama"),
        ("Skip to search", "Preskoči na pretragu"),
        ("Home page", "Početna stranica"),
        ("Cart updated", "Korpa ažurirana"),
    ] * 4  # a script is read from twenty values or more
    en = "".join(f"k{i}: {e}\n" for i, (e, _) in enumerate(pairs))
    sr = "".join(f"k{i}: {s}\n" for i, (_, s) in enumerate(pairs))
    files = {
        "translations/messages.en.yaml": en,
        "translations/messages.sr.yaml": sr,
    }
    assert _check(write_site(files)) == []


def test_artefacts_on_values_keep_their_rule_id(write_site: WriteSite) -> None:
    files = {
        "locales/en.default.json": _json({"a": "Delivery", "b": "Cart {{ n }}"}),
        "locales/ru.json": _json({"a": "Ð”Ð¾ÑÑ‚Ð°Ð²ÐºÐ°", "b": "Кoрзина {{ n }}"}),
    }
    findings = _check(write_site(files))
    assert {(f.rule, f.key) for f in findings} >= {
        ("mojibake", "a"),
        ("homoglyph", "b"),
    }
    assert not [f for f in findings if f.rule == "placeholder-leak"]


def _json(values: dict[str, str]) -> str:
    import json

    return json.dumps(values, ensure_ascii=False, indent=2)


def test_csv_files_of_modules_and_themes_are_one_dictionary(
    write_site: WriteSite,
) -> None:
    # Vue Storefront and Magento merge every <locale>.csv of the core, the
    # modules and the theme: a row of the theme's file translates the core's.
    files = {
        "core/i18n/en-US.csv": "Cart,Cart\nPay now,Pay now\nOrders,Orders\n",
        "theme/i18n/en-US.csv": "Back,Back\n",
        "core/i18n/ru-RU.csv": "Cart,Корзина\n",
        "theme/i18n/ru-RU.csv": "Back,Назад\nPay now,Оплатить\n",
    }
    findings = _check(write_site(files))
    assert sorted((f.rule, f.page, f.key) for f in findings) == [
        ("missing-translation", "core/i18n/ru-RU.csv", "Orders"),
    ]


def test_full_width_marks_are_right_in_cjk_values(write_site: WriteSite) -> None:
    files = {
        "locales/en.default.json": _json(
            {"a": "Hello <b>{{ name }}</b>", "b": "Error: {{ error }}"}
        ),
        "locales/zh-CN.json": _json(
            {"a": "您好 <b>{{ name }}</b>！", "b": "复制出错：{{ error }}"}
        ),
        "locales/ru.json": _json({"a": "Привет, <b>Иван</b>！", "b": "Ошибка"}),
    }
    found = [f for f in _check(write_site(files)) if f.rule == "cjk-punctuation"]
    assert [(f.page, f.key) for f in found] == [("locales/ru.json", "a")]


def test_keys_most_translations_share_without_a_source_are_one_note(
    write_site: WriteSite,
) -> None:
    # A Rails load path merges gems: keys of a gem whose English file is not
    # in the scan are in every translation; a stray key is in one.
    values = {"de": ("Warenkorb", "Einfügen"), "fr": ("Panier", "Coller")}
    values["ru"] = ("Корзина", "Вставить")
    files = {"config/locales/en.yml": "en:\n  shop:\n    cart: Cart\n"}
    for lang, (cart, paste) in values.items():
        files[f"config/locales/{lang}.yml"] = (
            f"{lang}:\n  shop:\n    cart: {cart}\n    paste: {paste}\n"
        )
    files["config/locales/ru.yml"] += "    stray: Лишний\n"
    result = scan_catalogs(write_site(files), ScanOptions(), jobs=1)
    extra = [f for f in result.findings if f.rule == "extra-key"]
    assert [(f.page, f.key) for f in extra] == [("config/locales/ru.yml", "shop.stray")]
    notes = [n for n in result.notes if "shop.paste" in n.message]
    assert [(n.page, n.kind) for n in notes] == [
        ("config/locales/en.yml", "catalog-warning")
    ]


def test_a_regional_catalog_falls_back_to_its_language(write_site: WriteSite) -> None:
    # "de-CH" shows what it lacks from "de", "en-GB" from the English source;
    # a value without words ("%{a} | %{b}") has nothing to translate.
    files = {
        "config/locales/en.yml": "en:\n  a: Cart\n  b: Orders\n  c: Pay\n"
        '  d: "%{a} | %{b}"\n',
        "config/locales/de.yml": "de:\n  a: Warenkorb\n  b: Bestellungen\n",
        "config/locales/de-CH.yml": "de-CH:\n  a: Warenkorb\n",
        "config/locales/en-GB.yml": "en-GB:\n  a: Basket\n",
    }
    found = [f for f in _check(write_site(files)) if f.rule == "missing-translation"]
    assert sorted((f.page, f.key) for f in found) == [
        ("config/locales/de-CH.yml", "c"),
        ("config/locales/de.yml", "c"),
    ]
