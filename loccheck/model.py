"""The result model every check produces and every reporter reads."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Literal

BaselineState = Literal["known", "new"]


class Severity(str, Enum):
    """How bad a finding is; ``--fail-on`` compares against it."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Return 3 for error, 2 for warning, 1 for info."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
# A file name that is not UTF-8 keeps its raw bytes as lone surrogates, which
# UTF-8 cannot carry: each writer replaces them in its own way.
LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def json_escape_surrogates(text: str) -> str:
    """Write the lone surrogates of serialised JSON ``text`` as ``\\uXXXX``
    escapes: the text is then UTF-8, and a JSON reader gets the same string."""
    return LONE_SURROGATES.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class Confidence(str, Enum):
    """How sure the check is that the finding is a real problem."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Category(str, Enum):
    """The family a rule belongs to."""

    LANGUAGE = "language"
    CURRENCY = "currency"
    TRANSLATION = "translation"
    FORMAT = "format"
    MARKUP = "markup"


class LocaleSource(str, Enum):
    """Which source decided a page's market."""

    CLI = "cli"
    CONFIG = "config"
    HTML_LANG = "html-lang"
    OG_LOCALE = "og-locale"
    HREFLANG = "hreflang"
    PATH = "path"
    NONE = "none"


def normalise_text(text: str) -> str:
    """Return ``text`` NFC-normalised, case-folded, with whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found on one page.

    The field names are the keys of the JSON report; ``to_dict`` is the JSON
    reporter's output for a finding and ``from_dict`` reads it back.
    """

    rule: str
    category: Category
    severity: Severity
    confidence: Confidence
    page: str
    line: int | None
    column: int | None
    selector: str
    text: str
    message: str
    locale: str | None
    scope: str = "page"
    expected: Mapping[str, Any] = field(default_factory=dict)
    found: Mapping[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    baseline: BaselineState | None = None  # set only when --baseline is given
    key: str | None = None  # the message key, for findings in a catalog

    @property
    def fingerprint(self) -> str:
        """Stable hash of rule, page, selector, normalised text (and catalog key).

        Line and column are left out on purpose, so moving unrelated lines
        does not change it.
        """
        parts = [self.rule, self.page, self.selector, normalise_text(self.text)]
        if self.key is not None:
            parts.append(self.key)
        key = "\x1f".join(parts)
        # A file name that is not UTF-8 holds its raw bytes as lone surrogates:
        # hashed as they are, so the page still has a stable fingerprint.
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]

    @property
    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        """Order by page, line, column, rule (then selector and text)."""
        return (
            self.page,
            self.line if self.line is not None else 0,
            self.column if self.column is not None else 0,
            self.rule,
            self.selector,
            self.text,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-report form of this finding."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "confidence": self.confidence.value,
            "page": self.page,
            "line": self.line,
            "column": self.column,
            "selector": self.selector,
            "scope": self.scope,
            "text": self.text,
            "message": self.message,
            "locale": self.locale,
            "expected": dict(self.expected),
            "found": dict(self.found),
            "suggestion": self.suggestion,
            "fingerprint": self.fingerprint,
        }
        if self.baseline is not None:
            data["baseline"] = self.baseline
        if self.key is not None:
            data["key"] = self.key
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Rebuild a finding from its JSON-report form."""
        return cls(
            rule=data["rule"],
            category=Category(data["category"]),
            severity=Severity(data["severity"]),
            confidence=Confidence(data["confidence"]),
            page=data["page"],
            line=data["line"],
            column=data["column"],
            selector=data["selector"],
            scope=data.get("scope", "page"),
            text=data["text"],
            message=data["message"],
            locale=data["locale"],
            expected=dict(data.get("expected") or {}),
            found=dict(data.get("found") or {}),
            suggestion=data.get("suggestion"),
            baseline=data.get("baseline"),
            key=data.get("key"),
        )


@dataclass(frozen=True, slots=True)
class Note:
    """Something about the input that is not a finding: a skipped link, a bad file."""

    page: str
    kind: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """Return the JSON-report form of this note."""
        return {"page": self.page, "kind": self.kind, "message": self.message}


@dataclass(frozen=True, slots=True)
class Example:
    """A bad or good example that documents a rule and is run by the tests."""

    html: str
    market: str  # "" runs the example without --locale
    bad: bool
    path: str = "index.html"
    files: tuple[tuple[str, str], ...] = ()  # other pages of the example site

    def with_files(self, *files: tuple[str, str]) -> Example:
        """Return this example with more pages beside it (for site-wide rules)."""
        return replace(self, files=self.files + files)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """Metadata shared by Python checks and YAML rules."""

    id: str
    category: Category
    severity: Severity
    summary: str
    why: str
    examples: tuple[Example, ...] = ()
    kind: str = "python"
    references: tuple[str, ...] = ()
    markets: tuple[str, ...] = ()  # languages or locales it applies to; () = all
    source: str = "built-in"  # where it comes from: built-in, a file, a package


@dataclass(frozen=True, slots=True)
class PageSummary:
    """One line of the report's ``pages`` list."""

    page: str
    locale: str | None
    locale_source: LocaleSource
    segments: int
    findings: int
    encoding: str | None = None
    skipped_segments: int = 0
    suppressed: int = 0  # findings dropped by inline suppressions

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-report form of this page entry."""
        return {
            "page": self.page,
            "locale": self.locale,
            "locale_source": self.locale_source.value,
            "segments": self.segments,
            "findings": self.findings,
            "encoding": self.encoding,
            "skipped_segments": self.skipped_segments,
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True, slots=True)
class CatalogSummary:
    """One line of the report's ``catalogs`` list (present only with catalogs)."""

    path: str
    format: str
    language: str | None
    language_source: str  # filename, header, content, option, none
    role: str  # "source" or "target"
    locale: str | None  # the market its values were judged for
    values: int
    findings: int
    source: tuple[str, ...] = ()  # the source catalogs it was paired with

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-report form of this catalog entry."""
        return {
            "path": self.path,
            "format": self.format,
            "language": self.language,
            "language_source": self.language_source,
            "role": self.role,
            "locale": self.locale,
            "values": self.values,
            "findings": self.findings,
            "source": list(self.source),
        }


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One baseline-file entry: a fingerprint and how many findings it covers.

    Only ``fingerprint`` (and how many) matters for matching; rule, page, line
    and text tell a human what the entry is.
    """

    fingerprint: str
    rule: str
    page: str
    line: int | None
    text: str
    count: int = 1

    def to_dict(self) -> dict[str, Any]:
        """Return the baseline-file (and report ``fixed``) form of this entry."""
        data: dict[str, Any] = {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "page": self.page,
            "line": self.line,
            "text": self.text,
        }
        if self.count != 1:
            data["count"] = self.count
        return data


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Sort findings deterministically and drop exact duplicates."""
    unique: dict[tuple[Any, ...], Finding] = {}
    for finding in findings:
        unique.setdefault((*finding.sort_key, finding.message), finding)
    return sorted(unique.values(), key=lambda f: (*f.sort_key, f.message))


@dataclass(frozen=True)
class RunResult:
    """Everything one scan produced; reporters are pure functions of it."""

    root: str
    version: str
    pages: tuple[PageSummary, ...]
    findings: tuple[Finding, ...]
    notes: tuple[Note, ...] = ()
    rules: tuple[RuleInfo, ...] = ()
    fixed: tuple[BaselineEntry, ...] | None = None  # None: no --baseline given
    catalogs: tuple[CatalogSummary, ...] = ()  # translation catalogs checked

    def summary(self) -> dict[str, Any]:
        """Counts by category and severity, for the report's ``summary``."""
        by_category = Counter(f.category.value for f in self.findings)
        by_severity = Counter(f.severity.value for f in self.findings)
        summary: dict[str, Any] = {
            "pages": len(self.pages),
            "findings": len(self.findings),
            "by_category": {c.value: by_category.get(c.value, 0) for c in Category},
            "by_severity": {s.value: by_severity.get(s.value, 0) for s in Severity},
            "suppressed": sum(p.suppressed for p in self.pages),
        }
        if self.catalogs:
            summary["catalogs"] = len(self.catalogs)
            summary["catalog_values"] = sum(c.values for c in self.catalogs)
        if self.fixed is not None:
            known = sum(1 for f in self.findings if f.baseline == "known")
            summary["baseline"] = {
                "known": known,
                "new": len(self.findings) - known,
                "fixed": sum(entry.count for entry in self.fixed),
            }
        return summary

    def sections(self) -> list[tuple[str, Any, Sequence[Any] | None]]:
        """The JSON report's top-level members, in order, as ``(key, value,
        records)``: ``records`` are the objects (each with ``to_dict``) of a
        list member, whose value is then None, so that a writer can turn them
        into JSON one at a time; other members come with their value."""
        members: list[tuple[str, Any, Sequence[Any] | None]] = [
            ("schema_version", 1, None),
            ("tool", {"name": "loccheck", "version": self.version}, None),
            ("root", self.root, None),
            ("pages", None, self.pages),
            ("findings", None, self.findings),
            ("notes", None, self.notes),
        ]
        if self.catalogs:
            members.append(("catalogs", None, self.catalogs))
        if self.fixed is not None:
            members.append(("fixed", None, self.fixed))
        members.append(("summary", self.summary(), None))
        return members

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON report (the contract described by the JSON Schema)."""
        return {
            key: value if records is None else [r.to_dict() for r in records]
            for key, value, records in self.sections()
        }

    def worst_at_or_above(self, threshold: Severity | None) -> bool:
        """Return True if some finding not known to the baseline is at or above it."""
        if threshold is None:
            return False
        return any(
            f.severity.rank >= threshold.rank
            for f in self.findings
            if f.baseline != "known"
        )
