"""What a check is: metadata, examples, and one generator of findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from loccheck.crawl import LinkTarget
from loccheck.decode import Decoded
from loccheck.markets import Market
from loccheck.model import (
    Category,
    Confidence,
    Example,
    Finding,
    LocaleSource,
    RuleInfo,
    Severity,
)
from loccheck.page import Page


@dataclass(frozen=True)
class PageContext:
    """Everything a page check may read about one page.

    ``resolve`` says where an href on this page points: a page of the export,
    a missing own-site file, another site, …
    """

    page: Page
    market: Market | None
    locale_source: LocaleSource
    decoded: Decoded
    resolve: Callable[[str], LinkTarget]
    glossary: frozenset[str] = frozenset()  # the user's terms for this market
    rule_paths: tuple[str, ...] = ()  # the run's own rule folders (--rules)


@dataclass(frozen=True, slots=True)
class AlternateFact:
    """One hreflang alternate of a page that points to a page of the export."""

    hreflang: str
    target: str  # the page of the export it points to


@dataclass(frozen=True, slots=True)
class PageFacts:
    """The little a site-wide check needs to know about each page.

    Only alternates that point to pages of the export are kept (the others
    cannot be confirmed from both sides), so memory per page stays small: the
    main process holds one of these for every page of the site.
    """

    page: str
    locale: str | None
    alternates: tuple[AlternateFact, ...]
    first_line: int = 1  # line of the first hreflang link


def bad(html: str, market: str = "ru-RU", path: str = "index.html") -> Example:
    """Build an example that must raise the rule."""
    return Example(html=html, market=market, bad=True, path=path)


def good(html: str, market: str = "ru-RU", path: str = "index.html") -> Example:
    """Build an example that must not raise the rule."""
    return Example(html=html, market=market, bad=False, path=path)


class Rule:
    """Metadata every rule carries; the docstring's first line is its summary."""

    id: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    why: ClassVar[str]
    examples: ClassVar[tuple[Example, ...]] = ()
    references: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def info(cls) -> RuleInfo:
        """Return the rule's metadata as a ``RuleInfo``."""
        summary = (cls.__doc__ or "").strip().split("\n", 1)[0]
        return RuleInfo(
            id=cls.id,
            category=cls.category,
            severity=cls.severity,
            summary=summary,
            why=" ".join(cls.why.split()),
            examples=cls.examples,
            references=cls.references,
        )

    def make(
        self,
        *,
        page: str,
        locale: str | None,
        text: str,
        message: str,
        line: int | None,
        column: int | None = None,
        selector: str = "html",
        scope: str = "page",
        confidence: Confidence = Confidence.HIGH,
        expected: Mapping[str, Any] | None = None,
        found: Mapping[str, Any] | None = None,
        suggestion: str | None = None,
        key: str | None = None,
    ) -> Finding:
        """Build a finding of this rule (``key``: a catalog message's key)."""
        return Finding(
            rule=self.id,
            category=self.category,
            severity=self.severity,
            confidence=confidence,
            page=page,
            line=line,
            column=column,
            selector=selector,
            scope=scope,
            text=text,
            message=message,
            locale=locale,
            expected=dict(expected or {}),
            found=dict(found or {}),
            suggestion=suggestion,
            key=key,
        )


class Check(Rule):
    """A rule judged on one page at a time."""

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Yield the findings of this rule on one page."""
        raise NotImplementedError

    def at(
        self,
        ctx: PageContext,
        line: int,
        text: str,
        message: str,
        needle: str | None = None,
        **kwargs: Any,
    ) -> Finding:
        """Build a finding at ``needle`` (default ``text``), searched from ``line``."""
        found_line, column = ctx.page.position(line, needle or text)
        return self.make(
            page=ctx.page.path,
            locale=ctx.market.id if ctx.market else None,
            text=text,
            message=message,
            line=found_line,
            column=column,
            **kwargs,
        )


class SiteCheck(Rule):
    """A rule that needs several pages of the export (hreflang return links)."""

    def check_site(self, pages: Sequence[PageFacts]) -> Iterator[Finding]:
        """Yield findings judged across the pages of the export."""
        raise NotImplementedError
