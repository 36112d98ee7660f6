"""JSON written piece by piece, so that a report of a million pages is never
held whole in memory.

A report's data is plain JSON data in which the long arrays (pages, findings,
SARIF artifacts and results) are ``LazyArray``s: their items are made one at
a time as they are written. ``write_json`` writes exactly the bytes of
``json.dumps(materialised(data), ensure_ascii=False, indent=2)``, with lone
surrogates (the raw bytes of a file name that is not UTF-8) replaced by
U+FFFD, as ``scrub`` does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from loccheck.reporters.text import scrub

_INDENT = "  "


class LazyArray:
    """A JSON array whose items ``make`` makes anew each time it is read."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[Any]:
        return iter(self._make())


def materialised(value: Any) -> Any:
    """``value`` with every ``LazyArray`` in it made into a list."""
    if isinstance(value, dict):
        return {key: materialised(item) for key, item in value.items()}
    if isinstance(value, list | LazyArray):
        return [materialised(item) for item in value]
    return value


def _has_lazy(value: Any) -> bool:
    if isinstance(value, LazyArray):
        return True
    if isinstance(value, dict):
        return any(map(_has_lazy, value.values()))
    if isinstance(value, list):
        return any(map(_has_lazy, value))
    return False


def _dumped(value: Any, level: int) -> str:
    """``value`` as ``json.dumps`` writes it ``level`` members deep.

    JSON strings hold no raw line break, so every line break of the dump is
    one between members, where the indent of the level is added.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return scrub(text.replace("\n", "\n" + _INDENT * level) if level else text)


def write_json(out: TextIO, value: Any, level: int = 0) -> None:
    """Write ``value`` (``level`` members deep) to ``out``; see the module."""
    if not _has_lazy(value):
        out.write(_dumped(value, level))
        return
    inner = "\n" + _INDENT * (level + 1)
    if isinstance(value, dict):
        separator = "{"
        for key, item in value.items():
            out.write(f"{separator}{inner}{_dumped(key, 0)}: ")
            write_json(out, item, level + 1)
            separator = ","
        out.write(f"\n{_INDENT * level}}}")
        return
    separator = "["
    for item in value:
        out.write(separator + inner)
        write_json(out, item, level + 1)
        separator = ","
    out.write("[]" if separator == "[" else f"\n{_INDENT * level}]")
