"""A YAML rule as a ``Check``: the same metadata, examples and findings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from loccheck.checks.base import Check, PageContext
from loccheck.checks.pagememo import ascii_lowered_source, lowered_source
from loccheck.declarative.kinds import Hit, TextMatcher
from loccheck.declarative.kinds.attribute import Attribute
from loccheck.declarative.spec import RuleSpec
from loccheck.markets import Market
from loccheck.model import Confidence, Example, Finding, RuleInfo


class _Fields(dict[str, str]):
    """Template values; a name the rule did not fill stays visible as ``{name}``."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _render(template: str, values: Mapping[str, str]) -> str:
    return template.format_map(_Fields(values))


class DeclarativeRule(Check):
    """Base of the classes built from YAML rule files (one class per file)."""

    spec: ClassVar[RuleSpec]
    matcher: ClassVar[Any]

    @classmethod
    def info(cls) -> RuleInfo:
        """Return the rule's metadata, as for Python checks."""
        spec = cls.spec
        return RuleInfo(
            id=spec.id,
            category=cls.category,
            severity=cls.severity,
            summary=spec.summary,
            why=" ".join(spec.why.split()),
            examples=cls.examples,
            kind=spec.kind,
            references=spec.references,
            markets=spec.markets,
            source=spec.source,
        )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Run the rule's matcher on the page's segments (or elements)."""
        market = ctx.market
        spec = self.spec
        if market is None or not spec.applies_to(market.id, market.language):
            return
        if isinstance(self.matcher, Attribute):
            yield from self._check_elements(ctx, market)
            return
        matcher: TextMatcher = self.matcher
        if not matcher.may_occur(ctx.page, market):
            return
        for segment in ctx.page.segments:
            if segment.kind not in spec.scope:
                continue
            for hit in matcher.find(segment.text, market):
                yield self._finding(ctx, market, segment, hit)

    def _finding(
        self, ctx: PageContext, market: Market, segment: Any, hit: Hit
    ) -> Finding:
        values = {
            **hit.fields,
            "match": hit.match,
            "market": market.id,
            "language": market.language,
            "suggestion": hit.suggestion or "",
            "text": segment.text,
        }
        return self.at(
            ctx,
            segment.line,
            hit.match,
            _render(self.spec.message, values),
            selector=segment.selector,
            scope=segment.kind,
            confidence=Confidence(self.spec.confidence),
            expected={"text": hit.suggestion} if hit.suggestion else {},
            found={"context": segment.text, "start": hit.start, "end": hit.end},
            suggestion=hit.suggestion,
        )

    def _check_elements(self, ctx: PageContext, market: Market) -> Iterator[Finding]:
        matcher: Attribute = self.matcher
        if matcher.needles:
            lowered = (
                ascii_lowered_source(ctx.page, market)
                if matcher.ascii_needles is not None
                else lowered_source(ctx.page, market)
            )
            if not matcher.may_match(lowered):
                return
        root = ctx.page.tree
        if root is None:
            return
        for hit in matcher.find_in(root, market):
            values = {
                "match": hit.snippet,
                "market": market.id,
                "language": market.language,
                "value": hit.value or "",
                "expected": hit.expected or "",
                "attribute": matcher.attribute,
                "text": hit.snippet,
            }
            yield self.at(
                ctx,
                hit.line,
                hit.snippet,
                _render(self.spec.message, values),
                needle=f"<{hit.tag}",
                selector=str(self.spec.body["selector"]),
                scope="markup",
                confidence=Confidence(self.spec.confidence),
                expected={matcher.attribute: hit.expected} if hit.expected else {},
                found={matcher.attribute: hit.value},
                suggestion=(
                    _render(self.spec.suggestion, values)
                    if self.spec.suggestion
                    else None
                ),
            )


def examples_of(spec: RuleSpec) -> tuple[Example, ...]:
    """The rule file's examples as ``Example`` objects."""
    return tuple(
        Example(html=html, market=market, bad=is_bad)
        for is_bad, html, market in spec.examples
    )
