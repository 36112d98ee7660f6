"""The lexical signals of the language judge need a word that only other
languages' lexicons have; the judge skips them for texts without one."""

from __future__ import annotations

import random

import pytest

from loccheck.markets import load_market
from loccheck.nlp import leftovers, lexicon
from loccheck.nlp.judge import (
    _LATIN_HINTS,
    _accepted,
    _lexicon_language,
    _lexicon_majority,
    _neighbour_hint,
    _same_script,
)

_MARKETS = ("ru-RU", "uk-UA", "kk-KZ", "de-DE", "fr-FR", "cs-CZ", "en-US", "ja-JP")
_UNKNOWN = ["Zorblat", "квазитурбо", "Flimsen", "мрякля", "ぴよぴよ"]


def _pools(accepted: frozenset[str]) -> tuple[list[str], list[str]]:
    """Lexicon words that the market's language has (with or without other
    owners), and words that only other languages have."""
    owned = sorted(lexicon._owners().items())
    native = [word for word, owners in owned if owners & accepted]
    foreign = [word for word, owners in owned if not owners & accepted]
    return native, foreign


@pytest.mark.parametrize("market_id", _MARKETS)
def test_without_a_foreign_only_word_no_lexical_signal_fires(market_id: str) -> None:
    market = load_market(market_id)
    accepted = _accepted(market)
    native, foreign = _pools(accepted)
    rng = random.Random(market_id)
    fired_with_foreign = 0
    for _ in range(1500):
        tokens = [
            rng.choice(native) if rng.random() < 0.6 else rng.choice(_UNKNOWN)
            for _ in range(rng.randint(1, 6))
        ]
        assert _lexicon_language(tokens, accepted) is None, tokens
        assert _lexicon_majority(tokens, accepted) is None, tokens
        assert leftovers.shared_lexicon(tokens, market, accepted) is None, tokens
        if market.language not in _LATIN_HINTS:
            assert _neighbour_hint(tokens, market, accepted) is None, tokens
        # The same texts with words only foreign lexicons have: the signals
        # do fire on some, so the gate is not vacuous.
        mixed = [*tokens[: rng.randint(0, 1)], *rng.sample(foreign, 2)]
        fired_with_foreign += any(
            (
                _lexicon_language(mixed, accepted),
                _lexicon_majority(mixed, accepted),
                _neighbour_hint(mixed, market, accepted),
            )
        )
    assert fired_with_foreign > 50


def test_a_foreign_only_word_still_reaches_the_lexicon() -> None:
    market = load_market("ru-RU")
    # "Кошик" is a Ukrainian interface word, and "Оформити" one too.
    verdict = _same_script("Кошик Оформити", "Кошик Оформити",
                           ["Кошик", "Оформити"], market, frozenset())  # fmt: skip
    assert verdict is not None and verdict.found == "uk"
    assert verdict.reason in ("lexicon", "letters")
