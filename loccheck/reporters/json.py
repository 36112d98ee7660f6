"""Reporter ``json``: the report contract (``schemas/report.schema.json``)."""

from __future__ import annotations

import json
from typing import ClassVar, TextIO

from loccheck.model import RunResult
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions
from loccheck.reporters.text import scrub


class JsonReporter:
    """The canonical, deterministic serialisation of a run."""

    name: ClassVar[str] = "json"
    extension: ClassVar[str] = ".json"

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write the JSON report: same input, byte-identical output.

        A file name that is not UTF-8 keeps its raw bytes as lone surrogates,
        which UTF-8 cannot carry: they are written as U+FFFD (as the text and
        SARIF reports write them), so the report is always valid UTF-8.
        """
        data = result.to_dict()
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
        out.write(scrub(text))
        out.write("\n")
