"""The JSON report: written record by record, and file names that are not UTF-8."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner
from formats_site import finding, run_result

from loccheck.cli import main
from loccheck.model import BaselineEntry, CatalogSummary, Note, RunResult
from loccheck.reporters.json import JsonReporter


def test_undecodable_file_names_are_written_as_replacement_characters() -> None:
    note = Note("caf\udce9.html", "unreadable", "caf\udce9.html: skipped.")
    result = run_result([finding(page="caf\udce9.html")], notes=(note,))
    out = io.StringIO()
    JsonReporter().render(result, out)
    out.getvalue().encode("utf-8")  # valid UTF-8: no lone surrogate is left
    report = json.loads(out.getvalue())
    assert [page["page"] for page in report["pages"]] == ["caf\ufffd.html"]
    assert report["findings"][0]["page"] == "caf\ufffd.html"
    assert report["notes"][0]["message"] == "caf\ufffd.html: skipped."


def test_a_scan_of_a_page_whose_name_is_not_utf8_writes_its_report(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    page = (
        b'<html lang="ru"><body><p>\xd0\x9a\xd0\xb0\xd1\x84\xd0\xb5</p></body></html>'
    )
    (site / "index.html").write_bytes(page)
    with open(bytes(site) + b"/caf\xe9.html", "wb") as handle:  # not UTF-8
        handle.write(page)
    out = tmp_path / "report.json"
    ran = CliRunner().invoke(
        main, ["scan", str(site), "--format", "json", "--output", str(out)]
    )
    assert ran.exit_code == 0, ran.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(p["page"] for p in report["pages"]) == [
        "caf\ufffd.html",
        "index.html",
    ]


def _whole(result: RunResult) -> str:
    """The report as one ``json.dumps`` of the whole contract writes it."""
    text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    return text.replace("\udce9", "\ufffd") + "\n"


def _written(result: RunResult) -> str:
    out = io.StringIO()
    JsonReporter().render(result, out)
    return out.getvalue()


def test_the_report_written_record_by_record_is_the_whole_dump() -> None:
    nested = finding(
        page="a/b.html",
        text='Line "one"\nand «two» \\ \t',
        found={"language": "en", "nested": {"list": [1, {"x": []}], "empty": {}}},
        expected={},
        suggestion=None,
    )
    result = run_result(
        [finding(), nested, finding(page="caf\udce9.html")],
        notes=(Note("x.html", "unreadable", "x.html: skipped."),),
    )
    catalogs = (
        CatalogSummary("po/ru.po", "po", "ru", "header", "target", "ru-RU", 12, 3),
        CatalogSummary("po/en.po", "po", "en", "filename", "source", None, 12, 0),
    )
    fixed = (BaselineEntry("f" * 16, "foreign-language-text", "old.html", 3, "Buy"),)
    variants = [
        result,
        replace(result, catalogs=catalogs, fixed=fixed),
        replace(result, fixed=()),
        replace(result, pages=(), findings=(), notes=()),
    ]
    for variant in variants:
        written = _written(variant)
        assert written == _whole(variant)
        json.loads(written)
    assert '"fixed": []' in _written(variants[2])
    assert '"pages": []' in _written(variants[3])
