"""Reporter sarif: valid SARIF 2.1.0 that says what the JSON report says."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
from formats_site import SITE, Site, finding, json_report, run_result, scan_formats

from loccheck.model import Category, Note, RunResult, Severity
from loccheck.registry import load_registry
from loccheck.reporters.sarif import FINGERPRINT_KEY, SarifReporter

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SAMPLE = Path(__file__).resolve().parents[2] / "sample_sites" / "marketplace-ru"


def validator(shared_dir: Path) -> jsonschema.Draft7Validator:
    schema_path = shared_dir / "schemas" / "sarif-schema-2.1.0.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


def render(result: RunResult) -> dict[str, Any]:
    out = io.StringIO()
    SarifReporter().render(result, out)
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def location(result: dict[str, Any]) -> dict[str, Any]:
    physical: dict[str, Any] = result["locations"][0]["physicalLocation"]
    return physical


def assert_matches_json_report(log: dict[str, Any], report: dict[str, Any]) -> None:
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len({rule["id"] for rule in rules}) == len(rules)
    assert len(run["results"]) == len(report["findings"])
    for result, expected in zip(run["results"], report["findings"], strict=True):
        assert result["ruleId"] == expected["rule"]
        assert rules[result["ruleIndex"]]["id"] == expected["rule"]
        assert result["level"] == LEVELS[expected["severity"]]
        assert result["message"]["text"] == expected["message"]
        fingerprint = result["partialFingerprints"][FINGERPRINT_KEY]
        assert fingerprint == expected["fingerprint"]
        physical = location(result)
        artifact = physical["artifactLocation"]
        assert unquote(artifact["uri"]) == expected["page"]
        assert artifact["uriBaseId"] == "SRCROOT"
        listed = run["artifacts"][artifact["index"]]["location"]["uri"]
        assert listed == artifact["uri"]
        region = physical.get("region", {})
        assert region.get("startLine") == expected["line"]
        assert region.get("startColumn") == expected["column"]
        properties = result["properties"]
        assert properties["text"] == expected["text"]
        assert properties["market"] == expected["locale"]
        assert properties["suggestion"] == expected["suggestion"]
        assert properties["found"] == expected["found"]


def test_a_scan_gives_valid_sarif_matching_the_json_report(
    write_site: Site, shared_dir: Path
) -> None:
    root = write_site(SITE)
    paths = scan_formats(root)
    log = json.loads(paths["sarif"].read_text(encoding="utf-8"))
    assert [e.message for e in validator(shared_dir).iter_errors(log)] == []
    report = json_report(paths)
    rules = {f["rule"] for f in report["findings"]}
    assert {"foreign-language-text", "foreign-currency", "invalid-hreflang"} <= rules
    assert_matches_json_report(log, report)
    run = log["runs"][0]
    uris = {location(r)["artifactLocation"]["uri"] for r in run["results"]}
    assert "%3Dpromo%2C%20%22summer%22.html" in uris  # percent-encoded
    # The root was given relative to the working directory.
    base = run["originalUriBaseIds"]
    assert base["SRCROOT"]["uri"] == f"{root.name}/"
    assert base["SRCROOT"]["uriBaseId"] == "WORKINGDIR"
    assert "uri" not in base["WORKINGDIR"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    unreadable = [n for n in notes if n["descriptor"]["id"] == "unreadable"]
    assert [location(n)["artifactLocation"]["uri"] for n in unreadable] == [
        "empty.html"
    ]
    assert unreadable[0]["level"] == "warning"


def test_the_sample_marketplace_gives_valid_sarif(
    tmp_path: Path, shared_dir: Path
) -> None:
    # The reports go to the test's own folder, never into sample_sites/.
    paths = scan_formats(SAMPLE, "--fail-on", "never", relative=False, out=tmp_path)
    log = json.loads(paths["sarif"].read_text(encoding="utf-8"))
    assert [e.message for e in validator(shared_dir).iter_errors(log)] == []
    report = json_report(paths)
    assert len(report["findings"]) > 30
    assert_matches_json_report(log, report)
    base = log["runs"][0]["originalUriBaseIds"]["SRCROOT"]
    assert base["uri"] == SAMPLE.as_uri() + "/"


def test_rules_carry_their_documentation(shared_dir: Path) -> None:
    result = run_result([finding()])
    log = render(result)
    assert [e.message for e in validator(shared_dir).iter_errors(log)] == []
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    (info,) = [
        r.info() for r in load_registry().rules() if r.id == "foreign-language-text"
    ]
    assert rule["id"] == info.id
    assert rule["shortDescription"]["text"] == info.summary
    assert rule["fullDescription"]["text"] == info.why
    assert rule["defaultConfiguration"]["level"] == LEVELS[info.severity.value]
    assert rule["properties"]["category"] == "language"
    bad = next(e for e in info.examples if e.bad)
    assert info.why in rule["help"]["text"] and bad.html in rule["help"]["text"]
    assert f"```html\n{bad.html}\n```" in rule["help"]["markdown"]


def test_levels_regions_and_an_unknown_rule(shared_dir: Path) -> None:
    findings = [
        finding(severity=Severity.INFO, line=3, column=None),
        finding(rule="not-a-known-rule", page="b.html", line=None, column=None),
        finding(
            rule="missing-html-lang",
            category=Category.MARKUP,
            severity=Severity.ERROR,
            page="c.html",
        ),
    ]
    log = render(run_result(findings))
    assert [e.message for e in validator(shared_dir).iter_errors(log)] == []
    run = log["runs"][0]
    by_page = {
        location(r)["artifactLocation"]["uri"]: (r, location(r)) for r in run["results"]
    }
    info, physical = by_page["index.html"]
    assert info["level"] == "note" and physical["region"] == {"startLine": 3}
    unknown, physical = by_page["b.html"]
    assert "region" not in physical
    assert run["tool"]["driver"]["rules"][unknown["ruleIndex"]]["id"] == (
        "not-a-known-rule"
    )
    assert by_page["c.html"][0]["level"] == "error"


def test_absolute_and_single_file_roots(tmp_path: Path) -> None:
    absolute = render(run_result([finding()], root=str(tmp_path / "shop")))
    base = absolute["runs"][0]["originalUriBaseIds"]
    assert base == {
        "SRCROOT": {
            "uri": (tmp_path / "shop").as_uri() + "/",
            "description": base["SRCROOT"]["description"],
        }
    }
    single = render(run_result([finding()], root="shop/index.html"))
    assert single["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] == "shop/"
    here = render(run_result([finding()], root="."))
    assert here["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] == "./"


def test_hostile_text_stays_data_and_output_is_deterministic(
    shared_dir: Path,
) -> None:
    text = 'Bag "x",\n::error::\x1b[2J\x00 <script>'
    bytes_note = Note("caf\udce9.html", "unreadable", "caf\udce9.html: skipped.")
    crash_note = Note("gone.html", "internal-error", "gone.html: could not be checked")
    findings = [
        finding(text=text, message=f'"{text}" is English.'),
        finding(rule="undecodable-bytes", category=Category.MARKUP, page="b.html"),
    ]
    result = run_result(findings, notes=(bytes_note, crash_note))
    first, second = io.StringIO(), io.StringIO()
    SarifReporter().render(result, first)
    SarifReporter().render(result, second)
    assert first.getvalue() == second.getvalue()
    first.getvalue().encode("utf-8")  # undecodable bytes do not break UTF-8
    log = json.loads(first.getvalue())
    assert [e.message for e in validator(shared_dir).iter_errors(log)] == []
    run = log["runs"][0]
    assert run["results"][1]["properties"]["text"] == text
    # The rule's own bad example holds undecodable bytes; they show as U+FFFD.
    rule = run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]
    assert rule["id"] == "undecodable-bytes" and "\ufffd" in rule["help"]["text"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [(n["level"], n["descriptor"]["id"]) for n in notes] == [
        ("warning", "unreadable"),
        ("error", "internal-error"),
    ]
    assert notes[0]["message"]["text"] == "caf\ufffd.html: skipped."
    assert location(notes[0])["artifactLocation"]["uri"] == "caf%E9.html"
