"""Rule wrong-language-value."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache

from loccheck.catalogs.model import CatalogEntry
from loccheck.checks.catalog.base import CatalogCheck, CatalogContext, bad_catalog
from loccheck.checks.catalog.base import good_catalog as good
from loccheck.checks.catalog.common import EN_SOURCE, plain_text, same_text
from loccheck.checks.language.common import language_name
from loccheck.markets import Market, UnknownLocaleError, load_market
from loccheck.model import Category, Confidence, Finding, Severity
from loccheck.nlp import lexicon
from loccheck.nlp.judge import Verdict, judge_segment
from loccheck.nlp.mask import words
from loccheck.nlp.scripts import admitted, script_of

# "no" (Norwegian) is the macrolanguage of Bokmål and Nynorsk: Sylius ships
# messages.no.yml in Bokmål.
_INCLUDES = {"no": frozenset({"nb", "nn"})}
# Certain evidence: letters of another script, or letters only another
# language has (Ukrainian "ї" in Russian, Simplified "产" in Traditional).
_CERTAIN = frozenset({"script", "letters"})
# Scripts whose letters tell close languages apart (judge: "letters").
_LETTER_SCRIPTS = frozenset({"Cyrl", "Hani"})


def _common_letters(entries: Sequence[CatalogEntry]) -> frozenset[str]:
    """The letters of the catalog's own alphabet: those in 1 % of its values."""
    counts: Counter[str] = Counter()
    for entry in entries:
        if not entry.value.isascii():
            counts.update(set(entry.value))  # letters are picked out once, below
    least = max(2, len(entries) // 100)
    return frozenset(
        c for c, n in counts.items() if n >= least and c.isalpha() and not c.isascii()
    )


def _scripts_of(text: str) -> set[str]:
    """The scripts of the letters of ``text`` (``letter_scripts`` without counts)."""
    if text.isascii():
        return {"Latn"} if any(map(str.isalpha, text)) else set()
    found = {script_of(c) for c in set(text) if c.isalpha()}
    found.discard("Zyyy")
    return found


def _worth_judging(
    text: str, market: Market, source: str | None, common: frozenset[str]
) -> bool:
    """A cheap test: could the judge find anything ``_reported`` keeps?

    Only letters of another script, letters the catalog's own alphabet
    lacks, or words of the source language can give such a verdict; most
    values have none, and the statistical detector is the dearest part of a
    run.
    """
    own = admitted(market.scripts)
    scripts = _scripts_of(text)
    if not scripts <= own:
        return True  # includes Latin words in a Cyrillic or CJK catalog
    if scripts & _LETTER_SCRIPTS and any(
        c.isalpha() and not c.isascii() and c not in common for c in text
    ):
        return True  # Ukrainian "ї" in Russian, Simplified "产" in Traditional
    if source is None:
        return True
    # Text left in the source language: most of its words are the source's
    # interface words and not the catalog language's.
    tokens = words(text)
    leftover = sum(
        1
        for owners in map(lexicon.owners, tokens)
        if source in owners and market.language not in owners
    )
    return leftover >= 2 and leftover * 2 >= len(tokens)


def _reported(verdict: Verdict, language: str, source: str | None) -> bool:
    """Whether a verdict is worth a finding in a catalog of ``language``.

    Short interface strings of close languages (Czech and Slovak, Slovenian
    and Croatian, Russian and Bulgarian) share most of their words; lexicons
    and detectors cannot tell them apart, and a translator rarely pastes a
    neighbour's language. What catalogs do hold is text left in the source
    language and text in a language of another script (German in a Russian
    catalog): those are reported, with high confidence only.
    """
    if verdict.confidence != Confidence.HIGH.value:
        return False
    if verdict.found in _INCLUDES.get(language, frozenset()):
        return False
    if verdict.reason in _CERTAIN or verdict.found == source:
        return True
    return not (_scripts(verdict.found) & _scripts(language))  # German in Russian


@lru_cache(maxsize=256)
def _scripts(language: str) -> frozenset[str]:
    try:
        return admitted(load_market(language).scripts)
    except (UnknownLocaleError, ValueError):
        return frozenset()


class WrongLanguageValue(CatalogCheck):
    """A translated value is not in the catalog's language."""

    id = "wrong-language-value"
    category = Category.LANGUAGE
    severity = Severity.WARNING
    why = """A German sentence in the Dutch catalog, Chinese in the Japanese
    one, English words left in a Russian value: the buyer reads a language the
    catalog was not written for. Each value is judged as page text is (script,
    interface-word lexicons, a restricted detector; brands, codes and
    placeholders masked) against the catalog's language. Values equal to their
    source are left to ``untranslated-value``."""
    examples = (
        bad_catalog(
            "locales/ru.json",
            '{"cart": {"title": "Ihr Warenkorb ist leer"}}',
            EN_SOURCE,
        ),
        bad_catalog("locales/ru.json", '{"cart": {"title": "购物车"}}', EN_SOURCE),
        good("locales/ru.json", '{"cart": {"title": "Корзина"}}', EN_SOURCE),
        good("locales/ru.json", '{"cart": {"title": "Корзина Nike"}}', EN_SOURCE),
        good("locales/de.json", '{"cart": {"title": "Warenkorb"}}', EN_SOURCE),
    )

    def check_catalog(self, ctx: CatalogContext) -> Iterator[Finding]:
        """Judge each value against the catalog's language."""
        market = ctx.market
        if market is None or ctx.catalog.is_source:
            return
        store = frozenset({ctx.source_language or "en"}) - {market.language}
        differ = ctx.language != ctx.source_language
        common = _common_letters(ctx.catalog.entries)
        for entry in ctx.catalog.entries:
            if not entry.value.strip():
                continue
            source = ctx.source_of(entry) if ctx.paired else None
            if differ and source is not None and same_text(entry.value, source):
                continue  # untranslated-value reports it
            text = plain_text(entry.value)
            if not _worth_judging(text, market, ctx.source_language, common):
                continue
            _, verdicts = judge_segment(text, market.id, ctx.glossary, store)
            for verdict in verdicts:
                if not _reported(verdict, market.language, ctx.source_language):
                    continue
                yield self.at_entry(
                    ctx,
                    entry,
                    f'"{verdict.excerpt}" is in {language_name(verdict.found)}, '
                    f"not {language_name(market.language)}.",
                    text=verdict.excerpt,
                    confidence=Confidence(verdict.confidence),
                    expected={"language": market.language},
                    found={
                        "language": verdict.found,
                        "reason": verdict.reason,
                        "confidence": round(verdict.score, 2),
                    },
                    suggestion=f"Translate into {language_name(market.language)}.",
                )
