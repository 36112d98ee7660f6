"""CLDR facts read from each locale's own data file agree with Babel's merged view."""

from __future__ import annotations

from babel import Locale, localedata

from loccheck.cldr import own_data, private_data
from loccheck.nlp.endonyms import endonyms, switcher_languages


def test_endonyms_are_what_babel_gives_for_each_language_in_itself() -> None:
    expected: set[str] = set()
    for code in switcher_languages():
        if localedata.exists(code):
            name = Locale.parse(code).get_display_name(code)
            if name:
                expected |= {name, name[:1].upper() + name[1:]}
    assert endonyms() == frozenset(expected)
    assert {"Русский", "Deutsch", "English", "日本語"} <= endonyms()


def test_own_data_is_the_locale_file_without_its_parents() -> None:
    # de_AT's own file is small: it names Austrian German words, not all of German.
    own = own_data("de_AT")
    assert "languages" not in own or len(own["languages"]) < 50
    assert own_data("ru")["languages"]["ru"] == "русский"


def test_private_data_does_not_see_what_babel_resolved_for_other_locales() -> None:
    fresh = _texts_of(private_data("da")["date_fields"])
    # Reading Czech through Babel's cache writes resolved aliases into dicts
    # that Danish shares there ("čtvrtletí" then shows in Danish).
    _texts_of(Locale.parse("cs")._data["date_fields"])
    again = _texts_of(private_data("da")["date_fields"])
    assert again == fresh
    assert "čtvrtletí" not in " ".join(again)
    assert private_data("ru")["languages"]["ru"] == "русский"  # parents merged


def _texts_of(value: object, depth: int = 0) -> list[str]:
    if isinstance(value, str):
        return [value]
    if depth > 6 or not hasattr(value, "items"):
        return []
    return sorted(t for _, item in value.items() for t in _texts_of(item, depth + 1))
