"""Reporter ``html``: one self-contained page to decide whether a market can launch."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, ClassVar, TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from loccheck.model import (
    LONE_SURROGATES,
    Category,
    Confidence,
    Finding,
    RuleInfo,
    RunResult,
    Severity,
    json_escape_surrogates,
    normalise_text,
)
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions

UNRESOLVED = "unresolved"  # the market of pages whose market could not be resolved
SEVERITIES = tuple(s.value for s in Severity)  # error, warning, info: worst first
CATEGORIES = tuple(c.value for c in Category)
READY_AT = 90  # readiness bands, documented in the report and docs/report.md
NEEDS_WORK_AT = 60
TOP_RULES = 8
WORST_PAGES = 8
MAX_NOTES = 200  # notes shown; the rest are counted
_TEMPLATES = "loccheck.reporters"


def _show_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    # Raw bytes kept by the "surrogateescape" error handler show as \xNN.
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def printable(value: Any) -> Any:
    """Replace lone surrogates (not encodable as UTF-8) by escapes in strings."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return LONE_SURROGATES.sub(_show_surrogate, value)
    return value


def readiness_score(clean: int, warning_only: int, pages: int) -> int | None:
    """Return the market-readiness score, 0-100, or None when no page was checked.

    score = 100 x (clean + 0.5 x warning_only) / pages, rounded half up, where
    ``clean`` pages have no error and no warning finding (info findings do not
    count) and ``warning_only`` pages have warnings but no error. A page with
    an error counts 0.
    """
    if pages <= 0:
        return None
    # Integer arithmetic: round half up without float surprises.
    return (200 * clean + 100 * warning_only + pages) // (2 * pages)


def readiness_band(score: int | None) -> str:
    """Return the band name of a score: ready, needs-work or not-ready."""
    if score is None:
        return "no-pages"
    if score >= READY_AT:
        return "ready"
    return "needs-work" if score >= NEEDS_WORK_AT else "not-ready"


@dataclass(frozen=True)
class Bar:
    """One labelled row of a bar chart; ``segments`` are (severity, x, width)."""

    label: str
    total: int
    segments: tuple[tuple[str, float, float], ...]
    pages: int = 0
    counts: tuple[int, ...] = ()  # per severity, worst first


@dataclass(frozen=True)
class MarketView:
    """The dashboard of one market."""

    market: str
    pages: int
    clean: int
    warning_only: int
    with_errors: int
    findings: int
    by_severity: dict[str, int]
    categories: tuple[Bar, ...]
    top_rules: tuple[Bar, ...]
    worst_pages: tuple[Bar, ...]
    score: int | None
    band: str
    page_segments: tuple[tuple[str, float, float], ...]


def _segments(
    counts: Sequence[tuple[str, int]], scale: int
) -> tuple[tuple[str, float, float], ...]:
    """Lay counts side by side on a 0-100 axis where ``scale`` is full width."""
    x = 0.0
    out: list[tuple[str, float, float]] = []
    for name, count in counts:
        if count <= 0 or scale <= 0:
            continue
        width = round(100.0 * count / scale, 3)
        out.append((name, round(x, 3), width))
        x += width
    return tuple(out)


_SEVERITY_INDEX = {s: i for i, s in enumerate(Severity)}  # error 0, warning 1 …
_CATEGORY_VALUE = {c: c.value for c in Category}  # enum .value is slow for 100k


class _Tally:
    """Findings counted by severity (worst first), and their pages, per key."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.pages: dict[str, set[str]] = {}

    def add(self, key: str, severity: int, page: str) -> None:
        counts = self.counts.get(key)
        if counts is None:
            counts = self.counts[key] = [0] * len(SEVERITIES)
            self.pages[key] = set()
        counts[severity] += 1
        self.pages[key].add(page)

    def bars(self, keys: Sequence[str]) -> tuple[Bar, ...]:
        """Return one bar per key, all drawn to the scale of the longest."""
        empty = [0] * len(SEVERITIES)
        counts = [self.counts.get(key, empty) for key in keys]
        scale = max((sum(c) for c in counts), default=0)
        return tuple(
            Bar(
                label=key,
                total=sum(count),
                segments=_segments(list(zip(SEVERITIES, count, strict=True)), scale),
                pages=len(self.pages.get(key, ())),
                counts=tuple(count),
            )
            for key, count in zip(keys, counts, strict=True)
        )


def market_of_pages(result: RunResult) -> dict[str, str]:
    """Map each checked page to its market (``unresolved`` when none)."""
    return {p.page: p.locale or UNRESOLVED for p in result.pages}


def _finding_market(finding: Finding, markets: Mapping[str, str]) -> str:
    return markets.get(finding.page) or finding.locale or UNRESOLVED


def _market_view(
    market: str, pages: Sequence[str], findings: list[Finding]
) -> MarketView:
    rules, by_page, categories = _Tally(), _Tally(), _Tally()
    for finding in findings:
        severity = _SEVERITY_INDEX[finding.severity]
        rules.add(finding.rule, severity, finding.page)
        by_page.add(finding.page, severity, finding.page)
        categories.add(_CATEGORY_VALUE[finding.category], severity, finding.page)
    page_counts = by_page.counts
    with_errors = sum(1 for c in page_counts.values() if c[0])
    warning_only = sum(1 for c in page_counts.values() if not c[0] and c[1])
    clean = len(pages) - with_errors - warning_only
    score = readiness_score(clean, warning_only, len(pages))
    rule_order = sorted(rules.counts, key=lambda r: (-sum(rules.counts[r]), r))
    page_order = sorted(
        (p for p, c in page_counts.items() if c[0] or c[1]),
        key=lambda p: (*(-n for n in page_counts[p]), p),
    )
    totals = [sum(c[i] for c in page_counts.values()) for i in range(len(SEVERITIES))]
    return MarketView(
        market=market,
        pages=len(pages),
        clean=clean,
        warning_only=warning_only,
        with_errors=with_errors,
        findings=len(findings),
        by_severity=dict(zip(SEVERITIES, totals, strict=True)),
        categories=categories.bars(CATEGORIES),
        top_rules=rules.bars(rule_order[:TOP_RULES]),
        worst_pages=by_page.bars(page_order[:WORST_PAGES]),
        score=score,
        band=readiness_band(score),
        page_segments=_segments(
            [("clean", clean), ("warning", warning_only), ("error", with_errors)],
            len(pages),
        ),
    )


def market_views(result: RunResult) -> list[MarketView]:
    """Return one dashboard per market, biggest first (``unresolved`` last)."""
    page_market = market_of_pages(result)
    pages: dict[str, list[str]] = defaultdict(list)
    for page, market in page_market.items():
        pages[market].append(page)
    findings: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        market = _finding_market(finding, page_market)
        findings[market].append(finding)
    for market, items in findings.items():
        # A finding on a page missing from the page list still counts its page.
        known = set(pages[market])
        for page in sorted({f.page for f in items} - known):
            pages[market].append(page)
    # The market with the most pages first: usually the one being launched.
    order = sorted(pages, key=lambda m: (m == UNRESOLVED, -len(pages[m]), m))
    return [_market_view(m, pages[m], findings[m]) for m in order]


def group_key(finding: Finding, market: str) -> tuple[str, str, str]:
    """The grouped view's key: rule, normalised text, market."""
    return (finding.rule, normalise_text(finding.text), market)


def _context(finding: Finding) -> str | None:
    """Return the surrounding text a check put in ``found["context"]``, if any."""
    context = finding.found.get("context")
    if isinstance(context, str) and finding.text and finding.text in context:
        return context
    return None


def report_data(result: RunResult) -> dict[str, Any]:
    """Return the findings table's data: lookup tables plus one array per finding.

    Each finding is ``[page, line, column, rule, category, severity, market,
    selector, text, message, expected, found, suggestion, confidence, group,
    context]`` where page, rule, category, severity, market and group are
    indexes into the lookup tables (arrays keep 100k findings small).
    """
    page_market = market_of_pages(result)
    findings = result.findings
    markets = [_finding_market(f, page_market) for f in findings]
    pages = sorted({f.page for f in findings})
    rules = sorted({f.rule for f in findings})
    market_names = sorted(set(markets), key=lambda m: (m == UNRESOLVED, m))
    index = {
        "page": {p: i for i, p in enumerate(pages)},
        "rule": {r: i for i, r in enumerate(rules)},
        "market": {m: i for i, m in enumerate(market_names)},
    }
    category_index = {c: i for i, c in enumerate(Category)}
    confidence = {c: c.value for c in Confidence}
    groups: dict[tuple[str, str, str], int] = {}
    group_rows: list[list[Any]] = []
    rows: list[list[Any]] = []
    for finding, market in zip(findings, markets, strict=True):
        key = group_key(finding, market)
        if key not in groups:
            groups[key] = len(group_rows)
            group_rows.append(
                [index["rule"][finding.rule], index["market"][market], finding.text]
            )
        found = {k: v for k, v in finding.found.items() if k != "context"}
        rows.append(
            [
                index["page"][finding.page],
                finding.line,
                finding.column,
                index["rule"][finding.rule],
                category_index[finding.category],
                _SEVERITY_INDEX[finding.severity],
                index["market"][market],
                finding.selector,
                finding.text,
                finding.message,
                dict(finding.expected),
                found,
                finding.suggestion,
                confidence[finding.confidence],
                groups[key],
                _context(finding),
            ]
        )
    return {
        "pages": pages,
        "rules": rules,
        "markets": market_names,
        "categories": list(CATEGORIES),
        "severities": list(SEVERITIES),
        "groups": group_rows,
        "findings": rows,
    }


def script_json(data: Any) -> Markup:
    """Serialise ``data`` for a ``<script type="application/json">`` block.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where ``\\u003c``
    etc. mean the same; so no page text can close the element
    (``</script>``) or open a comment. The result is marked safe because it is
    escaped here, for this one context, instead of by HTML autoescaping (which
    would corrupt the JSON: entities are not decoded inside ``<script>``).
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    text = json_escape_surrogates(text)
    for char, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return Markup(text)


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation as the report shows it."""

    id: str
    category: str
    severity: str
    summary: str
    why: str
    examples: tuple[tuple[bool, str, str], ...]  # (bad, market, html)
    references: tuple[str, ...]
    findings: int
    markets: tuple[str, ...] = ()  # () = every market
    source: str = "built-in"
    documented: bool = True


def _rule_docs(rules: Sequence[RuleInfo], findings: Sequence[Finding]) -> list[RuleDoc]:
    counts = Counter(f.rule for f in findings)
    docs = {
        info.id: RuleDoc(
            id=info.id,
            category=info.category.value,
            severity=info.severity.value,
            summary=" ".join(info.summary.split()),
            why=" ".join(info.why.split()),
            examples=tuple((e.bad, e.market, e.html) for e in info.examples),
            references=tuple(info.references),
            findings=counts.get(info.id, 0),
            markets=tuple(info.markets),
            source=info.source,
        )
        for info in rules
    }
    for finding in findings:
        if finding.rule not in docs:
            docs[finding.rule] = RuleDoc(
                id=finding.rule,
                category=finding.category.value,
                severity=finding.severity.value,
                summary="",
                why="",
                examples=(),
                references=(),
                findings=counts[finding.rule],
                documented=False,
            )
    return [docs[key] for key in sorted(docs)]


def _asset(name: str) -> str:
    return (resources.files(_TEMPLATES) / "templates" / name).read_text("utf-8")


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest())
    return (
        "default-src 'none'; "
        f"script-src 'sha256-{digest.decode('ascii')}'; "
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    )


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader(_TEMPLATES, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=printable,
    )
    env.filters["num"] = lambda value: f"{int(value):,}"
    env.filters["web_link"] = lambda url: str(url).startswith(("https://", "http://"))
    return env


class HtmlReporter:
    """A self-contained HTML report: dashboard, findings table, rule docs."""

    name: ClassVar[str] = "html"
    extension: ClassVar[str] = ".html"

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write the report: same input, byte-identical output."""
        script = _asset("report.js")
        data = report_data(result)
        summary = result.summary()
        template = _environment().get_template("report.html")
        out.write(
            template.render(
                root=result.root,
                version=result.version,
                summary=summary,
                markets=market_views(result),
                rules=_rule_docs(result.rules, result.findings),
                notes=result.notes[:MAX_NOTES],
                hidden_notes=max(0, len(result.notes) - MAX_NOTES),
                table=data,
                fail_on=options.fail_on.value if options.fail_on else "never",
                data_json=script_json(data),
                style=Markup(_asset("report.css")),
                script=Markup(script),
                csp=_csp(script),
                ready_at=READY_AT,
                needs_work_at=NEEDS_WORK_AT,
                severities=SEVERITIES,
                categories=CATEGORIES,
            )
        )
