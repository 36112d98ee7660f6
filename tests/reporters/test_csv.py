"""Reporter csv: one row per flagged string, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from formats_site import SITE, Site, finding, json_report, run_result, scan_formats

from loccheck.model import RunResult, Severity, normalise_text
from loccheck.reporters.base import ReportOptions
from loccheck.reporters.csv import COLUMNS, CsvReporter, defuse

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def render(result: RunResult, excel: bool = False) -> str:
    out = io.StringIO(newline="")
    CsvReporter().render(result, out, ReportOptions(excel=excel))
    return out.getvalue()


def undefuse(cell: str) -> str:
    """The cell as the page had it (without the apostrophe defuse added)."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA else cell


def read(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def groups(findings: list[dict[str, Any]]) -> dict[tuple[str, str, str], list[Any]]:
    grouped: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for f in findings:
        key = (normalise_text(f["text"]), f["locale"] or "", f["rule"])
        grouped[key].append(f)
    return grouped


def test_a_scan_gives_one_row_per_string_market_and_rule(write_site: Site) -> None:
    paths = scan_formats(write_site(SITE))
    raw = paths["csv"].read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    rows = read(paths["csv"])
    assert tuple(rows[0]) == COLUMNS
    expected = groups(json_report(paths)["findings"])
    assert len(rows) == len(expected)
    for row in rows:
        text = undefuse(row["text"])
        group = expected[(normalise_text(text), row["locale"], row["rule"])]
        first = group[0]
        assert text == first["text"]
        assert row["fingerprint"] == first["fingerprint"]
        assert int(row["pages"]) == len({f["page"] for f in group})
        places = [f"{f['page']}:{f['line']}" for f in group]
        locations = undefuse(row["locations"])
        assert locations == "; ".join(dict.fromkeys(places))
        assert not row["message"].startswith(FORMULA)
    by_text = {(row["text"], row["rule"]): row for row in rows}
    add = by_text[("Add to cart", "foreign-language-text")]
    assert add["pages"] == "2" and rows.index(add) == 0  # widest first
    assert add["locations"].startswith('\'=promo, "summer".html:')  # defused path
    hreflang = [r for r in rows if r["rule"] == "invalid-hreflang"]
    assert "'=cmd|' /C calc'!A0,\"x\"" in [r["text"] for r in hreflang]
    assert "en\n::error file=x::pwned" in [r["text"] for r in hreflang]
    assert by_text[("12/05/2025", "date-format")]["suggestion"] == "05.12.2025"


def test_excel_gets_a_bom_and_crlf_and_the_same_rows(write_site: Site) -> None:
    root = write_site(SITE)
    plain = read(scan_formats(root)["csv"])
    paths = scan_formats(root, "--excel")
    raw = paths["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    records = raw.split(b"\r\n")
    assert records[0] == b"\xef\xbb\xbf" + ",".join(COLUMNS).encode()
    assert records[-1] == b""
    assert read(paths["csv"], encoding="utf-8-sig") == plain


@pytest.mark.parametrize("start", FORMULA)
def test_cells_that_would_run_as_formulas_are_defused(start: str) -> None:
    text = f'{start}HYPERLINK("http://evil.example","x")'
    assert defuse(text) == "'" + text
    rows = list(csv.reader(io.StringIO(render(run_result([finding(text=text)])))))
    assert rows[1][0] == "'" + text


@pytest.mark.parametrize("text", ["Add to cart", "'=already quoted", "", "a=b"])
def test_ordinary_cells_are_left_alone(text: str) -> None:
    assert defuse(text) == text


def test_many_locations_are_cut_and_severity_is_the_worst() -> None:
    findings = [
        finding(
            page=f"p{i:02}.html",
            severity=Severity.ERROR if i == 3 else Severity.WARNING,
        )
        for i in range(8)
    ]
    (row,) = list(csv.DictReader(io.StringIO(render(run_result(findings)))))
    assert row["pages"] == "8" and row["severity"] == "error"
    assert row["locations"] == (
        "p00.html:1; p01.html:1; p02.html:1; p03.html:1; p04.html:1 (+3 more)"
    )
    assert row["suggestion"] == "Translate into Russian."
