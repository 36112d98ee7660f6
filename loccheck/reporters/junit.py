"""Reporter ``junit``: JUnit XML, so CI servers show pages as passing or failing tests.

One ``<testsuite>`` per market (``unresolved`` for pages without one) and one
``<testcase>`` per page, named by its path. Each finding at or above
``--fail-on`` is a ``<failure>`` (type = rule id); findings below it are listed
in the test case's ``<system-out>``. A page that could not be read is
``<skipped>``; a page whose check crashed is an ``<error>``; other notes about
a page go to its ``<system-err>``. ``failures`` counts failing pages, as JUnit
counts failing tests. No times are written, so the output is deterministic.

Characters XML 1.0 does not allow are dropped (control characters) or
replaced by U+FFFD (undecodable bytes); the XML serialiser escapes the rest.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from typing import ClassVar, TextIO

from loccheck.model import Finding, Note, RunResult, Severity
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions
from loccheck.reporters.text import printable, scrub

UNRESOLVED = "unresolved"
_NOT_XML = re.compile(
    "[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def xml_text(value: str) -> str:
    """Return ``value`` without the characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", scrub(value))


def location(finding: Finding) -> str:
    """``line:col`` of a finding (``line`` or ``-`` when not known)."""
    if not finding.line:
        return "-"
    return f"{finding.line}:{finding.column}" if finding.column else str(finding.line)


@dataclass
class _Case:
    """What one page contributes to its test suite."""

    page: str
    failures: list[Finding] = field(default_factory=list)
    passed: list[Finding] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


class JunitReporter:
    """JUnit XML in the dialect of the Jenkins xUnit ``junit-10.xsd`` schema."""

    name: ClassVar[str] = "junit"
    extension: ClassVar[str] = ".xml"

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write the XML document."""
        suites = _cases(result, options.fail_on)
        root = ET.Element("testsuites", name="loccheck")
        totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for market in sorted(suites, key=lambda m: (m == UNRESOLVED, m)):
            suite = _suite(market, suites[market])
            root.append(suite)
            for key in totals:
                totals[key] += int(suite.get(key, "0"))
        for key in ("tests", "failures", "errors"):
            root.set(key, str(totals[key]))
        ET.indent(root)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(root, encoding="unicode"))
        out.write("\n")


def _cases(result: RunResult, fail_on: Severity | None) -> dict[str, list[_Case]]:
    markets = {page.page: page.locale or UNRESOLVED for page in result.pages}
    cases = {page: _Case(page) for page in markets}
    for finding in result.findings:
        if finding.page not in cases:
            cases[finding.page] = _Case(finding.page)
            markets[finding.page] = finding.locale or UNRESOLVED
        case = cases[finding.page]
        # A finding the baseline already knows does not fail the run, so it
        # does not fail its test case either.
        failing = (
            fail_on is not None
            and finding.severity.rank >= fail_on.rank
            and finding.baseline != "known"
        )
        (case.failures if failing else case.passed).append(finding)
    for note in result.notes:
        if note.page in cases:
            cases[note.page].notes.append(note)
    suites: dict[str, list[_Case]] = defaultdict(list)
    for page in sorted(cases):
        suites[markets[page]].append(cases[page])
    return suites


def _suite(market: str, cases: list[_Case]) -> ET.Element:
    suite = ET.Element("testsuite", name=xml_text(market))
    counts = {"failures": 0, "errors": 0, "skipped": 0}
    for case in cases:
        element = _testcase(market, case)
        suite.append(element)
        for key, tag in (
            ("failures", "failure"),
            ("errors", "error"),
            ("skipped", "skipped"),
        ):
            counts[key] += element.find(tag) is not None
    suite.set("tests", str(len(cases)))
    for key, value in counts.items():
        suite.set(key, str(value))
    return suite


def _testcase(market: str, case: _Case) -> ET.Element:
    element = ET.Element(
        "testcase", classname=xml_text(market), name=xml_text(case.page)
    )
    for note in case.notes:
        if note.kind == "internal-error":
            ET.SubElement(
                element, "error", message=xml_text(note.message), type=note.kind
            )
        elif note.kind == "unreadable" and not case.failures:
            ET.SubElement(element, "skipped", message=xml_text(note.message))
    for finding in case.failures:
        failure = ET.SubElement(
            element,
            "failure",
            message=xml_text(f"{finding.rule}: {finding.message}"),
            type=finding.rule,
        )
        failure.text = xml_text(_details(finding))
    if case.passed:
        out = ET.SubElement(element, "system-out")
        out.text = xml_text("\n".join(_one_line(f) for f in case.passed) + "\n")
    other = [n for n in case.notes if n.kind not in ("internal-error", "unreadable")]
    if other:
        err = ET.SubElement(element, "system-err")
        err.text = xml_text("\n".join(n.message for n in other) + "\n")
    return element


def _details(finding: Finding) -> str:
    lines = [
        f"{finding.page}:{location(finding)}: {finding.severity.value} {finding.rule}",
        finding.message,
        f"text: {finding.text}",
    ]
    if finding.suggestion:
        lines.append(f"suggestion: {finding.suggestion}")
    if finding.selector:
        lines.append(f"selector: {finding.selector}")
    return "\n".join(lines) + "\n"


def _one_line(finding: Finding) -> str:
    line = (
        f"{location(finding)}: {finding.severity.value} {finding.rule} "
        f"{finding.message} [{finding.text}]"
    )
    if finding.suggestion:
        line += f" (suggestion: {finding.suggestion})"
    return printable(line)
