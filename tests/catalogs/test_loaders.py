"""Catalog loaders: keys, values, positions, plurals, languages, pairing, errors."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest

from loccheck.catalogs import (
    Catalog,
    CatalogEntry,
    CatalogError,
    NotACatalogError,
    discover_catalogs,
    load_catalog,
    load_catalogs,
)
from loccheck.catalogs.languages import language_from_path, normalise_tag
from loccheck.markets import UnknownLocaleError

DATA = Path(__file__).resolve().parent.parent / "data" / "catalogs" / "storefront"
WriteSite = Callable[[dict[str, str | bytes]], Path]


@pytest.fixture
def load_one(write_site: WriteSite) -> Callable[..., Catalog]:
    """Write one file and load it: ``load_one("locales/ru.json", text)``."""

    def load(name: str, content: str | bytes, **options: str) -> Catalog:
        root = write_site({name: content})
        return load_catalog(root / name, root, **options)

    return load


def by_key(catalog: Catalog) -> dict[str, CatalogEntry]:
    return {entry.key: entry for entry in catalog.entries}


def where(entry: CatalogEntry) -> tuple[str, int | None, int | None]:
    return entry.value, entry.line, entry.column


# --- language tags and paths -------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("ru", "ru"),
        ("ru_RU", "ru-RU"),
        ("RU-ru", "ru-RU"),
        ("pt_BR", "pt-BR"),
        ("zh_Hans", "zh-Hans"),
        ("zh-cn", "zh-CN"),
        ("sr_Latn", "sr-Latn"),
        ("sr_CS", "sr"),  # CS (Serbia and Montenegro) is no longer a country
        ("iw", "he"),
        ("jp-JP", "ja-JP"),
        ("no", "no"),
        ("nn-NO", "nn-NO"),
        ("es-419", "es-419"),
        ("fil", "fil"),
        ("messages", None),
        ("app", None),
        ("xx", None),
        ("", None),
    ],
)
def test_normalise_tag(raw: str, tag: str | None) -> None:
    assert normalise_tag(raw) == tag


@pytest.mark.parametrize(
    ("path", "tag", "kind", "template"),
    [
        ("locales/ru.json", "ru", "stem", "locales/{lang}.json"),
        ("locales/en.default.json", "en", "stem", "locales/{lang}.json"),
        ("locales/pt-BR.schema.json", "pt-BR", "stem", "locales/{lang}.schema.json"),
        ("i18n/ru_RU.csv", "ru-RU", "stem", "i18n/{lang}.csv"),
        (
            "translations/messages+intl-icu.de_CH.yaml",
            "de-CH",
            "dotted",
            "translations/messages+intl-icu.{lang}.yaml",
        ),
        (
            "snippet/storefront.ru-RU.json",
            "ru-RU",
            "dotted",
            "snippet/storefront.{lang}.json",
        ),
        (
            "public/locales/ru/common.json",
            "ru",
            "folder",
            "public/locales/{lang}/common.json",
        ),
        (
            "locale/uk/LC_MESSAGES/shop.po",
            "uk",
            "folder",
            "locale/{lang}/LC_MESSAGES/shop.po",
        ),
        ("config/app.json", None, None, None),
    ],
)
def test_language_from_path(
    path: str, tag: str | None, kind: str | None, template: str | None
) -> None:
    found = language_from_path(PurePosixPath(path))
    if tag is None:
        assert found is None
    else:
        assert found is not None
        assert (found.tag, found.kind, found.template) == (tag, kind, template)


# --- JSON --------------------------------------------------------------------


def test_json_values_keep_their_positions(load_one: Callable[..., Catalog]) -> None:
    text = (
        "// exported\n"
        "{\n"
        '  "cart": {"title": "Корзина", "empty": "Пусто \\"совсем\\""},\n'
        '  "menu": ["Главная", 12, null, "Каталог"],\n'
        '  "rating": 4.5, "enabled": true,\n'
        '  "emoji": "Готово ✓"\n'
        "}\n"
    )
    catalog = load_one("locales/ru.json", text)
    entries = by_key(catalog)
    assert catalog.format == "json"
    assert (catalog.language, catalog.language_source) == ("ru", "filename")
    assert list(entries) == ["cart.title", "cart.empty", "menu.0", "menu.3", "emoji"]
    assert where(entries["cart.title"]) == ("Корзина", 3, 21)
    assert where(entries["cart.empty"]) == ('Пусто "совсем"', 3, 41)
    assert where(entries["menu.3"]) == ("Каталог", 4, 33)
    assert where(entries["emoji"]) == ("Готово ✓", 6, 12)
    assert any("enabled" in warning for warning in catalog.warnings)


def test_json_duplicate_key_keeps_the_last(load_one: Callable[..., Catalog]) -> None:
    catalog = load_one("locales/de.json", '{"a": "eins",\n "a": "zwei"}')
    assert [where(entry) for entry in catalog.entries] == [("zwei", 2, 7)]
    assert catalog.warnings == ('key "a" is defined twice (line 2)',)


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ('{\n  "a": "x"\n  "b": "y"\n}', "expected ',' or '}'", 3, 3),
        ('{"a": "x",}', "trailing comma before '}'", 1, 11),
        ('{"a": "x}', "unterminated string", 1, 7),
        ("{'a': 'x'}", "expected a key in double quotes", 1, 2),
        ('{"a" "x"}', "expected ':' after the key", 1, 6),
        ('{"a": "x"} {}', "extra data after the JSON value", 1, 12),
        ('{"a": "x\ty"}', "invalid control character at", 1, 9),
        ('{"a": /* note', "unterminated comment", 1, 7),
        ("  \n", "empty file", 2, 1),
    ],
)
def test_broken_json_is_one_clear_error(
    load_one: Callable[..., Catalog], text: str, message: str, line: int, column: int
) -> None:
    with pytest.raises(CatalogError) as caught:
        load_one("locales/ru.json", text)
    error = caught.value
    assert (error.problem, error.line, error.column) == (message, line, column)
    assert str(error) == f"locales/ru.json: line {line}: {message}"
    assert "\n" not in str(error)


def test_encodings_and_byte_order_marks(load_one: Callable[..., Catalog]) -> None:
    text = '{"a": "Привет"}'
    for data in (
        codecs.BOM_UTF8 + text.encode(),
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    ):
        catalog = load_one("locales/ru.json", data)
        assert where(catalog.entries[0]) == ("Привет", 1, 7)
    with pytest.raises(
        CatalogError, match=r"line 2: not valid UTF-8 text \(byte 0xcf\)"
    ):
        load_one("locales/ru.json", b'{\n"a": "' + "Привет".encode("cp1251"))
    with pytest.raises(CatalogError, match="binary file"):
        load_one("locales/ru.json", b"\x00\x01\x02")


def test_json_that_is_not_a_catalog(load_one: Callable[..., Catalog]) -> None:
    with pytest.raises(NotACatalogError, match="JSON-LD"):
        load_one("locales/ru.json", '{"@context": "https://schema.org", "name": "x"}')
    with pytest.raises(NotACatalogError, match="JSON Schema"):
        load_one("locales/ru.json", '{"$schema": "x", "title": "y"}')
    with pytest.raises(NotACatalogError, match="numbers and booleans"):
        load_one("locales/ru.json", '{"w": 1, "h": 2, "label": "x"}')
    with pytest.raises(NotACatalogError, match="not an object"):
        load_one("locales/ru.json", '["a", "b"]')


def test_i18next_v4_plural_suffixes(load_one: Callable[..., Catalog]) -> None:
    text = """{
      "items_one": "{{count}} товар",
      "items_few": "{{count}} товара",
      "items_many": "{{count}} товаров",
      "items_other": "{{count}} товара",
      "place_ordinal_one": "{{count}}-й",
      "place_ordinal_other": "{{count}}-е",
      "no_one": "Никто",
      "step_0": "Корзина",
      "step_1": "Доставка"
    }"""
    entries = by_key(load_one("locales/ru/translation.json", text))
    assert [(e.key, e.base_key, e.plural) for e in entries.values() if e.plural] == [
        ("items_one", "items", "one"),
        ("items_few", "items", "few"),
        ("items_many", "items", "many"),
        ("items_other", "items", "other"),
        ("place_ordinal_one", "place", "one"),
        ("place_ordinal_other", "place", "other"),
    ]
    assert entries["place_ordinal_one"].flags == ("ordinal",)
    # A lone "_one" and two numbered steps in a three-form language are keys.
    assert entries["no_one"].plural is None
    assert entries["step_0"].plural_index is None


def test_i18next_v3_plurals(load_one: Callable[..., Catalog]) -> None:
    german = by_key(
        load_one("locales/de.json", '{"item": "Artikel", "item_plural": "Artikel"}')
    )
    assert [(e.key, e.plural, e.base_key) for e in german.values()] == [
        ("item", "one", "item"),
        ("item_plural", "other", "item"),
    ]
    text = '{"n": {"item_0": "товар", "item_1": "товара", "item_2": "товаров"}}'
    russian = load_one("locales/ru.json", text)
    assert [(e.key, e.plural_index, e.plural, e.base_key) for e in russian.entries] == [
        ("n.item_0", 0, "one", "n.item"),
        ("n.item_1", 1, "few", "n.item"),
        ("n.item_2", 2, "many", "n.item"),
    ]


def test_lone_other_form_only_where_the_language_has_no_other(
    load_one: Callable[..., Catalog],
) -> None:
    japanese = load_one("locales/ja.json", '{"items_other": "{{count}} 点"}')
    assert japanese.entries[0].plural == "other"
    english = load_one("locales/en.json", '{"show_other": "Show other"}')
    assert english.entries[0].plural is None


def test_icu_messages_stay_one_value(load_one: Callable[..., Catalog]) -> None:
    text = (
        '{"asset": {"count": "{count, plural, one {1 файл} other {{count} файлов}}"}}'
    )
    (entry,) = load_one("i18n-messages/ru.json", text).entries
    assert entry.key == "asset.count"
    assert entry.value.startswith("{count, plural, one {1 файл}")
    assert entry.plural is None


def test_shopify_theme_locales() -> None:
    catalog = load_catalog(DATA / "theme/locales/ru.json", DATA)
    assert catalog.format == "shopify-json"
    assert catalog.domain == "shopify:theme/locales:locale"
    assert not catalog.is_source
    forms = [(e.key, e.plural, e.base_key) for e in catalog.entries if e.plural]
    assert forms == [
        ("general.cart_count.one", "one", "general.cart_count"),
        ("general.cart_count.few", "few", "general.cart_count"),
        ("general.cart_count.many", "many", "general.cart_count"),
        ("general.cart_count.other", "other", "general.cart_count"),
    ]
    source = load_catalog(DATA / "theme/locales/en.default.json", DATA)
    assert source.is_source and source.declares_source
    assert (source.language, source.language_source) == ("en", "filename")
    # The comment block at the top does not shift the positions.
    assert where(by_key(source)["general.search"]) == ("Search", 6, 15)
    schema = load_catalog(DATA / "theme/locales/ru.schema.json", DATA)
    assert schema.domain == "shopify:theme/locales:schema"


# --- YAML --------------------------------------------------------------------


def test_rails_yaml(load_one: Callable[..., Catalog]) -> None:
    text = """# comment
ru:
  spree:
    cart: Корзина
    quoted: "Оформить заказ"
    note: |
      Многострочный
      текст
    say_yes: Yes
    count: 3
    empty:
    items:
      one: "%{count} товар"
      few: "%{count} товара"
      many: "%{count} товаров"
      other: "%{count} товара"
    day_names: [Воскресенье, Понедельник]
"""
    catalog = load_one("config/locales/ru.yml", text)
    entries = by_key(catalog)
    assert catalog.format == "rails-yaml"
    assert (catalog.language, catalog.language_source) == ("ru", "content")
    assert where(entries["spree.cart"]) == ("Корзина", 4, 11)
    assert where(entries["spree.quoted"]) == ("Оформить заказ", 5, 13)
    assert where(entries["spree.note"]) == ("Многострочный\nтекст\n", 6, 11)
    assert where(entries["spree.day_names.1"]) == ("Понедельник", 17, 30)
    assert "spree.say_yes" not in entries  # YAML 1.1 reads it as true
    assert "spree.count" not in entries and "spree.empty" not in entries
    assert [w for w in catalog.warnings if "boolean" in w] == [
        'value of "spree.say_yes" (line 9) is read as a boolean, not text; quote it'
    ]
    plural = [(e.key, e.plural) for e in catalog.entries if e.base_key == "spree.items"]
    assert plural == [
        ("spree.items.one", "one"),
        ("spree.items.few", "few"),
        ("spree.items.many", "many"),
        ("spree.items.other", "other"),
    ]


def test_rails_key_wins_over_the_file_name(load_one: Callable[..., Catalog]) -> None:
    catalog = load_one("config/locales/uk.yml", "ru:\n  a: Б\n")
    assert catalog.language == "ru"
    assert "the key wins" in catalog.warnings[0]


def test_yaml_anchors_and_merge_keys(load_one: Callable[..., Catalog]) -> None:
    text = """en:
  base: &base
    save: Save
    cancel: Cancel
  form:
    <<: *base
    save: Save changes
"""
    entries = by_key(load_one("config/locales/en.yml", text))
    assert where(entries["form.save"]) == ("Save changes", 7, 11)
    assert where(entries["form.cancel"]) == ("Cancel", 4, 13)  # the anchored text


def test_symfony_yaml(load_one: Callable[..., Catalog]) -> None:
    text = (
        "\ufeffshop:\n    header:\n        account: Мой аккаунт\n"
        "    footer.contact: Связаться\n"
        "    switch: {on: Вкл, off: Off, enabled: true}\n"
    )
    catalog = load_one("translations/messages.ru.yaml", text)
    assert catalog.format == "symfony-yaml"
    assert (catalog.language, catalog.language_source) == ("ru", "filename")
    assert catalog.domain == "domain:messages"
    assert [(e.key, *where(e)) for e in catalog.entries] == [
        ("shop.header.account", "Мой аккаунт", 3, 18),
        ("shop.footer.contact", "Связаться", 4, 21),
        ("shop.switch.on", "Вкл", 5, 18),
        # Symfony's parser is YAML 1.2: "Off" is a word there, not false.
        ("shop.switch.off", "Off", 5, 28),
    ]
    assert catalog.warnings == (
        'value of "shop.switch.enabled" (line 5) is read as a boolean, not text; '
        "quote it",
    )


def test_dotted_names_are_symfony_only_in_translation_folders(
    load_one: Callable[..., Catalog],
) -> None:
    symfony = load_one("translations/messages.de.json", '{"a": {"b_one": "x"}}')
    assert (symfony.format, symfony.domain) == ("symfony-json", "domain:messages")
    assert symfony.entries[0].plural is None  # Symfony has no suffix plurals
    other = load_one("locales/common.de.json", '{"a": "x"}')
    assert (other.format, other.domain) == ("json", "path:locales/common.{lang}.json")


def test_symfony_file_whose_key_looks_like_a_language(
    load_one: Callable[..., Catalog],
) -> None:
    catalog = load_one("translations/messages.ru.yaml", "my:\n  orders: Мои заказы\n")
    assert catalog.format == "symfony-yaml"
    assert [e.key for e in catalog.entries] == ["my.orders"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ru:\n  a: b\n b: c\n", "line 3: invalid YAML"),
        ("ru:\n  a: 'open\n", "line 3: invalid YAML: .* quoted scalar from line 2"),
        ("a: b\n---\nc: d\n", "line 2: invalid YAML: .*expected a single document"),
        ("a: &x [*x]\n", "an alias refers to a node that contains it"),
    ],
)
def test_broken_yaml(load_one: Callable[..., Catalog], text: str, message: str) -> None:
    with pytest.raises(CatalogError, match=message) as caught:
        load_one("config/locales/ru.yml", text)
    assert str(caught.value).startswith("config/locales/ru.yml: ")
    assert "\n" not in str(caught.value)


# --- PO ----------------------------------------------------------------------

UNITS = DATA.parent / "units"
RU_PO = (UNITS / "locale/ru/LC_MESSAGES/shop.po").read_text(encoding="utf-8")


def test_po_entries() -> None:
    catalog = load_catalog(UNITS / "locale/ru/LC_MESSAGES/shop.po", UNITS)
    assert catalog.format == "po"
    assert (catalog.language, catalog.language_source) == ("ru-RU", "header")
    assert catalog.domain == "gettext:shop"
    first, fuzzy, empty, *forms = catalog.entries
    assert (first.key, first.context, first.source) == (
        "Add to cart",
        "button",
        "Add to cart",
    )
    assert where(first) == ("В корзину", 11, 8)
    assert first.comments == ("Button on the product page",)
    assert (fuzzy.value, fuzzy.state, fuzzy.line) == ("Оформление заказа", "fuzzy", 15)
    assert (empty.value, empty.state) == ("", "untranslated")
    assert [(f.plural_index, f.plural, f.source, f.line) for f in forms] == [
        (0, "one", "%d item", 24),
        (1, "few", "%d items", 25),
        (2, "many", "%d items", 26),
    ]
    assert all(f.base_key == "%d item" for f in forms)
    assert catalog.warnings == ()


def test_po_plural_header_that_disagrees_with_cldr(
    load_one: Callable[..., Catalog],
) -> None:
    text = RU_PO.replace(
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);",
        "nplurals=2; plural=(n != 1);",
    ).replace('msgstr[2] "%d товаров"\n', "")
    catalog = load_one("ru.po", text)
    forms = [e for e in catalog.entries if e.plural_index is not None]
    assert [(f.plural_index, f.plural) for f in forms] == [(0, "one"), (1, None)]
    assert any("does not match CLDR (one, few, many)" in w for w in catalog.warnings)


def test_po_without_plural_header_uses_cldr(load_one: Callable[..., Catalog]) -> None:
    text = (
        'msgid ""\nmsgstr "Language: pl\\n"\n\n'
        'msgid "a"\nmsgid_plural "b"\nmsgstr[0] "x"\nmsgstr[1] "y"\nmsgstr[2] "z"\n'
    )
    catalog = load_one("pl.po", text)
    assert [e.plural for e in catalog.entries] == ["one", "few", "many"]
    assert any("no Plural-Forms header" in w for w in catalog.warnings)


def test_po_charset_header(load_one: Callable[..., Catalog]) -> None:
    text = RU_PO.replace("charset=UTF-8", "charset=windows-1251")
    catalog = load_one("ru.po", text.encode("cp1251"))
    assert catalog.entries[0].value == "В корзину"
    with pytest.raises(CatalogError, match=r"line 11: not valid UTF-8"):
        load_one(
            "ru.po",
            RU_PO.replace("В корзину", "\udcff", 1).encode("utf-8", "surrogateescape"),
        )


def test_po_template_is_the_source() -> None:
    catalog = load_catalog(DATA / "gettext/po/shop.pot", DATA, source_locale="en")
    assert catalog.is_source and catalog.declares_source
    assert (catalog.language, catalog.language_source) == ("en", "option")
    assert [(e.value, e.plural, e.source) for e in catalog.entries] == [
        ("Add to cart", None, None),
        ("%d item", "one", None),
        ("%d items", "other", None),
    ]


def test_broken_po(load_one: Callable[..., Catalog]) -> None:
    with pytest.raises(CatalogError) as caught:
        load_one("ru.po", 'msgid "a"\nmsgstr "b"\nthis is not po\n')
    assert str(caught.value) == "ru.po: line 3: syntax error"
    with pytest.raises(CatalogError, match="line 1: malformed string"):
        load_one("ru.po", 'msgid "a"b"\nmsgstr "c"\n')
    with pytest.raises(CatalogError, match=r"line 2: malformed string \(a quote"):
        load_one("ru.po", 'msgid "a"\nmsgstr "b\n')


# --- XLIFF -------------------------------------------------------------------


def test_xliff_12() -> None:
    catalog = load_catalog(UNITS / "src/locale/app.de.xlf", UNITS)
    assert catalog.format == "xliff-1.2"
    assert (catalog.language, catalog.language_source) == ("de-DE", "header")
    assert catalog.source_language == "en"
    assert not catalog.is_source
    title, free, note, *forms = catalog.entries
    assert (title.key, title.source, title.state) == (
        "cart.title",
        "Your cart",
        "translated",
    )
    assert where(title) == ("Ihr Warenkorb", 7, 9)
    assert title.comments == ("Page heading",)
    assert (free.key, free.value, free.source) == (
        "cart.free",
        "Kostenloser Versand!",
        "Free shipping",
    )
    assert (free.line, free.column) == (10, 78)
    assert (note.value, note.state) == ("", "untranslated")
    assert [(f.plural_index, f.plural, f.base_key) for f in forms] == [
        (0, "one", "items"),
        (1, "other", "items"),
    ]


def test_symfony_xliff_key_is_the_source() -> None:
    catalog = load_catalog(DATA / "symfony/translations/validators.ru.xlf", DATA)
    (entry,) = catalog.entries
    assert entry.key == "Enter a delivery address."
    assert where(entry) == ("Укажите адрес доставки.", 7, 9)
    assert catalog.domain == "domain:validators"


def test_xliff_20() -> None:
    catalog = load_catalog(UNITS / "locale/messages.ru.xlf", UNITS)
    assert catalog.format == "xliff-2.0"
    assert (catalog.language, catalog.source_language) == ("ru", "en")
    greeting, bye = catalog.entries
    assert (greeting.key, greeting.value, greeting.source, greeting.state) == (
        "greeting",
        "Здравствуйте, {name}!",
        "Hello, {name}!",
        "final",
    )
    assert (greeting.line, greeting.column) == (4, 51)
    assert (bye.key, bye.value, bye.line) == ("u2", "Пока", 7)


def test_xliff_without_targets_is_a_source() -> None:
    catalog = load_catalog(DATA / "xliff/src/locale/messages.xlf", DATA)
    assert catalog.is_source and catalog.declares_source
    assert (catalog.language, catalog.language_source) == ("en", "header")
    (entry,) = catalog.entries
    assert (entry.key, entry.value, entry.source, entry.line) == (
        "checkoutButton",
        "Proceed to checkout",
        None,
        6,
    )


def test_broken_xliff(load_one: Callable[..., Catalog]) -> None:
    with pytest.raises(CatalogError) as caught:
        load_one("x.xlf", '<xliff version="1.2">\n<file>\n<body></file></xliff>')
    assert str(caught.value) == (
        "x.xlf: line 3: invalid XML: Opening and ending tag mismatch: body line 3 "
        "and file"
    )
    with pytest.raises(NotACatalogError, match="root element is <html>"):
        load_one("x.xlf", "<html></html>")
    entity = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        '<xliff version="1.2"><file source-language="en" target-language="ru"><body>'
        '<trans-unit id="a"><source>a</source><target>&e;</target></trans-unit>'
        "</body></file></xliff>"
    )
    assert load_one("x.xlf", entity).entries[0].value == ""  # entities are not read


# --- CSV ---------------------------------------------------------------------


def test_csv_rows(load_one: Callable[..., Catalog]) -> None:
    text = (
        "source,translation\n"
        '"Add to cart","В корзину"\n'
        '"Size, colour","Размер, цвет"\n'
        "\n"
        'Two lines,"Первая\nвторая"\n'
        '"Say ""hi""","Скажите ""привет"""\n'
    )
    catalog = load_one("i18n/ru-RU.csv", text)
    assert catalog.format == "csv"
    assert (catalog.language, catalog.language_source) == ("ru-RU", "filename")
    assert [(e.key, e.source, *where(e)) for e in catalog.entries] == [
        ("Add to cart", "Add to cart", "В корзину", 2, 15),
        ("Size, colour", "Size, colour", "Размер, цвет", 3, 16),
        ("Two lines", "Two lines", "Первая\nвторая", 5, 11),
        ('Say "hi"', 'Say "hi"', 'Скажите "привет"', 7, 14),
    ]
    assert catalog.warnings == ()


def test_csv_semicolons_and_duplicates(load_one: Callable[..., Catalog]) -> None:
    catalog = load_one("i18n/de_DE.csv", "Cart;Warenkorb\nCart;Korb\nOnly one\n")
    assert [where(e) for e in catalog.entries] == [("Korb", 2, 6)]
    assert catalog.warnings == (
        'source "Cart" is given twice (lines 1 and 2)',
        "line 3: one column only; row skipped",
    )


def test_malformed_csv_rows_are_read_and_reported(
    load_one: Callable[..., Catalog],
) -> None:
    text = (
        '"Stay on "Order" page","Останьтесь на странице "Заказ""\n'
        '"Profile","Профиль\n'
        '"Shipping","Доставка"\n'
    )
    catalog = load_one("i18n/ru-RU.csv", text)
    assert [(e.key, *where(e)) for e in catalog.entries] == [
        ('Stay on "Order" page', 'Останьтесь на странице "Заказ"', 1, 24),
        ("Profile", "Профиль", 2, 11),
        ("Shipping", "Доставка", 3, 12),
    ]
    malformed = [w for w in catalog.warnings if "malformed CSV row" in w]
    assert [w.split(":")[0] for w in malformed] == ["line 1", "line 2"]


def test_csv_in_a_legacy_encoding(load_one: Callable[..., Catalog]) -> None:
    text = '"Add to cart","Добавить в корзину"\n"Checkout","Оформление заказа"\n'
    catalog = load_one("i18n/ru-RU.csv", text.encode("cp1251"))
    assert catalog.entries[0].value == "Добавить в корзину"
    assert "read as cp1251" in catalog.warnings[0]


# --- discovery, pairing, folder scans ----------------------------------------


def test_discovery_follows_the_conventions() -> None:
    found = {path.relative_to(DATA).as_posix() for path in discover_catalogs(DATA)}
    assert found == {
        "app/public/locales/en/translation.json",
        "app/public/locales/ru/structured-data.json",  # skipped after loading
        "app/public/locales/ru/translation.json",
        "csv/i18n/en-US.csv",
        "csv/i18n/ru-RU.csv",
        "gettext/po/ru.po",
        "gettext/po/shop.pot",
        "rails/config/locales/en.yml",
        "rails/config/locales/ru.yml",
        "symfony/translations/messages+intl-icu.en.yaml",
        "symfony/translations/messages+intl-icu.ru.yaml",
        "symfony/translations/messages.en.yaml",
        "symfony/translations/messages.ru.yaml",
        "symfony/translations/validators.ru.xlf",
        "theme/locales/en.default.json",
        "theme/locales/en.default.schema.json",
        "theme/locales/ru.json",
        "theme/locales/ru.schema.json",
        "xliff/src/locale/messages.ru.xlf",
        "xliff/src/locale/messages.xlf",
    }


def test_rails_files_are_found_outside_locale_folders(write_site: WriteSite) -> None:
    root = write_site(
        {
            "config/shop.yml": "---\n# shop strings\nru:\n  a: б\n",
            "config/database.yml": "production:\n  adapter: postgresql\n",
            "data/ru.json": '{"a": "б"}',
            "i18n/products.csv": "a,b\n",
        }
    )
    assert [p.relative_to(root).as_posix() for p in discover_catalogs(root)] == [
        "config/shop.yml"
    ]


def test_folder_scan_pairs_sources_and_targets() -> None:
    result = load_catalogs(DATA)
    assert result.errors == ()
    assert result.skipped == (
        (
            "app/public/locales/ru/structured-data.json",
            "a JSON-LD document (key '@context')",
        ),
    )
    pairs = {
        group.domain: (
            [c.path.rsplit("/", 1)[1] for c in group.sources],
            [c.path.rsplit("/", 1)[1] for c in group.targets],
        )
        for group in result.groups
    }
    assert pairs == {
        "domain:messages": (["messages.en.yaml"], ["messages.ru.yaml"]),
        "domain:messages+intl-icu": (
            ["messages+intl-icu.en.yaml"],
            ["messages+intl-icu.ru.yaml"],
        ),
        "domain:validators": ([], ["validators.ru.xlf"]),
        "path:app/public/locales/{lang}/translation.json": (
            ["translation.json"],
            ["translation.json"],
        ),
        "csv": (["en-US.csv"], ["ru-RU.csv"]),
        "path:gettext/po/{lang}.po": (["shop.pot"], ["ru.po"]),
        "path:xliff/src/locale/messages.{lang}.xlf": (
            ["messages.xlf"],
            ["messages.ru.xlf"],
        ),
        "rails": (["en.yml"], ["ru.yml"]),
        "shopify:theme/locales:locale": (["en.default.json"], ["ru.json"]),
        "shopify:theme/locales:schema": (
            ["en.default.schema.json"],
            ["ru.schema.json"],
        ),
    }
    assert result.unpaired == ()  # the validators XLIFF carries its sources
    assert {c.path for c in result.catalogs if c.is_source} == {
        c.path for g in result.groups for c in g.sources
    }


def test_source_for_finds_the_matching_form() -> None:
    result = load_catalogs(DATA)
    for catalog in result.catalogs:
        if catalog.path == "rails/config/locales/ru.yml":
            group = result.group_of(catalog)
            assert group is not None
            found = {e.key: group.source_for(e) for e in catalog.entries}
    assert {key: entry and entry.value for key, entry in found.items()} == {
        "spree.cart": "Cart",
        "spree.items.one": "%{count} item",
        "spree.items.few": "%{count} items",  # no English "few": the "other" form
        "spree.items.many": "%{count} items",
        "spree.items.other": "%{count} items",
    }


def test_source_locale_option(write_site: WriteSite) -> None:
    root = write_site(
        {
            "locales/de.json": '{"a": "Warenkorb"}',
            "locales/en.json": '{"a": "Cart"}',
            "locales/ru.json": '{"a": "Корзина"}',
        }
    )
    default = load_catalogs(root)
    assert [c.path for c in default.groups[0].sources] == ["locales/en.json"]
    german = load_catalogs(root, source_locale="de_DE")
    assert [c.path for c in german.groups[0].sources] == ["locales/de.json"]
    assert [c.path for c in german.groups[0].targets] == [
        "locales/en.json",
        "locales/ru.json",
    ]
    with pytest.raises(UnknownLocaleError):
        load_catalogs(root, source_locale="klingon")


def test_english_variants_are_not_the_english_source(write_site: WriteSite) -> None:
    root = write_site(
        {
            "config/locales/en-GB.yml": "en-GB:\n  colour: Colour\n",
            "config/locales/en-AU.yml": "en-AU:\n  colour: Colour\n",
        }
    )
    (group,) = load_catalogs(root).groups
    assert group.sources == ()
    assert load_catalogs(root).unpaired == group.targets


def test_a_broken_file_does_not_stop_the_scan(write_site: WriteSite) -> None:
    root = write_site(
        {
            "locales/en.json": '{"a": "Cart"}',
            "locales/ru.json": '{"a": "Корзина",}',
        }
    )
    result = load_catalogs(root)
    assert [c.path for c in result.catalogs] == ["locales/en.json"]
    assert [str(e) for e in result.errors] == [
        "locales/ru.json: line 1: trailing comma before '}'"
    ]


def test_single_file_scan(write_site: WriteSite) -> None:
    root = write_site({"anything.json": '{"a": "b"}'})
    result = load_catalogs(root / "anything.json")
    assert [(c.path, c.language, c.language_source) for c in result.catalogs] == [
        ("anything.json", None, "none")
    ]
    with pytest.raises(CatalogError, match=r'"\.md" files are not catalogs'):
        load_catalog(DATA.parent / "README.md", DATA.parent)
