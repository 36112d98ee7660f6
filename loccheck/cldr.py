"""Read Babel's packaged CLDR data of one locale as that locale's file holds it.

``Locale(...)`` merges a locale's data with its parents' and keeps the result
in Babel's cache: right for the market's own locale, too slow and too big for
a fact that every locale contributes (currency symbols, language names).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from typing import Any

from babel import localedata
from babel.core import get_global


def own_data(name: str) -> dict[str, Any]:
    """The data of locale ``name`` without what it inherits; not cached."""
    with open(localedata.resolve_locale_filename(name), "rb") as handle:
        data: dict[str, Any] = pickle.load(handle)  # Babel's own packaged data
    return data


def _chain(name: str) -> Iterator[str]:
    """``name`` and the locales it inherits from, as Babel's loader finds them
    (CLDR's parent exceptions, else the name less its last part), to root."""
    exceptions = get_global("parent_exceptions")
    while True:
        yield name
        if name == "root":
            return
        name = exceptions.get(name) or (
            name.rsplit("_", 1)[0] if "_" in name else "root"
        )


def inherited_value(name: str, section: str, key: str) -> Any:
    """``Locale(name).<section>[key]`` read up the chain of own data files.

    Reads one small file per link, where Babel merges each locale's whole data.
    """
    for link in _chain(name):
        value = own_data(link).get(section, {}).get(key)
        if value is not None:
            return value
    return None


def private_data(name: str) -> localedata.LocaleDataDict:
    """Locale ``name``'s data merged with its parents', as ``Locale(name)._data``
    gives it, but loaded afresh for the caller alone.

    Babel's cached merges share nested dicts between a locale and its parents,
    and resolving an alias writes the result back into them: after Czech was
    read, Danish date fields hold "čtvrtletí". A derivation that reads many
    locales would then depend on the order it read them in.
    """
    data: dict[str | int | None, Any] = {}
    for link in reversed(list(_chain(name))):
        localedata.merge(data, own_data(link))
    return localedata.LocaleDataDict(data)
