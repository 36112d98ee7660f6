"""Inline suppressions: next-line and range comments, data-loccheck-ignore, typos."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
from click.testing import CliRunner

from loccheck import suppress
from loccheck.cli import main
from loccheck.engine import ScanOptions, scan
from loccheck.extract import build_page
from loccheck.model import Category, Confidence, Finding, RunResult, Severity

Site = Callable[[dict[str, "str | bytes"]], Path]
SCHEMA = json.loads(
    (
        Path(__file__).resolve().parent.parent / "loccheck/schemas/report.schema.json"
    ).read_text(encoding="utf-8")
)
HEAD = '<html lang="ru"><head><meta charset="utf-8"><title>Каталог</title></head><body>'


def page(*lines: str) -> str:
    """A ru page whose body lines start at line 2 (line 1 is the head)."""
    return "\n".join((HEAD, *lines, "</body></html>"))


def run(write_site: Site, files: dict[str, str | bytes]) -> RunResult:
    return scan(write_site(files), "site", ScanOptions(locale="ru-RU"), jobs=1)


def flagged(result: RunResult, name: str = "index.html") -> list[tuple[int, str]]:
    """(line, rule) of every finding on one page."""
    return [(f.line or 0, f.rule) for f in result.findings if f.page == name]


def suppressed(result: RunResult, name: str = "index.html") -> int:
    return next(p.suppressed for p in result.pages if p.page == name)


def test_next_line_skips_blank_lines_and_comments(write_site: Site) -> None:
    result = run(
        write_site,
        {
            "index.html": page(
                "<p>Цена: $10.99</p>",  # 2
                "<!-- loccheck-disable-next-line foreign-currency -->",
                "",
                "<!-- a card -->",
                "<p>Цена: $11.99</p>",  # 6: suppressed
                "<p>Цена: $12.99</p>",  # 7
                "<!-- loccheck-disable-next-line date-format -->",
                "<p>Цена: $13.99</p>",  # 9: another rule, still flagged
                "<!-- loccheck-disable-next-line --><p>Цена: $14.99</p>",  # 10
            )
        },
    )
    assert flagged(result) == [
        (2, "foreign-currency"),
        (7, "foreign-currency"),
        (9, "foreign-currency"),
    ]
    assert suppressed(result) == 2


def test_ranges_all_rules_and_partial_enable(write_site: Site) -> None:
    result = run(
        write_site,
        {
            "index.html": page(
                "<!-- loccheck-disable foreign-currency, date-format -->",
                "<p>Доставка 12/05/2025, цена $10.99</p>",  # 3: both suppressed
                "<!-- loccheck-enable date-format -->",
                "<p>Доставка 11/05/2025, цена $11.99</p>",  # 5: date only
                "<!-- loccheck-enable -->",
                "<p>Цена: $12.99</p>",  # 7
                "<!-- loccheck-disable -->",
                "<p>Доставка 10/05/2025, цена $13.99</p>",  # 9: all suppressed
                "<!-- loccheck-enable foreign-currency -->",
                "<p>Доставка 09/05/2025, цена $14.99</p>",  # 11: currency only
                "<!-- loccheck-enable -->",
                "<p>Цена: $15.99</p>",  # 13
                "<!-- loccheck-disable foreign-currency -- legacy price list -->",
                "<p>Цена: $16.99</p>",  # 15: never re-enabled: to the end
                "<p>Цена: $17.99</p>",
            )
        },
    )
    assert flagged(result) == [
        (5, "date-format"),
        (7, "foreign-currency"),
        (11, "foreign-currency"),
        (13, "foreign-currency"),
    ]
    assert suppressed(result) == 8


def test_ignore_attribute_covers_the_subtree_only(write_site: Site) -> None:
    result = run(
        write_site,
        {
            "index.html": page(
                '<div class="card"',  # 2: a start tag over two lines
                '     data-loccheck-ignore="foreign-currency">',
                "  <div><p>Цена: $10.99</p></div>",  # 4: same tag nested inside
                "  Доставка 12/05/2025, цена $11.99",  # 5: text after the child
                "</div>",
                "<p>Цена: $12.99</p>",  # 7: after the end tag
                '<section data-loccheck-ignore=""><p>Доставка 11/05/2025,',
                "цена $13.99</p></section><p>Цена: $14.99</p>",  # 9: same line
                '<img alt="$15.99"',  # 10: a void element over two lines
                "     data-loccheck-ignore>",
                "<p>Цена: $16.99</p>",  # 12
            )
        },
    )
    assert flagged(result) == [
        (5, "date-format"),
        (7, "foreign-currency"),
        (12, "foreign-currency"),
    ]
    # The end tag on line 9 is followed by content of its own line; a line-based
    # range cannot split a line, so $14.99 shares the suppression (documented).
    assert suppressed(result) == 6


def test_nested_ignores_add_up_and_end_with_their_element(write_site: Site) -> None:
    result = run(
        write_site,
        {
            "index.html": page(
                '<div data-loccheck-ignore="date-format">',
                "  <p>Доставка 12/05/2025, цена $10.99</p>",  # 3: currency only
                '  <div data-loccheck-ignore="foreign-currency">',
                "    <p>Доставка 11/05/2025, цена $11.99</p>",  # 5: both
                "  </div>",
                "  <p>Доставка 10/05/2025, цена $12.99</p>",  # 7: currency only
                "</div>",
                "<p>Доставка 09/05/2025, цена $13.99</p>",  # 9: both flagged
                "<ul><li data-loccheck-ignore>Цена: $14.99",  # 10: implicit </li>
                "<li>Цена: $15.99</ul>",  # 11
            )
        },
    )
    assert flagged(result) == [
        (3, "foreign-currency"),
        (7, "foreign-currency"),
        (9, "date-format"),
        (9, "foreign-currency"),
        (11, "foreign-currency"),
    ]


def test_unknown_ids_and_forms_are_findings_that_cannot_be_hidden(
    write_site: Site,
) -> None:
    result = run(
        write_site,
        {
            "index.html": page(
                "<!-- loccheck-disable -->",
                "<!-- loccheck-disable-next-line foreign-curency foreign-currency -->",
                "<p>Цена: $10.99</p>",  # 4: the known id still works
                "<!-- loccheck-enable -->",
                "<!-- loccheck-disable-line foreign-currency -->",  # 6
                "<p>Цена: $11.99</p>",
                '<p data-loccheck-ignore="price-formats">x</p>',  # 8
                "<!-- loccheck-test: market=ru-RU -->",  # not a suppression
                "<!-- loccheck-disable-next-line lorem-ipsum -->",  # a YAML rule
            )
        },
    )
    unknown = [f for f in result.findings if f.rule == "unknown-suppression"]
    assert [(f.line, f.text, f.suggestion) for f in unknown] == [
        (3, "foreign-curency", "foreign-currency"),
        (6, "loccheck-disable-line", "loccheck-disable-next-line"),
        (8, "price-formats", "price-format"),
    ]
    assert unknown[0].selector == "comment"
    assert unknown[2].selector == "p[data-loccheck-ignore]"
    assert unknown[0].column == 33  # the misspelt id itself
    assert (7, "foreign-currency") in flagged(result)


def test_suppressions_do_not_leak_to_other_pages(write_site: Site) -> None:
    same = "<p>Цена: $10.99</p>"
    result = run(
        write_site,
        {
            "a.html": page("<!-- loccheck-disable -->", same),
            "b.html": page(same, "<!-- loccheck-disable -->"),
            "c.html": page(f'<div data-loccheck-ignore="">{same}</div>'),
            "d.html": page(same),
        },
    )
    assert flagged(result, "a.html") == []
    assert flagged(result, "b.html") == [(2, "foreign-currency")]
    assert flagged(result, "c.html") == []
    assert flagged(result, "d.html") == [(2, "foreign-currency")]
    assert [p.suppressed for p in result.pages] == [1, 0, 1, 0]


def test_json_report_counts_suppressed_findings(write_site: Site) -> None:
    root = write_site(
        {
            "index.html": page(
                "<!-- loccheck-disable-next-line foreign-currency -->",
                "<p>Цена: $10.99</p>",
            ),
            "other.html": page('<p data-loccheck-ignore="">Цена: $11.99</p>'),
            "clean.html": page("<p>Каталог</p>"),
        }
    )
    run_ = CliRunner().invoke(
        main, ["scan", str(root), "--locale", "ru-RU", "--format", "json"]
    )
    assert run_.exit_code == 0, run_.output
    data: dict[str, Any] = json.loads(run_.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["findings"] == []
    assert {p["page"]: p["suppressed"] for p in data["pages"]} == {
        "clean.html": 0,
        "index.html": 1,
        "other.html": 1,
    }
    assert data["summary"]["suppressed"] == 2


def _finding(rule: str, line: int | None) -> Finding:
    return Finding(
        rule,
        Category.MARKUP,
        Severity.ERROR,
        Confidence.HIGH,
        "index.html",
        line,
        None,
        "html",
        "<html>",
        "message",
        "ru-RU",
    )


def test_page_level_findings_need_a_suppression_of_the_whole_page() -> None:
    no_line = [_finding("missing-html-lang", None)]
    closed = build_page(
        "a.html", page("<!-- loccheck-disable -->", "<!-- loccheck-enable -->")
    )
    open_ = build_page("a.html", page("<p>x</p>", "<!-- loccheck-disable -->"))
    on_html = build_page(
        "a.html", '<html data-loccheck-ignore=""><body>x</body></html>'
    )
    on_body = build_page("a.html", page('<div data-loccheck-ignore="">x</div>'))
    assert suppress.apply(closed, no_line) == (no_line, 0)
    assert suppress.apply(open_, no_line) == ([], 1)
    assert suppress.apply(on_html, no_line) == ([], 1)
    assert suppress.apply(on_body, no_line) == (no_line, 0)


def test_pages_without_suppressions_are_passed_through() -> None:
    findings = [_finding("missing-html-lang", 1)]
    plain = build_page("a.html", page("<p>loccheck</p>"))
    assert plain.ignored == ()
    assert suppress.apply(plain, findings)[0] is findings
