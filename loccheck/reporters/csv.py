"""Reporter ``csv``: one row per flagged string, for translators' spreadsheets.

Findings are grouped by their normalised text, market and rule, so "Add to
cart" flagged on 40 pages is one row to translate. Rows are ordered by the
number of pages (widest first), then market, rule and text. Columns: text,
locale, rule, severity, message, suggestion, pages (how many pages show it),
locations (the first five ``page:line``, joined by ``"; "``, with ``(+N more)``
after them) and fingerprint (of the first occurrence).

The file is UTF-8 with ``\\n`` line ends; with ``--excel`` it starts with a
byte-order mark and uses CRLF, which is how Excel recognises UTF-8 CSV.

Formula injection: page text is untrusted, and a spreadsheet runs a cell that
starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or CR before one) as a
formula. Every text cell starting with one of those characters is therefore
written with a leading ``'`` (OWASP's advice), which spreadsheets show as text.
The apostrophe is part of the value when the file is read by a program.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import ClassVar, TextIO

from loccheck.model import Finding, RunResult, normalise_text
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions
from loccheck.reporters.text import scrub

COLUMNS = (
    "text",
    "locale",
    "rule",
    "severity",
    "message",
    "suggestion",
    "pages",
    "locations",
    "fingerprint",
)
MAX_LOCATIONS = 5
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """Return ``cell`` so that no spreadsheet reads it as a formula."""
    cell = scrub(cell)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


class CsvReporter:
    """Distinct flagged strings with where they appear."""

    name: ClassVar[str] = "csv"
    extension: ClassVar[str] = ".csv"

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write the header and one row per (text, market, rule)."""
        if options.excel:
            out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n" if options.excel else "\n")
        writer.writerow(COLUMNS)
        for group in grouped(result.findings):
            writer.writerow(_row(group))


def grouped(findings: Sequence[Finding]) -> list[list[Finding]]:
    """Group findings by (normalised text, market, rule), widest group first."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in findings:
        key = (normalise_text(finding.text), finding.locale or "", finding.rule)
        groups.setdefault(key, []).append(finding)
    ordered = sorted(
        groups.items(),
        key=lambda item: (-len({f.page for f in item[1]}), item[0][1:], item[0][0]),
    )
    return [group for _, group in ordered]


def _row(group: list[Finding]) -> list[str | int]:
    first = group[0]
    worst = max(group, key=lambda f: f.severity.rank)
    suggestion = next((f.suggestion for f in group if f.suggestion), "")
    pages = sorted({f.page for f in group})
    places = [f"{f.page}:{f.line}" if f.line else f.page for f in group]
    places = list(dict.fromkeys(places))
    locations = "; ".join(places[:MAX_LOCATIONS])
    if len(places) > MAX_LOCATIONS:
        locations += f" (+{len(places) - MAX_LOCATIONS} more)"
    cells = (
        first.text,
        first.locale or "",
        first.rule,
        worst.severity.value,
        first.message,
        suggestion,
    )
    return [
        *(defuse(cell) for cell in cells),
        len(pages),
        defuse(locations),
        first.fingerprint,
    ]
