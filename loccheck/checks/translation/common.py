"""What the translation-artefact rules share: one pass per segment, one report."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, ClassVar, NamedTuple

from loccheck.checks.base import Check, PageContext
from loccheck.checks.locate import locate
from loccheck.checks.pagememo import PageKey
from loccheck.checks.translation.encoding import mojibake
from loccheck.langtags import primary_language
from loccheck.memo import REPEATED_TEXTS
from loccheck.model import Confidence, Finding
from loccheck.page import Page, Segment

__all__ = [
    "PAGE",
    "Spot",
    "TranslationCheck",
    "blank",
    "segment_language",
]

# The page every example of this family is written on.
PAGE = '<html lang="{}"><head><meta charset="utf-8"></head><body>{}</body></html>'

# URLs and e-mail addresses are not text: "%20" in a link, "{id}" in a route
# template, "a.b@c.de" are not artefacts.
_ADDRESSES = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)


class Spot(NamedTuple):
    """One artefact found in the text of a segment."""

    excerpt: str  # the smallest text that shows it
    message: str
    confidence: Confidence = Confidence.HIGH
    expected: tuple[tuple[str, Any], ...] = ()
    found: tuple[tuple[str, Any], ...] = ()
    suggestion: str | None = None


def blank(text: str) -> str:
    """Replace URLs and e-mail addresses with spaces (offsets are kept)."""
    if "@" not in text and "://" not in text and "www." not in text:
        return text
    return _ADDRESSES.sub(lambda m: " " * len(m.group()), text)


def segment_language(segment: Segment, page: Page, market_language: str) -> str:
    """The language a segment is written in: its own ``lang``, else the market's."""
    if segment.lang and segment.lang != page.html_lang:
        return primary_language(segment.lang.strip()) or market_language
    return market_language


@lru_cache(maxsize=REPEATED_TEXTS)
def _candidates_of(rules: tuple[type[TranslationCheck], ...], text: str) -> int:
    """Which of ``rules`` may find an artefact in ``text``, as a bit mask.

    Memoised per text: headers, footers and menus repeat the same strings on
    every page of a site, so each pre-filter runs once per distinct string.
    """
    mask = 0
    for bit, rule in enumerate(rules):
        if rule.candidate(text):
            mask |= 1 << bit
    return mask


@lru_cache(maxsize=1)
def _family() -> tuple[type[TranslationCheck], ...]:
    """The artefact rule classes (those with their own pre-filter), by id.

    Gathered once; a rule class defined later takes its own pass
    (``TranslationCheck._candidates``).
    """
    found: set[type[TranslationCheck]] = set()
    todo = list(TranslationCheck.__subclasses__())
    while todo:
        rule = todo.pop()
        todo.extend(rule.__subclasses__())
        if rule.candidate is not TranslationCheck.candidate:
            found.add(rule)
    return tuple(sorted(found, key=lambda r: (r.id, r.__qualname__)))


@lru_cache(maxsize=4)  # the pages being checked; the key holds the page
def _shared_candidates(
    key: PageKey,
) -> dict[type[TranslationCheck], tuple[Segment, ...]]:
    return _page_candidates(key.page)


def _page_candidates(page: Page) -> dict[type[TranslationCheck], tuple[Segment, ...]]:
    """The segments each artefact rule must look at, in page order.

    One pass over the page for the whole family instead of one per rule.
    """
    rules = _family()
    picked: dict[type[TranslationCheck], list[Segment]] = {r: [] for r in rules}
    lists = tuple(picked[r] for r in rules)
    for hidden, segments in ((False, page.segments), (True, page.hidden_segments)):
        for segment in segments:
            mask = _candidates_of(rules, segment.text)
            bit = 0
            while mask:
                if mask & 1 and (not hidden or rules[bit].reads_hidden):
                    lists[bit].append(segment)
                mask >>= 1
                bit += 1
    return {rule: tuple(found) for rule, found in picked.items()}


def _overlap(excerpt: str, garbled: str) -> bool:
    return excerpt in garbled or garbled in excerpt


class TranslationCheck(Check):
    """Shared reporting of the translation rules (not a rule itself).

    A rule gives a cheap static ``candidate`` test (memoised per text) and a
    ``spots`` generator; the same artefact repeated on a page (a header link, a
    card badge) is one finding that counts its occurrences. Rules that judge
    letters and punctuation leave alone the stretch that the mojibake rule
    reports: garbled text breaks every one of them, and one cause gets one
    finding.
    """

    skips_mojibake: ClassVar[bool] = False
    # Whether the rule reads the text of subtrees a script reveals (``hidden``,
    # ``display:none``). Rules whose artefact is also what client-side
    # templates hold until a script fills them in ("{{ name }}", raw keys
    # swapped for text at run time) leave that text alone.
    reads_hidden: ClassVar[bool] = True

    @staticmethod
    def candidate(text: str) -> bool:
        """Return True if ``text`` may hold an artefact (a fast pre-filter)."""
        raise NotImplementedError

    def spots(self, ctx: PageContext, segment: Segment) -> Iterator[Spot]:
        """Yield the artefacts of one segment."""
        raise NotImplementedError

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Report each distinct artefact of the page once, where it first shows."""
        groups: dict[tuple[str, str], list[tuple[Segment, Spot]]] = {}
        # Text that a script reveals (a menu drawer) is as broken when shown.
        for segment in self._candidates(ctx):
            garbled = mojibake(segment.text) if self.skips_mojibake else None
            for spot in self.spots(ctx, segment):
                if garbled and _overlap(spot.excerpt, garbled[0]):
                    continue
                key = (spot.excerpt, spot.message)
                groups.setdefault(key, []).append((segment, spot))
        for group in groups.values():
            yield self._report(ctx, group)

    def _candidates(self, ctx: PageContext) -> tuple[Segment, ...]:
        """The page's segments that this rule's pre-filter lets through."""
        shared = (
            _shared_candidates(PageKey(ctx.page, ctx.market))
            if ctx.market is not None
            else _page_candidates(ctx.page)
        )
        found = shared.get(type(self))
        if found is not None:
            return found
        # A rule class defined after the family was gathered: its own pass.
        hidden = ctx.page.hidden_segments if self.reads_hidden else ()
        candidate = type(self).candidate
        return tuple(s for s in (*ctx.page.segments, *hidden) if candidate(s.text))

    def _report(self, ctx: PageContext, group: list[tuple[Segment, Spot]]) -> Finding:
        segment, spot = group[0]
        line, column = locate(ctx.page, segment.line, spot.excerpt)
        found = dict(spot.found)
        if len(group) > 1:
            found["occurrences"] = len(group)
        if any(segment is hidden for hidden in ctx.page.hidden_segments):
            # Visible segments come first: every occurrence is hidden.
            found["hidden"] = True
        return self.make(
            page=ctx.page.path,
            locale=ctx.market.id if ctx.market else None,
            text=spot.excerpt,
            message=spot.message,
            line=line,
            column=column,
            selector=segment.selector,
            scope=segment.kind,
            confidence=spot.confidence,
            expected=dict(spot.expected),
            found=found,
            suggestion=spot.suggestion,
        )
