"""A typed view of what loccheck reads from polib (which ships no type hints)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import polib  # type: ignore[import-untyped, unused-ignore]

__all__ = ["PoFileData", "PoMessage", "PoSyntaxError", "parse_po"]

_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")


class PoSyntaxError(ValueError):
    """polib could not parse the file; ``line`` is where it stopped, if known."""

    def __init__(self, problem: str, line: int | None) -> None:
        """Keep the problem and the line."""
        self.problem = problem
        self.line = line
        super().__init__(problem)


@dataclass(frozen=True, slots=True)
class PoMessage:
    """One non-obsolete PO entry."""

    msgid: str
    msgid_plural: str | None
    msgstr: str
    msgstr_plural: dict[int, str]
    msgctxt: str | None
    flags: tuple[str, ...]
    comment: str  # extracted comment (#.)
    tcomment: str  # translator comment (#)
    linenum: int  # the line polib started the entry on (comments included)


@dataclass(frozen=True, slots=True)
class PoFileData:
    """The header fields and the messages of a PO or POT file."""

    metadata: dict[str, str]
    messages: tuple[PoMessage, ...]


def parse_po(path: str, encoding: str) -> PoFileData:
    """Parse a PO/POT file with polib, reading it in ``encoding``.

    Raises:
        PoSyntaxError: polib reported a syntax error.
        UnicodeDecodeError: The bytes are not text in ``encoding``.
    """
    try:
        po = polib.pofile(path, encoding=encoding, wrapwidth=0)
    except OSError as error:
        message = str(error)
        found = _LINE.search(message)
        if found is None:
            raise PoSyntaxError(message, None) from None
        problem = found[2] or "syntax error"
        raise PoSyntaxError(problem, int(found[1])) from None
    messages = tuple(_message(entry) for entry in po if not entry.obsolete)
    metadata = {str(key): str(value) for key, value in po.metadata.items()}
    return PoFileData(metadata, messages)


def _message(entry: polib.POEntry) -> PoMessage:
    plural = {int(index): str(text) for index, text in entry.msgstr_plural.items()}
    return PoMessage(
        msgid=str(entry.msgid),
        msgid_plural=str(entry.msgid_plural) if entry.msgid_plural else None,
        msgstr=str(entry.msgstr),
        msgstr_plural=plural,
        msgctxt=str(entry.msgctxt) if entry.msgctxt is not None else None,
        flags=tuple(str(flag) for flag in entry.flags),
        comment=str(entry.comment or ""),
        tcomment=str(entry.tcomment or ""),
        linenum=int(entry.linenum or 0),
    )
