"""Reporter ``json``: the report contract (``schemas/report.schema.json``)."""

from __future__ import annotations

import json
from typing import Any, ClassVar, TextIO

from loccheck.model import RunResult
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions
from loccheck.reporters.text import scrub

_INDENT = "  "


def _dumped(value: Any, level: int) -> str:
    """``value`` as the report writes it ``level`` members deep.

    JSON strings hold no raw line break, so every line break of the dump is
    one between members, where the indent of the level is added.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return scrub(text.replace("\n", "\n" + _INDENT * level))


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
        JSON one at a time as they are written, so a report of a million
        pages is never held whole in memory.

        A file name that is not UTF-8 keeps its raw bytes as lone surrogates,
        which UTF-8 cannot carry: they are written as U+FFFD (as the text and
        SARIF reports write them), so the report is always valid UTF-8.
        """
        separator = "{\n"
        for key, value, records in result.sections():
            out.write(f"{separator}{_INDENT}{_dumped(key, 1)}: ")
            separator = ",\n"
            if records is None:
                out.write(_dumped(value, 1))
                continue
            if not records:
                out.write("[]")
                continue
            before = "[\n"
            for record in records:
                out.write(before + _INDENT * 2 + _dumped(record.to_dict(), 2))
                before = ",\n"
            out.write(f"\n{_INDENT}]")
        out.write("\n}\n")
