"""Judge whether a piece of text is in a market's language.

Signals, cheapest and most certain first (docs/decisions/0005 measures them):

1. Unicode script: Han, Kana or Hangul on a Russian page, Cyrillic on a German
   one, is foreign whatever a detector says (``foreign-script``).
2. Masking (``nlp.mask``): brands, codes, numbers, URLs, acronyms and the
   protected terms leave the text before anything is judged.
3. UI lexicons (``locales/lexicon``): a short string made only of another
   language's interface words is foreign; one made of the market's own words
   never is. Words both write are neutral, and one word no lexicon has is
   left to a sure detector (``nlp.leftovers``).
4. lingua, restricted to a candidate set that grows with the length of the
   text: one- and two-word strings are only tested against English (no
   library tells "Produkt" de/pl/cs apart), longer ones also against the
   market's neighbours and the store's other languages.

``judge`` is a pure function of its arguments and is memoised: storefronts
repeat their header and footer on every page, so each distinct string is
judged once per market.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loccheck.markets import Market, load_market
from loccheck.memo import REPEATED_TEXTS
from loccheck.nlp import detector, leftovers, lexicon
from loccheck.nlp.endonyms import endonyms
from loccheck.nlp.letters import evidence, has_kana
from loccheck.nlp.mask import (
    denoise,
    denoised_words,
    strip_terms,
    strip_terms_each,
    word_count,
)
from loccheck.nlp.scripts import (
    SCRIPT_LANGUAGE,
    admitted,
    all_of_script,
    letter_scripts,
    script_of,
    token_scripts,
)

# Latin-script languages a long text on any page is tested against (the
# storefront languages most often leaked, after the measured T18 design).
_LATIN = frozenset({"Latn"})
_LATIN_TARGETS = frozenset(
    {"cs", "de", "en", "es", "fr", "it", "nl", "pl", "pt", "sv", "tr"}
)
_UK_LETTERS = frozenset("іїєґІЇЄҐ")
_BE_LETTERS = frozenset("ўЎ")
# The detector's top answer must lead the next one by this much, by length
# (words): lingua spreads its confidence over all candidates on short text.
_MARGIN_WORD, _MARGIN_SHORT, _MARGIN_MEDIUM, _MARGIN_LONG = 0.5, 0.2, 0.1, 0.05
_NEIGHBOUR_SHORT, _NEIGHBOUR_MEDIUM = 0.5, 0.2
# Russian and Kazakh pages: Ukrainian and Belarusian text shows і, ї, є, ґ or
# ў, so letters decide; a detector on Cyrillic product words ("Сумки") errs.
_LETTERS_DECIDE = frozenset({"ru", "kk"})
# Markets whose neighbours' short text may lack alien letters ("Корзина" on a
# Ukrainian page): there a clear detector lead flags one and two words too.
_SHORT_NEIGHBOURS = frozenset({"uk", "be"})
# English pages have no "English leftover" to expect: any other language
# must lead clearly ("extra-fine merino wool" is not Italian).
_EN_MARGIN = {2: 0.5, 3: 0.4, 4: 0.4, 5: 0.4, 6: 0.2}
# Latin-script pages: what a detector alone must show (ADR 0005).
_SINGLE_AGREE, _LATIN_TWO_WORDS, _LATIN_OTHER = 0.3, 0.6, 0.3
# A Latin-script text a quarter of whose words are the market's own interface
# words is a native label with a name in it ("Selin Kaya – Kundenservice und").
_NATIVE_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class Verdict:
    """One foreign part of a text: which rule, what language, how sure."""

    rule: str  # "foreign-script" or "foreign-language-text"
    found: str  # ISO 639-1 code of the language found
    excerpt: str  # the smallest part of the text that shows it
    score: float  # detector confidence, or share of lexicon words, or 1.0
    confidence: str  # "high", "medium", "low"
    words: int
    reason: str  # "script", "lexicon" or "detector"


def _confidence(score: float, count: int, reason: str) -> str:
    if reason in ("script", "letters") or (score >= 0.9 and count >= 3):
        return "high"
    if reason == "lexicon" and count >= 2:
        return "high"
    return "medium" if score >= 0.7 else "low"


def _text_verdict(
    found: str, excerpt: str, score: float, count: int, reason: str
) -> Verdict:
    confidence = _confidence(score, count, reason)
    return Verdict(
        "foreign-language-text", found, excerpt, score, confidence, count, reason
    )


def _run(text: str, wanted: frozenset[str]) -> str:
    """The longest stretch of ``text`` written in the ``wanted`` scripts."""
    best, current, pending = "", "", ""
    for char in text:
        script = script_of(char) if char.isalpha() else None
        if script in wanted:
            current += pending + char
            pending = ""
        elif current and (script is None or char.isspace()):
            pending += char
        else:
            best = max(best, current, key=len)
            current, pending = "", ""
    return max(best, current, key=len).strip(" -–—:,.;")


def _span(text: str, tokens: list[str]) -> str:
    """The part of ``text`` from the first to the last of ``tokens``.

    Words set in capitals come lower-cased from ``words`` ("CANCELED"), so
    a token not found as it is is looked for in any case.
    """
    first, last = tokens[0], tokens[-1]
    start, end = text.find(first), text.rfind(last)
    if start < 0 or end < 0:
        found = [m.span() for m in re.finditer(re.escape(last), text, re.I)]
        head = re.search(re.escape(first), text, re.I)
        if head is None or not found:
            return " ".join(tokens)
        start, end = head.start(), found[-1][0]
    if end < start:
        return " ".join(tokens)
    return text[start : end + len(last)]


def _script_language(script: str, letters: dict[str, int], sample: str) -> str:
    if script == "Hani" and letters.get("Kana"):
        return "ja"
    if script == "Cyrl":
        if any(c in _UK_LETTERS for c in sample):
            return "uk"
        if any(c in _BE_LETTERS for c in sample):
            return "be"
    return SCRIPT_LANGUAGE.get(script, "und")


def latin_market(market: Market) -> bool:
    """True if the market writes the Latin script."""
    return "Latn" in admitted(market.scripts)


@lru_cache(maxsize=256)
def _allowed_scripts_cached(market_id: str) -> frozenset[str]:
    return _allowed_scripts(load_market(market_id))


@lru_cache(maxsize=256)
def _scripts_of(language: str) -> frozenset[str]:
    """The scripts a language is written in (empty if loccheck cannot tell)."""
    try:
        return admitted(load_market(language).scripts)
    except ValueError:
        return frozenset()


def _accepted(market: Market) -> frozenset[str]:
    return frozenset({market.language, *market.secondary_languages})


def _allowed_scripts(market: Market) -> frozenset[str]:
    scripts = set(admitted(market.scripts))
    for language in market.secondary_languages:
        scripts |= _scripts_of(language)
    return frozenset(scripts)


def _foreign_scripts(
    text: str, tokens: list[str], seen: frozenset[str], market: Market
) -> list[Verdict]:
    """Verdicts on letters of scripts the market does not write (``seen`` are
    the scripts of ``tokens``)."""
    allowed = _allowed_scripts_cached(market.id) | _LATIN
    if seen <= allowed:
        return []  # the common case, decided without counting letters
    letters = letter_scripts(" ".join(tokens))
    found: list[Verdict] = []
    for script, count in sorted(letters.items()):
        if script in allowed or count < 2:
            continue
        wanted = frozenset({script, "Kana"} if script == "Hani" else {script})
        excerpt = _run(text, wanted) or text
        language = _script_language(script, letters, excerpt)
        found.append(
            Verdict("foreign-script", language, excerpt, 1.0, "high",
                    word_count([excerpt]), "script")
        )  # fmt: skip
    return found


def _lexicon_language(tokens: list[str], accepted: frozenset[str]) -> str | None:
    """A language all tokens are UI words of, if it is not an accepted one."""
    common: frozenset[str] | None = None
    for token in tokens:
        owners = lexicon.owners(token)
        if owners & accepted:
            return None
        common = owners if common is None else common & owners
        if not common:
            return None
    if not common:
        return None
    return lexicon.likeliest(common)


def _native_word(owners: frozenset[str], accepted: frozenset[str]) -> bool:
    """A lexicon word of the market's language that English does not share;
    on an English page, one no other lexicon has ("hat" is German too)."""
    if not owners & accepted:
        return False
    return "en" not in owners or ("en" in accepted and owners <= accepted)


def _native_share(tokens: list[str], accepted: frozenset[str]) -> float:
    """The share of ``tokens`` that are native words of the market.

    A word of the market's own lexicon counts as native unless many
    languages share it ("in" is English, German, Italian and Dutch).
    """
    native = sum(1 for t in tokens if _native_word(lexicon.owners(t), accepted))
    return native / len(tokens)


def _backed(tokens: list[str], accepted: frozenset[str]) -> bool:
    """True if foreign interface words make up half of ``tokens`` and none is
    the market's own: they back a detector's answer (words many languages
    write in English, "Newsletter", do not)."""
    if any(_native_word(lexicon.owners(t), accepted) for t in tokens):
        return False
    backing = sum(
        1
        for t in tokens
        if (o := lexicon.owners(t))
        and not o & accepted
        and not lexicon.is_international(t)
    )
    return backing * 2 >= len(tokens)


# Scripts one language alone writes: Chinese never writes kana, nor Japanese
# hangul. Measured on the real strings: no Chinese string holds kana, and
# the detector flagged none of the 737 Japanese strings that hold it.
_OWN_SCRIPTS = {"Kana": "ja", "Hang": "ko"}


def _own_script(tokens: list[str], language: str) -> bool:
    """True if some token is in a script that only ``language`` writes."""
    return any(
        _OWN_SCRIPTS.get(script) == language
        for token in tokens
        for script in token_scripts(token)
    )


@lru_cache(maxsize=256)
def _written_in(
    candidates: frozenset[str], language: str, own: frozenset[str]
) -> frozenset[str]:
    """The candidates written in the scripts ``own``, and ``language`` itself."""
    return frozenset(c for c in candidates if c == language or _scripts_of(c) & own)


def _latin_lead(count: int, language: str) -> float:
    if count <= 2:
        return _LATIN_TWO_WORDS
    return _LATIN_OTHER if language != "en" else 0.0


def _lexicon_majority(tokens: list[str], accepted: frozenset[str]) -> str | None:
    """A foreign language owning at least two words and half the text, when no
    word is the market's own ("Card expiration is invalid" on a French page)."""
    if any(lexicon.owners(t) & accepted for t in tokens):
        return None
    voted = _lexicon_vote(tokens, accepted)
    if voted is None:
        return None
    support = sum(1 for t in tokens if lexicon.owners(t) == {voted})
    return voted if support >= 2 and support * 2 >= len(tokens) else None


def _lexicon_vote(tokens: list[str], accepted: frozenset[str]) -> str | None:
    """The foreign language most tokens are interface words of, if any."""
    votes: dict[str, int] = {}
    for token in tokens:
        owners = lexicon.owners(token)
        if owners & accepted:
            continue  # a word the market's own language has too
        if len(owners) == 1:
            (owner,) = owners
            votes[owner] = votes.get(owner, 0) + 1
    if not votes:
        return None
    return max(sorted(votes), key=votes.__getitem__)


def _margin(count: int) -> float:
    if count == 1:
        return _MARGIN_WORD
    if count <= 2:
        return _MARGIN_SHORT
    return _MARGIN_MEDIUM if count <= 5 else _MARGIN_LONG


def _candidates(market: Market, count: int, store: frozenset[str]) -> frozenset[str]:
    base = {market.language, "en", *market.secondary_languages}
    if count >= 3:
        base |= set(market.neighbour_languages) | store
    # An English page has no "English leftovers" to look for: its likely
    # leaks are the other storefront languages, tested from three words on.
    wide = 6 if market.language != "en" else 1
    if count >= wide and "Latn" in admitted(market.scripts):
        base |= _LATIN_TARGETS
    return frozenset(base)


# Letters a Latin-script language does not write, and the neighbour they
# point to (Portuguese ã õ ç, Spanish ñ ¿ ¡, Slovak ä ô ľ ĺ ŕ, Czech ě ů ř,
# Danish and Norwegian æ ø, Swedish ä ö). Names carry such letters too
# ("Peña", "Müller"), so they are a hint the detector must confirm.
_LATIN_HINTS: dict[str, tuple[tuple[frozenset[str], str], ...]] = {
    "es": ((frozenset("ãõÃÕ"), "pt"),),
    "pt": ((frozenset("ñ¿¡Ñ"), "es"),),
    "it": ((frozenset("ñÑ"), "es"), (frozenset("ãõÃÕ"), "pt")),
    "cs": ((frozenset("ôľĺŕÔĽĹŔ"), "sk"),),
    "sk": ((frozenset("ěůřĚŮŘ"), "cs"),),
    "pl": ((frozenset("ěůřĚŮŘ"), "cs"),),
    "sv": ((frozenset("æøÆØ"), "nb"),),
    "nb": ((frozenset("äöÄÖ"), "sv"),),
    "da": ((frozenset("äöÄÖ"), "sv"),),
}
# How far the detector, choosing between the market's language and the
# hinted one, must lead for the hint to stand, by number of words.
_AGREE_LEAD = {1: _SINGLE_AGREE, 2: 0.1}
_EN_OVERRULE = 0.3


def _neighbour_hint(
    tokens: list[str], market: Market, accepted: frozenset[str]
) -> str | None:
    """A neighbour language the text's letters or words point to.

    Words only one side's lexicon has count ("Итого" is Russian, "Кошик"
    Ukrainian); words both write ("доставка") and unknown words do not. A
    word only the market's own lexicon has rules the hint out.
    """
    hints = _LATIN_HINTS.get(market.language, ())
    text = "".join(tokens) if hints else ""
    for letters, language in hints:
        if language not in accepted and any(c in letters for c in text):
            return language
    neighbours = frozenset(market.neighbour_languages) - accepted
    found: set[str] = set()
    for token in tokens:
        owners = lexicon.owners(token)
        if owners & accepted and not owners & neighbours:
            return None
        if not owners & accepted:
            found |= owners & neighbours
    return min(found) if found else None


def _detector_agrees(tokens: list[str], market: Market, language: str) -> bool:
    """True if the detector, choosing between the market's language and
    ``language``, picks ``language`` with a lead that suits the length.

    Cognates abound ("Adresse" is French and German, "Note" French and
    English, "день" Russian and Ukrainian). Han text is left to the tables:
    no detector separates Chinese from Japanese kanji.
    """
    if "Hani" in admitted(market.scripts) or not detector.supported(language):
        return True
    candidates = frozenset({market.language, language})
    found, _, lead = detector.foreign_lead(
        " ".join(tokens), candidates, _accepted(market)
    )
    if not latin_market(market):
        return found == language  # the words or letters are the evidence
    if language == "en" and len(tokens) == 1:
        # An English interface word on a Latin-script page is the commonest
        # leftover; lingua hesitates on single words ("Hello" looks Spanish
        # to it), so only a clear vote for the page's language overrules.
        ranked = dict(detector.detect(tokens[0], candidates))
        return ranked.get(market.language, 0.0) - ranked.get("en", 0.0) < _EN_OVERRULE
    return found == language and lead >= _AGREE_LEAD.get(len(tokens), 0.0)


def _excerpt(text: str, denoised: str, tokens: list[str]) -> tuple[str, int]:
    """The part of ``text`` from the first to the last of ``tokens``, and
    their word count (``denoised`` is ``text`` as ``denoise`` left it).

    One-letter words ("в", "o") left the tokens but are words all the same;
    they are counted where the tokens were found in the denoised text, so
    the count is the denoised text's.
    """
    span = _span(text, tokens)
    read = span if denoised is text else _span(denoised, tokens)
    count = word_count(tokens) + sum(
        1 for w in read.split() if len(w) == 1 and w.isalpha()
    )
    return span, count


def _same_script(
    text: str, denoised: str, tokens: list[str], market: Market, store: frozenset[str]
) -> Verdict | None:
    """Judge text written in the market's own script (``denoised`` is ``text``
    as ``denoise`` left it; only the excerpt is read from ``text``)."""
    accepted = _accepted(market)
    latin = latin_market(market)
    if latin and all(lexicon.is_international(t) for t in tokens):
        return None  # "Newsletter", "Login": Latin-script shops write them so
    owned = list(map(lexicon.owners, tokens))
    if all(o & accepted for o in owned):
        return None  # only the market's own interface words
    if latin and _native_share(tokens, accepted) >= _NATIVE_SHARE:
        return None  # mixed text with the market's own words: a name plus a label
    letters = evidence(tokens, market)
    if letters is not None and letters not in accepted:
        span, count = _excerpt(text, denoised, tokens)
        return _text_verdict(letters, span, 1.0, count, "letters")
    # Every lexical verdict rests on a word that only other languages'
    # lexicons have; most texts have none, and skip the lexicon passes.
    foreign_word = any(map(accepted.isdisjoint, filter(None, owned)))
    lexical = None
    if foreign_word:
        lexical = (
            _lexicon_language(tokens, accepted)
            or _lexicon_majority(tokens, accepted)
            or leftovers.shared_lexicon(tokens, market, accepted)
        )
        # One word: cognates abound ("Adresse" is French and German, "Note"
        # French and English): the detector must agree.
        one = lexical is not None and len(tokens) == 1
        if one and not _detector_agrees(tokens, market, str(lexical)):
            return None
    if lexical is None and (foreign_word or market.language in _LATIN_HINTS):
        hint = _neighbour_hint(tokens, market, accepted)
        if hint is not None and _detector_agrees(tokens, market, hint):
            lexical = hint
    if lexical is not None and _scripts_of(lexical) & admitted(market.scripts):
        span, count = _excerpt(text, denoised, tokens)
        return _text_verdict(lexical, span, 1.0, count, "lexicon")
    if not latin and market.language in _LETTERS_DECIDE:
        return None
    span, count = _excerpt(text, denoised, tokens)
    if not latin and count <= 2 and market.language not in _SHORT_NEIGHBOURS:
        return None
    if not latin and _own_script(tokens, market.language):
        return None  # kana is Japanese, hangul Korean: no detector is needed
    candidates = _candidates(market, max(count, 3) if not latin else count, store)
    needed = _margin(count)
    if market.language == "en":
        needed = max(needed, _EN_MARGIN.get(min(count, 6), 0.2))
    if not latin:
        candidates = _written_in(candidates, market.language, admitted(market.scripts))
        # Same-script neighbours (uk/ru/be) need a clear lead: measured on the
        # real strings, 0.5 keeps false alarms of 1-2 words near 1 %.
        needed = _NEIGHBOUR_SHORT if count <= 2 else max(needed, _NEIGHBOUR_MEDIUM)
    if latin and count == 1 and (market.language != "en" or tokens[0].isascii()):
        # One word no lexicon has: only a sure detector tells (nlp.leftovers).
        word = leftovers.unknown_word(tokens[0], market, candidates - {"en"})
        return _text_verdict(word[0], span, word[1], 1, "detector") if word else None
    language, score, margin = detector.foreign_lead(
        " ".join(tokens), candidates, accepted
    )
    backed = latin and _backed(tokens, accepted)
    if backed:
        needed = 0.0  # foreign interface words back the detector's answer
    if language is None or margin < needed:
        return None
    # Names in product titles ("Robe « Séquoia »") look Catalan or Italian to a
    # detector: on Latin-script pages, other answers need a clear lead.
    lead = _latin_lead(count, language)
    if latin and not backed and market.language != "en" and margin < lead:
        return None
    voted = _lexicon_vote(tokens, accepted)
    if voted is not None and voted in candidates:
        language = voted  # the detector found it foreign; the words say which
    if {language, market.language} <= {"ja", "zh"} and not has_kana(tokens):
        return None  # Han-only text is valid Japanese and Chinese alike
    if count <= 2 and latin and language != "en" and market.language != "en":
        return None  # measured: only English answers are safe on short strings
    if backed:
        score = max(score, 0.7)  # the words agree with the detector
    return _text_verdict(language, span, score, count, "detector")


# Endings of derived words ("Registration", "Availability", "Payment");
# brand and personal names rarely have them ("Kipling" and "Sterling" end in
# -ing, so it is not one). Only on pages whose market writes another script,
# where any such Latin-script word is foreign, English or French alike.
_DERIVED_ENDINGS = (
    "tion", "tions", "ment", "ments", "ness", "ity", "ities", "able", "ible",
    "ship", "less", "ful", "ance", "ence", "ized", "ised", "ated",
)  # fmt: skip
_DERIVED_MIN = 7


def _derived_word(word: str) -> bool:
    folded = word.casefold()
    return len(folded) >= _DERIVED_MIN and folded.endswith(_DERIVED_ENDINGS)


def _latin_in_non_latin(
    text: str, latin: list[str], native: int, market: Market
) -> Verdict | None:
    """Judge Latin-script words on a page whose market writes another script.

    Latin letters there are English (or another Latin-script language) unless
    they are names: a run of capitalised words with no interface word in it
    ("Nike Air Max") is a name, and so is a single Latin word inside native
    text ("Перейти в Pinterest").
    """
    count = len(latin)
    english = (
        sum(
            1 for t in latin if lexicon.has_word("en", t) or lexicon.is_international(t)
        )
        / count
    )
    if native and count < 2:
        return None
    accepted = _accepted(market)
    span = _span(text, latin)
    language, score, margin = detector.foreign_lead(
        " ".join(latin), _LATIN_TARGETS, accepted
    )
    if english < 1 and native and all(t[0].isupper() for t in latin):
        return None  # capitalised Latin words inside native text: names
    if english == 0 and all(map(_derived_word, latin)):
        # "Registration", "Availability": derived words, not names; English
        # unless the detector clearly reads another language.
        found = language if language and margin >= _margin(count) else "en"
        return _text_verdict(found, span, max(score, 0.7), count, "detector")
    if english == 0 and all(t[0].isupper() for t in latin):
        # Capitalised words with no interface word: names ("Nike Air Max",
        # "Adidas Ultraboost") unless the detector clearly reads English.
        # No accepted language is among the Latin candidates, so the lead is
        # the detector's own confidence in its answer.
        if language != "en" or margin < (0.35 if count >= 2 else 0.5):
            return None
        return _text_verdict("en", span, score, count, "detector")
    if english >= 0.5 or language is None or count < 3 or margin < _margin(count):
        language, score = "en", max(english, score if language == "en" else 0.0)
        reason = "lexicon" if english >= 0.5 else "script"
    else:
        reason = "detector"
    if language in accepted:
        return None
    if native and english < 0.5 and reason != "detector":
        return None  # Latin words inside native text need real evidence
    score = max(score, 0.7)  # Latin letters on this page are foreign for certain
    return _text_verdict(language, span, score, count, reason)


@lru_cache(maxsize=256)
def _protected(market_id: str, terms: frozenset[str]) -> frozenset[str]:
    """Protected terms of a market plus the user's; one object per key, so the
    compiled pattern for them is looked up, not rebuilt."""
    market = load_market(market_id)
    return terms | frozenset(market.allow_terms) | lexicon.brands() | endonyms()


@lru_cache(maxsize=REPEATED_TEXTS)
def judge_segment(
    text: str, market_id: str, terms: frozenset[str], store: frozenset[str]
) -> tuple[int, tuple[Verdict, ...]]:
    """The number of judged letters of ``text`` and its verdicts (memoised).

    Every decision reads the text as ``denoise`` leaves it, so texts that
    differ only in numbers, codes or quoted names ("Артикул: 100642",
    "Артикул: 104117") are judged once; only a verdict's excerpt is taken
    from the text itself, so texts with verdicts are judged again for it.
    """
    denoised = denoise(text)
    letters, verdicts = _judge_denoised(denoised, market_id, terms, store)
    if verdicts and denoised != text:
        tokens = denoised_words(denoised, _protected(market_id, terms))
        verdicts = _judge_words(text, denoised, tokens, market_id, store)
    return letters, verdicts


@lru_cache(maxsize=REPEATED_TEXTS)
def _judge_denoised(
    denoised: str, market_id: str, terms: frozenset[str], store: frozenset[str]
) -> tuple[int, tuple[Verdict, ...]]:
    """``judge_segment`` of a text that ``denoise`` leaves as it is."""
    tokens = denoised_words(denoised, _protected(market_id, terms))
    verdicts = _judge_words(denoised, denoised, tokens, market_id, store)
    return sum(map(len, tokens)), verdicts


def judge(
    text: str,
    market_id: str,
    terms: frozenset[str] = frozenset(),
    store: frozenset[str] = frozenset(),
) -> tuple[Verdict, ...]:
    """Return the foreign parts of ``text`` for the market ``market_id``.

    ``terms`` are protected (allow terms, glossary); ``store`` holds the other
    languages the store is published in (from hreflang), likely sources of
    leaked text.
    """
    return judge_segment(text, market_id, terms, store)[1]


def _judge_words(
    text: str, denoised: str, tokens: list[str], market_id: str, store: frozenset[str]
) -> tuple[Verdict, ...]:
    """The verdicts on ``text``, whose words worth judging are ``tokens``
    (read from ``denoised``, the text as ``denoise`` left it)."""
    if not tokens:
        return ()
    market = load_market(market_id)
    own = admitted(market.scripts)
    scripts: list[frozenset[str]] = []
    if len(own) == 1 and all_of_script(tokens, next(iter(own))):
        seen = own  # the common case: every word in the market's one script
    else:
        scripts = list(map(token_scripts, tokens))
        seen = frozenset().union(*scripts)
    found = _foreign_scripts(text, tokens, seen, market)
    # Most texts are all in the market's own script: then all are native.
    mine = seen <= own and (not scripts or all(scripts))
    if "Latn" in own:
        native = (
            tokens
            if mine
            else [t for t, s in zip(tokens, scripts, strict=True) if s <= own]
        )
        verdict = (
            _same_script(text, denoised, native, market, store) if native else None
        )
        return (*found, verdict) if verdict else tuple(found)
    if mine:
        native, latin = tokens, []
    else:
        native = [t for t, s in zip(tokens, scripts, strict=True) if s & own]
        latin = [t for t, s in zip(tokens, scripts, strict=True) if s == _LATIN]
    verdicts = list(found)
    if native:
        same = _same_script(text, denoised, native, market, store)
        if same:
            verdicts.append(same)
    if latin:
        other = _latin_in_non_latin(text, latin, len(native), market)
        if other:
            verdicts.append(other)
    return tuple(verdicts)


def without_terms(text: str, terms: frozenset[str]) -> str:
    """``text`` with page-specific terms blanked, so judgements cache well."""
    return strip_terms(text, terms) if terms else text


def without_terms_each(texts: list[str], terms: frozenset[str]) -> list[str]:
    """``without_terms`` of each of ``texts``, in one pass over them all."""
    return strip_terms_each(texts, terms) if terms else list(texts)
