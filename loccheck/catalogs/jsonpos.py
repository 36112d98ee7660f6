"""A JSON parser that keeps the line and column of every value.

The standard library's ``json`` drops positions, so this small
recursive-descent parser walks the text itself and hands every string to
``json.decoder.scanstring`` (the C scanner ``json`` uses), which keeps it
fast and exactly as strict as ``json`` about escapes and control
characters. ``//`` and ``/* */`` comments are skipped: Shopify theme locale
files start with a comment block, and JSONC editors allow them.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable

from loccheck.catalogs.tree import Branch, Leaf, Node

__all__ = ["JsonSyntaxError", "parse_json"]

_SPACE = re.compile(r"(?:[ \t\n\r]+|//[^\n]*|/\*(?:[^*]|\*(?!/))*\*/)*")
_SPACE_STARTS = frozenset(" \t\n\r/")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_LITERALS = (("true", "bool"), ("false", "bool"), ("null", "null"))
_MAX_DEPTH = 200
# The C string scanner behind json.loads; typeshed does not declare it.
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


class JsonSyntaxError(ValueError):
    """Invalid JSON, with the 1-based line and column of the problem."""

    def __init__(self, problem: str, line: int, column: int) -> None:
        """Keep the problem and its position."""
        self.problem = problem
        self.line = line
        self.column = column
        super().__init__(f"line {line}, column {column}: {problem}")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def fail(self, problem: str, offset: int) -> JsonSyntaxError:
        line, column = self.position(offset)
        return JsonSyntaxError(problem, line, column)

    def skip(self, offset: int) -> int:
        if self.text[offset : offset + 1] not in _SPACE_STARTS:
            return offset
        end = _SPACE.match(self.text, offset)
        assert end is not None  # the pattern matches the empty string
        offset = end.end()
        if self.text.startswith("/*", offset):
            raise self.fail("unterminated comment", offset)
        return offset

    def value(self, offset: int, depth: int) -> tuple[Node, int]:
        if depth > _MAX_DEPTH:
            raise self.fail("nested too deeply", offset)
        char = self.text[offset : offset + 1]
        line, column = self.position(offset)
        if char == '"':
            text, end = self.string(offset)
            return Leaf(text, line, column), end
        if char in ("{", "["):
            return self.container(offset, depth, line, column)
        for literal, kind in _LITERALS:
            if self.text.startswith(literal, offset):
                return Leaf(None, line, column, kind), offset + len(literal)
        number = _NUMBER.match(self.text, offset)
        if number:
            return Leaf(None, line, column, "number"), number.end()
        found = f"'{char}'" if char else "end of file"
        raise self.fail(f"expected a value, found {found}", offset)

    def string(self, offset: int) -> tuple[str, int]:
        try:
            return _scanstring(self.text, offset + 1)
        except json.JSONDecodeError as error:
            problem = error.msg.removesuffix(" starting at")
            raise self.fail(problem[:1].lower() + problem[1:], error.pos) from None

    def container(
        self, offset: int, depth: int, line: int, column: int
    ) -> tuple[Branch, int]:
        is_array = self.text[offset] == "["
        close = "]" if is_array else "}"
        branch = Branch(line, column, sequence=is_array)
        offset = self.skip(offset + 1)
        if self.text.startswith(close, offset):
            return branch, offset + 1
        while True:
            if is_array:
                key = str(len(branch.items))
            else:
                if not self.text.startswith('"', offset):
                    raise self.fail("expected a key in double quotes", offset)
                key, offset = self.string(offset)
                offset = self.skip(offset)
                if not self.text.startswith(":", offset):
                    raise self.fail("expected ':' after the key", offset)
                offset = self.skip(offset + 1)
            node, offset = self.value(offset, depth + 1)
            branch.items.append((key, node))
            offset = self.skip(offset)
            char = self.text[offset : offset + 1]
            if char == close:
                return branch, offset + 1
            if char != ",":
                raise self.fail(f"expected ',' or '{close}'", offset)
            offset = self.skip(offset + 1)
            if self.text.startswith(close, offset):
                raise self.fail(f"trailing comma before '{close}'", offset)


def parse_json(text: str) -> Node:
    """Parse one JSON document, keeping positions.

    Args:
        text: The decoded file, byte-order mark removed.

    Returns:
        The top-level value: a ``Branch`` for objects and arrays, else a
        ``Leaf``.

    Raises:
        JsonSyntaxError: The text is not JSON; the message names the problem
            and where it is.
    """
    parser = _Parser(text)
    offset = parser.skip(0)
    if offset == len(text):
        raise parser.fail("empty file" if not text.strip() else "no JSON value", offset)
    node, offset = parser.value(offset, 0)
    offset = parser.skip(offset)
    if offset != len(text):
        raise parser.fail("extra data after the JSON value", offset)
    return node
