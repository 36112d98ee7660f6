"""CLDR facts read from each locale's own data file agree with Babel's merged view."""

from __future__ import annotations

from babel import Locale, localedata

from loccheck.cldr import own_data
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
