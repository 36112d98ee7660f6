"""Reporter ``text``: ``page:line:col: severity rule message`` and a summary.

Findings of one page are consecutive lines; a blank line separates pages.
With colour (a terminal, ``NO_COLOR`` unset) the severity and rule id are
coloured with ANSI codes. Page text never reaches the terminal raw: control
characters (which could move the cursor or change colours) are shown as
``\\xNN`` escapes, and line breaks as spaces.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import ClassVar, TextIO

from loccheck.model import LONE_SURROGATES, Finding, RunResult, Severity
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions

_RESET = "\x1b[0m"
_COLOURS = {
    Severity.ERROR: "\x1b[1;31m",  # bold red
    Severity.WARNING: "\x1b[33m",  # yellow
    Severity.INFO: "\x1b[36m",  # cyan
}
_RULE_COLOUR = "\x1b[35m"  # magenta
_PLACE_COLOUR = "\x1b[1m"  # bold
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BREAKS = re.compile("[\t\n\r\u2028\u2029]+")


def scrub(text: str) -> str:
    """Replace lone surrogates (undecodable bytes kept by Python) with U+FFFD.

    They cannot be written as UTF-8; a browser shows U+FFFD for such bytes too.
    """
    return LONE_SURROGATES.sub("\ufffd", text)


def printable(text: str) -> str:
    """Return ``text`` on one line, with control characters made visible."""
    text = _BREAKS.sub(" ", scrub(text))
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _paint(text: str, colour: str, on: bool) -> str:
    return f"{colour}{text}{_RESET}" if on else text


class TextReporter:
    """A short human summary for the terminal, with one line per finding."""

    name: ClassVar[str] = "text"
    extension: ClassVar[str] = ".txt"

    def __init__(self, max_findings: int = 200) -> None:
        self.max_findings = max_findings

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write the findings (up to a limit), grouped by page, and the summary."""
        previous: str | None = None
        for finding in result.findings[: self.max_findings]:
            if previous is not None and finding.page != previous:
                out.write("\n")
            previous = finding.page
            out.write(finding_line(finding, options.color) + "\n")
        hidden = len(result.findings) - self.max_findings
        if hidden > 0:
            out.write(f"… and {hidden} more findings (use --format json for all)\n")
        for note in result.notes:
            out.write(f"note: {printable(note.message)}\n")
        _summary(result, out)


def finding_line(finding: Finding, color: bool = False) -> str:
    """``page:line:col: severity rule message [text]`` for one finding."""
    where = f"{finding.page}:{finding.line or 1}"
    if finding.column:
        where += f":{finding.column}"
    severity = finding.severity
    return (
        f"{_paint(printable(where), _PLACE_COLOUR, color)}: "
        f"{_paint(severity.value, _COLOURS[severity], color)} "
        f"{_paint(finding.rule, _RULE_COLOUR, color)} "
        f"{printable(finding.message)} [{printable(finding.text)}]"
    )


def _summary(result: RunResult, out: TextIO) -> None:
    summary = result.summary()
    locales = Counter(p.locale or "unresolved" for p in result.pages)
    markets = ", ".join(f"{k} ({v})" for k, v in sorted(locales.items()))
    severities = ", ".join(
        f"{count} {name}" for name, count in summary["by_severity"].items() if count
    )
    out.write(
        f"\n{summary['pages']} pages checked ({markets}); "
        f"{summary['findings']} findings"
        + (f": {severities}" if severities else "")
        + "\n"
    )
    categories = ", ".join(
        f"{name} {count}" for name, count in summary["by_category"].items() if count
    )
    if categories:
        out.write(f"by category: {categories}\n")
    if "baseline" in summary:
        counts = summary["baseline"]
        out.write(
            f"baseline: {counts['known']} known, {counts['new']} new, "
            f"{counts['fixed']} fixed\n"
        )
