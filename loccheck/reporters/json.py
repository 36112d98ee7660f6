"""Reporter ``json``: the report contract (``schemas/report.schema.json``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, TextIO

from loccheck.model import RunResult
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions
from loccheck.reporters.stream import LazyArray, write_json


def _records(records: Sequence[Any]) -> LazyArray:
    def made() -> Iterator[dict[str, Any]]:
        return (record.to_dict() for record in records)

    return LazyArray(made)


class JsonReporter:
    """The canonical, deterministic serialisation of a run."""

    name: ClassVar[str] = "json"
    extension: ClassVar[str] = ".json"

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write the JSON report: same input, byte-identical output.

        The bytes are those of ``json.dumps(result.to_dict(), indent=2,
        ensure_ascii=False)``, but pages, findings and notes are turned into
        JSON one at a time as they are written (``reporters.stream``).

        A file name that is not UTF-8 keeps its raw bytes as lone surrogates,
        which UTF-8 cannot carry: they are written as U+FFFD (as the text and
        SARIF reports write them), so the report is always valid UTF-8.
        """
        data = {
            key: value if records is None else _records(records)
            for key, value, records in result.sections()
        }
        write_json(out, data)
        out.write("\n")
