"""Reporter ``github``: GitHub Actions workflow commands that annotate files.

Each finding becomes one line,
``::error file=PATH,line=L,col=C,title=TITLE::MESSAGE`` (``::warning`` for
warnings, ``::notice`` for info), which a GitHub Actions step turns into an
annotation on the page's file. PATH is the page joined with the scanned folder
when that folder is relative (so annotations land on the file in the
repository when loccheck runs from the repository's root); an absolute folder
is made relative to the working directory when it lies inside it. Notes about
the input (unreadable pages, skipped links) become ``::warning`` lines.

Property values escape ``%``, CR, LF, ``:`` and ``,``; the message escapes
``%``, CR and LF, as GitHub's toolkit does, so page text cannot end a command
or start a new one. GitHub shows a limited number of annotations per step; the
job log keeps every line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar, TextIO

from loccheck.model import Finding, Note, RunResult, Severity
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions
from loccheck.reporters.sarif import scan_folder
from loccheck.reporters.text import scrub

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_COMMANDS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def escape_data(value: str) -> str:
    """Escape a command's message (GitHub's ``escapeData``)."""
    return scrub(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property's value (GitHub's ``escapeProperty``)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int | None], message: str) -> str:
    """Return one workflow command line, without its line end.

    Control characters other than tab, CR and LF (a terminal escape in page
    text) are written as visible ``\\xNN``, since the job log renders ANSI codes.
    """
    given = [(k, v) for k, v in properties.items() if v is not None and v != ""]
    props = ",".join(f"{k}={escape_property(_visible(str(v)))}" for k, v in given)
    return f"::{name}{' ' + props if props else ''}::{escape_data(_visible(message))}"


def _visible(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class GithubReporter:
    """One GitHub annotation per finding."""

    name: ClassVar[str] = "github"
    extension: ClassVar[str] = ".txt"

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write one workflow command per finding (not baseline-known), then notes."""
        folder = _folder(result)
        for finding in result.findings:
            if finding.baseline == "known":
                continue  # annotate what a change introduced, not the backlog
            out.write(_finding_line(finding, folder) + "\n")
        for note in result.notes:
            out.write(_note_line(note, folder) + "\n")


def _folder(result: RunResult) -> Path:
    folder = scan_folder(result)
    if folder.is_absolute():
        try:
            return folder.relative_to(Path.cwd())
        except ValueError:
            return folder
    return folder


def _file(folder: Path, page: str) -> str:
    return (folder / page).as_posix() if page else ""


def _finding_line(finding: Finding, folder: Path) -> str:
    message = finding.message
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    return command(
        _COMMANDS[finding.severity],
        {
            "file": _file(folder, finding.page),
            "line": finding.line or None,
            "col": (finding.column or None) if finding.line else None,
            "title": f"loccheck {finding.rule}",
        },
        message,
    )


def _note_line(note: Note, folder: Path) -> str:
    return command(
        "warning",
        {"file": _file(folder, note.page), "title": f"loccheck note: {note.kind}"},
        note.message,
    )
