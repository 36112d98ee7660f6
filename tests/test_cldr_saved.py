"""Facts derived from all CLDR locales, saved with the Babel they came from."""

from __future__ import annotations

import json
from importlib.resources import files

import babel
import pytest

from loccheck import cldr_saved
from loccheck.cldr_saved import SAVED_FILE, derivations, save_document, saved_fact


def _document() -> dict[str, object]:
    text = files("loccheck").joinpath(SAVED_FILE).read_text(encoding="utf-8")
    document: dict[str, object] = json.loads(text)
    return document


def test_saved_facts_equal_a_fresh_derivation() -> None:
    saved = _document()
    if saved["babel"] != babel.__version__:
        pytest.skip(
            f"facts saved from Babel {saved['babel']}, this is {babel.__version__}:"
            " they are derived instead (run scripts/save_cldr_facts.py)"
        )
    fresh = save_document()
    assert saved["babel"] == fresh["babel"]
    assert isinstance(saved["facts"], dict)
    for name, value in fresh["facts"].items():
        assert saved["facts"][name] == value, name


def test_every_fact_is_saved_and_read() -> None:
    saved = _document()
    facts = saved["facts"]
    assert isinstance(facts, dict)
    assert sorted(facts) == sorted(derivations())
    if saved["babel"] == babel.__version__:
        assert saved_fact("endonyms") == facts["endonyms"]


def test_facts_of_another_babel_are_derived(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(babel, "__version__", "0.0-other")
    cldr_saved._saved_facts.cache_clear()
    try:
        assert saved_fact("endonyms") is None
    finally:
        monkeypatch.undo()
        cldr_saved._saved_facts.cache_clear()
