"""Reporter ``json``: the report contract (``schemas/report.schema.json``)."""

from __future__ import annotations

import json
from typing import ClassVar, TextIO

from loccheck.model import RunResult
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions


class JsonReporter:
    """The canonical, deterministic serialisation of a run."""

    name: ClassVar[str] = "json"
    extension: ClassVar[str] = ".json"

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write the JSON report: same input, byte-identical output."""
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2, sort_keys=False)
        out.write("\n")
