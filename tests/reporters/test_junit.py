"""Reporter junit: schema-valid JUnit XML whose counts and failures are right."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from formats_site import (
    HOSTILE_PAGE,
    SITE,
    Site,
    finding,
    json_report,
    run_result,
    scan_formats,
)

from loccheck.model import Category, Note, RunResult, Severity
from loccheck.reporters.base import ReportOptions
from loccheck.reporters.junit import JunitReporter, xml_text

XSD = Path(__file__).resolve().parent.parent / "data" / "junit" / "junit-10.xsd"
RANK = {"error": 3, "warning": 2, "info": 1}


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD), allow="local", defuse="always")


def render(result: RunResult, fail_on: Severity | None = Severity.ERROR) -> str:
    out = io.StringIO()
    JunitReporter().render(result, out, ReportOptions(fail_on=fail_on))
    return out.getvalue()


def cases(root: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name", ""): case for case in root.iter("testcase")}


def assert_counts_add_up(root: ET.Element) -> None:
    totals: Counter[str] = Counter()
    for suite in root.iter("testsuite"):
        members = suite.findall("testcase")
        assert int(suite.get("tests", "")) == len(members)
        for key, tag in (
            ("failures", "failure"),
            ("errors", "error"),
            ("skipped", "skipped"),
        ):
            count = sum(case.find(tag) is not None for case in members)
            assert int(suite.get(key, "")) == count, (suite.get("name"), key)
            totals[key] += count
        totals["tests"] += len(members)
        assert all(case.get("classname") == suite.get("name") for case in members)
    for key in ("tests", "failures", "errors"):
        assert int(root.get(key, "")) == totals[key]


def test_a_scan_gives_valid_junit_with_one_case_per_page(
    write_site: Site, schema: xmlschema.XMLSchema
) -> None:
    paths = scan_formats(write_site(SITE), fail_on="error")
    schema.validate(str(paths["junit"]))
    root = ET.parse(paths["junit"]).getroot()
    report = json_report(paths)
    assert_counts_add_up(root)
    suites = [suite.get("name") for suite in root.iter("testsuite")]
    assert suites == ["ru-RU", "unresolved"]
    by_page = cases(root)
    assert sorted(by_page) == sorted(p["page"] for p in report["pages"])
    for page in report["pages"]:
        case = by_page[page["page"]]
        mine = [f for f in report["findings"] if f["page"] == page["page"]]
        errors = [f for f in mine if RANK[f["severity"]] >= RANK["error"]]
        failures = case.findall("failure")
        assert [(e.get("type"), e.get("message")) for e in failures] == [
            (f["rule"], xml_text(f"{f['rule']}: {f['message']}")) for f in errors
        ]
        for element, expected in zip(failures, errors, strict=True):
            where = f"{expected['line']}:{expected['column']}"
            text = element.text or ""
            assert where in text or expected["column"] is None
            assert f"text: {xml_text(expected['text'])}" in text
        below = [f for f in mine if f not in errors]
        out = case.findtext("system-out") or ""
        assert len(out.splitlines()) == len(below)
        assert all(f"warning {f['rule']}" in out for f in below)
    empty = by_page["empty.html"]
    assert empty.find("skipped") is not None and empty.find("failure") is None


def test_hostile_text_is_escaped_and_illegal_characters_dropped(
    write_site: Site, schema: xmlschema.XMLSchema
) -> None:
    paths = scan_formats(write_site(SITE), fail_on="error")
    raw = paths["junit"].read_text(encoding="utf-8")
    assert "\x1b" not in raw and "\x01" not in raw
    root = ET.fromstring(raw)
    messages = [f.get("message", "") for f in cases(root)[HOSTILE_PAGE].iter("failure")]
    assert any("::error file=x::pwned" in m and "\n" in m for m in messages)
    assert any("de[2J" in m for m in messages)
    assert any(m.startswith('invalid-hreflang: hreflang="=cmd') for m in messages)


def test_script_in_text_is_text(schema: xmlschema.XMLSchema) -> None:
    text = 'Bag <script>alert("x")</script> & co\x00\x0c'
    xml = render(run_result([finding(text=text, severity=Severity.ERROR)]))
    schema.validate(xml)
    assert "<script>" not in xml
    (failure,) = ET.fromstring(xml).iter("failure")
    assert 'text: Bag <script>alert("x")</script> & co\n' in (failure.text or "")


@pytest.mark.parametrize(
    ("fail_on", "failing"),
    [(None, 0), (Severity.ERROR, 1), (Severity.WARNING, 2), (Severity.INFO, 3)],
)
def test_fail_on_decides_failure_or_output(
    fail_on: Severity | None, failing: int, schema: xmlschema.XMLSchema
) -> None:
    findings = [
        finding(severity=Severity.ERROR, line=1, text="a"),
        finding(severity=Severity.WARNING, line=2, text="b"),
        finding(severity=Severity.INFO, line=3, text="c"),
    ]
    xml = render(run_result(findings), fail_on)
    schema.validate(xml)
    root = ET.fromstring(xml)
    (case,) = root.iter("testcase")
    assert len(case.findall("failure")) == failing
    assert len((case.findtext("system-out") or "").splitlines()) == 3 - failing
    assert root.get("failures") == ("1" if failing else "0")


def test_notes_become_skipped_error_and_system_err(
    schema: xmlschema.XMLSchema,
) -> None:
    notes = (
        Note("broken.html", "internal-error", "broken.html: could not be checked"),
        Note("empty.html", "unreadable", "empty.html: the file is empty; skipped."),
        Note("index.html", "truncated", "index.html: the HTML looks truncated"),
        Note("elsewhere", "symlink-escape", "Skipped symlink elsewhere."),
    )
    result = run_result(
        [finding(rule="missing-html-lang", category=Category.MARKUP)], notes=notes
    )
    xml = render(result, None)
    schema.validate(xml)
    root = ET.fromstring(xml)
    assert_counts_add_up(root)
    by_page = cases(root)
    assert by_page["broken.html"].find("error") is not None
    assert by_page["empty.html"].find("skipped") is not None
    assert "truncated" in (by_page["index.html"].findtext("system-err") or "")
    assert root.get("errors") == "1"
    suites: dict[str, Any] = {s.get("name"): s for s in root.iter("testsuite")}
    assert suites["unresolved"].get("skipped") == "1"
