"""Golden runs: each sample site produces exactly the findings in its expected.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from loccheck.cli import main
from loccheck.engine import ScanOptions, scan
from loccheck.reporters.json import JsonReporter

ROOT = Path(__file__).resolve().parent.parent
SITES = sorted(p.parent.name for p in (ROOT / "sample_sites").glob("*/expected.json"))
# Only what identifies a finding is compared; messages may be reworded freely.
KEYS = ("rule", "page", "line", "column", "severity", "text", "locale")


def _golden(site: str) -> dict[str, Any]:
    """Scan the site as a user would (config found upward) and keep the essentials."""
    folder = ROOT / "sample_sites" / site
    run = CliRunner().invoke(
        main, ["scan", str(folder), "--format", "json", "--fail-on", "never"]
    )
    assert run.exit_code == 0, run.output
    report = json.loads(run.stdout)
    return {
        "pages": {
            p["page"]: f"{p['locale']} ({p['locale_source']})" for p in report["pages"]
        },
        "findings": [{k: f[k] for k in KEYS} for f in report["findings"]],
        "notes": sorted({n["kind"] for n in report["notes"]}),
    }


def _dump(golden: dict[str, Any]) -> str:
    """One page or finding per line, so a change reads well in a diff."""
    pages = ",\n".join(
        f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in golden["pages"].items()
    )
    findings = ",\n".join(
        f"  {json.dumps(f, ensure_ascii=False)}" for f in golden["findings"]
    )
    notes = json.dumps(golden["notes"])
    return (
        f'{{\n "pages": {{\n{pages}\n }},\n "findings": [\n{findings}\n ],\n'
        f' "notes": {notes}\n}}\n'
    )


def test_there_are_sample_sites() -> None:
    assert {"marketplace-ru", "clean-de", "multilocale"} <= set(SITES)


@pytest.mark.parametrize("site", SITES)
def test_sample_site_matches_expected(site: str, update_golden: bool) -> None:
    path = ROOT / "sample_sites" / site / "expected.json"
    actual = _golden(site)
    if update_golden:
        path.write_text(_dump(actual), encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert actual["pages"] == expected["pages"]
    missing = [f for f in expected["findings"] if f not in actual["findings"]]
    extra = [f for f in actual["findings"] if f not in expected["findings"]]
    assert not missing and not extra, f"missing: {missing}\nextra: {extra}"
    assert actual["notes"] == expected["notes"]


def test_clean_site_has_no_findings() -> None:
    assert _golden("clean-de")["findings"] == []


def test_json_reporter_output_is_byte_identical_across_runs() -> None:
    import io

    folder = ROOT / "sample_sites" / "marketplace-ru"
    outputs = []
    for jobs in (1, 2):
        buffer = io.StringIO()
        JsonReporter().render(scan(folder, "x", ScanOptions(), jobs=jobs), buffer)
        outputs.append(buffer.getvalue())
    assert outputs[0] == outputs[1]
