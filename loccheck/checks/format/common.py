"""What the format rules share: one pass over a page's segments per market."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from loccheck.checks.base import Check, PageContext
from loccheck.checks.format.dates import date_detector_for, time_hits
from loccheck.checks.format.hits import Hit
from loccheck.checks.format.measures import measure_detector_for
from loccheck.checks.locate import locate
from loccheck.checks.pagememo import per_page
from loccheck.checks.trusted import trusted_market
from loccheck.langtags import primary_language
from loccheck.markets import Market
from loccheck.model import Confidence, Finding
from loccheck.page import Page, Segment

__all__ = ["FormatHits", "SeenHit", "findings", "format_hits", "report"]

_DIGIT = re.compile(r"\d")


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


@per_page
def format_hits(page: Page, market: Market) -> FormatHits:
    """Scan every segment with a digit once for all four format rules.

    A segment marked as another language (``<span lang="en">``) keeps that
    language's formats, unless the page as a whole says so.
    """
    dates = date_detector_for(market)
    measures = measure_detector_for(market)
    own = {market.language, *market.secondary_languages}
    found: tuple[list[SeenHit], ...] = ([], [], [], [])
    for segment in page.segments:
        if not _DIGIT.search(segment.text):
            continue
        lang = segment.lang
        if lang and lang != page.html_lang and primary_language(lang) not in own:
            continue
        text = segment.text
        for bucket, hits in zip(
            found,
            (
                dates.hits(text),
                time_hits(text, market),
                measures.decimals(text),
                measures.units(text),
            ),
            strict=True,
        ):
            bucket.extend(SeenHit(segment, hit) for hit in hits)
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
    check: Check, ctx: PageContext, pick: Callable[[FormatHits], tuple[SeenHit, ...]]
) -> Iterator[Finding]:
    """The findings of one format rule; ``pick`` selects its hits."""
    market = trusted_market(ctx)
    if market is None:
        return
    for seen in pick(format_hits(ctx.page, market)):
        yield report(check, ctx, seen)
