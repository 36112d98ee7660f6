"""Short foreign leftovers on Latin-script pages: cognates and unknown words.

Two signals the main judgement (``nlp.judge``) lacked for one- and
two-word strings, measured in docs/decisions/0005:

* **Cognates are neutral.** "Edit cart promotion" on a French page holds
  "promotion", a French word too, so no lexicon vote was taken. Here a word
  both languages write neither helps nor hurts: text whose every word is in
  one foreign lexicon, at least one of them only there and none only in the
  market's, is that language unless the detector clearly says otherwise.
* **One unknown word.** A word no lexicon has ("Sorting", "Registered",
  "Lagerbestand") was never judged alone. lingua, choosing between the
  page's language and one other, reads such words well when they are
  plain ASCII on a non-English page (English words carry no diacritics) or
  when it is sure on an English page.
"""

from __future__ import annotations

from loccheck.markets import Market
from loccheck.nlp import detector, lexicon
from loccheck.nlp.scripts import admitted

# Cognate text: the detector, choosing between the market's language and the
# lexicon's, must give the lexicon's at least this share.
_COGNATE_SHARE = 0.2
# Same-script neighbours share more words ("секунд", "тому"): the detector
# must lean to the lexicon's language.
_COGNATE_SHARE_SAME_SCRIPT = 0.5
# One unknown word: the share lingua must give the foreign language, on a
# page in another language and on an English page (where any Latin-script
# language may leak and names look foreign, so it must be surer).
_WORD_SHARE, _WORD_SHARE_EN = 0.7, 0.9
# Shorter words are too often names or loanwords ("Snood", "Kilt").
_MIN_LETTERS, _MIN_LETTERS_EN = 3, 6


def _owned_by(language: str, token: str) -> bool:
    return language in lexicon.owners(token)


def shared_lexicon(
    tokens: list[str], market: Market, accepted: frozenset[str]
) -> str | None:
    """A foreign language whose lexicon has every word, some only there.

    Words the market's lexicon has too ("promotion", "total") are neutral;
    one only the market's lexicon has rules the text native.
    """
    if len(tokens) < 2:
        return None
    votes: dict[str, int] = {}
    for token in tokens:
        owners = lexicon.owners(token)
        if owners <= accepted and not lexicon.is_international(token):
            return None  # no foreign lexicon has this word: none has every word
        if owners & accepted or lexicon.is_international(token):
            continue  # no vote
        for owner in owners:
            votes[owner] = votes.get(owner, 0) + 1
    if not votes:
        return None
    words = [t for t in tokens if not lexicon.is_international(t)]
    best = max(votes.values())
    language = lexicon.likeliest(c for c in votes if votes[c] == best)
    if not all(_owned_by(language, t) for t in words):
        return None
    if not detector.supported(language):
        return language
    candidates = frozenset({market.language, language})
    share = dict(detector.detect(" ".join(tokens), candidates)).get(language, 1.0)
    latin = "Latn" in admitted(market.scripts)
    needed = _COGNATE_SHARE if latin else _COGNATE_SHARE_SAME_SCRIPT
    return language if share >= needed else None


def unknown_word(
    token: str, market: Market, targets: frozenset[str]
) -> tuple[str, float] | None:
    """The foreign language of one word no lexicon has, and lingua's share.

    ``targets`` are the languages an English page is tested against.
    """
    # "Vimeo-video", "Gateway-fel": a part any lexicon has makes it no
    # unknown word (the market's own compounds borrow English parts).
    parts = [token, *token.split("-")] if "-" in token else [token]
    if len(token) < _MIN_LETTERS or any(
        lexicon.owners(p) or lexicon.is_international(p) for p in parts
    ):
        return None
    accepted = {market.language, *market.secondary_languages}
    if market.language != "en":
        if not token.isascii() or "en" in accepted:
            return None  # English words carry no diacritics
        candidates = frozenset({market.language, "en"})
        share = dict(detector.detect(token, candidates)).get("en", 0.0)
        return ("en", share) if share >= _WORD_SHARE else None
    if len(token) < _MIN_LETTERS_EN:
        return None
    ranked = detector.detect(token, targets | {"en"})
    top = next((c for c, _ in ranked if c != "en"), None)
    if top is None:
        return None
    share = dict(detector.detect(token, frozenset({"en", top}))).get(top, 0.0)
    if top in accepted or share < _WORD_SHARE_EN:
        return None
    return top, share
