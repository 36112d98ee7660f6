"""Reporter ``text``: ``page:line:col: severity rule message`` and a summary."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar, TextIO

from loccheck.model import RunResult
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions


class TextReporter:
    """A short human summary for the terminal, with one line per finding."""

    name: ClassVar[str] = "text"
    extension: ClassVar[str] = ".txt"

    def __init__(self, max_findings: int = 200) -> None:
        self.max_findings = max_findings

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write the findings (up to a limit) and the summary."""
        for finding in result.findings[: self.max_findings]:
            where = f"{finding.page}:{finding.line or 1}"
            if finding.column:
                where += f":{finding.column}"
            out.write(
                f"{where}: {finding.severity.value} {finding.rule} {finding.message}"
                f" [{finding.text}]\n"
            )
        hidden = len(result.findings) - self.max_findings
        if hidden > 0:
            out.write(f"… and {hidden} more findings (use --format json for all)\n")
        for note in result.notes:
            out.write(f"note: {note.message}\n")
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
