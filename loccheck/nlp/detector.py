"""Statistical language identification (lingua), restricted to candidate sets.

docs/decisions/0005-language-identification.md has the measurements behind
the choice: lingua in high-accuracy mode, never built with all its languages
(1.1 GiB, 9 s to load), but once per small candidate set, lazily, per process.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lingua import Language, LanguageDetectorBuilder

# lingua's Bokmål is "nb"; CLDR and BCP 47 also write "no".
_ALIASES = {"no": "nb"}


@lru_cache(maxsize=1)
def _languages() -> dict[str, Any]:
    return {lang.iso_code_639_1.name.lower(): lang for lang in Language.all()}


def supported(code: str) -> bool:
    """True if lingua knows the ISO 639-1 language ``code``."""
    return _ALIASES.get(code, code) in _languages()


@lru_cache(maxsize=64)
def _detector(codes: frozenset[str]) -> Any:
    known = _languages()
    languages = [known[c] for c in sorted(codes) if c in known]
    return LanguageDetectorBuilder.from_languages(*languages).build()


@lru_cache(maxsize=256)
def _codes(candidates: frozenset[str]) -> frozenset[str]:
    """The candidates lingua knows, under lingua's codes."""
    return frozenset(_ALIASES.get(c, c) for c in candidates if supported(c))


def detect(text: str, candidates: frozenset[str]) -> tuple[tuple[str, float], ...]:
    """Return the candidate languages with lingua's confidence, best first.

    Confidence values of all candidates add up to 1. Candidates lingua does
    not know are left out; with fewer than two left there is nothing to decide
    and nothing returns.
    """
    codes = _codes(candidates)
    if len(codes) < 2:
        return ()
    values = _detector(codes).compute_language_confidence_values(text)
    return tuple(
        (v.language.iso_code_639_1.name.lower(), float(v.value)) for v in values
    )


def foreign_lead(
    text: str, candidates: frozenset[str], accepted: frozenset[str]
) -> tuple[str | None, float, float]:
    """The best candidate if it is not an accepted language, the confidence that
    the text is foreign (one minus the accepted languages' share), and the
    best candidate's lead over the best accepted one. (None, 0, 0) when an
    accepted language wins."""
    ranked = detect(text, candidates)
    if not ranked or ranked[0][0] in accepted or ranked[0][1] <= 0:
        return None, 0.0, 0.0
    best_accepted = max((v for c, v in ranked if c in accepted), default=0.0)
    foreign = 1.0 - sum(v for c, v in ranked if c in accepted)
    language, value = ranked[0]
    return language, foreign, value - best_accepted
