"""What the language rules share: which segments to judge, and how to report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter, mul

from babel import Locale

from loccheck import page as pm
from loccheck.checks.base import Check, PageContext
from loccheck.checks.pagememo import PageKey
from loccheck.langtags import primary_language
from loccheck.markets import load_market
from loccheck.memo import each_memoised
from loccheck.model import Confidence, Finding
from loccheck.nlp.judge import Verdict, judge_segment, without_terms_each

# The kinds of text a shopper (or a search result) shows.
JUDGED_KINDS = frozenset(pm.SEGMENT_KINDS)
# A page is "in another language" when that much of its judged text is.
PAGE_SHARE = 0.5
PAGE_MIN_SEGMENTS = 5
WORST_FRAGMENTS = 5
_SEPARATORS = (" | ", " — ", " – ", " - ", " · ", " :: ")


@lru_cache(maxsize=512)
def language_name(code: str) -> str:
    """The English name of a language ("ru" -> "Russian")."""
    try:
        return str(Locale("en").languages.get(code.replace("-", "_"), code))
    except (ValueError, TypeError):
        return code


_KIND, _TEXT, _LANG = itemgetter(0), itemgetter(1), itemgetter(4)  # Segment fields


def _judged(page: pm.Page) -> tuple[pm.Segment, ...] | list[pm.Segment]:
    """The page's segments of the judged kinds, less those an inner ``lang``
    attribute declares."""
    segments = page.segments
    html_lang = page.html_lang
    langs = set(map(_LANG, segments)) - {None, html_lang}
    declared = {lang for lang in langs if primary_language(lang.strip()) is not None}
    if not declared and set(map(_KIND, segments)) <= JUDGED_KINDS:
        return segments
    # (A comprehension: measured faster than chained maps over named tuples.)
    return [s for s in segments if s.kind in JUDGED_KINDS and s.lang not in declared]


def page_terms(page: pm.Page) -> frozenset[str]:
    """Brand-like terms of the page itself: JSON-LD brands, og:site_name, and
    the site name that a title carries after a separator ("Сумка — Ладья")."""
    terms = set(page.brands)
    segments = page.segments
    for text in [s.text for s in segments if s.kind == pm.TITLE]:
        for separator in _SEPARATORS:
            if separator in text:
                terms.add(text.rsplit(separator, 1)[1].strip())
    return frozenset(t for t in terms if t)


def store_languages(page: pm.Page) -> frozenset[str]:
    """The other languages the store publishes this page in (hreflang)."""
    found = set()
    for alternate in page.alternates:
        language = primary_language(alternate.hreflang.strip())
        if language:
            found.add(language)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Judged:
    """A segment with what the judge found foreign in it."""

    segment: pm.Segment
    verdict: Verdict
    letters: int


@lru_cache(maxsize=16)
def _known(
    market_id: str, glossary: frozenset[str], store: frozenset[str]
) -> dict[str, tuple[int, tuple[Verdict, ...]]]:
    """The judgements of one market's texts by text: ``judge_segment``'s memo,
    read at a plain dict's speed (its own memo hashes four arguments)."""
    return {}


@lru_cache(maxsize=4)
def _page_verdicts(
    key: PageKey, glossary: frozenset[str]
) -> tuple[tuple[tuple[pm.Segment, int, tuple[Verdict, ...]], ...], int]:
    """Judge every segment of a page once for all the rules that need it.

    The memo holds the page itself, so its id is not reused while the entry
    lives; the result is a pure function of page, market and glossary.
    """
    page, market_id = key.page, key.market.id
    brands = page_terms(page)
    store = store_languages(page) - {market_id.split("-", 1)[0]}
    segments = _judged(page)
    counts = Counter(map(_TEXT, segments))  # cards repeat labels
    texts = list(counts)
    masked = without_terms_each(texts, brands)
    # A dict look-up per distinct text, looped in C: pages repeat most of them.
    results = each_memoised(
        _known(market_id, glossary, store),
        masked,
        lambda text: judge_segment(text, market_id, glossary, store),
    )
    total = sum(map(mul, map(itemgetter(0), results), counts.values()))
    foreign = {
        text: found for text, found in zip(texts, results, strict=True) if found[1]
    }
    if not foreign:
        return (), total
    judged = tuple(
        (segment, *foreign[segment.text])
        for segment in segments
        if segment.text in foreign
    )
    return judged, total


def page_verdicts(
    page: pm.Page, market_id: str, glossary: frozenset[str]
) -> tuple[tuple[tuple[pm.Segment, int, tuple[Verdict, ...]], ...], int]:
    """Segments with foreign parts, with their letters, and all judged letters."""
    # Markets are cached per id, so the key's identity test holds across rules.
    return _page_verdicts(PageKey(page, load_market(market_id)), glossary)


def judged_segments(ctx: PageContext, rule: str) -> tuple[list[Judged], int]:
    """Return the verdicts of ``rule`` on the page, and its judged letters."""
    if ctx.market is None:
        return [], 0
    judged, total = page_verdicts(ctx.page, ctx.market.id, ctx.glossary)
    found = [
        Judged(segment, verdict, letters)
        for segment, letters, verdicts in judged
        for verdict in verdicts
        if verdict.rule == rule and verdict.confidence != Confidence.LOW.value
    ]
    return found, total


class LanguageCheck(Check):
    """Shared reporting of the language rules (not a rule itself)."""

    def report(
        self, ctx: PageContext, judged: list[Judged], total: int
    ) -> Iterator[Finding]:
        """Yield one finding per distinct text, or a page-level one plus the worst."""
        if ctx.market is None or not judged:
            return
        groups: dict[tuple[str, str], list[Judged]] = {}
        for item in judged:
            groups.setdefault((item.verdict.excerpt, item.verdict.found), []).append(
                item
            )
        foreign = sum(item.letters for item in judged)
        whole = (
            total and foreign / total >= PAGE_SHARE and len(groups) >= PAGE_MIN_SEGMENTS
        )
        ordered = sorted(
            groups.values(), key=lambda g: -g[0].verdict.score * g[0].letters
        )
        if whole:
            yield self._page_finding(ctx, judged, foreign / total)
            ordered = ordered[:WORST_FRAGMENTS]
        for group in ordered:
            yield self._fragment(ctx, group)

    def _fragment(self, ctx: PageContext, group: list[Judged]) -> Finding:
        assert ctx.market is not None
        first = min(group, key=lambda item: item.segment.line)
        verdict, segment = first.verdict, first.segment
        expected = ctx.market.language
        return self.at(
            ctx,
            segment.line,
            verdict.excerpt,
            f'"{verdict.excerpt}" is in {language_name(verdict.found)}, not '
            f"{language_name(expected)}"
            + (f" (shown {len(group)} times on this page)." if len(group) > 1 else "."),
            selector=segment.selector,
            scope=segment.kind,
            confidence=Confidence(verdict.confidence),
            expected={"language": expected},
            found={
                "language": verdict.found,
                "confidence": round(verdict.score, 2),
                "reason": verdict.reason,
                "occurrences": len(group),
            },
            suggestion=f"Translate into {language_name(expected)}.",
        )

    def _page_finding(
        self, ctx: PageContext, judged: list[Judged], share: float
    ) -> Finding:
        assert ctx.market is not None
        by_language: dict[str, int] = {}
        for item in judged:
            by_language[item.verdict.found] = (
                by_language.get(item.verdict.found, 0) + item.letters
            )
        language = max(sorted(by_language), key=by_language.__getitem__)
        longest = max(judged, key=lambda item: len(item.verdict.excerpt))
        expected = ctx.market.language
        return self.at(
            ctx,
            longest.segment.line,
            longest.verdict.excerpt[:80],
            f"Most of this page ({share:.0%} of its text) is in "
            f"{language_name(language)}, not {language_name(expected)}; "
            f"the worst fragments follow.",
            selector="body",
            scope="page",
            confidence=Confidence.HIGH,
            expected={"language": expected},
            found={"language": language, "share": round(share, 2)},
            suggestion=f"Translate the page into {language_name(expected)}.",
        )
