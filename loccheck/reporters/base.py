"""The reporter protocol and the registry of output formats."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol, TextIO

from loccheck.model import RunResult, Severity


@dataclass(frozen=True)
class ReportOptions:
    """What a reporter may need besides the result (from the command line)."""

    fail_on: Severity | None = Severity.ERROR  # None: --fail-on never
    excel: bool = False  # csv: start with a BOM so spreadsheets read UTF-8
    color: bool = False  # text: ANSI colours (a terminal)


DEFAULT_OPTIONS = ReportOptions()


class Reporter(Protocol):
    """Renders a whole ``RunResult`` into one output stream."""

    name: ClassVar[str]
    extension: ClassVar[str]

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write the report for ``result`` to ``out``."""


def reporters() -> dict[str, type[Reporter]]:
    """Return the built-in reporters by format name (imported lazily)."""
    from loccheck.reporters.csv import CsvReporter
    from loccheck.reporters.github import GithubReporter
    from loccheck.reporters.html import HtmlReporter
    from loccheck.reporters.json import JsonReporter
    from loccheck.reporters.junit import JunitReporter
    from loccheck.reporters.sarif import SarifReporter
    from loccheck.reporters.text import TextReporter
    from loccheck.reporters.xliff import XliffReporter

    found: list[type[Reporter]] = [JsonReporter, TextReporter, HtmlReporter]
    found += [SarifReporter, JunitReporter, GithubReporter, CsvReporter, XliffReporter]
    return {reporter.name: reporter for reporter in found}
