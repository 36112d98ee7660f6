"""Reporter ``sarif``: SARIF 2.1.0 for code-scanning dashboards and editors.

Page paths are relative URIs (percent-encoded) against the base id
``SRCROOT``, the scanned folder. ``run.originalUriBaseIds`` gives SRCROOT as a
``file:`` URI when the root is absolute; a relative root is given relative to
``WORKINGDIR``, the directory loccheck ran in, which the consumer supplies.
Lines and columns are 1-based and columns count code points. A finding's
suggestion is a property, not a SARIF ``fix`` (loccheck does not edit pages).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar, TextIO
from urllib.parse import quote

from loccheck.model import Finding, Note, PageSummary, RuleInfo, RunResult, Severity
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions
from loccheck.reporters.stream import LazyArray, write_json

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "loccheck/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# Notes that mean a page was not (fully) checked are warnings; the rest are notes.
_NOTE_LEVELS = {"internal-error": "error", "unreadable": "warning"}


def scan_folder(result: RunResult) -> Path:
    """Return the folder the report's page paths are relative to.

    That is the scanned root, or the folder of a single scanned file (its name
    is then one of the pages).
    """
    root = Path(result.root)
    if root.name and any(page.page == root.name for page in result.pages):
        return root.parent
    return root


def page_uri(page: str) -> str:
    """Return a page path as a relative URI reference (RFC 3986).

    A file name's undecodable bytes (kept by Python as lone surrogates) are
    percent-encoded as the bytes they stand for.
    """
    return quote(page.replace("\\", "/"), safe="/", errors="surrogateescape")


class SarifReporter:
    """Static Analysis Results Interchange Format 2.1.0, one run."""

    name: ClassVar[str] = "sarif"
    extension: ClassVar[str] = ".sarif"

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write the SARIF log: same input, byte-identical output.

        Artifacts and results are turned into JSON one at a time as they are
        written (``reporters.stream``); lone surrogates become U+FFFD.
        """
        write_json(out, sarif_log(result))
        out.write("\n")


def sarif_log(result: RunResult) -> dict[str, Any]:
    """Return the SARIF log of a run as JSON data whose artifacts and results
    are ``LazyArray``s, made as they are written (``stream.materialised``
    makes them lists)."""
    rules = _rules(result)
    index = {rule.id: number for number, rule in enumerate(rules)}
    summaries = {summary.page: summary for summary in result.pages}
    pages = sorted(summaries.keys() | {f.page for f in result.findings})
    artifacts = {page: number for number, page in enumerate(pages)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "loccheck",
                "version": result.version,
                "semanticVersion": result.version,
                "rules": [_rule(rule) for rule in rules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [_note(n) for n in result.notes],
            }
        ],
        "originalUriBaseIds": _base_ids(result),
        "artifacts": LazyArray(
            lambda: (_artifact(page, summaries.get(page)) for page in pages)
        ),
        "columnKind": "unicodeCodePoints",
        "results": LazyArray(
            lambda: (_result(f, index, artifacts[f.page]) for f in result.findings)
        ),
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rules(result: RunResult) -> list[RuleInfo]:
    """The run's rules, plus a bare entry for any rule a finding names."""
    rules = list(result.rules)
    known = {rule.id for rule in rules}
    for finding in result.findings:
        if finding.rule not in known:
            known.add(finding.rule)
            rules.append(
                RuleInfo(
                    finding.rule, finding.category, finding.severity, finding.rule, ""
                )
            )
    return rules


def _rule(rule: RuleInfo) -> dict[str, Any]:
    text, markdown = _help(rule)
    entry: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": rule.summary or rule.id},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {
            "category": rule.category.value,
            "kind": rule.kind,
            "tags": ["localisation", rule.category.value],
        },
    }
    if rule.why:
        entry["fullDescription"] = {"text": rule.why}
    if rule.references:
        entry["properties"]["references"] = list(rule.references)
    return entry


def _help(rule: RuleInfo) -> tuple[str, str]:
    """The rule's why, one bad and one good example, and its references."""
    text = [rule.why or rule.summary or rule.id]
    markdown = list(text)
    for bad, title in ((True, "Example"), (False, "Use instead")):
        example = next((e for e in rule.examples if e.bad is bad), None)
        if example is None:
            continue
        label = f"{title} ({example.market or 'no market given'})"
        fence = _fence(example.html)
        text.append(f"{label}:\n{example.html}")
        markdown.append(f"**{label}:**\n\n{fence}html\n{example.html}\n{fence}")
    if rule.references:
        text.append("References: " + " ".join(rule.references))
        markdown.append("References: " + ", ".join(f"<{r}>" for r in rule.references))
    return "\n\n".join(text), "\n\n".join(markdown)


def _fence(code: str) -> str:
    """A Markdown code fence longer than any run of backticks in ``code``."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


def _base_ids(result: RunResult) -> dict[str, Any]:
    folder = scan_folder(result)
    described = {"text": f"The scanned folder, {folder}"}
    if folder.is_absolute():
        uri = folder.as_uri().rstrip("/") + "/"
        return {"SRCROOT": {"uri": uri, "description": described}}
    relative = "" if str(folder) == "." else page_uri(folder.as_posix()) + "/"
    return {
        "WORKINGDIR": {"description": {"text": "The directory loccheck ran in."}},
        "SRCROOT": {
            "uri": relative or "./",
            "uriBaseId": "WORKINGDIR",
            "description": described,
        },
    }


def _location(page: str) -> dict[str, Any]:
    return {"uri": page_uri(page), "uriBaseId": "SRCROOT"}


def _artifact(page: str, summary: PageSummary | None) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": _location(page), "sourceLanguage": "html"}
    if summary is not None:
        if summary.encoding:
            artifact["encoding"] = summary.encoding
        artifact["properties"] = {
            "market": summary.locale,
            "marketSource": summary.locale_source.value,
        }
    return artifact


def _result(finding: Finding, index: dict[str, int], artifact: int) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {**_location(finding.page), "index": artifact}
    }
    if finding.line:
        region = {"startLine": finding.line}
        if finding.column:
            region["startColumn"] = finding.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.selector:
        location["logicalLocations"] = [
            {"fullyQualifiedName": finding.selector, "kind": "element"}
        ]
    baseline = {}
    if finding.baseline is not None:
        # SARIF's own word for a result the baseline already had.
        state = "unchanged" if finding.baseline == "known" else "new"
        baseline = {"baselineState": state}
    return {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        **baseline,
        "properties": {
            "market": finding.locale,
            "category": finding.category.value,
            "confidence": finding.confidence.value,
            "scope": finding.scope,
            "selector": finding.selector,
            "text": finding.text,
            "expected": dict(finding.expected),
            "found": dict(finding.found),
            "suggestion": finding.suggestion,
        },
    }


def _note(note: Note) -> dict[str, Any]:
    notification: dict[str, Any] = {
        "level": _NOTE_LEVELS.get(note.kind, "note"),
        "message": {"text": note.message},
        "descriptor": {"id": note.kind},
    }
    if note.page:
        notification["locations"] = [
            {"physicalLocation": {"artifactLocation": _location(note.page)}}
        ]
    return notification
