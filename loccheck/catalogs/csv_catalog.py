"""CSV catalogs of ``source,translation`` rows (Vue Storefront, Magento)."""

from __future__ import annotations

import csv
import io

from loccheck.catalogs.base import LoadContext, Parsed
from loccheck.catalogs.model import CatalogEntry, CatalogError
from loccheck.catalogs.textio import decode_strict, read_bytes
from loccheck.decode import detect_encoding

__all__ = ["load_csv"]

_HEADER_SOURCE = frozenset({"source", "original", "msgid", "key", "string", "text"})
_HEADER_TARGET = frozenset({"translation", "target", "msgstr", "value", "translated"})
_DELIMITERS = ",;\t"


def load_csv(context: LoadContext) -> Parsed:
    """Load a CSV catalog: first column the source text, second the translation.

    Further columns (Magento's type and module) are ignored. A header row
    ("source,translation", "original,translation"…) is skipped. The
    delimiter is the first of ``,`` ``;`` tab found outside quotes on the
    first line. Files that are not UTF-8 (spreadsheet exports) are decoded
    with the detected encoding and a warning.

    A file that is not valid CSV (a quote inside a quoted field not doubled,
    a closing quote missing) is read again one line at a time, each bad row
    split at its only ``","``, and every such row is reported in the
    catalog's warnings: the application's own reader gets these rows wrong,
    so they are defects to show, not reasons to drop the file.

    Raises:
        CatalogError: The file cannot be decoded.
    """
    data = read_bytes(context.path, context.name)
    warnings: list[str] = []
    try:
        text = decode_strict(data, context.name)
    except CatalogError as error:
        codec = detect_encoding(data)
        if codec is None or codec == "utf-8":
            raise
        text = decode_strict(data, context.name, codec)
        warnings.append(f"not UTF-8 ({error.problem}); read as {codec}")
    lines = text.replace("\r\n", "\n").split("\n")
    delimiter = _delimiter(lines[0] if lines else "")
    try:
        rows = _strict_rows(lines, delimiter)
    except csv.Error as error:
        warnings.append(f"invalid CSV ({error}); rows read one line at a time")
        rows = _lenient_rows(lines, delimiter, warnings)
    entries: list[CatalogEntry] = []
    seen: dict[str, int] = {}
    for line, column, row in rows:
        if len(row) < 2:
            warnings.append(f"line {line}: one column only; row skipped")
            continue
        if not entries and _is_header(row):
            continue
        if row[0] in seen:
            warnings.append(
                f'source "{row[0]}" is given twice (lines {seen[row[0]]} and {line})'
            )
        seen[row[0]] = line
        if row[1][:2] == ' "' and row[1].endswith('"'):
            warnings.append(
                f"line {line}: a space before the quote makes the quotes part of "
                "the translation"
            )
        entries.append(CatalogEntry(row[0], row[1], line, column, source=row[0]))
    return Parsed("csv", _last_wins(entries), warnings=warnings)


_Row = tuple[int, int, list[str]]  # line and column of the second field, fields


def _strict_rows(lines: list[str], delimiter: str) -> list[_Row]:
    text = "\n".join(lines)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[_Row] = []
    start = 1
    for row in reader:
        row_start, start = start, reader.line_num + 1
        if any(field.strip() for field in row):
            line, column = _second_field(lines, row_start, delimiter)
            rows.append((line, column, row))
    return rows


def _lenient_rows(lines: list[str], delimiter: str, warnings: list[str]) -> list[_Row]:
    rows: list[_Row] = []
    separator = f'"{delimiter}"'
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            row = next(csv.reader([text], delimiter=delimiter, strict=True))
        except csv.Error:
            pass
        else:
            rows.append((number, _second_field([text], 1, delimiter)[1], row))
            continue
        inner = text.removeprefix('"').removesuffix('"')
        if inner.count(separator) != 1:
            warnings.append(f"line {number}: malformed CSV row; skipped")
            continue
        first, second = (part.replace('""', '"') for part in inner.split(separator))
        column = text.index(separator) + 3
        rows.append((number, column, [first, second]))
        warnings.append(
            f"line {number}: malformed CSV row (a quote inside a quoted field is "
            "not doubled, or a closing quote is missing); read as two fields "
            f"split at {separator}"
        )
    return rows


def _delimiter(first_line: str) -> str:
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in _DELIMITERS:
            return char
    return ","


def _is_header(row: list[str]) -> bool:
    return (
        row[0].strip().lower() in _HEADER_SOURCE
        and row[1].strip().lower() in _HEADER_TARGET
    )


def _second_field(lines: list[str], start: int, delimiter: str) -> tuple[int, int]:
    """Return the line and column where a row's second field starts."""
    quoted = False
    for number in range(start, len(lines) + 1):
        for index, char in enumerate(lines[number - 1]):
            if char == '"':
                quoted = not quoted
            elif char == delimiter and not quoted:
                return number, index + 2
    return start, 1


def _last_wins(entries: list[CatalogEntry]) -> list[CatalogEntry]:
    last = {entry.key: index for index, entry in enumerate(entries)}
    if len(last) == len(entries):
        return entries
    keep = set(last.values())
    return [entry for index, entry in enumerate(entries) if index in keep]
