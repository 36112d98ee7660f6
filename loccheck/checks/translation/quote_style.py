"""Rule quote-style."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.translation.common import (
    PAGE,
    Spot,
    TranslationCheck,
    segment_language,
)
from loccheck.markets import Market
from loccheck.memo import REPEATED_TEXTS
from loccheck.model import Category, Confidence, Severity
from loccheck.nlp.scripts import admitted, letter_scripts
from loccheck.page import Segment

# The closing marks each opening mark takes across the world's conventions
# (CLDR delimiters): "„" closes with "“" (de, ru inner) or "”" (pl, hu), "»"
# opens Danish and German book quotes, "”" opens Swedish and Finnish ones.
_CLOSERS = {
    "«": "»", "»": "«", "„": "“”", "“": "”", "”": "”", "‚": "‘’",
    "‘": "’", "’": "’", "‹": "›", "›": "‹", "「": "」", "『": "』",
}  # fmt: skip
_OPENERS = "".join(_CLOSERS)
_SPACED = "«»‹›"
# An opening mark: not after a letter or digit ("27”" is inches, "it’s" an
# apostrophe), and followed by text (guillemets may keep a space inside).
_OPEN = re.compile(
    rf"(?<![\w])(?:[{_OPENERS}](?=[^\s{_OPENERS}])|[{_SPACED}](?=\s[^\s{_OPENERS}]))"
)
_ANY_MARK = re.compile(f"[{_OPENERS}]")
# Marks that double as apostrophes or inch marks close nothing before a letter.
_APOSTROPHES = "’‘”"
# Pairs a language accepts besides its CLDR ones, with the reason.
_EXTRA: dict[str, frozenset[tuple[str, str]]] = {
    # Duden: „…“ and »…« are both correct German quotation marks.
    "de": frozenset({("»", "«"), ("›", "‹")}),
    # Real Academia Española: «…», then “…”, then ‘…’; CLDR es lists only the
    # last two.
    "es": frozenset({("«", "»")}),
    # French nests “…” inside «…» (Imprimerie nationale, Lexique des règles).
    "fr": frozenset({("“", "”"), ("‘", "’")}),
    # Dutch: „…” is the traditional pair beside CLDR's ‘…’ and “…” (Onze Taal,
    # "aanhalingstekens").
    "nl": frozenset({("„", "”"), ("“", "”")}),
    # Japanese and Chinese web text quotes Latin names in “…” as well.
    "ja": frozenset({("“", "”")}),
    "zh": frozenset({("「", "」"), ("『", "』")}),
}
_MAX_QUOTE = 200


def _pairs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each quoted stretch, opening and closing mark included.

    A mark that closed a quote opens none: in «@» и «.» the second "»" is not
    a Danish opening mark.
    """
    closed: set[int] = set()
    for match in _OPEN.finditer(text):
        start = match.start()
        if start in closed:
            continue
        closers = _CLOSERS[text[start]]
        end = start + 1
        while True:
            end = _next_closer(text, end, closers)
            if end < 0 or end - start > _MAX_QUOTE:
                break
            # French and Swiss guillemets keep a space inside; other marks
            # after a space close nothing ("27 ” wide" is an inch mark).
            if text[end] in _SPACED or not text[end - 1].isspace():
                closed.add(end)
                yield start, end + 1
                break
            end += 1


def _next_closer(text: str, begin: int, closers: str) -> int:
    """Offset of the next closing mark ("’" before a letter is an apostrophe)."""
    for index in range(begin, min(len(text), begin + _MAX_QUOTE)):
        if text[index] in closers:
            following = text[index + 1 : index + 2]
            if not (text[index] in _APOSTROPHES and following.isalnum()):
                return index  # "it’s" is an apostrophe
    return -1


@lru_cache(maxsize=REPEATED_TEXTS)
def foreign_quotes(
    text: str, allowed: frozenset[tuple[str, str]]
) -> tuple[tuple[str, str, str], ...]:
    """Return (quoted excerpt, opening mark, closing mark) of each foreign pair."""
    found = []
    for start, end in _pairs(text):
        pair = (text[start], text[end - 1])
        if pair not in allowed:
            found.append((text[start:end], *pair))
    return tuple(found)


def accepted(market: Market, language: str) -> frozenset[tuple[str, str]]:
    """The quotation mark pairs ``market`` accepts for text in ``language``."""
    return _accepted(market.quotes, language)


@lru_cache(maxsize=256)
def _accepted(
    quotes: tuple[str, str, str, str], language: str
) -> frozenset[tuple[str, str]]:
    pairs = {(quotes[0], quotes[1]), (quotes[2], quotes[3])}
    return frozenset(pairs) | _EXTRA.get(language, frozenset())


def _own_script(text: str, market: Market) -> bool:
    """True if most letters of ``text`` are of a script the market writes.

    Russian text on a page that claims to be English is the language rules'
    business, not a question of English quotation marks.
    """
    counts = letter_scripts(text)
    if not counts:
        return True
    return counts.most_common(1)[0][0] in admitted(market.scripts)


class QuoteStyle(TranslationCheck):
    """Quotation marks of another language ("…" in Russian text instead of «…»)."""

    id = "quote-style"
    category = Category.TRANSLATION
    severity = Severity.INFO
    skips_mojibake = True
    why = """Each language has its own quotation marks (CLDR delimiters): «…» in
    Russian, „…“ in German, 「…」 in Japanese. English “…” left in a translation
    shows that the copy was not localised by a native writer. Only paired marks
    around text are read, never apostrophes or inch marks; the market's primary
    and alternate (nested) pairs are both accepted. Straight ASCII "…" is not
    flagged: it is what keyboards type and what most shops use in product
    names, and Weblate does not flag it either. Markets without a profile that
    sets their quotation marks are not judged, since CLDR's root default would
    be wrong for them."""
    examples = (
        bad(PAGE.format("ru", "<p>Коллекция “Осень в городе” уже в продаже</p>")),
        bad(PAGE.format("de", "<p>Kollektion “Herbst” ist da</p>"), "de-DE"),
        bad(PAGE.format("ja", "<p>«秋»コレクション</p>"), "ja-JP"),
        good(PAGE.format("ru", "<p>Коллекция «Осень „в“ городе» уже в продаже</p>")),
        good(PAGE.format("ru", '<p>Монитор 27” и ООО "Ромашка", it’s</p>')),
        good(PAGE.format("de", "<p>Kollektion „Herbst“ und »Winter«</p>"), "de-DE"),
        good(PAGE.format("fr", "<p>Collection «\u00a0Automne\u00a0»</p>"), "fr-FR"),
        good(PAGE.format("ja", "<p>「秋」コレクション『冬』</p>"), "ja-JP"),
        good(PAGE.format("en", "<p>The “Autumn” collection, ‘new’</p>"), "en-US"),
    )
    references = (
        "https://cldr.unicode.org/translation/characters/punctuation",
        "https://en.wikipedia.org/wiki/Quotation_mark#Summary_table",
    )

    @staticmethod
    def candidate(text: str) -> bool:
        """Only text with a typographic quotation mark."""
        if text.isascii() or _ANY_MARK.search(text) is None:
            return False
        return _OPEN.search(text) is not None

    def spots(self, ctx: PageContext, segment: Segment) -> Iterator[Spot]:
        """Yield each quoted stretch whose marks the market does not use."""
        market = ctx.market
        if market is None or market.source == "cldr":
            return
        language = segment_language(segment, ctx.page, market.language)
        if language != market.language:
            return  # a span in another language keeps its own quotes
        found = foreign_quotes(segment.text, accepted(market, language))
        if not found or not _own_script(segment.text, market):
            return  # text in another script is the language rules' business
        start, end = market.quotes[0], market.quotes[1]
        for excerpt, opening, closing in found:
            yield Spot(
                excerpt,
                f"Quotation marks {opening}…{closing} are not used in "
                f"{market.id}; write {start}…{end}.",
                Confidence.MEDIUM,
                expected=(("quotes", f"{start}…{end}"),),
                found=(("quotes", f"{opening}…{closing}"),),
                suggestion=start + excerpt[1:-1] + end,
            )
