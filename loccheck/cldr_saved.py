"""Facts derived from every CLDR locale, saved with the Babel they came from.

A few facts need the data files of all of CLDR's locales: the symbols each
locale writes for currencies, each language's own name, the words of display
names, month names. Deriving them costs about a second in every process
(each ``loccheck scan`` worker pays it again). ``scripts/save_cldr_facts.py``
saves them to ``cldr_saved.json`` next to this module, with the version of
Babel (and so of CLDR) they were derived from. A process whose Babel is that
version reads them from there; any other derives them as before. A test
checks that the saved facts equal a fresh derivation, so they cannot drift
from the code that derives them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files
from typing import Any

import babel

SAVED_FILE = "cldr_saved.json"


def derivations() -> dict[str, Callable[[], Any]]:
    """Each saved fact's name and the function that derives it (JSON values)."""
    # Imported here: those modules read their facts through this one.
    from loccheck.checks.format.dates import derive_month_names
    from loccheck.currencies import derive_symbol_pairs
    from loccheck.nlp.cldr_words import derive_words
    from loccheck.nlp.endonyms import derive_endonyms

    return {
        "currency-symbols": derive_symbol_pairs,
        "endonyms": derive_endonyms,
        "display-name-words": derive_words,
        "month-names": derive_month_names,
    }


@lru_cache(maxsize=1)
def _saved_facts() -> dict[str, Any]:
    try:
        text = files("loccheck").joinpath(SAVED_FILE).read_text(encoding="utf-8")
        document = json.loads(text)
    except (OSError, ValueError):
        return {}  # not shipped, or unreadable: every fact is derived
    if not isinstance(document, dict) or document.get("babel") != babel.__version__:
        return {}  # saved from another CLDR
    facts = document.get("facts")
    return facts if isinstance(facts, dict) else {}


def saved_fact(name: str) -> Any | None:
    """The saved value of fact ``name``; None where it must be derived."""
    return _saved_facts().get(name)


def save_document() -> dict[str, Any]:
    """The document ``cldr_saved.json`` holds: every fact, derived afresh."""
    facts = {name: derive() for name, derive in sorted(derivations().items())}
    return {"babel": babel.__version__, "facts": facts}
