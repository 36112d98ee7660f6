"""The reporter protocol and the registry of output formats."""

from __future__ import annotations

from typing import ClassVar, Protocol, TextIO

from loccheck.model import RunResult


class Reporter(Protocol):
    """Renders a whole ``RunResult`` into one output stream."""

    name: ClassVar[str]
    extension: ClassVar[str]

    def render(self, result: RunResult, out: TextIO) -> None:
        """Write the report for ``result`` to ``out``."""


def reporters() -> dict[str, type[Reporter]]:
    """Return the built-in reporters by format name (imported lazily)."""
    from loccheck.reporters.json import JsonReporter
    from loccheck.reporters.text import TextReporter

    found: list[type[Reporter]] = [JsonReporter, TextReporter]
    return {reporter.name: reporter for reporter in found}
