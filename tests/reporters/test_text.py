"""Reporter text and the CLI plumbing for colour, --excel and the format list."""

from __future__ import annotations

import io
import sys

import pytest
from click.testing import CliRunner
from formats_site import SITE, Site, finding, run_result, scan_formats

from loccheck import cli
from loccheck.model import RunResult, Severity
from loccheck.reporters.base import ReportOptions, reporters
from loccheck.reporters.text import TextReporter


def render(result: RunResult, color: bool = False) -> str:
    out = io.StringIO()
    TextReporter().render(result, out, ReportOptions(color=color))
    return out.getvalue()


def test_findings_are_grouped_by_page_one_line_each() -> None:
    findings = [
        finding(page="a.html", line=3, column=7),
        finding(page="a.html", line=9, column=None, severity=Severity.ERROR),
        finding(page="b.html", line=None, column=None),
    ]
    lines = render(run_result(findings)).splitlines()
    assert lines[:4] == [
        'a.html:3:7: warning foreign-language-text "Add to cart" is in English, '
        "not Russian. [Add to cart]",
        'a.html:9: error foreign-language-text "Add to cart" is in English, '
        "not Russian. [Add to cart]",
        "",
        'b.html:1: warning foreign-language-text "Add to cart" is in English, '
        "not Russian. [Add to cart]",
    ]
    assert "\x1b" not in "\n".join(lines)


def test_colour_marks_severity_and_rule() -> None:
    text = render(run_result([finding(severity=Severity.ERROR)]), color=True)
    first = text.splitlines()[0]
    assert "\x1b[1;31merror\x1b[0m" in first
    assert "\x1b[35mforeign-language-text\x1b[0m" in first


def test_page_text_cannot_drive_the_terminal() -> None:
    text = "Bag\x1b[2J\x07\nnext\r"
    out = render(run_result([finding(text=text, message=f'"{text}" is English.')]))
    first = out.splitlines()[0]
    assert "\x1b" not in out and "\x07" not in out
    assert first.endswith("[Bag\\x1b[2J\\x07 next ]")


def test_a_scan_writes_grouped_text(write_site: Site) -> None:
    text = scan_formats(write_site(SITE))["text"].read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    pages = [block.splitlines()[0].split(":")[0] for block in blocks[:-1]]
    assert pages == sorted(set(pages)) and "index.html" in pages
    assert "\x1b" not in text  # a file is never coloured


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("no_color", "coloured"), [(None, True), ("1", False)])
def test_stdout_is_coloured_on_a_terminal_unless_no_color(
    monkeypatch: pytest.MonkeyPatch, no_color: str | None, coloured: bool
) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    result = run_result([finding()])
    cli._write_reports(result, (("text", None),), None, ReportOptions())
    assert ("\x1b[" in terminal.getvalue()) is coloured


def test_help_lists_every_format() -> None:
    output = CliRunner().invoke(cli.main, ["scan", "--help"]).output
    assert f"[{'|'.join(sorted(reporters()))}][:PATH]" in output
    assert "--excel" in output
    assert {"sarif", "junit", "github", "csv", "xliff"} <= set(reporters())
