"""Inline suppressions: ``loccheck-disable`` comments and ``data-loccheck-ignore``.

Three forms, all line-based (findings carry a line, see docs/ci.md):

* ``<!-- loccheck-disable-next-line ID … -->``: the next line that has
  content (comments and blank lines are skipped; the rest of the comment's own
  line counts when it holds content);
* ``<!-- loccheck-disable ID … -->`` … ``<!-- loccheck-enable [ID …] -->``:
  the lines in between, both ends included; no ids means every rule;
  ``loccheck-enable ID`` re-enables only those; a range never re-enabled runs
  to the end of the page;
* ``data-loccheck-ignore="ID …"`` on an element: the lines from its start tag
  to its end tag; an empty value means every rule.

A finding without a line (a page-level finding) is covered only by what covers
the whole page: ``data-loccheck-ignore`` on ``<html>`` or a
``loccheck-disable`` never re-enabled. ``unknown-suppression`` findings are
never suppressed, so a typo cannot hide itself.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from lxml import etree

from loccheck.model import Finding
from loccheck.page import IgnoredElement, Page

ATTRIBUTE = "data-loccheck-ignore"
UNKNOWN_SUPPRESSION = "unknown-suppression"
FORMS = ("disable-next-line", "disable", "enable")

_DIRECTIVE = re.compile(r"<!--\s*loccheck-((?:disable|enable)[\w-]*)(.*?)-->", re.S)
_BLANK_OR_COMMENT = re.compile(r"(?:\s+|<!--.*?-->)*", re.S)
_IDS = re.compile(r"[^\s,]+")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_END = sys.maxsize  # "to the end of the page"


class Directive(NamedTuple):
    """One suppression as written, for ``unknown-suppression``."""

    form: str  # one of FORMS, "ignore" (the attribute), or a misspelt form
    line: int
    ids: tuple[str, ...]
    selector: str


class Range(NamedTuple):
    """Lines where some rules are suppressed."""

    first: int
    last: int
    rules: frozenset[str] | None  # None: every rule ...
    unless: frozenset[str] = frozenset()  # ... but these (re-enabled)
    whole_page: bool = False  # also covers findings without a line

    def covers(self, finding: Finding) -> bool:
        """Return True if this range suppresses ``finding``."""
        line = finding.line
        if line is None:
            if not self.whole_page:
                return False
        elif not self.first <= line <= self.last:
            return False
        if self.rules is None:
            return finding.rule not in self.unless
        return finding.rule in self.rules


def known_rule_ids(rule_paths: tuple[str, ...] = ()) -> frozenset[str]:
    """Return the rule ids a suppression may name (the one place to look them up).

    Built-in Python and YAML rules, installed rule packs, and the rule folders
    the run adds with ``--rules`` / ``rule_paths``.
    """
    from loccheck.registry import load_registry  # the checks import this module

    return load_registry(rule_paths).ids()  # cached


def apply(page: Page, findings: list[Finding]) -> tuple[list[Finding], int]:
    """Drop the findings the page suppresses; return the rest and how many dropped."""
    if "loccheck-" not in page.source:  # nearly every page: a substring test in C
        return findings, 0
    ranges = parse(page)[1]
    if not ranges:
        return findings, 0
    kept = [
        f
        for f in findings
        if f.rule == UNKNOWN_SUPPRESSION or not any(r.covers(f) for r in ranges)
    ]
    return kept, len(findings) - len(kept)


def _ids(text: str) -> tuple[str, ...]:
    """Rule ids separated by spaces or commas; ``-- reason`` ends them."""
    return tuple(_IDS.findall(text.split("--", 1)[0]))


def parse(page: Page) -> tuple[list[Directive], list[Range]]:
    """Return the page's suppressions as written and the line ranges they cover."""
    directives: list[Directive] = []
    ranges: list[Range] = []
    for el in page.ignored:
        ids = _ids(el.rules)
        directives.append(Directive("ignore", el.first, ids, f"{el.tag}[{ATTRIBUTE}]"))
        rules = frozenset(ids) if ids else None
        ranges.append(Range(el.first, el.last, rules, whole_page=el.tag == "html"))
    if "loccheck-" in page.source:
        _comment_ranges(page, directives, ranges)
    return directives, ranges


def _comment_ranges(
    page: Page, directives: list[Directive], ranges: list[Range]
) -> None:
    source = page.source
    every, since = False, 1
    rules: frozenset[str] = frozenset()  # disabled ones, or re-enabled if every

    def close(line: int) -> None:
        if every:
            ranges.append(Range(since, line, None, rules, whole_page=line == _END))
        elif rules:
            ranges.append(Range(since, line, rules, whole_page=line == _END))

    for match in _DIRECTIVE.finditer(source):
        form, ids = match.group(1), _ids(match.group(2))
        start = page.line_col(match.start())[0]
        directives.append(Directive(form, start, ids, "comment"))
        if form == "disable-next-line":
            target = _BLANK_OR_COMMENT.match(source, match.end())
            if target is not None and target.end() < len(source):
                line = page.line_col(target.end())[0]
                ranges.append(Range(line, line, frozenset(ids) if ids else None))
        elif form in ("disable", "enable"):
            line = start if form == "enable" else page.line_col(match.end())[0]
            close(line)
            every, rules = _next_state(form == "disable", ids, every, rules)
            since = line
    close(_END)


def _next_state(
    disable: bool, ids: tuple[str, ...], every: bool, rules: frozenset[str]
) -> tuple[bool, frozenset[str]]:
    """The range state after a ``loccheck-disable`` / ``loccheck-enable``."""
    if not ids:
        return disable, frozenset()
    if every:  # rules are the re-enabled exceptions
        return True, (rules - set(ids)) if disable else (rules | set(ids))
    return False, (rules | set(ids)) if disable else (rules - set(ids))


def ignored_elements(root: etree._Element, source: str) -> tuple[IgnoredElement, ...]:
    """Find the elements carrying ``data-loccheck-ignore`` and the lines they span.

    lxml gives an element's line (where its start tag ends) but not its end
    tag's, so the end tag is found in the source by counting that tag's opening
    and closing tags, no further than the first node after the subtree. When
    that fails (an end tag left implicit), the subtree ends on the line before
    that node.
    """
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    found: list[IgnoredElement] = []
    cursor = 0
    for el in root.xpath(f"descendant-or-self::*[@{ATTRIBUTE}]"):
        tag, line = str(el.tag), el.sourceline or 1
        value = el.get(ATTRIBUTE) or ""
        if el is root and tag == "html":
            found.append(IgnoredElement(1, _END, value, tag))
            continue
        start_tag = re.compile(rf"<{re.escape(tag)}(?=[\s/>])[^>]*?{ATTRIBUTE}", re.I)
        match = start_tag.search(source, max(cursor, starts[max(0, line - 50)]))
        tag_end = source.find(">", match.end()) if match else -1
        if match is None or tag_end < 0 or _line(starts, tag_end) != line:
            found.append(IgnoredElement(line, _fallback_end(el, starts), value, tag))
            continue
        cursor = tag_end
        first = _line(starts, match.start())
        if tag in _VOID:
            last = line
        else:
            end = _end_tag(source, tag, tag_end, _limit(el, starts, len(source)))
            last = _line(starts, end) if end >= 0 else _fallback_end(el, starts)
        found.append(IgnoredElement(first, max(first, last), value, tag))
    return tuple(found)


def _line(starts: Sequence[int], offset: int) -> int:
    return bisect_right(starts, offset)


def _following_line(el: etree._Element) -> int | None:
    """The line of the first node after ``el``'s subtree in document order."""
    node: etree._Element | None = el
    while node is not None:
        after = node.getnext()
        if after is not None:
            return int(after.sourceline) if after.sourceline else None
        node = node.getparent()
    return None


def _limit(el: etree._Element, starts: Sequence[int], size: int) -> int:
    """The offset where the line of the first node after the subtree ends."""
    line = _following_line(el)
    return starts[line] if line is not None and line < len(starts) else size


def _end_tag(source: str, tag: str, offset: int, limit: int) -> int:
    """The offset of the end tag closing a ``tag`` opened before ``offset``."""
    depth = 1
    tags = re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])", re.I)
    for match in tags.finditer(source, offset):
        if match.start() > limit:
            break
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.start()
    return -1


def _fallback_end(el: etree._Element, starts: Sequence[int]) -> int:
    """The subtree's last line when its end tag cannot be found."""
    inside = max(int(node.sourceline or 0) for node in el.iter())
    line = _following_line(el)
    return max(inside, len(starts) if line is None else line - 1)
