"""What the format rules share: one pass over a page's segments per market."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

from loccheck.checks.base import Check, PageContext
from loccheck.checks.format.dates import date_detector_for, time_hits
from loccheck.checks.format.hits import Hit
from loccheck.checks.format.measures import measure_detector_for
from loccheck.checks.locate import locate
from loccheck.checks.pagememo import digit_segments, per_page
from loccheck.langtags import primary_language
from loccheck.markets import Market
from loccheck.memo import REPEATED_TEXTS
from loccheck.model import Confidence, Finding
from loccheck.page import Page, Segment

__all__ = ["FormatHits", "SeenHit", "findings", "format_hits", "report"]


class SeenHit(NamedTuple):
    """A format hit in one segment of the page."""

    segment: Segment
    hit: Hit


class FormatHits(NamedTuple):
    """A page's foreign formats, by rule."""

    dates: tuple[SeenHit, ...]
    times: tuple[SeenHit, ...]
    numbers: tuple[SeenHit, ...]
    units: tuple[SeenHit, ...]


_Texts = tuple[tuple[Hit, ...], tuple[Hit, ...], tuple[Hit, ...], tuple[Hit, ...]]


class _Scanner:
    """The four detectors of one market, memoised together per text."""

    def __init__(self, market: Market) -> None:
        self.market = market
        self.dates = date_detector_for(market)
        self.measures = measure_detector_for(market)
        self.scan = lru_cache(maxsize=REPEATED_TEXTS)(self._scan)

    def _scan(self, text: str) -> _Texts | None:
        found = (
            self.dates.hits(text),
            time_hits(text, self.market),
            self.measures.decimals(text),
            self.measures.units(text),
        )
        return found if any(found) else None


_scanner_for = lru_cache(maxsize=64)(_Scanner)


@per_page
def format_hits(page: Page, market: Market) -> FormatHits:
    """Scan every segment with a digit once for all four format rules.

    A segment marked as another language (``<span lang="en">``) keeps that
    language's formats, unless the page as a whole says so.
    """
    scan = _scanner_for(market).scan
    own = {market.language, *market.secondary_languages}
    found: tuple[list[SeenHit], ...] = ([], [], [], [])
    for segment in digit_segments(page, market):
        hits = scan(segment.text)
        if hits is None:
            continue
        lang = segment.lang
        if lang and lang != page.html_lang and primary_language(lang) not in own:
            continue
        for bucket, some in zip(found, hits, strict=True):
            bucket.extend(SeenHit(segment, hit) for hit in some)
    return FormatHits(*(tuple(bucket) for bucket in found))


def report(check: Check, ctx: PageContext, seen: SeenHit) -> Finding:
    """Turn a hit into a finding of ``check`` at the excerpt's exact place."""
    hit, segment = seen.hit, seen.segment
    line, column = locate(ctx.page, segment.line, hit.text)
    return check.make(
        page=ctx.page.path,
        locale=ctx.market.id if ctx.market else None,
        text=hit.text,
        message=hit.message,
        line=line,
        column=column,
        selector=segment.selector,
        scope=segment.kind,
        confidence=Confidence.HIGH if hit.sure else Confidence.MEDIUM,
        expected=dict(hit.expected),
        found=dict(hit.found),
        suggestion=hit.suggestion,
    )


def findings(
    check: Check,
    ctx: PageContext,
    market: Market,
    pick: Callable[[FormatHits], tuple[SeenHit, ...]],
) -> Iterator[Finding]:
    """The findings of one format rule; ``pick`` selects its hits."""
    for seen in pick(format_hits(ctx.page, market)):
        yield report(check, ctx, seen)
