"""Market profiles (loccheck.markets) and language tags (loccheck.langtags)."""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from pathlib import Path

import pytest
import yaml

from loccheck import markets
from loccheck.langtags import (
    is_valid_bcp47,
    locale_from_path_segment,
    primary_language,
    same_language,
)
from loccheck.markets import (
    MarketProfileError,
    Profile,
    UnknownLocaleError,
    build_market,
    canonical_tag,
    load_market,
    load_profiles,
    shipped_markets,
    term_sort_key,
)
from loccheck.resources import data_dir

LOCALES = Path(str(data_dir("locales")))
PROFILE_FILES = sorted(LOCALES.glob("*.yaml"))

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def profiles() -> Mapping[str, Profile]:
    return load_profiles(LOCALES)


# --- shipped profiles --------------------------------------------------------


def test_ships_the_required_markets() -> None:
    required = {
        "ru-RU", "uk-UA", "kk-KZ", "be-BY", "de-DE", "de-AT", "de-CH", "fr-FR",
        "fr-CA", "en-US", "en-GB", "es-ES", "es-MX", "pt-BR", "pt-PT", "it-IT",
        "nl-NL", "pl-PL", "cs-CZ", "sv-SE", "tr-TR", "ja-JP", "zh-CN", "zh-TW",
        "ko-KR", "ar-SA", "he-IL",
    }  # fmt: skip
    assert required <= set(shipped_markets())
    assert list(shipped_markets()) == sorted(shipped_markets())
    assert "ru" not in shipped_markets()  # language-wide bases are not markets


@pytest.mark.parametrize("market_id", shipped_markets())
def test_every_shipped_market_loads(market_id: str) -> None:
    market = load_market(market_id)
    assert market.id == market_id
    assert market.source == f"locales/{market_id}.yaml"
    assert market.currency is not None
    assert market.currency_symbol
    assert market.hour_cycle in {"h12", "h23"}
    assert market.direction in {"ltr", "rtl"}
    assert len(market.quotes) == 4


@pytest.mark.parametrize("market_id", shipped_markets())
def test_every_shipped_market_extends_its_language_profile(
    market_id: str, profiles: Mapping[str, Profile]
) -> None:
    chain, current = [], profiles[market_id].extends
    while current is not None:
        chain.append(current)
        current = profiles[current].extends
    assert market_id.split("-")[0] in chain


@pytest.mark.parametrize("path", PROFILE_FILES, ids=lambda path: path.name)
def test_profile_lists_are_sorted_and_unique(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lists = {
        key: data.get(key) or []
        for key in (
            "allow_terms",
            "allowed_currencies",
            "neighbour_languages",
            "secondary_languages",
        )
    }
    for currency, items in (data.get("currency_abbreviations") or {}).items():
        lists[f"currency_abbreviations.{currency}"] = items
    for key, items in lists.items():
        assert items == sorted(items, key=term_sort_key), f"{path.name}: {key}"
        assert len({item.casefold() for item in items}) == len(items), key


@pytest.mark.parametrize("market_id", shipped_markets())
def test_abbreviations_do_not_repeat_the_cldr_symbol(
    market_id: str, profiles: Mapping[str, Profile]
) -> None:
    market = load_market(market_id)
    written: list[str] = []
    current: str | None = market_id
    while current is not None:
        written += profiles[current].currency_abbreviations.get(
            market.currency or "", ()
        )
        current = profiles[current].extends
    assert market.currency_symbol not in written


# --- CLDR facts --------------------------------------------------------------


def test_ru_ru() -> None:
    market = load_market("ru-RU")
    assert market.language == "ru"
    assert market.territory == "RU"
    assert market.scripts == ("Cyrl",)
    assert market.currency == "RUB"
    assert market.currency_symbol == "₽"
    assert "руб." in market.currency_abbreviations
    assert market.decimal_symbol == ","
    assert market.group_symbol == NBSP
    assert market.currency_format == f"#,##0.00{NBSP}¤"
    assert market.date_format_short == "dd.MM.y"
    assert market.time_format_short == "HH:mm"
    assert market.hour_cycle == "h23"
    assert market.measurement_system == "metric"
    assert market.quotes == ("«", "»", "„", "“")
    assert market.direction == "ltr"
    assert market.babel_locale == "ru_RU"
    assert market.neighbour_languages == ("be", "uk")
    assert market.secondary_languages == ()


def test_en_us() -> None:
    market = load_market("en-US")
    assert market.currency == "USD"
    assert market.currency_symbol == "$"
    assert market.decimal_symbol == "."
    assert market.group_symbol == ","
    assert market.hour_cycle == "h12"
    assert market.measurement_system == "US"
    assert market.quotes == ("“", "”", "‘", "’")


def test_en_gb_measures_in_uk_units() -> None:
    market = load_market("en-GB")
    assert (market.currency, market.measurement_system) == ("GBP", "UK")
    assert market.hour_cycle == "h23"


@pytest.mark.parametrize("market_id", ["ar-SA", "he-IL"])
def test_right_to_left_markets(market_id: str) -> None:
    assert load_market(market_id).direction == "rtl"


def test_de_ch_uses_chf_and_an_apostrophe_group_separator() -> None:
    market = load_market("de-CH")
    assert market.currency == "CHF"
    assert market.group_symbol == "’"  # U+2019, CLDR de-CH
    assert market.decimal_symbol == "."
    assert market.secondary_languages == ()
    assert {"fr", "it"} <= set(market.neighbour_languages)


@pytest.mark.parametrize(
    ("tag", "cycle"),
    [("fr-CA", "h23"), ("zh-TW", "h12"), ("ko-KR", "h12"), ("ja-JP", "h23")],
)
def test_hour_cycle_ignores_quoted_literals(tag: str, cycle: str) -> None:
    # fr-CA is "HH 'h' mm": the quoted h is text, not an hour field.
    assert load_market(tag).hour_cycle == cycle


@pytest.mark.parametrize(
    ("tag", "scripts"),
    [
        ("ja-JP", ("Jpan", "Hani", "Hira", "Kana")),
        ("ko-KR", ("Kore", "Hang", "Hani")),
        ("zh-CN", ("Hans", "Hani")),
        ("zh-TW", ("Hant", "Hani")),
        ("sr-Latn-RS", ("Latn",)),
        ("he-IL", ("Hebr",)),
    ],
)
def test_scripts(tag: str, scripts: tuple[str, ...]) -> None:
    assert load_market(tag).scripts == scripts


@pytest.mark.parametrize(
    ("tag", "quotes"),
    [
        ("fr-CA", ("«", "»", "”", "“")),  # market overrides its language
        ("pt-PT", ("«", "»", "“", "”")),
        ("pt-BR", ("“", "”", "‘", "’")),
        ("zh-TW", ("「", "」", "『", "』")),  # from zh-Hant
        ("zh-HK", ("「", "」", "『", "』")),  # Babel-only, zh-Hant applies
        ("fi-FI", ("“", "”", "‘", "’")),  # no profile: CLDR root
    ],
)
def test_quotes(tag: str, quotes: tuple[str, str, str, str]) -> None:
    assert load_market(tag).quotes == quotes


# --- Babel-only markets ------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "currency", "decimal"), [("fi-FI", "EUR", ","), ("ro-RO", "RON", ",")]
)
def test_babel_only_market(tag: str, currency: str, decimal: str) -> None:
    market = load_market(tag)
    assert market.source == "cldr"
    assert market.currency == currency
    assert market.decimal_symbol == decimal
    assert market.allow_terms == ()


def test_babel_only_market_gets_its_language_profile() -> None:
    market = load_market("ru-KZ")
    assert market.source == "locales/ru.yaml"
    assert market.currency == "KZT"
    assert market.currency_abbreviations == ("тг", "тг.")  # "₸" is CLDR here
    assert "Wi-Fi" in market.allow_terms


def test_language_in_a_country_without_a_cldr_locale() -> None:
    market = load_market("ru-DE")
    assert market.babel_locale == "ru"
    assert market.currency == "EUR"
    assert market.decimal_symbol == ","


@pytest.mark.parametrize(("tag", "system"), [("en-LR", "US"), ("my-MM", "US")])
def test_measurement_from_cldr_territory_data(tag: str, system: str) -> None:
    assert load_market(tag).measurement_system == system


# --- merging along extends ---------------------------------------------------


def test_extends_merges_allow_terms() -> None:
    fr_fr, fr_ca = load_market("fr-FR"), load_market("fr-CA")
    assert "e-mail" in fr_fr.allow_terms  # fr-FR.yaml
    assert "e-mail" not in fr_ca.allow_terms
    assert {"newsletter", "week-end"} <= set(fr_fr.allow_terms) & set(
        fr_ca.allow_terms
    )  # fr.yaml
    assert list(fr_fr.allow_terms) == sorted(fr_fr.allow_terms, key=term_sort_key)
    pt_br = load_market("pt-BR")
    assert {"mouse", "cookies"} <= set(pt_br.allow_terms)
    assert "mouse" not in load_market("pt-PT").allow_terms


def test_secondary_language_is_not_also_a_neighbour() -> None:
    kk = load_market("kk-KZ")
    assert kk.secondary_languages == ("ru",)
    assert "ru" not in kk.neighbour_languages  # kk.yaml lists it
    be = load_market("be-BY")
    assert be.secondary_languages == ("ru",)
    assert be.neighbour_languages == ("uk",)


def test_uk_ua_does_not_accept_russian() -> None:
    market = load_market("uk-UA")
    assert market.secondary_languages == ()
    assert "ru" in market.neighbour_languages
    assert {"грн", "грн."} <= set(market.currency_abbreviations)


# --- canonical tags ----------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ru_RU", "ru-RU"),
        ("ru-ru", "ru-RU"),
        ("RU-ru", "ru-RU"),
        (" ru-RU ", "ru-RU"),
        ("pt_BR", "pt-BR"),
        ("zh-Hant-TW", "zh-TW"),
        ("zh-hant", "zh-TW"),
        ("zh-Hans", "zh-CN"),
        ("zh-Hans-TW", "zh-Hans-TW"),  # not TW's likely script: kept
        ("sr-Latn-RS", "sr-Latn-RS"),
        ("sr", "sr-RS"),
        ("en", "en-US"),
        ("ru", "ru-RU"),
        ("de", "de-DE"),
        ("pt", "pt-BR"),
        ("iw-IL", "he-IL"),  # deprecated language code
        ("en-UK", "en-GB"),  # deprecated region code
        ("en-US-u-nu-latn", "en-US"),  # extensions do not change the market
        ("es-419", "es-419"),
        ("ca-ES-valencia", "ca-ES-valencia"),
        ("ru-DE", "ru-DE"),  # ru data, German territory
        ("und", None),
        ("xx", None),
        ("english", None),
        ("", None),
        ("ru-RX", None),
        ("en--US", None),
        ("x-default", None),
    ],
)
def test_canonical_tag(tag: str, expected: str | None) -> None:
    assert canonical_tag(tag) == expected


def test_spellings_of_one_market_share_one_cached_object() -> None:
    assert load_market("ru") is load_market("ru_RU") is load_market("RU-ru")


# --- unknown tags ------------------------------------------------------------


def test_unknown_locale_suggests_close_matches() -> None:
    with pytest.raises(UnknownLocaleError) as caught:
        load_market("ru-RX")
    error = caught.value
    assert error.tag == "ru-RX"
    assert error.suggestions[0] == "ru-RU"
    assert "ru-KZ" in error.suggestions
    assert str(error).startswith('unknown locale "ru-RX" (did you mean: ru-RU, ')


def test_unknown_locale_matches_language_names() -> None:
    with pytest.raises(UnknownLocaleError) as caught:
        load_market("english")
    assert caught.value.suggestions[0] == "en-US"


def test_unknown_locale_without_suggestions() -> None:
    with pytest.raises(UnknownLocaleError, match=r'^unknown locale "xx"$'):
        load_market("xx")


def test_errors_survive_pickling() -> None:
    error = UnknownLocaleError("ru-RX", ("ru-RU",))
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.tag, copy.suggestions, str(copy)) == ("ru-RX", ("ru-RU",), str(error))
    broken = MarketProfileError("locales/x.yaml", "foo", "unknown key")
    assert str(pickle.loads(pickle.dumps(broken))) == str(broken)


# --- broken profile files ----------------------------------------------------


def _write(tmp_path: Path, files: dict[str, str]) -> Path:
    directory = tmp_path / "locales"
    directory.mkdir()
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"ru.yaml": "id: ru\nfoo: 1\n"},
            'locales/ru.yaml: key "foo": unknown key',
        ),
        (
            {"ru.yaml": "id: ru\nallow_terms: Wi-Fi\n"},
            'locales/ru.yaml: key "allow_terms": should be a list of non-empty strings',
        ),
        (
            {"ru.yaml": "id: ru\nallow_terms: [SMS, sms]\n"},
            'locales/ru.yaml: key "allow_terms": lists a term twice',
        ),
        (
            {"ru.yaml": "allow_terms: []\n"},
            'locales/ru.yaml: key "id": missing',
        ),
        (
            {"ru.yaml": "id: uk\n"},
            'locales/ru.yaml: key "id": "uk" does not match the file name "ru.yaml"',
        ),
        (
            {"zh-Hant-TW.yaml": "id: zh-Hant-TW\n"},
            'locales/zh-Hant-TW.yaml: key "id": "zh-Hant-TW" is not canonical, '
            'write "zh-TW"',
        ),
        (
            {"xx.yaml": "id: xx\n"},
            'locales/xx.yaml: key "id": "xx" is not a locale Babel knows',
        ),
        (
            {"ru-RU.yaml": "id: ru-RU\nextends: ru\n"},
            'locales/ru-RU.yaml: key "extends": no profile "ru" (ru.yaml)',
        ),
        (
            {"ru.yaml": "id: ru\n", "ru-RU.yaml": "id: ru-RU\nextends: ru-KZ\n"},
            'locales/ru-RU.yaml: key "extends": no profile "ru-KZ" (ru-KZ.yaml)',
        ),
        (
            {
                "ru-RU.yaml": "id: ru-RU\nextends: ru-BY\n",
                "ru-BY.yaml": "id: ru-BY\nextends: ru-RU\n",
            },
            'locales/ru-BY.yaml: key "extends": cycle ru-BY -> ru-RU -> ru-BY',
        ),
        (
            {"uk.yaml": "id: uk\n", "ru-RU.yaml": "id: ru-RU\nextends: uk\n"},
            'locales/ru-RU.yaml: key "extends": "uk" is another language',
        ),
        (
            {"ru.yaml": "id: ru\nneighbour_languages: [uk, ukrainian]\n"},
            'locales/ru.yaml: key "neighbour_languages": "ukrainian" is not a '
            "language code Babel knows",
        ),
        (
            {"ru.yaml": "id: ru\nneighbour_languages: [ru]\n"},
            'locales/ru.yaml: key "neighbour_languages": lists the profile\'s own '
            'language "ru"',
        ),
        (
            {"ru.yaml": "id: ru\ncurrency_abbreviations: {RUR1: [руб.]}\n"},
            "locales/ru.yaml: key \"currency_abbreviations\": 'RUR1' is not an "
            "ISO 4217 currency code",
        ),
        (
            {"ru.yaml": "id: ru\ncurrency_abbreviations: [руб.]\n"},
            'locales/ru.yaml: key "currency_abbreviations": should map currency '
            "codes to lists of abbreviations",
        ),
        (
            {"ru.yaml": "id: ru\ncurrency: RUB\n"},
            'locales/ru.yaml: key "currency": only a market (a tag with a '
            "territory) can set its currency",
        ),
        (
            {"ru.yaml": "id: ru\nquotes: [«, »]\n"},
            'locales/ru.yaml: key "quotes": should list 4 strings: start, end, '
            "alternate start, alternate end",
        ),
        (
            {"ru.yaml": "- id\n- ru\n"},
            "locales/ru.yaml: should be a mapping of keys",
        ),
    ],
)
def test_broken_profile_is_reported_with_file_and_key(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    with pytest.raises(MarketProfileError) as caught:
        load_profiles(_write(tmp_path, files))
    assert str(caught.value) == message


def test_invalid_yaml_names_the_file_and_line(tmp_path: Path) -> None:
    directory = _write(tmp_path, {"ru.yaml": "id: ru\nallow_terms: [SMS\n"})
    with pytest.raises(MarketProfileError, match=r"^locales/ru\.yaml: invalid YAML"):
        load_profiles(directory)


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    directory = _write(tmp_path, {"ru.yaml": "id: ru\nnotes: a\nnotes: b\n"})
    with pytest.raises(MarketProfileError) as caught:
        load_profiles(directory)
    assert str(caught.value) == (
        'locales/ru.yaml: invalid YAML: duplicate key "notes" (line 3)'
    )


def test_profiles_from_another_directory(tmp_path: Path) -> None:
    directory = _write(
        tmp_path,
        {
            "ru.yaml": "id: ru\nallow_terms: [SMS, USB]\nneighbour_languages: [uk]\n",
            "ru-KZ.yaml": (
                "id: ru-KZ\nextends: ru\nallow_terms: [Kaspi]\n"
                "secondary_languages: [kk]\ncurrency_abbreviations: {KZT: [тг]}\n"
            ),
            "ru-RU.yaml": "id: ru-RU\nextends: ru\ncurrency: EUR\n",
        },
    )
    profiles = load_profiles(directory)
    ru_kz = build_market("ru_KZ", profiles)
    assert ru_kz.source == "locales/ru-KZ.yaml"
    assert ru_kz.allow_terms == ("Kaspi", "SMS", "USB")
    assert ru_kz.secondary_languages == ("kk",)
    assert ru_kz.currency_abbreviations == ("тг",)
    ru_ru = build_market("ru", profiles)
    assert (ru_ru.currency, ru_ru.currency_symbol) == ("EUR", "€")  # override
    assert build_market("ru-BY", profiles).source == "locales/ru.yaml"
    assert build_market("fi-FI", profiles).source == "cldr"
    with pytest.raises(UnknownLocaleError) as caught:
        build_market("ru-RX", profiles)
    assert caught.value.suggestions[0] == "ru-RU"


def test_shipped_profiles_load_from_the_package_resource() -> None:
    profiles = load_profiles(data_dir("locales"))
    assert set(shipped_markets()) < set(profiles)
    assert {"ru", "zh-Hant"} <= set(profiles)
    assert markets.load_market("zh-TW").source == "locales/zh-TW.yaml"


# --- language tags -----------------------------------------------------------


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ("ru", "ru"),
        ("RU", "ru"),
        ("de-de", "de-DE"),
        ("de_DE", "de-DE"),
        ("pt_BR", "pt-BR"),
        ("pt-br", "pt-BR"),
        ("en-gb", "en-GB"),
        ("en-uk", "en-GB"),
        ("zh-hant", "zh-Hant"),
        ("zh-Hant-TW", "zh-Hant-TW"),
        ("sr-latn", "sr-Latn"),
        ("products", None),
        ("img", None),
        ("css", None),
        ("js", None),
        ("blog", None),
        ("cart", None),
        ("api", None),
        ("static", None),
        ("assets", None),
        ("de-luxe", None),
        ("en-zz", None),
        ("en-eu", None),
        ("xx", None),
        ("iw", None),
        ("eng", None),
        ("sign-in", None),
        ("", None),
        ("en-", None),
    ],
)
def test_locale_from_path_segment(segment: str, expected: str | None) -> None:
    assert locale_from_path_segment(segment) == expected


@pytest.mark.parametrize(
    ("tag", "valid"),
    [
        ("en-US", True),
        ("EN-us", True),
        ("ru-RU", True),
        ("zh-Hant-TW", True),
        ("es-419", True),
        ("de-CH-1996", True),
        ("iw", True),  # deprecated, still in the registry
        ("en-US-u-ca-gregory", True),
        ("en-UK", False),  # the registry has GB, not UK
        ("i-klingon", False),  # grandfathered whole tag
        ("x-default", False),
        ("x-foo", False),
        ("en_US", False),
        ("english", False),
        ("de-luxe", False),
        ("en--US", False),
        ("en-US-US", False),
        (" en", False),
        ("", False),
    ],
)
def test_is_valid_bcp47(tag: str, valid: bool) -> None:
    assert is_valid_bcp47(tag) is valid


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("ru-RU", "ru"),
        ("zh-Hant", "zh"),
        ("iw", "he"),
        ("in-ID", "id"),
        ("cmn", "zh"),
        ("en-UK", None),  # invalid tag: use canonical_tag to repair it
        ("EN-us", "en"),
        ("und", None),
        ("en_US", None),
        ("x-default", None),
        ("english", None),
    ],
)
def test_primary_language(tag: str, language: str | None) -> None:
    assert primary_language(tag) == language


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("ru", "ru-KZ", True),
        ("iw", "he-IL", True),
        ("nb", "no", True),
        ("nb-NO", "no", True),
        ("nn", "nb", False),
        ("ru", "uk", False),
        ("en", "en_US", False),  # invalid tag
        ("und", "und", False),
    ],
)
def test_same_language(a: str, b: str, same: bool) -> None:
    assert same_language(a, b) is same


def test_a_market_may_allow_extra_currencies(tmp_path: Path) -> None:
    directory = _write(
        tmp_path,
        {
            "ru.yaml": "id: ru\n",
            "ru-RU.yaml": "id: ru-RU\nextends: ru\nallowed_currencies: [EUR, USD]\n",
        },
    )
    market = build_market("ru-RU", load_profiles(directory))
    assert market.allowed_currencies == ("EUR", "USD")
    assert build_market("ru-BY", load_profiles(directory)).allowed_currencies == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "id: ru\nallowed_currencies: [USD]\n",
            'locales/ru.yaml: key "allowed_currencies": only a market (a tag with '
            "a territory) can allow currencies",
        ),
        (
            "id: ru-RU\nallowed_currencies: [dollar]\n",
            "locales/ru-RU.yaml: key \"allowed_currencies\": 'dollar' is not an "
            "ISO 4217 currency code",
        ),
    ],
)
def test_allowed_currencies_are_validated(
    tmp_path: Path, text: str, message: str
) -> None:
    name = text.split("\n", 1)[0].removeprefix("id: ")
    with pytest.raises(MarketProfileError) as caught:
        load_profiles(_write(tmp_path, {f"{name}.yaml": text}))
    assert str(caught.value) == message
