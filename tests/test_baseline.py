"""Baselines: record findings, then report only new ones (and what got fixed)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from loccheck.baseline import BaselineError, load_baseline
from loccheck.cli import main

Site = Callable[[dict[str, "str | bytes"]], Path]
SCHEMA = json.loads(
    (
        Path(__file__).resolve().parent.parent / "loccheck/schemas/report.schema.json"
    ).read_text(encoding="utf-8")
)
HEAD = '<html lang="ru"><head><meta charset="utf-8"><title>Каталог</title></head><body>'


def page(*lines: str) -> str:
    return "\n".join((HEAD, *lines, "</body></html>"))


CATALOGUE = page("<p>Цена: $10.99</p>", "<p>Доставка 12/05/2025</p>")
OFFER = page("<p>Цена: $20.99</p>")


def invoke(args: list[str], code: int) -> Result:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def report(args: list[str], code: int) -> dict[str, Any]:
    result = invoke([*args, "--locale", "ru-RU", "--format", "json"], code)
    data: dict[str, Any] = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    return data


def states(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(f["baseline"], f["page"], f["text"]) for f in data["findings"]]


def rewrite(root: Path, name: str, html: str) -> None:
    (root / name).write_text(html, encoding="utf-8")


@pytest.fixture
def site(write_site: Site, tmp_path: Path) -> tuple[Path, Path]:
    """A two-page site with three findings, and its freshly written baseline."""
    root = write_site({"index.html": CATALOGUE, "offer.html": OFFER})
    baseline = tmp_path / "ci" / "baseline.json"
    result = invoke(
        ["scan", str(root), "--locale", "ru-RU", "--write-baseline", str(baseline)],
        0,  # the findings are errors, but writing a baseline accepts them
    )
    assert "3 findings recorded" in result.stderr
    return root, baseline


def test_written_baseline_is_small_sorted_and_stable(site: tuple[Path, Path]) -> None:
    root, baseline = site
    text = baseline.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == 1
    entries = data["findings"]
    assert [(e["page"], e["rule"], e["line"], e["text"]) for e in entries] == [
        ("index.html", "date-format", 3, "12/05/2025"),
        ("index.html", "foreign-currency", 2, "$10.99"),
        ("offer.html", "foreign-currency", 2, "$20.99"),
    ]
    assert set(entries[0]) == {"fingerprint", "rule", "page", "line", "text"}
    assert text.count("\n") == len(entries) + 5  # one entry per line
    again = baseline.with_name("again.json")
    invoke(["scan", str(root), "--locale", "ru-RU", "--write-baseline", str(again)], 0)
    assert again.read_text(encoding="utf-8") == text


def test_round_trip_everything_known(site: tuple[Path, Path]) -> None:
    root, baseline = site
    data = report(["scan", str(root), "--baseline", str(baseline)], 0)
    assert {state for state, _, _ in states(data)} == {"known"}
    assert data["fixed"] == []
    assert data["summary"]["baseline"] == {"known": 3, "new": 0, "fixed": 0}


def test_without_a_baseline_reports_have_no_baseline_keys(
    site: tuple[Path, Path],
) -> None:
    data = report(["scan", str(site[0])], 1)
    assert "fixed" not in data and "baseline" not in data["summary"]
    assert all("baseline" not in f for f in data["findings"])


def test_a_new_defect_fails_alone(site: tuple[Path, Path]) -> None:
    root, baseline = site
    rewrite(root, "offer.html", page("<p>Цена: $20.99</p>", "<p>Скидка: $5.00</p>"))
    data = report(["scan", str(root), "--baseline", str(baseline)], 1)
    new = [(p, t) for state, p, t in states(data) if state == "new"]
    assert new == [("offer.html", "$5.00")]
    assert data["summary"]["baseline"] == {"known": 3, "new": 1, "fixed": 0}


def test_only_new_findings_at_or_above_fail_on_decide_the_exit_code(
    site: tuple[Path, Path],
) -> None:
    root, baseline = site
    rewrite(root, "offer.html", page("<p>Цена: $20.99</p>", "<p>Вес 1.5 кг</p>"))
    data = report(["scan", str(root), "--baseline", str(baseline)], 0)  # a warning
    assert [f["rule"] for f in data["findings"] if f["baseline"] == "new"] == [
        "number-format"
    ]
    report(["scan", str(root), "--baseline", str(baseline), "--fail-on", "warning"], 1)


def test_a_fixed_finding_is_listed_in_json_and_text(site: tuple[Path, Path]) -> None:
    root, baseline = site
    rewrite(root, "offer.html", page("<p>Цена: 2 490 ₽</p>"))
    data = report(["scan", str(root), "--baseline", str(baseline)], 0)
    assert [(e["page"], e["rule"], e["text"]) for e in data["fixed"]] == [
        ("offer.html", "foreign-currency", "$20.99")
    ]
    assert data["summary"]["baseline"] == {"known": 2, "new": 0, "fixed": 1}
    text = invoke(
        ["scan", str(root), "--locale", "ru-RU", "--baseline", str(baseline)], 0
    )
    assert "baseline: 2 known, 0 new, 1 fixed" in text.stdout


def test_moving_lines_keeps_findings_known(site: tuple[Path, Path]) -> None:
    root, baseline = site
    moved = page(
        "<p>Каталог товаров</p>",
        "",
        "<p>Доставка 12/05/2025</p>",
        "<p>Скидки недели</p>",
        "<p>Цена: $10.99</p>",
    )
    rewrite(root, "index.html", moved)
    data = report(["scan", str(root), "--baseline", str(baseline)], 0)
    lines = {f["text"]: (f["line"], f["baseline"]) for f in data["findings"]}
    assert lines["$10.99"] == (6, "known") and lines["12/05/2025"] == (4, "known")


def test_wrapping_in_another_element_changes_the_fingerprint(
    site: tuple[Path, Path],
) -> None:
    """The selector is part of the fingerprint: new markup around text is new."""
    root, baseline = site
    rewrite(root, "offer.html", page("<main><p>Цена: $20.99</p></main>"))
    data = report(["scan", str(root), "--baseline", str(baseline)], 1)
    assert ("new", "offer.html", "$20.99") in states(data)


def test_editing_the_flagged_text_makes_it_new(site: tuple[Path, Path]) -> None:
    root, baseline = site
    rewrite(root, "offer.html", page("<p>Цена: $21.99</p>"))
    data = report(["scan", str(root), "--baseline", str(baseline)], 1)
    assert ("new", "offer.html", "$21.99") in states(data)
    assert [e["text"] for e in data["fixed"]] == ["$20.99"]


def test_duplicate_fingerprints_are_matched_by_count(
    write_site: Site, tmp_path: Path
) -> None:
    twice = page("<ul>", "<li>Цена: $10.99</li>", "<li>Цена: $10.99</li>", "</ul>")
    root = write_site({"index.html": twice})
    baseline = tmp_path / "baseline.json"
    invoke(
        ["scan", str(root), "--locale", "ru-RU", "--write-baseline", str(baseline)], 0
    )
    (entry,) = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert entry["count"] == 2 and entry["line"] == 3
    thrice = twice.replace("</ul>", "<li>Цена: $10.99</li>\n</ul>")
    rewrite(root, "index.html", thrice)
    data = report(["scan", str(root), "--baseline", str(baseline)], 1)
    assert [(f["line"], f["baseline"]) for f in data["findings"]] == [
        (3, "known"),
        (4, "known"),
        (5, "new"),
    ]
    rewrite(root, "index.html", page("<ul>", "<li>Цена: $10.99</li>", "</ul>"))
    data = report(["scan", str(root), "--baseline", str(baseline)], 0)
    assert [(e["text"], e.get("count", 1)) for e in data["fixed"]] == [("$10.99", 1)]


def test_rules_not_run_and_pages_not_checked_are_not_fixed(
    site: tuple[Path, Path],
) -> None:
    root, baseline = site
    args = ["--baseline", str(baseline), "--disable", "date-format"]
    data = report(["scan", str(root), *args], 0)
    assert data["fixed"] == []
    data = report(["scan", str(root / "offer.html"), "--baseline", str(baseline)], 0)
    assert data["fixed"] == [] and states(data) == [("known", "offer.html", "$20.99")]


def test_reading_and_rewriting_one_baseline_in_one_run(
    site: tuple[Path, Path],
) -> None:
    root, baseline = site
    rewrite(root, "offer.html", page("<p>Цена: $21.99</p>"))
    args = ["--baseline", str(baseline), "--write-baseline", str(baseline)]
    data = report(["scan", str(root), *args], 0)  # writing: exit 0
    assert ("new", "offer.html", "$21.99") in states(data)
    assert [e["text"] for e in data["fixed"]] == ["$20.99"]
    texts = [e.text for e in load_baseline(baseline)]
    assert "$21.99" in texts and "$20.99" not in texts
    report(["scan", str(root), "--baseline", str(baseline)], 0)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "baseline file not found"),
        ("{not json", "invalid JSON at line 1"),
        ('{"findings": []}', '"version": 1'),
        ('{"version": 1, "findings": {}}', '"findings" should be a list'),
        ('{"version": 1, "findings": [{"fingerprint": "x"}]}', "entry 1"),
        (
            '{"version": 1, "findings": [{"fingerprint": "0123456789abcdef0123",'
            ' "rule": "r", "page": "p", "count": 0}]}',
            '"count" should be a positive integer',
        ),
    ],
)
def test_a_missing_or_corrupt_baseline_is_a_usage_error(
    write_site: Site, tmp_path: Path, content: str | None, problem: str
) -> None:
    root = write_site({"index.html": OFFER})
    baseline = tmp_path / "broken.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    result = invoke(["scan", str(root), "--baseline", str(baseline)], 2)
    assert str(baseline) in result.output and problem in result.output
    with pytest.raises(BaselineError, match=r"broken\.json"):
        load_baseline(baseline)


def test_configured_baseline_is_relative_to_the_config_file(
    write_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_site(
        {
            "site/index.html": OFFER,
            "loccheck.toml": 'baseline = "ci/loccheck-baseline.json"\n'
            'locale = "ru-RU"\n',
        }
    )
    monkeypatch.chdir(root / "site")
    missing = invoke(["scan", "."], 2).output
    assert "ci/loccheck-baseline.json: baseline file not found" in missing
    invoke(["scan", ".", "--write-baseline", "../ci/loccheck-baseline.json"], 0)
    assert (root / "ci/loccheck-baseline.json").is_file()
    data = json.loads(invoke(["scan", ".", "--format", "json"], 0).stdout)
    assert data["summary"]["baseline"] == {"known": 1, "new": 0, "fixed": 0}
    other = root / "other.json"
    other.write_text('{"version": 1, "findings": []}', encoding="utf-8")
    invoke(["scan", ".", "--baseline", str(other)], 1)  # the option wins


def test_a_page_whose_name_is_not_utf8_round_trips(tmp_path: Path) -> None:
    """Its raw bytes are written as JSON escapes: the file is UTF-8, the
    finding is known on the next run, and fixed once the page is mended."""
    root = tmp_path / "site"
    root.mkdir()
    name = bytes(root) + b"/caf\xe9.html"  # Latin-1, not UTF-8
    with open(name, "wb") as handle:
        handle.write(OFFER.encode())
    baseline = tmp_path / "baseline.json"
    args = ["scan", str(root), "--locale", "ru-RU"]
    invoke([*args, "--write-baseline", str(baseline)], 0)
    text = baseline.read_bytes().decode("utf-8")
    assert json.loads(text)["findings"][0]["page"] == "caf\udce9.html"
    data = report([*args, "--baseline", str(baseline)], 0)
    assert data["summary"]["baseline"] == {"known": 1, "new": 0, "fixed": 0}
    with open(name, "wb") as handle:
        handle.write(page("<p>Цена: 20,99 ₽</p>").encode())
    data = report([*args, "--baseline", str(baseline)], 0)
    assert data["summary"]["baseline"] == {"known": 0, "new": 0, "fixed": 1}
