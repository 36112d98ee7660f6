"""Baseline-known findings in SARIF, JUnit and GitHub output (real files, one run)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
from click.testing import CliRunner
from lxml import etree

from loccheck.cli import main

HEAD = '<html lang="ru"><head><meta charset="utf-8"><title>Каталог</title></head><body>'


def test_known_findings_do_not_fail_and_are_marked(
    write_site: Callable[[dict[str, str | bytes]], Path],
    tmp_path: Path,
    shared_dir: Path,
) -> None:
    root = write_site({"index.html": HEAD + "<p>Цена: $10.99</p></body></html>"})
    baseline = tmp_path / "baseline.json"
    runner = CliRunner()
    scan = ["scan", str(root), "--locale", "ru-RU"]
    written = runner.invoke(main, [*scan, "--write-baseline", str(baseline)])
    assert written.exit_code == 0, written.output
    (root / "offer.html").write_text(
        HEAD + "<p>Доставка 12/05/2025, Цена: €20.99</p></body></html>", "utf-8"
    )
    out = tmp_path / "out"
    result = runner.invoke(
        main,
        [
            *scan,
            "--baseline",
            str(baseline),
            "--fail-on",
            "warning",
            "--format",
            f"sarif:{out / 'r.sarif'}",
            "--format",
            f"junit:{out / 'r.xml'}",
            "--format",
            f"github:{out / 'gh.txt'}",
            "--format",
            f"json:{out / 'r.json'}",
        ],
    )
    assert result.exit_code == 1, result.output  # offer.html brings new findings
    report = json.loads((out / "r.json").read_text("utf-8"))
    known = {f["fingerprint"] for f in report["findings"] if f["baseline"] == "known"}
    new = {f["fingerprint"] for f in report["findings"] if f["baseline"] == "new"}
    assert known and new

    sarif = json.loads((out / "r.sarif").read_text("utf-8"))
    schema = json.loads(
        (shared_dir / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8")
    )
    jsonschema.Draft7Validator(schema).validate(sarif)
    states = {
        r["partialFingerprints"]["loccheck/v1"]: r["baselineState"]
        for r in sarif["runs"][0]["results"]
    }
    assert {k for k, v in states.items() if v == "unchanged"} == known
    assert {k for k, v in states.items() if v == "new"} == new

    junit = etree.parse(str(out / "r.xml"))
    failing = {
        case.get("name")
        for case in junit.iter("testcase")
        if case.find("failure") is not None
    }
    assert failing == {"offer.html"}  # index.html holds only known findings

    lines = (out / "gh.txt").read_text("utf-8").splitlines()
    annotated = [line for line in lines if line.startswith(("::error", "::warning"))]
    assert annotated and all("offer.html" in line for line in annotated)
